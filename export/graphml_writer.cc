#include "export/graphml_writer.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "export/gephi_drawing.h"
#include "export/xml_text.h"
#include "graph/facts.h"

namespace chronograph::exporters {
namespace {

struct KeySpec {
  const char* id;
  const char* for_what;
  const char* type;
  const char* name = nullptr;  // attr.name when it differs from the id
};

// Key ids double as attr.name (unless `name` is set): readable files, one
// place to change.
constexpr KeySpec kKeys[] = {
    {"label", "node", "string"},      {"type", "node", "string"},
    {"aliases", "node", "string"},    {"mentions", "node", "int"},
    {"first_date", "node", "string"}, {"last_date", "node", "string"},
    {"documents", "node", "int"},     {"relation", "edge", "string"},
    {"weight", "edge", "double"},     {"from", "edge", "string"},
    {"to", "edge", "string"},         {"date", "edge", "string"},
    {"evidence", "edge", "string"},   {"sources", "edge", "int"},
    // Typed relations: where each evidence is, "document:begin-end" byte
    // offsets in the original text, in the order of `evidence`.
    {"evidence_offsets", "edge", "string"},
    // Cross-referencing (graph/facts.h): the entity's Wikidata id, and a
    // flag on typed relations whose sources disagree on the date.
    {"wikidata", "node", "string"},   {"conflict", "edge", "boolean"},
    // Names Gephi's GraphML importer maps to its own node and edge
    // properties (position, size, colour, edge label); see gephi_drawing.h.
    {"x", "node", "double"},          {"y", "node", "double"},
    {"size", "node", "double"},       {"r", "node", "int"},
    {"g", "node", "int"},             {"b", "node", "int"},
    {"edge_label", "edge", "string", "label"},  // key ids are unique per file
};

void AddData(pugi::xml_node parent, const char* key, const std::string& value) {
  pugi::xml_node data = parent.append_child("data");
  data.append_attribute("key").set_value(key);
  data.text().set(SanitizeForXml10(value).c_str());
}

std::string FormatDouble(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.17g", value);
  return buffer;
}

// The first `max_chars` code points of valid UTF-8 `text`, plus "…" when cut;
// line breaks and tabs become spaces so each evidence stays on one line.
std::string Shorten(const std::string& text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (chars == max_chars) return out + "\xE2\x80\xA6";
      ++chars;
    }
    out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : static_cast<char>(c));
  }
  return out;
}

// At most kMaxEvidencePerEdge evidences: typed relations keep every one in
// the graph (facts.json lists them all), the GraphML field stays short.
std::size_t ShownEvidence(const graph::RelationEdge& edge) {
  return std::min(edge.evidence.size(), graph::kMaxEvidencePerEdge);
}

std::string FormatEvidence(const graph::RelationEdge& edge) {
  std::string out;
  for (std::size_t i = 0; i < ShownEvidence(edge); ++i) {
    const graph::Evidence& e = edge.evidence[i];
    if (!out.empty()) out += " || ";
    out += e.document + ":" + std::to_string(e.line) + ": " +
           Shorten(SanitizeForXml10(e.text), kMaxEvidenceChars);
  }
  const double more = edge.weight - static_cast<double>(ShownEvidence(edge));
  if (more >= 1 && !out.empty()) out += " || (+" + FormatDouble(more) + " more)";
  return out;
}

// "document:begin-end" per evidence, joined like FormatEvidence; "" when
// no evidence has offsets (co_occurs edges).
std::string FormatEvidenceOffsets(const graph::RelationEdge& edge) {
  std::string out;
  bool any = false;
  for (std::size_t i = 0; i < ShownEvidence(edge); ++i) {
    const graph::Evidence& e = edge.evidence[i];
    if (!out.empty()) out += " || ";
    out += e.document + ":" + std::to_string(e.begin) + "-" + std::to_string(e.end);
    any = any || e.end > e.begin;
  }
  return any ? out : "";
}

}  // namespace

Status WriteGraphml(const graph::KnowledgeGraph& kg, std::ostream& out) {
  return WriteGraphml(kg, ComputeGephiDrawing(kg), out);
}

