// timeline.json export (the output contract: docs/formats.md, "timeline.json").
// Output: one UTF-8 JSON object, dump(2), keys in a fixed order:
//   "schema": "chronograph.timeline/1",
//   "entities": [{id, label, type, aliases[], mentions, first_date?,
//                 last_date?, wikidata?}]            vertex (id) order
//   "dates": [{text, value, mod?, kind, source: {document, line}}]
//                                                    every DateMention, incl.
//                                                    durations, document order
//   "events": [{date, mod?, date_text, entities: [labels], entity_ids: [ids],
//               text, source: {document, line}}]    date order, no durations
//   "per_entity": {entity id: [indexes into "events"]}   every entity, date order
// Labels in "entities" and "events" are the exact strings GraphML writes
// (both go through SanitizeForXml10); ids are ExportedEntityIds. The same
// graph gives the same bytes. Thread-safe (reads the graph only).
#ifndef CHRONOGRAPH_EXPORT_TIMELINE_JSON_H_
#define CHRONOGRAPH_EXPORT_TIMELINE_JSON_H_

#include <ostream>

#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

inline constexpr char kTimelineSchema[] = "chronograph.timeline/1";

// Writes the timeline of a finalized `graph` to `out`, ending with a
// newline. Returns IoError when the stream fails.
Status WriteTimelineJson(const graph::KnowledgeGraph& graph, std::ostream& out);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_TIMELINE_JSON_H_
