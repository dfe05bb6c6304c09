#include "export/report_html.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/report_page.h"
#include "export/type_colors.h"
#include "export/vis_timeline_item.h"
#include "export/vis_timeline_json.h"
#include "export/xml_text.h"
#include "graph/timeline.h"

namespace chronograph::exporters {
namespace {

using Json = nlohmann::ordered_json;

// Beyond this many lines a force layout in the browser turns sluggish.
constexpr std::size_t kMaxGraphEdges = 2000;

// JSON text that may sit inside a <script> element: '<', '>' and '&' only
// occur inside JSON strings, where "\u003c" etc. mean the same characters.
std::string EscapeForScript(const std::string& json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (char c : json) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string ReportDataJson(const graph::KnowledgeGraph& kg, const ReportOptions& options) {
  const graph::Graph& g = kg.graph();
  const std::vector<std::string> ids = ExportedEntityIds(kg);
  const std::size_t n = boost::num_vertices(g);

  // A page is for a person: past max_entities entities it lists the most
  // mentioned ones (ties: smaller id), renumbered in vertex order, and the
  // title says so. `page_index` maps a vertex to its place on the page.
  constexpr std::size_t kNotShown = static_cast<std::size_t>(-1);
  std::vector<std::size_t> page_index(n, kNotShown);
  std::vector<graph::Vertex> listed(boost::vertices(g).first, boost::vertices(g).second);
  const bool top_only = n > options.max_entities;
  if (top_only) {
    std::stable_sort(listed.begin(), listed.end(), [&g](graph::Vertex a, graph::Vertex b) {
      if (g[a].mentions != g[b].mentions) return g[a].mentions > g[b].mentions;
      return g[a].id < g[b].id;
    });
    listed.resize(options.max_entities);
    std::sort(listed.begin(), listed.end());
  }
  for (std::size_t i = 0; i < listed.size(); ++i) page_index[listed[i]] = i;

  // The timeline items are vis-timeline.json's (the same item builder), in
  // the same order; each adds its entities and source. Past max_items, or
  // naming no listed entity, an event is left out (and counted).
  Json items = Json::array();
  std::set<std::string> group_names;
  std::vector<std::vector<std::size_t>> entity_items(listed.size());
  std::size_t position = 0;
  std::string group;
  for (const extract::Event& ev : kg.events()) {
    const std::optional<graph::DateValue> value = graph::ParseDateValue(ev.date);
    if (!value) continue;
    ++position;
    if (items.size() >= options.max_items) continue;
    Json entities = Json::array();
    for (const std::string& id : ev.entity_ids) {
      const std::optional<graph::Vertex> v = kg.FindVertex(id);
      if (v && page_index[*v] != kNotShown) entities.push_back(page_index[*v]);
    }
    if (top_only && entities.empty()) continue;
    for (const Json& e : entities) entity_items[e.get<std::size_t>()].push_back(items.size());
    Json item = VisTimelineItem(kg, ev, *value, position, &group);
    group_names.insert(group);
    item["entities"] = std::move(entities);
    item["date_text"] = SanitizeForXml10(ev.date_text.empty() ? ev.date : ev.date_text);
    item["text"] = SanitizeForXml10(ev.text);
    item["document"] = SanitizeForXml10(ev.source.document);
    item["line"] = ev.source.line;
    items.push_back(std::move(item));
  }
  Json groups = VisTimelineGroups(group_names);
  const std::size_t dated_events = position;

  Json entities = Json::array();
  std::map<std::string, int> type_counts;
  std::set<std::string> documents;
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& n = g[v];
    const std::string type = SanitizeForXml10(n.type);
    ++type_counts[type];
    documents.insert(n.documents.begin(), n.documents.end());
    if (page_index[v] == kNotShown) continue;
    Json aliases = Json::array();
    for (const std::string& a : n.aliases) {
      if (a != n.label) aliases.push_back(SanitizeForXml10(a));
    }
    Json e = Json::object();
    e["id"] = ids[v];
    e["label"] = SanitizeForXml10(n.label);
    e["type"] = type;
    e["aliases"] = std::move(aliases);
    e["mentions"] = n.mentions;
    e["first_date"] = SanitizeForXml10(n.first_date);
    e["last_date"] = SanitizeForXml10(n.last_date);
    e["documents"] = n.documents.size();
    e["items"] = entity_items[page_index[v]];
    entities.push_back(std::move(e));
  }
  Json types = Json::array();
  for (const auto& [type, count] : type_counts) {
    types.push_back(Json::object({{"type", type}, {"color", TypeColor(type)}, {"entities", count}}));
  }

  // Graph view: the most mentioned entities and the lines among them,
  // typed relations first, then by weight.
  std::vector<graph::Vertex> shown = listed;
  std::stable_sort(shown.begin(), shown.end(), [&g](graph::Vertex a, graph::Vertex b) {
    if (g[a].mentions != g[b].mentions) return g[a].mentions > g[b].mentions;
    return g[a].id < g[b].id;
  });
  if (shown.size() > options.max_graph_entities) shown.resize(options.max_graph_entities);
  std::sort(shown.begin(), shown.end());
  const std::set<graph::Vertex> shown_set(shown.begin(), shown.end());
  std::vector<std::size_t> edge_order;
  const std::vector<graph::Edge>& all_edges = kg.edges();
  for (std::size_t i = 0; i < all_edges.size(); ++i) {
    if (shown_set.count(boost::source(all_edges[i], g)) && shown_set.count(boost::target(all_edges[i], g))) {
      edge_order.push_back(i);
    }
  }
  std::stable_sort(edge_order.begin(), edge_order.end(), [&](std::size_t a, std::size_t b) {
    const graph::RelationEdge& ea = g[all_edges[a]];
    const graph::RelationEdge& eb = g[all_edges[b]];
    const bool typed_a = ea.relation != graph::kCoOccurs, typed_b = eb.relation != graph::kCoOccurs;
    if (typed_a != typed_b) return typed_a;
    return ea.weight > eb.weight;
  });
  if (edge_order.size() > kMaxGraphEdges) edge_order.resize(kMaxGraphEdges);
  std::sort(edge_order.begin(), edge_order.end());
  Json edges = Json::array();
  for (std::size_t i : edge_order) {
    const graph::RelationEdge& e = g[all_edges[i]];
    const std::optional<graph::Vertex> from = kg.FindVertex(e.from);
    const std::optional<graph::Vertex> to = kg.FindVertex(e.to);
    Json j = Json::object();
    j["from"] = page_index[from ? *from : boost::source(all_edges[i], g)];
    j["to"] = page_index[to ? *to : boost::target(all_edges[i], g)];
    j["relation"] = SanitizeForXml10(e.relation);
    j["weight"] = e.weight;
    if (!e.date.empty()) j["date"] = SanitizeForXml10(e.date);
    edges.push_back(std::move(j));
  }

  Json summary = Json::object();
  summary["documents"] = documents.size();
  summary["entities"] = kg.entity_count();
  summary["events"] = items.size();
  summary["dates"] = kg.dates().size();
  summary["edges"] = kg.edge_count();
  summary["graph_entities"] = shown.size();
  summary["graph_edges"] = edges.size();

  Json root = Json::object();
  std::string title = SanitizeForXml10(options.title);
  if (top_only || items.size() < dated_events) {
    std::string shown_part;
    if (top_only) {
      shown_part = "the " + std::to_string(listed.size()) + " most mentioned of " + std::to_string(n) +
                   " entities and " + std::to_string(items.size()) + " of " + std::to_string(dated_events) +
                   " dated events";
    } else {
      shown_part = "the first " + std::to_string(items.size()) + " of " + std::to_string(dated_events) +
                   " dated events";
    }
    title += " (showing " + shown_part + "; timeline.json has them all)";
  }
  root["title"] = title;
  root["summary"] = std::move(summary);
  root["types"] = std::move(types);
  root["entities"] = std::move(entities);
  Json nodes = Json::array();
  for (graph::Vertex v : shown) nodes.push_back(page_index[v]);
  root["graph"] = Json::object({{"nodes", std::move(nodes)}, {"edges", std::move(edges)}});
  root["items"] = std::move(items);
  root["groups"] = std::move(groups);
  return EscapeForScript(root.dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace));
}

Status WriteReportHtml(const graph::KnowledgeGraph& kg, std::ostream& out, const ReportOptions& options) {
  const ReportPage& page = EmbeddedReportPage();
  for (std::string_view chunk : page.head) out << chunk;
  out << ReportDataJson(kg, options);
  for (std::string_view chunk : page.tail) out << chunk;
  out.flush();
  if (!out) return Status::IoError("report.html: write failed");
  return Status::Ok();
}

}  // namespace chronograph::exporters
