// KnowledgeGraph: merges the ExtractionResults of a corpus into one
// undirected entity graph. Input: Add() once per document, in any order.
// Output, after Finalize(): vertices sorted by entity id, edges sorted by
// (source id, target id, relation, from), events in date order, dates in
// document order -- the same bytes for the same corpus whatever the Add
// order. Memory: entities and edges (aggregates) stay in RAM, keyed by
// interned ids (each entity id, relation, document path, date and kept
// sentence is stored once, and the finalized edges and evidences view
// those strings rather than copy them); dates and events, which grow with
// the corpus, go to temporary files (record_file.h)
// and are sorted at Finalize by an external merge sort, so RAM holds 8 bytes
// per date or event plus 4 per (event, entity) pair. Not thread-safe while
// adding; a finalized graph that is no longer modified may be read from many
// threads. Not copyable (it can be large).
#ifndef CHRONOGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
#define CHRONOGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "extract/extraction.h"
#include "graph/record_file.h"
#include "graph/string_pool.h"

namespace chronograph::graph {

// Relation name of untyped edges: two entities named in one sentence.
inline constexpr char kCoOccurs[] = "co_occurs";
// Type of an entity that events or relations name but no mention defines
// (the extract stage should never produce one; the graph keeps it anyway so
// that every event entity has a node and a label).
inline constexpr char kUnknownType[] = "UNKNOWN";
// Co-occurrence window: within one sentence, each mention (in text order)
// links to the next kCoOccurrenceWindow distinct entities after it, other
// than its own. A sentence naming at most kCoOccurrenceWindow + 1 distinct
// entities therefore links every pair of them, as a plain "all pairs" rule
// would; a sentence that lists hundreds of names gets at most
// kCoOccurrenceWindow edges per mention (neighbours in the list), not one per
// pair, so edges and memory grow linearly with the mentions.
inline constexpr std::size_t kCoOccurrenceWindow = 10;
// A co_occurs edge keeps at most this many evidences (the first ones in
// (document, line, text) order), but its weight counts every sentence. Typed
// relations are facts: they keep every evidence, so that every source of a
// fact can be shown (graph/facts.h).
inline constexpr std::size_t kMaxEvidencePerEdge = 3;

// Where an edge was read. The strings are views, not copies: a corpus has
// far more evidences than distinct sentences, documents and dates. In a
// KnowledgeGraph's edges they (and RelationEdge's strings) point into the
// graph's string pools, which only grow, so they stay valid as long as the
// KnowledgeGraph (across later Add and Finalize calls, and moves of it).
// Readers that build a Graph from a file keep the text they point into
// alongside it (export/graphml_reader.h, export/sqlite_reader.h). Copy into
// std::string to keep one longer.
struct Evidence {
  std::string_view document;
  int line = 0;
  std::string_view text;  // the sentence; "" when the extract stage gave none
  std::string_view date;  // typed relations: the date this statement gave, or ""
  // Typed relations: the byte span [begin, end) of the evidence in the
  // original document (extract::SourceRef); 0, 0 when not known. Not part of
  // the ordering: the same sentence on the same line is one evidence.
  std::size_t begin = 0;
  std::size_t end = 0;

  friend bool operator<(const Evidence& a, const Evidence& b) {
    return std::tie(a.document, a.line, a.text, a.date) < std::tie(b.document, b.line, b.text, b.date);
  }
  friend bool operator==(const Evidence& a, const Evidence& b) {
    return std::tie(a.document, a.line, a.text, a.date) == std::tie(b.document, b.line, b.text, b.date);
  }
};

// Vertex bundle.
struct EntityNode {
  std::string id;     // extract::Mention::entity_id
  std::string label;  // canonical display name (see Finalize for conflicts)
  std::string type;   // PERSON, ORG, MODEL, ...
  std::set<std::string> aliases;    // distinct surface forms, incl. label
  int mentions = 0;                 // number of Mentions over the corpus
  std::string first_date;           // earliest event date naming it, or ""
  std::string last_date;            // latest event date naming it, or ""
  std::set<std::string> documents;  // documents that mention or date it
  std::string wikidata;             // "Q..." from the rules, or ""
};

// Edge bundle. Boost's source/target of an undirected edge are the vertices
// in id order; the direction of a typed relation is in from/to. The strings
// are views, as Evidence's are (a graph has hundreds of thousands of edges
// over a few thousand ids, relations and dates): whoever builds the Graph
// keeps the text they point into for as long as the Graph.
struct RelationEdge {
  std::string_view relation;  // kCoOccurs or extract::Relation::type
  std::string_view from;      // entity id; for co_occurs the smaller id
  std::string_view to;        // entity id; for co_occurs the larger id
  std::string_view date;      // typed relations: earliest stated date, or ""
  // co_occurs: number of sentences naming both entities; typed: number of
  // times the relation was stated.
  double weight = 0;
  int sources = 0;  // number of distinct documents stating it
  // Sorted; co_occurs: at most kMaxEvidencePerEdge; typed: every statement.
  std::vector<Evidence> evidence;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                    EntityNode, RelationEdge>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

class KnowledgeGraph {
 public:
  // Temporary files for dates and events go to `spill_dir` ("" = $TMPDIR
  // or /tmp); they are unlinked at creation, so nothing is left behind.
  explicit KnowledgeGraph(const std::string& spill_dir = "");
  KnowledgeGraph(const KnowledgeGraph&) = delete;
  KnowledgeGraph& operator=(const KnowledgeGraph&) = delete;
  KnowledgeGraph(KnowledgeGraph&&) = default;
  KnowledgeGraph& operator=(KnowledgeGraph&&) = default;

