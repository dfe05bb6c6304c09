#include "export/rdf_writer.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include <boost/range/iterator_range.hpp>
#include <nlohmann/json.hpp>

#include "export/json_output.h"
#include "export/xml_text.h"

namespace chronograph::exporters {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kRdf[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr char kRdfs[] = "http://www.w3.org/2000/01/rdf-schema#";
constexpr char kOwl[] = "http://www.w3.org/2002/07/owl#";
constexpr char kSkos[] = "http://www.w3.org/2004/02/skos/core#";
constexpr char kXsd[] = "http://www.w3.org/2001/XMLSchema#";

// Prefixes, in the order both files declare them. Compact() uses them only
// for a local part of [A-Za-z0-9_-] (a prefixed name in Turtle and a compact
// IRI in JSON-LD alike; '-' but not first); other IRIs are written in full.
struct Prefix {
  const char* name;
  std::string iri;
};
const std::vector<Prefix>& Prefixes() {
  static const std::vector<Prefix> prefixes = {
      {"rdf", kRdf},
      {"rdfs", kRdfs},
      {"owl", kOwl},
      {"skos", kSkos},
      {"xsd", kXsd},
      {"wd", kWikidataEntity},
      {"wdt", kWikidataDirect},
      {"cg", kRdfVocab},
      {"cge", std::string(kRdfBase) + "entity/"},
      {"cgs", std::string(kRdfBase) + "statement/"},
  };
  return prefixes;
}

bool IsSimpleLocal(std::string_view s) {
  if (s.empty() || s[0] == '-') return false;
  for (char c : s) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// The prefixed form of `iri`, or nullopt.
std::optional<std::string> Compact(const std::string& iri) {
  for (const Prefix& p : Prefixes()) {
    if (iri.size() > p.iri.size() && iri.compare(0, p.iri.size(), p.iri) == 0) {
      const std::string_view local = std::string_view(iri).substr(p.iri.size());
      if (IsSimpleLocal(local)) return std::string(p.name) + ":" + std::string(local);
    }
  }
  return std::nullopt;
}

// One RDF term in object position.
struct Term {
  bool is_iri = false;
  std::string value;     // full IRI, or the literal's lexical form
  std::string language;  // literal: language tag or ""
  std::string datatype;  // literal: full datatype IRI or "" (xsd:string)
};

Term Iri(std::string iri) { return Term{true, std::move(iri), "", ""}; }
Term Text(std::string_view text) { return Term{false, SanitizeForXml10(text), "", ""}; }
Term Tagged(std::string_view text) {
  std::string clean = SanitizeForXml10(text);
  std::string tag = RdfLanguageTag(clean);
  return Term{false, std::move(clean), std::move(tag), ""};
}
Term Integer(long long n) { return Term{false, std::to_string(n), "", std::string(kXsd) + "integer"}; }

bool Digits(std::string_view s, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// A TIMEX value as an XSD-typed literal where its form is one.
Term Date(std::string_view value) {
  Term t = Text(value);
  const std::string_view v = t.value;
  if (v.size() == 4 && Digits(v, 0, 4)) {
    t.datatype = std::string(kXsd) + "gYear";
  } else if (v.size() == 7 && Digits(v, 0, 4) && v[4] == '-' && Digits(v, 5, 2)) {
    t.datatype = std::string(kXsd) + "gYearMonth";
  } else if (v.size() == 10 && Digits(v, 0, 4) && v[4] == '-' && Digits(v, 5, 2) && v[7] == '-' && Digits(v, 8, 2)) {
    t.datatype = std::string(kXsd) + "date";
  }
  return t;
}

// A subject with its predicate-object pairs, in writing order; pairs with
// the same predicate are adjacent.
struct Node {
  std::string iri;
  std::vector<std::pair<std::string, Term>> properties;
  void Add(const std::string& predicate, Term object) { properties.emplace_back(predicate, std::move(object)); }
};

bool WellFormedQid(std::string_view q) { return q.size() >= 2 && q[0] == 'Q' && q[1] != '0' && Digits(q, 1, q.size() - 1); }

// Every byte outside A-Z a-z 0-9 - . _ ~ as %XX (upper-case hex).
std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string Vocab(std::string_view local) { return std::string(kRdfVocab) + PercentEncode(local); }

// Calls `emit` for every node of the graph, in a fixed order: entities in
// vertex order, then per typed edge (edges() order) the asserted triple,
// its rdf:Statement and its evidence nodes. Stops at the first false.
bool ForEachNode(const graph::KnowledgeGraph& kg, const std::function<bool(const Node&)>& emit) {
  const graph::Graph& g = kg.graph();
  const std::vector<std::string> ids = ExportedEntityIds(kg);
  const std::string rdf_type = std::string(kRdf) + "type";
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& n = g[v];
    Node node{RdfEntityIri(ids[v]), {}};
    node.Add(rdf_type, Iri(RdfClassFor(n.type)));
    node.Add(std::string(kRdfs) + "label", Tagged(n.label));
    for (const std::string& alias : n.aliases) {
      if (alias != n.label) node.Add(std::string(kSkos) + "altLabel", Tagged(alias));
    }
    if (WellFormedQid(n.wikidata)) node.Add(std::string(kOwl) + "sameAs", Iri(std::string(kWikidataEntity) + n.wikidata));
    node.Add(std::string(kRdfVocab) + "entityId", Text(ids[v]));
    node.Add(std::string(kRdfVocab) + "entityType", Text(n.type));
    if (!emit(node)) return false;
  }
  const std::vector<graph::Edge>& edges = kg.edges();
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::RelationEdge& e = g[edges[i]];
    if (e.relation == graph::kCoOccurs) continue;
    const std::optional<graph::Vertex> from = kg.FindVertex(e.from);
    const std::optional<graph::Vertex> to = kg.FindVertex(e.to);
    if (!from || !to) continue;
    const RdfProperty property = RdfPropertyFor(e.relation);
    const std::string from_iri = RdfEntityIri(ids[*from]);
    const std::string to_iri = RdfEntityIri(ids[*to]);
    const std::string& subject = property.inverse ? to_iri : from_iri;
    const std::string& object = property.inverse ? from_iri : to_iri;

    Node asserted{subject, {}};
    asserted.Add(property.iri, Iri(object));
    if (!emit(asserted)) return false;
    // The date of a founding or a release dates the thing itself: inception
    // (P571) of what was founded, publication date (P577) of what was
    // released, when the date has an XSD form.
    if ((e.relation == "founded" || e.relation == "released") && !e.date.empty()) {
      Term date = Date(e.date);
      if (!date.datatype.empty()) {
        Node dated{to_iri, {}};
        dated.Add(std::string(kWikidataDirect) + (e.relation == "founded" ? "P571" : "P577"), std::move(date));
        if (!emit(dated)) return false;
      }
    }

    const std::string statement_iri = std::string(kRdfBase) + "statement/e" + std::to_string(i);
    Node statement{statement_iri, {}};
    statement.Add(rdf_type, Iri(std::string(kRdf) + "Statement"));
    statement.Add(std::string(kRdf) + "subject", Iri(subject));
    statement.Add(std::string(kRdf) + "predicate", Iri(property.iri));
    statement.Add(std::string(kRdf) + "object", Iri(object));
    statement.Add(std::string(kRdfVocab) + "relation", Text(e.relation));
    statement.Add(std::string(kRdfVocab) + "from", Iri(from_iri));
    statement.Add(std::string(kRdfVocab) + "to", Iri(to_iri));
    if (!e.date.empty()) statement.Add(std::string(kRdfVocab) + "date", Date(e.date));
    statement.Add(std::string(kRdfVocab) + "sources", Integer(e.sources));
    for (std::size_t k = 0; k < e.evidence.size(); ++k) {
      statement.Add(std::string(kRdfVocab) + "evidence", Iri(statement_iri + "/evidence/" + std::to_string(k)));
    }
    if (!emit(statement)) return false;
    for (std::size_t k = 0; k < e.evidence.size(); ++k) {
      const graph::Evidence& ev = e.evidence[k];
      Node evidence{statement_iri + "/evidence/" + std::to_string(k), {}};
      evidence.Add(rdf_type, Iri(std::string(kRdfVocab) + "Evidence"));
      evidence.Add(std::string(kRdfVocab) + "document", Text(ev.document));
      evidence.Add(std::string(kRdfVocab) + "line", Integer(ev.line));
      if (!ev.text.empty()) evidence.Add(std::string(kRdfVocab) + "text", Text(ev.text));
      if (!ev.date.empty()) evidence.Add(std::string(kRdfVocab) + "date", Date(ev.date));
      if (ev.end > ev.begin) {
        evidence.Add(std::string(kRdfVocab) + "begin", Integer(static_cast<long long>(ev.begin)));
        evidence.Add(std::string(kRdfVocab) + "end", Integer(static_cast<long long>(ev.end)));
      }
      if (!emit(evidence)) return false;
    }
  }
  return true;
}

// --- Turtle -----------------------------------------------------------------

void AppendTurtleIri(const std::string& iri, std::string* out) {
  if (std::optional<std::string> c = Compact(iri)) {
    *out += *c;
  } else {
    // Our IRIs are ASCII without <>"{}|^`\ and spaces (percent-encoded).
    *out += '<';
    *out += iri;
    *out += '>';
  }
}

void AppendTurtleTerm(const Term& t, std::string* out) {
  if (t.is_iri) {
    AppendTurtleIri(t.value, out);
    return;
  }
  *out += '"';
  *out += EscapeTurtleString(t.value);
  *out += '"';
  if (!t.language.empty()) {
    *out += '@';
    *out += t.language;
  } else if (!t.datatype.empty()) {
    *out += "^^";
    AppendTurtleIri(t.datatype, out);
  }
}

void AppendTurtleNode(const Node& node, std::string* out) {
  AppendTurtleIri(node.iri, out);
  for (std::size_t i = 0; i < node.properties.size(); ++i) {
    const auto& [predicate, object] = node.properties[i];
    if (i > 0 && node.properties[i - 1].first == predicate) {
      *out += ",\n    ";
    } else {
      *out += i == 0 ? "\n  " : " ;\n  ";
      if (predicate == std::string(kRdf) + "type") {
        *out += 'a';
      } else {
        AppendTurtleIri(predicate, out);
      }
      *out += ' ';
    }
    AppendTurtleTerm(object, out);
  }
  *out += " .\n\n";
}

// --- JSON-LD ----------------------------------------------------------------

std::string JsonLdIri(const std::string& iri) {
  std::optional<std::string> c = Compact(iri);
  return c ? *c : iri;
}

// A term and a node written member by member, as nlohmann's dump of the
// JSON-LD objects would lay them out (no JSON value built per node).
void WriteJsonLdTerm(const Term& t, JsonStreamWriter* w) {
  if (!t.is_iri && t.language.empty() && t.datatype.empty()) {
    w->String(t.value);
    return;
  }
  w->BeginObject();
  if (t.is_iri) {
    w->Key("@id");
    w->String(JsonLdIri(t.value));
  } else {
    w->Key("@value");
    w->String(t.value);
    w->Key(t.language.empty() ? "@type" : "@language");
    w->String(t.language.empty() ? JsonLdIri(t.datatype) : t.language);
  }
  w->End();
}

void WriteJsonLdNode(const Node& node, JsonStreamWriter* w) {
  w->BeginObject();
  w->Key("@id");
  w->String(JsonLdIri(node.iri));
  for (std::size_t i = 0; i < node.properties.size();) {
    const std::string& predicate = node.properties[i].first;
    std::size_t end = i;
    while (end < node.properties.size() && node.properties[end].first == predicate) ++end;
    w->Key(JsonLdIri(predicate));
    if (end - i == 1) {
      WriteJsonLdTerm(node.properties[i].second, w);
    } else {
      w->BeginArray();
      for (std::size_t k = i; k < end; ++k) WriteJsonLdTerm(node.properties[k].second, w);
      w->End();
    }
    i = end;
  }
  w->End();
}

}  // namespace

RdfProperty RdfPropertyFor(std::string_view relation) {
  struct Mapping {
    const char* relation;
    const char* property;
    bool inverse;
  };
  static constexpr Mapping kMappings[] = {
      {"founded", "P112", true},       {"created", "P178", true},      {"product_of", "P178", false},
      {"works_at", "P108", false},     {"studied_at", "P69", false},   {"studied_under", "P184", false},
      {"won", "P166", false},          {"leads", "P1037", true},       {"acquired", "P127", true},
      {"part_of", "P361", false},      {"built_on", "P144", false},    {"successor_of", "P155", false},
      {"uses", "P2283", false},
  };
  for (const Mapping& m : kMappings) {
    if (relation == m.relation) return RdfProperty{std::string(kWikidataDirect) + m.property, m.inverse};
  }
  return RdfProperty{Vocab(relation), false};
}

std::string RdfClassFor(std::string_view type) {
  static constexpr std::pair<const char*, const char*> kClasses[] = {
      {"PERSON", "Person"},   {"ORG", "Organization"}, {"MODEL", "Model"},       {"PRODUCT", "Product"},
      {"DATASET", "Dataset"}, {"EVENT", "Event"},      {"WORK", "Work"},         {"CONCEPT", "Concept"},
      {"LOCATION", "Location"},
  };
  for (const auto& [t, c] : kClasses) {
    if (type == t) return std::string(kRdfVocab) + c;
  }
  return std::string(kRdfVocab) + "Entity";
}

std::string RdfEntityIri(std::string_view exported_id) {
  return std::string(kRdfBase) + "entity/" + PercentEncode(exported_id);
}

std::string RdfLanguageTag(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = 0;
    std::size_t len = 1;
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      len = 2;
    } else if ((c & 0xF0) == 0xE0 && i + 2 < text.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
      len = 3;
    } else if ((c & 0xF8) == 0xF0 && i + 3 < text.size()) {
      cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 12) |
           ((static_cast<unsigned char>(text[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(text[i + 3]) & 0x3Fu);
      len = 4;
    }
    if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF)) {
      return "zh";
    }
    i += len;
  }
  return "en";
}

