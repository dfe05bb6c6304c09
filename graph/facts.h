// Facts, their sources, and the conflicts between them. Input: a finalized
// KnowledgeGraph (BuildFacts) or facts read back from facts.json
// (export/facts_json.h). Output: plain values; pure functions, thread-safe.
//
// A fact is one of:
//   - a typed relation (from, relation, to): one typed edge of the graph,
//     with every statement of it (document, line, sentence, stated date);
//   - a dated fact (entity, date[, mod]): the events that name the entity
//     with that date value, each a statement.
// `sources` counts the distinct documents among a fact's statements.
//
// Conflict rule (FindConflicts). Some relations happen once, so sources
// that give them different dates disagree:
//   - founded, created, released: once per OBJECT. All statements of the
//     relation whose `to` is the same entity are compared, whoever the
//     subject is ("Altman founded OpenAI in 2015" vs "Musk founded OpenAI
//     in 2016" disagree on when OpenAI was founded);
//   - won: once per (subject, object) PAIR ("AlexNet won ILSVRC in 2012" vs
//     "... in 2013"); one event is won by different entities in different
//     years, so other subjects are not compared.
// Statements are grouped by their date value into claims; undated
// statements and dates that do not parse (ParseDateValue) take no part.
// A group is a conflict when two of its claims cover day ranges that do
// not overlap: "2015-12" and "2016" conflict, "2015" and "2015-12" do not
// (one is a more precise form of the other). Other relation types (works_at,
// delivered_to, competed_against, ...) and dated facts can recur, so they
// never conflict.
#ifndef CHRONOGRAPH_GRAPH_FACTS_H_
#define CHRONOGRAPH_GRAPH_FACTS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace chronograph::graph {

// One statement of a fact.
struct FactSource {
  std::string document;
  int line = 0;
  std::string text;  // the sentence
  std::string date;  // the date the statement gives; "" when none
  std::string mod;   // dated facts: START, MID, END or ""
};

enum class FactKind { kRelation, kDated };

struct Fact {
  FactKind kind = FactKind::kRelation;
  std::string relation;  // relation facts: the type ("founded"); dated facts: ""
  std::string from;      // relation: subject id; dated: the entity id
  std::string to;        // relation: object id; dated: ""
  std::string from_label;
  std::string to_label;
  std::string date;  // relation: earliest stated date or ""; dated: the value
  std::string mod;   // dated facts only
  int sources = 0;   // distinct documents among `statements`
  std::vector<FactSource> statements;  // every one, sorted by (document, line)
  bool conflict = false;  // part of a conflict (FindConflicts)
  // Index of the edge in KnowledgeGraph::edges() (relation facts built by
  // BuildFacts); kNoEdge otherwise.
  std::size_t edge = static_cast<std::size_t>(-1);
};
inline constexpr std::size_t kNoEdge = static_cast<std::size_t>(-1);

enum class ConflictScope { kObject, kPair };

struct ConflictRule {
  const char* relation;
  ConflictScope scope;
};
// The relations that happen once (see the file comment).
inline constexpr ConflictRule kConflictRules[] = {
    {"founded", ConflictScope::kObject},
    {"created", ConflictScope::kObject},
    {"released", ConflictScope::kObject},
    {"won", ConflictScope::kPair},
};
// The rule in one sentence, written into conflicts.json.
extern const char kConflictRuleText[];

// The facts of a finalized graph: relation facts in edge order (co_occurs
// edges are no facts), then, if `with_dated`, dated facts by entity (vertex
// order) and date (CompareDateValues). Conflict flags are set. Holds every
// fact at once: for tests and small graphs; writers stream
// (ForEachRelationFact, ForEachDatedFact).
std::vector<Fact> BuildFacts(const KnowledgeGraph& graph, bool with_dated = true);

// The relation facts of BuildFacts, in the same order, one at a time, with
// their conflict flags: `index` is the fact's position (the N of "fN").
// Holds one fact at a time (and the edge indexes of ConflictingEdges).
void ForEachRelationFact(const KnowledgeGraph& graph, const std::function<void(std::size_t index, Fact&&)>& emit);

// The edge indexes (KnowledgeGraph::edges()) of the relation facts that are
// part of a conflict, sorted. Builds no fact (ConflictGroups).
std::vector<std::size_t> ConflictingEdges(const KnowledgeGraph& graph);

// The dated facts of BuildFacts, in the same order, one at a time: holds
// one fact at a time (events are read back from disk), for facts.json.
// Dated facts never conflict, so they need no MarkConflicts.
void ForEachDatedFact(const KnowledgeGraph& graph, const std::function<void(Fact&&)>& emit);

// One statement in a conflict, with the fact it belongs to.
struct ClaimStatement {
  std::size_t fact = 0;  // index into the facts given to FindConflicts
  FactSource source;
};

// Statements of a conflict group that give the same date value.
struct Claim {
  std::string date;
  int sources = 0;  // distinct documents
  std::vector<ClaimStatement> statements;  // sorted by (document, line)
};

struct Conflict {
  std::string relation;
  ConflictScope scope = ConflictScope::kObject;
  std::string subject;  // kPair: the subject id; kObject: ""
  std::string subject_label;
  std::string object;   // entity id
  std::string object_label;
  std::vector<Claim> claims;  // by date (CompareDateValues), >= 2
};

// The conflicts among `facts`, ordered by (relation, object, subject).
std::vector<Conflict> FindConflicts(const std::vector<Fact>& facts);

// A relation fact that takes part in a conflict: its position among the
// relation facts (the N of "fN") and its edge (KnowledgeGraph::edges()).
struct ConflictFact {
  std::size_t index = 0;
  std::size_t edge = 0;
};
// The facts of one conflict group (relation, object[, subject]) whose
// dated statements disagree, in fact order.
using ConflictGroup = std::vector<ConflictFact>;

// Every conflict group of a finalized graph that FindConflicts over all
// its facts would report, in its order, each with the facts that have a
// dated statement (exactly those MarkConflicts flags). Builds no fact: a
// first pass keeps only each group's distinct dates.
std::vector<ConflictGroup> ConflictGroups(const KnowledgeGraph& graph);

// The conflicts of a finalized graph, in FindConflicts' order, one group at
// a time: `facts` are the group's facts, each passed through `prepare`
// before FindConflicts sees it (ClaimStatement::fact indexes them;
// group[k].index is facts[k]'s position among all facts). Only one group's
// facts are held at once.
void ForEachConflict(const KnowledgeGraph& graph, const std::function<void(Fact*)>& prepare,
                     const std::function<void(const Conflict&, const std::vector<Fact>& facts,
                                              const ConflictGroup& group)>& emit);

// Sets Fact::conflict on every fact with a statement in `conflicts`.
void MarkConflicts(const std::vector<Conflict>& conflicts, std::vector<Fact>* facts);

// True when the day ranges of two date values overlap; false when either
// does not parse.
bool DateRangesOverlap(const std::string& a, const std::string& b);

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_FACTS_H_