Status WriteGraphml(const graph::KnowledgeGraph& kg, const GephiDrawing& drawing, std::ostream& out) {
  if (drawing.nodes.size() != kg.entity_count()) {
    return Status::InvalidInput("graphml: the drawing is not of this graph (" + std::to_string(drawing.nodes.size()) +
                                " nodes for " + std::to_string(kg.entity_count()) + " vertices)");
  }
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version").set_value("1.0");
  decl.append_attribute("encoding").set_value("UTF-8");

  pugi::xml_node root = doc.append_child("graphml");
  root.append_attribute("xmlns").set_value(kGraphmlNamespace);
  root.append_attribute("xmlns:xsi").set_value("http://www.w3.org/2001/XMLSchema-instance");
  root.append_attribute("xsi:schemaLocation")
      .set_value("http://graphml.graphdrawing.org/xmlns "
                 "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  for (const KeySpec& key : kKeys) {
    pugi::xml_node k = root.append_child("key");
    k.append_attribute("id").set_value(key.id);
    k.append_attribute("for").set_value(key.for_what);
    k.append_attribute("attr.name").set_value(key.name != nullptr ? key.name : key.id);
    k.append_attribute("attr.type").set_value(key.type);
  }

  pugi::xml_node graph = root.append_child("graph");
  graph.append_attribute("id").set_value("G");
  graph.append_attribute("edgedefault").set_value("undirected");

  const graph::Graph& g = kg.graph();
  const std::vector<std::string> ids = ExportedEntityIds(kg);
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& n = g[v];
    pugi::xml_node node = graph.append_child("node");
    node.append_attribute("id").set_value(ids[v].c_str());
    AddData(node, "label", n.label);
    AddData(node, "type", n.type);
    std::string aliases;
    for (const std::string& alias : n.aliases) {  // std::set: sorted, distinct
      if (!aliases.empty()) aliases += " | ";
      aliases += alias;
    }
    AddData(node, "aliases", aliases);
    AddData(node, "mentions", std::to_string(n.mentions));
    if (!n.first_date.empty()) AddData(node, "first_date", n.first_date);
    if (!n.last_date.empty()) AddData(node, "last_date", n.last_date);
    AddData(node, "documents", std::to_string(n.documents.size()));
    if (!n.wikidata.empty()) AddData(node, "wikidata", n.wikidata);
    const GephiNode& d = drawing.nodes[v];
    if (drawing.positioned) {
      AddData(node, "x", FormatCoordinate(d.x));
      AddData(node, "y", FormatCoordinate(d.y));
    }
    AddData(node, "size", FormatCoordinate(d.size));
    AddData(node, "r", std::to_string(d.r));
    AddData(node, "g", std::to_string(d.g));
    AddData(node, "b", std::to_string(d.b));
  }

  std::set<std::size_t> conflicting;  // edge indexes
  for (const graph::Fact& f : graph::BuildFacts(kg, /*with_dated=*/false)) {
    if (f.conflict && f.edge != graph::kNoEdge) conflicting.insert(f.edge);
  }
  const std::vector<graph::Edge>& edges = kg.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::RelationEdge& e = g[edges[i]];
    pugi::xml_node edge = graph.append_child("edge");
    edge.append_attribute("id").set_value(("e" + std::to_string(i)).c_str());
    edge.append_attribute("source").set_value(ids[boost::source(edges[i], g)].c_str());
    edge.append_attribute("target").set_value(ids[boost::target(edges[i], g)].c_str());
    AddData(edge, "relation", e.relation);
    AddData(edge, "edge_label", e.relation);
    AddData(edge, "weight", FormatDouble(e.weight));
    AddData(edge, "from", ids[*kg.FindVertex(e.from)]);
    AddData(edge, "to", ids[*kg.FindVertex(e.to)]);
    if (!e.date.empty()) AddData(edge, "date", e.date);
    const std::string evidence = FormatEvidence(e);
    if (!evidence.empty()) AddData(edge, "evidence", evidence);
    if (e.relation != graph::kCoOccurs) {
      const std::string offsets = FormatEvidenceOffsets(e);
      if (!offsets.empty()) AddData(edge, "evidence_offsets", offsets);
    }
    AddData(edge, "sources", std::to_string(e.sources));
    if (conflicting.count(i)) AddData(edge, "conflict", "true");
  }

  doc.save(out, "  ", pugi::format_default | pugi::format_skip_control_chars, pugi::encoding_utf8);
  out.flush();
  if (!out) return Status::IoError("graphml: write failed");
  return Status::Ok();
}

}  // namespace chronograph::exporters
