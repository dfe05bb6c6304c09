#include "export/vis_timeline_json.h"

#include <cstdio>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "export/timelinejs_json.h"
#include "export/json_output.h"
#include "export/vis_timeline_item.h"
#include "export/xml_text.h"

namespace chronograph::exporters {
namespace {
using Json = nlohmann::ordered_json;
}  // namespace

std::string FormatCivilDay(const graph::CivilDay& day) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", day.year, day.month, day.day);
  return buffer;
}

Json VisTimelineItem(const graph::KnowledgeGraph& kg, const extract::Event& ev, const graph::DateValue& value,
                     std::size_t position, std::string* group_out) {
  const bool range = value.is_interval || value.start.granularity == graph::Granularity::kDecade;
  const std::string group = SanitizeForXml10(EventGroup(kg, ev));
  std::string content = EventHeadline(kg, ev);
  if (content.empty()) content = ev.date_text.empty() ? ev.date : ev.date_text;

  Json item = Json::object();
  item["id"] = EventUniqueId(ev, position);
  item["content"] = EscapeHtml(content);
  item["start"] = FormatCivilDay(value.first);
  if (range) item["end"] = FormatCivilDay(value.last);
  item["type"] = range ? "range" : "point";
  item["group"] = group;
  item["title"] = EscapeHtml(ev.text);
  *group_out = group;
  return item;
}

Json VisTimelineGroups(const std::set<std::string>& groups) {
  Json group_list = Json::array();
  for (const std::string& g : groups) {
    Json j = Json::object();
    j["id"] = g;
    j["content"] = EscapeHtml(g);
    group_list.push_back(std::move(j));
  }
  return group_list;
}

Status WriteVisTimelineJson(const graph::KnowledgeGraph& kg, std::ostream& out) {
  JsonStreamWriter writer(out, "vis-timeline.json");
  writer.BeginObject();
  writer.Key("items");
  writer.BeginArray();
  std::set<std::string> groups;
  std::size_t position = 0;
  std::string group;
  for (const extract::Event& ev : kg.events()) {
    const std::optional<graph::DateValue> value = graph::ParseDateValue(ev.date);
    if (!value) continue;
    writer.Value(VisTimelineItem(kg, ev, *value, ++position, &group));
    groups.insert(group);
  }
  writer.End();
  writer.Key("groups");
  writer.Value(VisTimelineGroups(groups));
  writer.End();
  return writer.Finish();
}

}  // namespace chronograph::exporters
