// vis-timeline export: the corpus timeline as {"items": [...], "groups":
// [...]} for vis-timeline's DataSets (visjs.github.io/vis-timeline).
// Items, in date order: {id (EventUniqueId, the same as TimelineJS's
// unique_id), content (entity labels, HTML-escaped: vis renders it as HTML),
// start "YYYY-MM-DD", end?, type "range"|"point", group (EventGroup), title
// (the sentence, HTML-escaped)}. Dates are always full days because
// vis-timeline reads "2012" as milliseconds: a point starts on the first day
// its value covers ("2012" -> "2012-01-01", "2016-Q2" -> "2016-04-01",
// "2013-W07" -> its Monday "2013-02-11");
// intervals and decades are ranges to their last day ("2002/2003" ->
// "2002-01-01".."2003-12-31", "201X" -> "2010-01-01".."2019-12-31").
// Groups: one per item group, sorted, {id, content}. Events whose date does
// not parse are left out. Deterministic; thread-safe (reads the graph only).
#ifndef CHRONOGRAPH_EXPORT_VIS_TIMELINE_JSON_H_
#define CHRONOGRAPH_EXPORT_VIS_TIMELINE_JSON_H_

#include <ostream>
#include <string>

#include "extract/status.h"
#include "graph/knowledge_graph.h"
#include "graph/timeline.h"

namespace chronograph::exporters {

// "YYYY-MM-DD" (years below 1000 zero-padded to 4 digits).
std::string FormatCivilDay(const graph::CivilDay& day);

// Writes `graph`'s events as vis-timeline JSON to `out`, ending with a
// newline. Returns IoError when the stream fails.
Status WriteVisTimelineJson(const graph::KnowledgeGraph& graph, std::ostream& out);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_VIS_TIMELINE_JSON_H_
