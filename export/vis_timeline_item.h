// One vis-timeline item (vis_timeline_json.h describes the fields), shared
// by vis-timeline.json and report.html so that both show the same items.
// Internal to chronograph_export (it exposes nlohmann types).
#ifndef CHRONOGRAPH_EXPORT_VIS_TIMELINE_ITEM_H_
#define CHRONOGRAPH_EXPORT_VIS_TIMELINE_ITEM_H_

#include <cstddef>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "graph/knowledge_graph.h"
#include "graph/timeline.h"

namespace chronograph::exporters {

// The item of `event`, whose date parsed to `value`; `position` counts the
// dated events from 1 in corpus order. *group receives the item's group.
nlohmann::ordered_json VisTimelineItem(const graph::KnowledgeGraph& kg, const extract::Event& event,
                                       const graph::DateValue& value, std::size_t position, std::string* group);

// The "groups" list of vis-timeline.json for a sorted set of group names.
nlohmann::ordered_json VisTimelineGroups(const std::set<std::string>& groups);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_VIS_TIMELINE_ITEM_H_
