// graph.ttl (RDF 1.1 Turtle) and graph.jsonld (JSON-LD 1.0, expanded IRIs
// through a prefix-only @context): the same triples twice, from a finalized
// KnowledgeGraph, for linked-data tools (rdflib, Jena, any SPARQL store).
// docs/formats.md documents the IRIs, classes, properties and reification.
//
// IRIs (kRdfBase, a reserved .invalid domain: these IRIs name, they do not
// resolve):
//   entities   <https://chronograph.invalid/entity/ID>, ID the ExportedEntityId
//              with every byte outside A-Z a-z 0-9 - . _ ~ percent-encoded
//              (UTF-8 bytes, upper-case hex: "Sam%20Altman", "%E8%B0%B7...")
//   statements <https://chronograph.invalid/statement/eN>, eN the GraphML id
//              of the edge; evidence <.../statement/eN/evidence/K>
//   vocabulary cg: = <https://chronograph.invalid/vocab#>
// Entities: rdf:type a class per entity type (RdfClassFor), rdfs:label and
// skos:altLabel (each alias but the label) tagged @zh when they hold a Han
// character, else @en; owl:sameAs wd:Qn when the entity has a well-formed
// Wikidata id; cg:entityId the exported id.
// Typed relations (co_occurs edges are left out): the triple
// subject predicate object of RdfPropertyFor (a Wikidata direct property,
// wdt:Pn, possibly with the ends swapped, or cg:<relation>), asserted, and
// reified as an rdf:Statement with rdf:subject/predicate/object, cg:relation
// (the chronograph name), cg:from / cg:to (chronograph's direction),
// cg:date (earliest stated date), cg:sources (documents) and one cg:evidence
// node per evidence: cg:document, cg:line, cg:text, cg:date, cg:begin/cg:end.
// A dated founded / released edge also gives what was founded wdt:P571
// (inception) / what was released wdt:P577 (publication date): the earliest
// stated date, when that date has an XSD form.
// Dates: YYYY as xsd:gYear, YYYY-MM as xsd:gYearMonth, YYYY-MM-DD as
// xsd:date, any other TIMEX value as a plain string.
// Strings go through SanitizeForXml10 (valid UTF-8), then are escaped for
// the syntax (EscapeTurtleString; JSON by nlohmann). Output: deterministic
// bytes for the same graph; streamed node by node (no document tree), so
// memory does not grow with the file. Thread-safe (reads the graph only).
#ifndef CHRONOGRAPH_EXPORT_RDF_WRITER_H_
#define CHRONOGRAPH_EXPORT_RDF_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

inline constexpr char kRdfBase[] = "https://chronograph.invalid/";
inline constexpr char kRdfVocab[] = "https://chronograph.invalid/vocab#";
inline constexpr char kWikidataEntity[] = "http://www.wikidata.org/entity/";
inline constexpr char kWikidataDirect[] = "http://www.wikidata.org/prop/direct/";

// How a chronograph relation becomes an RDF triple.
struct RdfProperty {
  std::string iri;       // full IRI of the predicate
  bool inverse = false;  // true: subject is the relation's `to`, object its `from`
};
// founded -> wdt:P112 (founded by) inverse, created -> wdt:P178 (developer)
// inverse, product_of -> wdt:P178, works_at -> wdt:P108 (employer),
// studied_at -> wdt:P69 (educated at), studied_under -> wdt:P184 (doctoral
// advisor), won -> wdt:P166 (award received), leads -> wdt:P1037 (director /
// manager) inverse, acquired -> wdt:P127 (owned by) inverse, part_of ->
// wdt:P361 (part of), built_on -> wdt:P144 (based on), successor_of ->
// wdt:P155 (follows), uses -> wdt:P2283 (uses); anything else ->
// cg:<relation> in chronograph's direction.
RdfProperty RdfPropertyFor(std::string_view relation);

// The cg: class IRI of an entity type: PERSON Person, ORG Organization,
// MODEL Model, PRODUCT Product, DATASET Dataset, EVENT Event, WORK Work,
// CONCEPT Concept, LOCATION Location; any other type cg:Entity.
std::string RdfClassFor(std::string_view type);

// kRdfBase + "entity/" + the percent-encoded id.
std::string RdfEntityIri(std::string_view exported_id);
// "zh" when `text` holds a CJK unified ideograph (U+3400-U+9FFF,
// U+F900-U+FAFF, U+20000-U+3FFFF), else "en".
std::string RdfLanguageTag(std::string_view text);
// The body of a Turtle "..." literal: \" \\ \n \r \t escaped, every other
// control character (U+0000-U+001F, U+007F) as \uXXXX; other bytes as is.
std::string EscapeTurtleString(std::string_view text);

Status WriteTurtle(const graph::KnowledgeGraph& graph, std::ostream& out);
Status WriteJsonLd(const graph::KnowledgeGraph& graph, std::ostream& out);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_RDF_WRITER_H_
