#include "export/graphml_writer.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

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

// One <data> line of a node or an edge. Key ids are our own identifiers,
// written as they are; the value goes through SanitizeForXml10.
void AddData(const char* key, std::string_view value, std::string* out) {
  *out += "      <data key=\"";
  *out += key;
  *out += "\">";
  AppendXmlText(SanitizeForXml10(value), out);
  *out += "</data>\n";
}

Status Finish(std::string* buffer, std::ostream& out) {
  out.write(buffer->data(), static_cast<std::streamsize>(buffer->size()));
  out.flush();
  if (!out) return Status::IoError("graphml: write failed");
  return Status::Ok();
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
    out.append(e.document).append(":").append(std::to_string(e.line)).append(": ");
    out += Shorten(SanitizeForXml10(e.text), kMaxEvidenceChars);
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
    out.append(e.document).append(":").append(std::to_string(e.begin)).append("-").append(std::to_string(e.end));
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
  // The text is written as pugixml laid it out when this writer built a
  // DOM (two-space indent, " />" for empty elements, text inline): the same
  // graph still gives the same bytes, without the DOM's memory.
  std::string buffer =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"";
  buffer += kGraphmlNamespace;
  buffer +=
      "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const KeySpec& key : kKeys) {
    buffer += "  <key id=\"";
    buffer += key.id;
    buffer += "\" for=\"";
    buffer += key.for_what;
    buffer += "\" attr.name=\"";
    buffer += key.name != nullptr ? key.name : key.id;
    buffer += "\" attr.type=\"";
    buffer += key.type;
    buffer += "\" />\n";
  }

  const graph::Graph& g = kg.graph();
  const std::vector<graph::Edge>& edges = kg.edges();
  if (boost::num_vertices(g) == 0 && edges.empty()) {
    buffer += "  <graph id=\"G\" edgedefault=\"undirected\" />\n</graphml>\n";
    return Finish(&buffer, out);
  }
  buffer += "  <graph id=\"G\" edgedefault=\"undirected\">\n";

  const std::vector<std::string> ids = ExportedEntityIds(kg);
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& n = g[v];
    buffer += "    <node id=\"";
    AppendXmlAttribute(ids[v], &buffer);
    buffer += "\">\n";
    AddData("label", n.label, &buffer);
    AddData("type", n.type, &buffer);
    std::string aliases;
    for (const std::string& alias : n.aliases) {  // std::set: sorted, distinct
      if (!aliases.empty()) aliases += " | ";
      aliases += alias;
    }
    AddData("aliases", aliases, &buffer);
    AddData("mentions", std::to_string(n.mentions), &buffer);
    if (!n.first_date.empty()) AddData("first_date", n.first_date, &buffer);
    if (!n.last_date.empty()) AddData("last_date", n.last_date, &buffer);
    AddData("documents", std::to_string(n.documents.size()), &buffer);
    if (!n.wikidata.empty()) AddData("wikidata", n.wikidata, &buffer);
    const GephiNode& d = drawing.nodes[v];
    if (drawing.positioned) {
      AddData("x", FormatCoordinate(d.x), &buffer);
      AddData("y", FormatCoordinate(d.y), &buffer);
    }
    AddData("size", FormatCoordinate(d.size), &buffer);
    AddData("r", std::to_string(d.r), &buffer);
    AddData("g", std::to_string(d.g), &buffer);
    AddData("b", std::to_string(d.b), &buffer);
    buffer += "    </node>\n";
    if (!FlushWhenFull(&buffer, out)) return Status::IoError("graphml: write failed");
  }

  const std::vector<std::size_t> conflicting = graph::ConflictingEdges(kg);  // sorted
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::RelationEdge& e = g[edges[i]];
    buffer += "    <edge id=\"e";
    buffer += std::to_string(i);
    buffer += "\" source=\"";
    AppendXmlAttribute(ids[boost::source(edges[i], g)], &buffer);
    buffer += "\" target=\"";
    AppendXmlAttribute(ids[boost::target(edges[i], g)], &buffer);
    buffer += "\">\n";
    AddData("relation", e.relation, &buffer);
    AddData("edge_label", e.relation, &buffer);
    AddData("weight", FormatDouble(e.weight), &buffer);
    AddData("from", ids[*kg.FindVertex(e.from)], &buffer);
    AddData("to", ids[*kg.FindVertex(e.to)], &buffer);
    if (!e.date.empty()) AddData("date", e.date, &buffer);
    const std::string evidence = FormatEvidence(e);
    if (!evidence.empty()) AddData("evidence", evidence, &buffer);
    if (e.relation != graph::kCoOccurs) {
      const std::string offsets = FormatEvidenceOffsets(e);
      if (!offsets.empty()) AddData("evidence_offsets", offsets, &buffer);
    }
    AddData("sources", std::to_string(e.sources), &buffer);
    if (std::binary_search(conflicting.begin(), conflicting.end(), i)) AddData("conflict", "true", &buffer);
    buffer += "    </edge>\n";
    if (!FlushWhenFull(&buffer, out)) return Status::IoError("graphml: write failed");
  }
  buffer += "  </graph>\n</graphml>\n";
  return Finish(&buffer, out);
}

}  // namespace chronograph::exporters