  // Merges one document's extraction. Call once per document, any order.
  // Mentions add to their entity; mentions in one sentence add co_occurs
  // edges (within kCoOccurrenceWindow, each pair once per sentence); relations add typed edges; dates and events are kept as given.
  // Relations whose two ends are the same entity are ignored. The result is
  // visible only after the next Finalize().
  void Add(const extract::ExtractionResult& result);

  // Rebuilds the Boost graph and the sorted lists from everything added so
  // far. Idempotent; Add after Finalize is allowed (call Finalize again).
  // When one entity id arrives with different (canonical, type) pairs, the
  // pair with the most mentions wins, ties going to the smallest pair in
  // byte order: the choice does not depend on the Add order.
  // Entities are merged across documents by id (the canonical name) and by
  // Wikidata id: ids whose mentions carry the same Mention::wikidata become
  // one entity, kept under the id with the most mentions (ties: smallest
  // id); their edges, events and documents are merged too.
  void Finalize();

  // Writes out what the on-disk lists still buffer, so that any number of
  // threads may then read the finalized graph at once (exporters in
  // parallel). Call after Finalize, before sharing the graph.
  void PrepareConcurrentReads() const;

  // All accessors below reflect the last Finalize().
  const Graph& graph() const { return graph_; }
  std::size_t entity_count() const { return boost::num_vertices(graph_); }
  std::size_t edge_count() const { return boost::num_edges(graph_); }

  // Every date of the corpus, sorted by (document, offset, line, value).
  // On disk: iterate (range-for, Scan()) rather than index.
  const RecordFile<extract::DateMention>& dates() const { return dates_; }
  // Every event of the corpus, in EventBefore (date) order (timeline.h).
  // On disk: iterate in order; events()[i] reads one event back.
  const RecordFile<extract::Event>& events() const { return events_; }
  // Indexes into events() of the events naming vertex v, in date order.
  const std::vector<std::uint32_t>& EventsOf(Vertex v) const { return events_of_[v]; }

  // The vertex of an entity id, or nullopt.
  std::optional<Vertex> FindVertex(std::string_view id) const;
  // The same, also for an id that Finalize merged into another entity (same
  // Wikidata id): what a mention with that id now belongs to.
  std::optional<Vertex> ResolveVertex(std::string_view id) const;
  // The node of an entity id, or nullptr.
  const EntityNode* FindEntity(std::string_view id) const;
  // The label of an entity id; the id itself (the view passed in) when
  // unknown.
  std::string_view LabelOf(std::string_view id) const;

  // Edges in Finalize order (edge i is GraphML "e<i>").
  const std::vector<Edge>& edges() const { return edges_; }

 private:
  // Pending entities, edges and evidences hold StringPool ids
  // (graph/string_pool.h), not copies; Finalize restores the byte order of
  // the strings (Ranks) wherever an output order depends on it, and the
  // finalized edges and evidences view the pooled strings.

  // Sorted ids (documents), a cheap set for the few each entity or edge has.
  using IdSet = std::vector<std::uint32_t>;

