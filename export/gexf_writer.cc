#include "export/gexf_writer.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

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
std::optional<std::pair<CivilDay, CivilDay>> Days(std::string_view value) {
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

// The elements below are written at the depth pugixml's two-space indent
// gave them in the DOM this writer used to build (see WriteGexf).
void DeclareAttribute(const char* id, const char* type, std::string* out) {
  *out += "      <attribute id=\"";
  *out += id;
  *out += "\" title=\"";
  *out += id;
  *out += "\" type=\"";
  *out += type;
  *out += "\" />\n";
}

// One <attvalue> of a node or an edge; the value goes through SanitizeForXml10.
void AddValue(const char* id, std::string_view value, std::string* out) {
  *out += "          <attvalue for=\"";
  *out += id;
  *out += "\" value=\"";
  AppendXmlAttribute(SanitizeForXml10(value), out);
  *out += "\" />\n";
}

void AddSpell(const CivilDay& start, const CivilDay& end, std::string* out) {
  *out += "        <spells>\n          <spell start=\"" + FormatCivilDay(start) + "\" end=\"" + FormatCivilDay(end) +
          "\" />\n        </spells>\n";
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

  // The text is written as pugixml laid it out when this writer built a
  // DOM (two-space indent, " />" for empty elements, text inline): the same
  // graph still gives the same bytes, without the DOM's memory.
  std::string buffer =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"";
  buffer += kGexfNamespace;
  buffer += "\" xmlns:viz=\"";
  buffer += kGexfVizNamespace;
  buffer +=
      "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
      "  <meta>\n"
      "    <creator>chronograph</creator>\n"
      "    <description>";
  buffer += dynamic ? "entities and relations from the first dated statement on; colour by type, size by mentions"
                    : "entities and relations (no dated statement); colour by type, size by mentions";
  buffer +=
      "</description>\n"
      "  </meta>\n"
      "  <graph defaultedgetype=\"undirected\" mode=\"";
  buffer += dynamic ? "dynamic\" timeformat=\"date\" timerepresentation=\"interval\">\n" : "static\">\n";
  buffer += "    <attributes class=\"node\" mode=\"static\">\n";
  DeclareAttribute("type", "string", &buffer);
  DeclareAttribute("aliases", "string", &buffer);
  DeclareAttribute("mentions", "integer", &buffer);
  DeclareAttribute("documents", "integer", &buffer);
  DeclareAttribute("first_date", "string", &buffer);
  DeclareAttribute("last_date", "string", &buffer);
  buffer += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  DeclareAttribute("relation", "string", &buffer);
  DeclareAttribute("date", "string", &buffer);
  DeclareAttribute("sources", "integer", &buffer);
  buffer += "    </attributes>\n";

  buffer += boost::num_vertices(g) == 0 ? "    <nodes />\n" : "    <nodes>\n";
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& n = g[v];
    buffer += "      <node id=\"";
    AppendXmlAttribute(ids[v], &buffer);
    buffer += "\" label=\"";
    AppendXmlAttribute(SanitizeForXml10(n.label), &buffer);
    buffer += "\">\n        <attvalues>\n";
    AddValue("type", n.type, &buffer);
    std::string aliases;
    for (const std::string& alias : n.aliases) {
      if (!aliases.empty()) aliases += " | ";
      aliases += alias;
    }
    AddValue("aliases", aliases, &buffer);
    AddValue("mentions", std::to_string(n.mentions), &buffer);
    AddValue("documents", std::to_string(n.documents.size()), &buffer);
    if (!n.first_date.empty()) AddValue("first_date", n.first_date, &buffer);
    if (!n.last_date.empty()) AddValue("last_date", n.last_date, &buffer);
    buffer += "        </attvalues>\n";
    if (dynamic) AddSpell(spans.node_start[v], *spans.corpus_last, &buffer);
    const GephiNode& d = drawing.nodes[v];
    buffer += "        <viz:color r=\"" + std::to_string(d.r) + "\" g=\"" + std::to_string(d.g) + "\" b=\"" +
              std::to_string(d.b) + "\" />\n";
    if (drawing.positioned) {
      buffer += "        <viz:position x=\"" + FormatCoordinate(d.x) + "\" y=\"" + FormatCoordinate(d.y) + "\" />\n";
    }
    buffer += "        <viz:size value=\"" + FormatCoordinate(d.size) + "\" />\n      </node>\n";
    if (!FlushWhenFull(&buffer, out)) return Status::IoError("gexf: write failed");
  }
  if (boost::num_vertices(g) != 0) buffer += "    </nodes>\n";

  const std::vector<graph::Edge>& edges = kg.edges();
  buffer += edges.empty() ? "    <edges />\n" : "    <edges>\n";
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::RelationEdge& e = g[edges[i]];
    const std::string relation = SanitizeForXml10(e.relation);
    buffer += "      <edge id=\"e" + std::to_string(i) + "\" source=\"";
    AppendXmlAttribute(ids[boost::source(edges[i], g)], &buffer);
    buffer += "\" target=\"";
    AppendXmlAttribute(ids[boost::target(edges[i], g)], &buffer);
    buffer += "\" label=\"";
    AppendXmlAttribute(relation, &buffer);
    buffer += "\" kind=\"";
    AppendXmlAttribute(relation, &buffer);
    buffer += "\" weight=\"" + FormatDouble(e.weight) + "\">\n        <attvalues>\n";
    AddValue("relation", e.relation, &buffer);
    if (!e.date.empty()) AddValue("date", e.date, &buffer);
    AddValue("sources", std::to_string(e.sources), &buffer);
    buffer += "        </attvalues>\n";
    if (dynamic) AddSpell(spans.edge_start[i], *spans.corpus_last, &buffer);
    buffer += "      </edge>\n";
    if (!FlushWhenFull(&buffer, out)) return Status::IoError("gexf: write failed");
  }
  if (!edges.empty()) buffer += "    </edges>\n";
  buffer += "  </graph>\n</gexf>\n";

  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
  if (!out) return Status::IoError("gexf: write failed");
  return Status::Ok();
}

}  // namespace chronograph::exporters
