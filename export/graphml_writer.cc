#include "export/graphml_writer.h"

#include <cstdio>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "export/xml_text.h"

namespace chronograph::exporters {
namespace {

struct KeySpec {
  const char* id;
  const char* for_what;
  const char* type;
};

// Key ids double as attr.name: readable files, one place to change.
constexpr KeySpec kKeys[] = {
    {"label", "node", "string"},      {"type", "node", "string"},
    {"aliases", "node", "string"},    {"mentions", "node", "int"},
    {"first_date", "node", "string"}, {"last_date", "node", "string"},
    {"documents", "node", "int"},     {"relation", "edge", "string"},
    {"weight", "edge", "double"},     {"from", "edge", "string"},
    {"to", "edge", "string"},         {"date", "edge", "string"},
    {"evidence", "edge", "string"},   {"sources", "edge", "int"},
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

std::string FormatEvidence(const graph::RelationEdge& edge) {
  std::string out;
  for (const graph::Evidence& e : edge.evidence) {
    if (!out.empty()) out += " || ";
    out += e.document + ":" + std::to_string(e.line) + ": " +
           Shorten(SanitizeForXml10(e.text), kMaxEvidenceChars);
  }
  const double more = edge.weight - static_cast<double>(edge.evidence.size());
  if (more >= 1 && !out.empty()) out += " || (+" + FormatDouble(more) + " more)";
  return out;
}

}  // namespace

Status WriteGraphml(const graph::KnowledgeGraph& kg, std::ostream& out) {
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
    k.append_attribute("attr.name").set_value(key.id);
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
  }

  const std::vector<graph::Edge>& edges = kg.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::RelationEdge& e = g[edges[i]];
    pugi::xml_node edge = graph.append_child("edge");
    edge.append_attribute("id").set_value(("e" + std::to_string(i)).c_str());
    edge.append_attribute("source").set_value(ids[boost::source(edges[i], g)].c_str());
    edge.append_attribute("target").set_value(ids[boost::target(edges[i], g)].c_str());
    AddData(edge, "relation", e.relation);
    AddData(edge, "weight", FormatDouble(e.weight));
    AddData(edge, "from", ids[*kg.FindVertex(e.from)]);
    AddData(edge, "to", ids[*kg.FindVertex(e.to)]);
    if (!e.date.empty()) AddData(edge, "date", e.date);
    const std::string evidence = FormatEvidence(e);
    if (!evidence.empty()) AddData(edge, "evidence", evidence);
    AddData(edge, "sources", std::to_string(e.sources));
  }

  doc.save(out, "  ", pugi::format_default | pugi::format_skip_control_chars, pugi::encoding_utf8);
  out.flush();
  if (!out) return Status::IoError("graphml: write failed");
  return Status::Ok();
}

}  // namespace chronograph::exporters