  struct PendingEntity {
    std::map<std::pair<std::string, std::string>, int> names;  // (canonical, type) -> mentions
    std::set<std::string> surfaces;
    int mentions = 0;
    IdSet documents;                      // strings_ ids
    std::map<std::string, int> wikidata;  // Q id -> mentions carrying it
  };
  // An Evidence by ids: document and date in strings_, text in texts_. The
  // order is Evidence's (document, line, text, date), compared through the
  // pools; begin/end are not part of it.
  struct PendingEvidence {
    std::uint32_t document = 0;
    int line = 0;
    std::uint32_t text = 0;
    std::uint32_t date = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  // An evidence being added: its sentence is interned only if an edge keeps
  // it (text_id caches that, so one sentence is interned once per Add).
  struct EvidenceRef {
    std::uint32_t document = 0;
    int line = 0;
    std::string_view text;
    std::uint32_t date = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    mutable std::optional<std::uint32_t> text_id;
  };
  // (smaller id, larger id, relation, from) identifies an edge: a, b and
  // from are entity slots (a's id is byte-smaller than b's), relation a
  // strings_ id.
  struct EdgeKey {
    std::uint32_t a = 0, b = 0, relation = 0, from = 0;
    friend bool operator==(const EdgeKey& x, const EdgeKey& y) {
      return x.a == y.a && x.b == y.b && x.relation == y.relation && x.from == y.from;
    }
  };
  struct EdgeKeyHash {
    std::size_t operator()(const EdgeKey& k) const;
  };
  struct PendingEdge {
    EdgeKey key;
    std::uint32_t to = 0;  // entity slot; from is key.from
    IdSet dates;           // strings_ ids of every stated date (typed relations)
    int count = 0;
    IdSet documents;  // strings_ ids
    // co_occurs: sorted, at most kMaxEvidencePerEdge. Typed: every statement
    // in Add order, duplicates included until NormalizeEvidence.
    std::vector<PendingEvidence> evidence;
    std::size_t normalized = 0;  // typed: evidence[0, normalized) is sorted and unique
  };
  // PendingEdge as bytes, for the spill Finalize makes of them.
  struct PendingEdgeCodec {
    static void Encode(const PendingEdge& e, std::string* out);
    static void Decode(std::string_view bytes, PendingEdge* e);
  };

  // The slot of an entity id (created empty on first use).
  std::uint32_t EntitySlot(std::string_view id);
  PendingEntity& Entity(std::string_view id) { return pending_entities_[EntitySlot(id)]; }
  // Three-way comparison in Evidence order.
  int CompareEvidence(const PendingEvidence& a, const PendingEvidence& b) const;
  int CompareEvidence(const PendingEvidence& a, const EvidenceRef& b) const;
  // Typed evidence: sorts and drops repeats, keeping the first added of
  // equal ones (as inserting into a std::set would).
  void NormalizeEvidence(std::vector<PendingEvidence>* evidence) const;
  // Entity slot -> the slot it merges into (itself when none), for ids
  // sharing a Wikidata id.
  std::vector<std::uint32_t> WikidataMerges() const;
  void AddEdge(std::uint32_t a, std::uint32_t b, std::uint32_t relation, std::uint32_t from,
               std::uint32_t to, std::uint32_t date, const EvidenceRef& evidence);
  // Brings back the pending edges Finalize spilled, for the next Add.
  void RestorePendingEdges();

  StringPool entity_ids_;  // id = slot in pending_entities_
  StringPool strings_;     // relation names, documents, dates
  StringPool texts_;       // evidence sentences
  std::uint32_t empty_string_ = 0;  // strings_ id of ""
  std::uint32_t co_occurs_ = 0;     // strings_ id of kCoOccurs
  std::vector<PendingEntity> pending_entities_;
  // -> pending_edges_. Finalize releases it while it builds the graph (it is
  // needed only to add); the next Add rebuilds it from the pending keys.
  std::unordered_map<EdgeKey, std::uint32_t, EdgeKeyHash> edge_index_;
  // A deque: it grows without a doubled copy or spare capacity.
  std::deque<PendingEdge> pending_edges_;
  RecordFile<extract::DateMention> pending_dates_;
  RecordFile<extract::Event> pending_events_;
  // Finalize moves pending_edges_ here, on disk, before it builds the
  // graph's edges, so that the two are never in RAM at once; the next Add
  // reads them back.
  RecordFile<PendingEdge, PendingEdgeCodec> spilled_edges_;

  Graph graph_;
  std::vector<Edge> edges_;
  std::map<std::string, Vertex, std::less<>> index_;
  std::map<std::string, Vertex, std::less<>> merged_index_;  // ids merged away -> the entity kept
  RecordFile<extract::DateMention> dates_;
  RecordFile<extract::Event> events_;
  std::vector<std::vector<std::uint32_t>> events_of_;  // by vertex
};

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
