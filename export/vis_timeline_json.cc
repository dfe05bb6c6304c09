#include "export/vis_timeline_json.h"

#include <cstdio>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "export/timelinejs_json.h"
#include "export/json_output.h"
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

Status WriteVisTimelineJson(const graph::KnowledgeGraph& kg, std::ostream& out) {
  Json items = Json::array();
  std::set<std::string> groups;
  std::size_t position = 0;
  for (const extract::Event& ev : kg.events()) {
    const std::optional<graph::DateValue> value = graph::ParseDateValue(ev.date);
    if (!value) continue;
    const bool range =
        value->is_interval || value->start.granularity == graph::Granularity::kDecade;
    const std::string group = SanitizeForXml10(EventGroup(kg, ev));
    groups.insert(group);
    std::string content = EventHeadline(kg, ev);
    if (content.empty()) content = ev.date_text.empty() ? ev.date : ev.date_text;

    Json item = Json::object();
    item["id"] = EventUniqueId(ev, ++position);
    item["content"] = EscapeHtml(content);
    item["start"] = FormatCivilDay(value->first);
    if (range) item["end"] = FormatCivilDay(value->last);
    item["type"] = range ? "range" : "point";
    item["group"] = group;
    item["title"] = EscapeHtml(ev.text);
    items.push_back(std::move(item));
  }
  Json group_list = Json::array();
  for (const std::string& g : groups) {
    Json j = Json::object();
    j["id"] = g;
    j["content"] = EscapeHtml(g);
    group_list.push_back(std::move(j));
  }
  Json root = Json::object();
  root["items"] = std::move(items);
  root["groups"] = std::move(group_list);

  return WriteJsonDocument(root, "vis-timeline.json", out);
}

}  // namespace chronograph::exporters
