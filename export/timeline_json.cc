#include "export/timeline_json.h"

#include <cstdint>
#include <optional>
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

  // Streamed item by item: dates and events come from disk.
  JsonStreamWriter writer(out, "timeline.json");
  writer.BeginObject();
  writer.Key("schema");
  writer.Value(kTimelineSchema);

  writer.Key("entities");
  writer.BeginArray();
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
    writer.Value(e);
  }
  writer.End();

  writer.Key("dates");
  writer.BeginArray();
  for (const extract::DateMention& d : kg.dates()) {
    Json j = Json::object();
    j["text"] = SanitizeForXml10(d.text);
    j["value"] = SanitizeForXml10(d.value);
    if (!d.mod.empty()) j["mod"] = SanitizeForXml10(d.mod);
    j["kind"] = SanitizeForXml10(d.kind);
    j["source"] = Source(d.source);
    writer.Value(j);
  }
  writer.End();

  // Events are already date-ordered (KnowledgeGraph::Finalize); the graph
  // drops duration-valued events, and so does this loop, defensively.
  // event_index: position in the written list, or kSkipped (4 bytes/event).
  constexpr std::uint32_t kSkipped = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> event_index;
  event_index.reserve(kg.events().size());
  std::uint32_t written = 0;
  writer.Key("events");
  writer.BeginArray();
  for (const extract::Event& ev : kg.events()) {
    if (graph::IsDurationValue(ev.date)) {
      event_index.push_back(kSkipped);
      continue;
    }
    event_index.push_back(written++);
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
    writer.Value(j);
  }
  writer.End();

  // Keys are the (unique) exported ids in vertex order, streamed: no
  // ordered-object key search.
  writer.Key("per_entity");
  writer.BeginObject();
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    Json list = Json::array();
    for (std::uint32_t i : kg.EventsOf(v)) {
      if (event_index[i] != kSkipped) list.push_back(event_index[i]);
    }
    writer.Key(ids[v]);
    writer.Value(list);
  }
  writer.End();
  writer.End();
  return writer.Finish();
}

}  // namespace chronograph::exporters
