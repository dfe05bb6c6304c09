#include "export/gexf_writer.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include <pugixml.hpp>

#include "export/gephi_drawing.h"
#include "export/vis_timeline_json.h"
#include "export/xml_text.h"

namespace chronograph::exporters {
namespace {

using graph::CivilDay;

bool Before(const CivilDay& a, const CivilDay& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

const CivilDay& Earlier(const CivilDay& a, const CivilDay& b) { return Before(b, a) ? b : a; }
const CivilDay& Later(const CivilDay& a, const CivilDay& b) { return Before(a, b) ? b : a; }

// The first and last day of a date value, when xs:date can write them.
std::optional<std::pair<CivilDay, CivilDay>> Days(const std::string& value) {
  if (value.empty() || graph::IsDurationValue(value)) return std::nullopt;
  const std::optional<graph::DateValue> parsed = graph::ParseDateValue(value);
  if (!parsed || parsed->first.year < 1) return std::nullopt;
  return std::make_pair(parsed->first, parsed->last);
}

void Widen(std::optional<CivilDay>& first, std::optional<CivilDay>& last,
           const std::pair<CivilDay, CivilDay>& days) {
  first = first ? Earlier(*first, days.first) : days.first;
  last = last ? Later(*last, days.second) : days.second;
}

void KeepEarliest(std::optional<CivilDay>& slot, const CivilDay& day) {
  slot = slot ? Earlier(*slot, day) : day;
}

std::string FormatDouble(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

void DeclareAttribute(pugi::xml_node attributes, const char* id, const char* type) {
  pugi::xml_node a = attributes.append_child("attribute");
  a.append_attribute("id").set_value(id);
  a.append_attribute("title").set_value(id);
  a.append_attribute("type").set_value(type);
}

void AddValue(pugi::xml_node attvalues, const char* id, const std::string& value) {
  pugi::xml_node v = attvalues.append_child("attvalue");
  v.append_attribute("for").set_value(id);
  v.append_attribute("value").set_value(SanitizeForXml10(value).c_str());
}

void AddSpell(pugi::xml_node element, const CivilDay& start, const CivilDay& end) {
  pugi::xml_node spell = element.append_child("spells").append_child("spell");
  spell.append_attribute("start").set_value(FormatCivilDay(start).c_str());
  spell.append_attribute("end").set_value(FormatCivilDay(end).c_str());
}

}  // namespace

GexfSpans ComputeGexfSpans(const graph::KnowledgeGraph& kg) {
  const graph::Graph& g = kg.graph();
  const std::vector<graph::Edge>& edges = kg.edges();
  const std::size_t n = boost::num_vertices(g);
  GexfSpans spans;

  std::vector<std::optional<CivilDay>> node_first(n);
  std::map<std::pair<graph::Vertex, graph::Vertex>, CivilDay> pair_first;  // (smaller, larger)
  for (const extract::Event& event : kg.events()) {
    const auto days = Days(event.date);
    if (!days) continue;
    Widen(spans.corpus_first, spans.corpus_last, *days);
    std::vector<graph::Vertex> named;
    for (const std::string& id : event.entity_ids) {
      if (const std::optional<graph::Vertex> v = kg.FindVertex(id)) named.push_back(*v);
    }
    for (std::size_t i = 0; i < named.size(); ++i) {
      KeepEarliest(node_first[named[i]], days->first);
      for (std::size_t j = i + 1; j < named.size(); ++j) {
        const auto key = std::minmax(named[i], named[j]);
        auto it = pair_first.find(key);
        if (it == pair_first.end()) {
          pair_first.emplace(key, days->first);
        } else {
          it->second = Earlier(it->second, days->first);
        }
      }
    }
  }
  std::vector<std::optional<CivilDay>> edge_own(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::RelationEdge& e = g[edges[i]];
    const auto days = e.relation == graph::kCoOccurs ? std::nullopt : Days(e.date);
    if (!days) continue;
    edge_own[i] = days->first;
    Widen(spans.corpus_first, spans.corpus_last, *days);
    KeepEarliest(node_first[boost::source(edges[i], g)], days->first);
    KeepEarliest(node_first[boost::target(edges[i], g)], days->first);
  }
  if (!spans.corpus_first) return spans;

  spans.node_start.reserve(n);
  for (std::size_t v = 0; v < n; ++v) spans.node_start.push_back(node_first[v].value_or(*spans.corpus_first));
  spans.edge_start.reserve(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::Vertex s = boost::source(edges[i], g), t = boost::target(edges[i], g);
    const CivilDay ends = Later(spans.node_start[s], spans.node_start[t]);
    CivilDay start = ends;
    if (edge_own[i]) {
      start = *edge_own[i];
    } else if (auto it = pair_first.find(std::minmax(s, t)); it != pair_first.end()) {
      start = it->second;
    }
    spans.edge_start.push_back(Later(start, ends));
  }
  return spans;
}

Status WriteGexf(const graph::KnowledgeGraph& kg, std::ostream& out) {
  return WriteGexf(kg, ComputeGephiDrawing(kg), out);
}

Status WriteGexf(const graph::KnowledgeGraph& kg, const GephiDrawing& drawing, std::ostream& out) {
  if (drawing.nodes.size() != kg.entity_count()) {
    return Status::InvalidInput("gexf: the drawing is not of this graph (" + std::to_string(drawing.nodes.size()) +
                                " nodes for " + std::to_string(kg.entity_count()) + " vertices)");
  }
  const graph::Graph& g = kg.graph();
  const std::vector<std::string> ids = ExportedEntityIds(kg);
  const GexfSpans spans = ComputeGexfSpans(kg);
  const bool dynamic = spans.corpus_first.has_value();

  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");

  pugi::xml_node root = doc.append_child("gexf");
  root.append_attribute("xmlns").set_value(kGexfNamespace);
  root.append_attribute("xmlns:viz").set_value(kGexfVizNamespace);
  root.append_attribute("xmlns:xsi").set_value("http://www.w3.org/2001/XMLSchema-instance");
  root.append_attribute("xsi:schemaLocation").set_value("http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
  root.append_attribute("version").set_value("1.3");
  pugi::xml_node meta = root.append_child("meta");
  meta.append_child("creator").text().set("chronograph");
  meta.append_child("description")
      .text()
      .set(dynamic ? "entities and relations from the first dated statement on; colour by type, size by mentions"
                   : "entities and relations (no dated statement); colour by type, size by mentions");

  pugi::xml_node graph = root.append_child("graph");
  graph.append_attribute("defaultedgetype").set_value("undirected");
  graph.append_attribute("mode").set_value(dynamic ? "dynamic" : "static");
  if (dynamic) {
    graph.append_attribute("timeformat").set_value("date");
    graph.append_attribute("timerepresentation").set_value("interval");
  }

  pugi::xml_node node_attributes = graph.append_child("attributes");
  node_attributes.append_attribute("class").set_value("node");
  node_attributes.append_attribute("mode").set_value("static");
  DeclareAttribute(node_attributes, "type", "string");
  DeclareAttribute(node_attributes, "aliases", "string");
  DeclareAttribute(node_attributes, "mentions", "integer");
  DeclareAttribute(node_attributes, "documents", "integer");
  DeclareAttribute(node_attributes, "first_date", "string");
  DeclareAttribute(node_attributes, "last_date", "string");
  pugi::xml_node edge_attributes = graph.append_child("attributes");
  edge_attributes.append_attribute("class").set_value("edge");
  edge_attributes.append_attribute("mode").set_value("static");
  DeclareAttribute(edge_attributes, "relation", "string");
  DeclareAttribute(edge_attributes, "date", "string");
  DeclareAttribute(edge_attributes, "sources", "integer");

  pugi::xml_node nodes = graph.append_child("nodes");
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& n = g[v];
    pugi::xml_node node = nodes.append_child("node");
    node.append_attribute("id").set_value(ids[v].c_str());
    node.append_attribute("label").set_value(SanitizeForXml10(n.label).c_str());
    pugi::xml_node values = node.append_child("attvalues");
    AddValue(values, "type", n.type);
    std::string aliases;
    for (const std::string& alias : n.aliases) {
      if (!aliases.empty()) aliases += " | ";
      aliases += alias;
    }
    AddValue(values, "aliases", aliases);
    AddValue(values, "mentions", std::to_string(n.mentions));
    AddValue(values, "documents", std::to_string(n.documents.size()));
    if (!n.first_date.empty()) AddValue(values, "first_date", n.first_date);
    if (!n.last_date.empty()) AddValue(values, "last_date", n.last_date);
    if (dynamic) AddSpell(node, spans.node_start[v], *spans.corpus_last);
    const GephiNode& d = drawing.nodes[v];
    pugi::xml_node color = node.append_child("viz:color");
    color.append_attribute("r").set_value(d.r);
    color.append_attribute("g").set_value(d.g);
    color.append_attribute("b").set_value(d.b);
    if (drawing.positioned) {
      pugi::xml_node position = node.append_child("viz:position");
      position.append_attribute("x").set_value(FormatCoordinate(d.x).c_str());
      position.append_attribute("y").set_value(FormatCoordinate(d.y).c_str());
    }
    node.append_child("viz:size").append_attribute("value").set_value(FormatCoordinate(d.size).c_str());
  }

  pugi::xml_node edges_node = graph.append_child("edges");
  const std::vector<graph::Edge>& edges = kg.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::RelationEdge& e = g[edges[i]];
    const std::string relation = SanitizeForXml10(e.relation);
    pugi::xml_node edge = edges_node.append_child("edge");
    edge.append_attribute("id").set_value(("e" + std::to_string(i)).c_str());
    edge.append_attribute("source").set_value(ids[boost::source(edges[i], g)].c_str());
    edge.append_attribute("target").set_value(ids[boost::target(edges[i], g)].c_str());
    edge.append_attribute("label").set_value(relation.c_str());
    edge.append_attribute("kind").set_value(relation.c_str());
    edge.append_attribute("weight").set_value(FormatDouble(e.weight).c_str());
    pugi::xml_node values = edge.append_child("attvalues");
    AddValue(values, "relation", e.relation);
    if (!e.date.empty()) AddValue(values, "date", e.date);
    AddValue(values, "sources", std::to_string(e.sources));
    if (dynamic) AddSpell(edge, spans.edge_start[i], *spans.corpus_last);
  }

  doc.save(out, "  ", pugi::format_default | pugi::format_skip_control_chars, pugi::encoding_utf8);
  out.flush();
  if (!out) return Status::IoError("gexf: write failed");
  return Status::Ok();
}

}  // namespace chronograph::exporters
