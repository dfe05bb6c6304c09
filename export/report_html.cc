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

  // The timeline items are vis-timeline.json's, read back so that the page
  // shows exactly what that file holds; each dated event (in the same order)
  // adds its entities and source.
  std::ostringstream vis_text;
  Json items = Json::array();
  Json groups = Json::array();
  if (WriteVisTimelineJson(kg, vis_text).ok()) {
    Json vis = Json::parse(vis_text.str(), nullptr, /*allow_exceptions=*/false);
    if (vis.is_object()) {
      items = std::move(vis["items"]);
      groups = std::move(vis["groups"]);
    }
  }
  std::vector<std::vector<std::size_t>> entity_items(boost::num_vertices(g));
  std::size_t k = 0;
  for (const extract::Event& ev : kg.events()) {
    if (!graph::ParseDateValue(ev.date) || k >= items.size()) continue;
    Json& item = items[k];
    Json entities = Json::array();
    for (const std::string& id : ev.entity_ids) {
      if (const std::optional<graph::Vertex> v = kg.FindVertex(id)) {
        entities.push_back(*v);
        entity_items[*v].push_back(k);
      }
    }
    item["entities"] = std::move(entities);
    item["date_text"] = SanitizeForXml10(ev.date_text.empty() ? ev.date : ev.date_text);
    item["text"] = SanitizeForXml10(ev.text);
    item["document"] = SanitizeForXml10(ev.source.document);
    item["line"] = ev.source.line;
    ++k;
  }

  Json entities = Json::array();
  std::map<std::string, int> type_counts;
  std::set<std::string> documents;
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& n = g[v];
    const std::string type = SanitizeForXml10(n.type);
    ++type_counts[type];
    documents.insert(n.documents.begin(), n.documents.end());
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
    e["items"] = entity_items[v];
    entities.push_back(std::move(e));
  }
  Json types = Json::array();
  for (const auto& [type, count] : type_counts) {
    types.push_back(Json::object({{"type", type}, {"color", TypeColor(type)}, {"entities", count}}));
  }

  // Graph view: the most mentioned entities and the lines among them,
  // typed relations first, then by weight.
  std::vector<graph::Vertex> shown(boost::vertices(g).first, boost::vertices(g).second);
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
    j["from"] = from ? *from : boost::source(all_edges[i], g);
    j["to"] = to ? *to : boost::target(all_edges[i], g);
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
  root["title"] = SanitizeForXml10(options.title);
  root["summary"] = std::move(summary);
  root["types"] = std::move(types);
  root["entities"] = std::move(entities);
  root["graph"] = Json::object({{"nodes", shown}, {"edges", std::move(edges)}});
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
