// TimelineJS3 export: the corpus timeline as a TimelineJS3 JSON document
// (timeline.knightlab.com/docs/json-format.html), one slide per dated event
// in date order. Output: {"title": {"text": {headline, text}}, "events": [
//   {"start_date": {year, month?, day?, display_date}, "end_date"?: {...},
//    "text": {headline: entity labels joined by " · ", text: the sentence,
//             HTML-escaped, then "<br><em>document, line N</em>"},
//    "group": type of the event's most prominent entity,
//    "unique_id": "ev-0001-<8 hex digits>"}]}
// year/month/day are JSON integers and only those the value states: "2012"
// stays year-only (never padded to January 1). "2002/2003" -> start 2002,
// end 2003; "201X" -> 2010..2019; "2016-Q2" -> start month 4 (an interval
// ending in a quarter ends at the quarter's last month); a half or season
// gives its first month, an ISO week "2013-W07" its Monday 2013-02-11 (the
// display_date keeps the text as written). Events whose date
// does not parse (graph::ParseDateValue) are left out. With an event filter
// (per-entity files) the kept slides keep the unique_id they have in the
// corpus file. Deterministic; thread-safe (reads the graph only).
#ifndef CHRONOGRAPH_EXPORT_TIMELINEJS_JSON_H_
#define CHRONOGRAPH_EXPORT_TIMELINEJS_JSON_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

struct TimelineJsOptions {
  // Title slide headline; the title text lists the event and document counts.
  std::string headline = "chronograph timeline";
  // When set, only the events for which it returns true become slides
  // (e.g. the events naming one entity); unset = every event.
  std::function<bool(const extract::Event&)> include;
  // When set, only these indexes into graph.events() (ascending, e.g.
  // KnowledgeGraph::EventsOf) are read, one by one, instead of scanning
  // every event; `include` still applies.
  const std::vector<std::uint32_t>* events = nullptr;
  // The file name used in error messages.
  std::string file_name = "timelinejs.json";
};

// Writes `graph`'s events as TimelineJS3 JSON to `out`, ending with a
// newline, one slide at a time (two passes over the events: the title
// counts come first). Returns IoError when the stream fails.
Status WriteTimelineJsJson(const graph::KnowledgeGraph& graph, std::ostream& out,
                           const TimelineJsOptions& options = TimelineJsOptions());

// Shared by the browser exporters (TimelineJS, vis-timeline):

// "ev-<position, 1-based, 4+ digits>-<FNV-1a 32 of date, mod, document,
// line, text>": unique within one file and stable for the same corpus.
std::string EventUniqueId(const extract::Event& event, std::size_t position);
// Type of the event's most prominent entity: most mentions, ties to the
// smaller id; "EVENT" when the event names no known entity.
std::string EventGroup(const graph::KnowledgeGraph& graph, const extract::Event& event);
// The event's entity labels joined by " · " (not escaped).
std::string EventHeadline(const graph::KnowledgeGraph& graph, const extract::Event& event);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_TIMELINEJS_JSON_H_