std::string EscapeTurtleString(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out;
}

Status WriteTurtle(const graph::KnowledgeGraph& graph, std::ostream& out) {
  std::string buffer =
      "# graph.ttl: chronograph's knowledge graph as RDF (docs/formats.md).\n"
      "# Typed relations are asserted and reified as rdf:Statement with evidence.\n";
  for (const Prefix& p : Prefixes()) {
    buffer += "@prefix ";
    buffer += p.name;
    buffer += ": <";
    buffer += p.iri;
    buffer += "> .\n";
  }
  buffer += '\n';
  const bool ok = ForEachNode(graph, [&](const Node& node) {
    AppendTurtleNode(node, &buffer);
    return FlushWhenFull(&buffer, out);
  });
  if (ok) {
    out << buffer;
    out.flush();
  }
  if (!ok || !out) return Status::IoError("cannot write graph.ttl");
  return Status::Ok();
}

Status WriteJsonLd(const graph::KnowledgeGraph& graph, std::ostream& out) {
  JsonStreamWriter writer(out, "graph.jsonld");
  writer.BeginObject();
  Json context = Json::object();
  for (const Prefix& p : Prefixes()) context[p.name] = p.iri;
  writer.Key("@context");
  writer.Value(context);
  writer.Key("@graph");
  writer.BeginArray();
  ForEachNode(graph, [&](const Node& node) {
    WriteJsonLdNode(node, &writer);
    return static_cast<bool>(out);
  });
  writer.End();
  writer.End();
  return writer.Finish();
}

}  // namespace chronograph::exporters
