// Per-entity TimelineJS3 files (`build --entity NAME`, `--per-entity`).
// Input: a finalized KnowledgeGraph. Output: for each chosen entity, the
// corpus TimelineJS document (timelinejs_json.h) restricted to the events
// naming it, under a file name that is safe on every common file system and
// stable for the same corpus. Name lookup is ASCII case-insensitive over
// label, id and aliases. Pure functions of the graph: thread-safe.
#ifndef CHRONOGRAPH_EXPORT_ENTITY_TIMELINES_H_
#define CHRONOGRAPH_EXPORT_ENTITY_TIMELINES_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

// Directory (inside --out) that holds the per-entity files.
inline constexpr char kEntityTimelineDir[] = "timelines";

// One file stem per vertex, in vertex order ("geoffrey-hinton", "英伟达").
// Built from ExportedEntityIds: ASCII letters lower-cased, anything but
// [a-z0-9_.-] and UTF-8 letters becomes '-', runs of '-' collapse, leading
// and trailing '-' and '.' go, at most 80 bytes (cut on a code point),
// "entity" when nothing is left, Windows device names get "-entity". Two
// entities with one stem: the later vertex gets "-2", "-3", ... (never a
// stem another entity has by itself). Depends only on the graph's ids, so
// a stem does not change with the set of entities asked for.
std::vector<std::string> EntityFileStems(const graph::KnowledgeGraph& graph);

// Vertices whose label, id or one of whose aliases equals `name`, ignoring
// ASCII case; in vertex order, empty when none.
std::vector<graph::Vertex> FindEntitiesByName(const graph::KnowledgeGraph& graph, std::string_view name);

// Up to `limit` entity labels closest to `name` (a label, alias or word of
// the label that contains it or is contained in it, or is within a small
// edit distance), closest first, ties by label. For "did you mean" messages.
std::vector<std::string> NearEntityNames(const graph::KnowledgeGraph& graph, std::string_view name,
                                         std::size_t limit = 5);

// Writes the TimelineJS3 document of the events naming `vertex`: the title
// slide is the entity's label, each slide keeps its corpus unique_id.
// Returns IoError naming `file_name` when the stream fails.
Status WriteEntityTimelineJs(const graph::KnowledgeGraph& graph, graph::Vertex vertex, const std::string& file_name,
                             std::ostream& out);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_ENTITY_TIMELINES_H_
