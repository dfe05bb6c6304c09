#include "export/timeline_json.h"

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/json_output.h"
#include "export/xml_text.h"
#include "graph/timeline.h"

namespace chronograph::exporters {
namespace {

using Json = nlohmann::ordered_json;

Json Source(const extract::SourceRef& source) {
  Json j = Json::object();
  j["document"] = SanitizeForXml10(source.document);
  j["line"] = source.line;
  return j;
}

}  // namespace

Status WriteTimelineJson(const graph::KnowledgeGraph& kg, std::ostream& out) {
  const graph::Graph& g = kg.graph();
  const std::vector<std::string> ids = ExportedEntityIds(kg);

  Json root = Json::object();
  root["schema"] = kTimelineSchema;

  Json entities = Json::array();
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& n = g[v];
    Json e = Json::object();
    e["id"] = ids[v];
    e["label"] = SanitizeForXml10(n.label);
    e["type"] = SanitizeForXml10(n.type);
    Json aliases = Json::array();
    for (const std::string& alias : n.aliases) aliases.push_back(SanitizeForXml10(alias));
    e["aliases"] = std::move(aliases);
    e["mentions"] = n.mentions;
    if (!n.first_date.empty()) e["first_date"] = SanitizeForXml10(n.first_date);
    if (!n.last_date.empty()) e["last_date"] = SanitizeForXml10(n.last_date);
    if (!n.wikidata.empty()) e["wikidata"] = SanitizeForXml10(n.wikidata);
    entities.push_back(std::move(e));
  }
  root["entities"] = std::move(entities);

  Json dates = Json::array();
  for (const extract::DateMention& d : kg.dates()) {
    Json j = Json::object();
    j["text"] = SanitizeForXml10(d.text);
    j["value"] = SanitizeForXml10(d.value);
    if (!d.mod.empty()) j["mod"] = SanitizeForXml10(d.mod);
    j["kind"] = SanitizeForXml10(d.kind);
    j["source"] = Source(d.source);
    dates.push_back(std::move(j));
  }
  root["dates"] = std::move(dates);

  // Events are already date-ordered (KnowledgeGraph::Finalize); the graph
  // drops duration-valued events, and so does this loop, defensively.
  Json events = Json::array();
  std::vector<std::size_t> event_index(kg.events().size(), 0);
  std::size_t written = 0;
  for (std::size_t i = 0; i < kg.events().size(); ++i) {
    const extract::Event& ev = kg.events()[i];
    if (graph::IsDurationValue(ev.date)) continue;
    event_index[i] = written++;
    Json j = Json::object();
    j["date"] = SanitizeForXml10(ev.date);
    if (!ev.mod.empty()) j["mod"] = SanitizeForXml10(ev.mod);
    j["date_text"] = SanitizeForXml10(ev.date_text);
    Json labels = Json::array();
    Json entity_ids = Json::array();
    for (const std::string& id : ev.entity_ids) {
      const std::optional<graph::Vertex> v = kg.FindVertex(id);
      labels.push_back(SanitizeForXml10(v ? g[*v].label : id));
      entity_ids.push_back(v ? ids[*v] : SanitizeForXml10(id));
    }
    j["entities"] = std::move(labels);
    j["entity_ids"] = std::move(entity_ids);
    j["text"] = SanitizeForXml10(ev.text);
    j["source"] = Source(ev.source);
    if (!ev.relations.empty()) {  // the typed facts this event dates
      Json relations = Json::array();
      for (const extract::Event::StatedRelation& r : ev.relations) {
        relations.push_back({{"type", SanitizeForXml10(r.type)},
                             {"from", SanitizeForXml10(kg.LabelOf(r.from_id))},
                             {"to", SanitizeForXml10(kg.LabelOf(r.to_id))}});
      }
      j["relations"] = std::move(relations);
    }
    events.push_back(std::move(j));
  }
  root["events"] = std::move(events);

  const graph::Timeline timeline = graph::BuildTimeline(kg);
  Json per_entity = Json::object();
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    Json list = Json::array();
    auto it = timeline.per_entity.find(g[v].id);
    if (it != timeline.per_entity.end()) {
      for (std::size_t i : it->second) {
        if (!graph::IsDurationValue(kg.events()[i].date)) list.push_back(event_index[i]);
      }
    }
    per_entity[ids[v]] = std::move(list);
  }
  root["per_entity"] = std::move(per_entity);

  return WriteJsonDocument(root, "timeline.json", out);
}

}  // namespace chronograph::exporters
