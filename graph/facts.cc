#include "graph/facts.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "graph/timeline.h"

namespace chronograph::graph {

const char kConflictRuleText[] =
    "founded, created and released happen once per object, won once per (subject, object) pair; "
    "statements of one such fact whose dates cover day ranges that do not overlap are a conflict";

namespace {

bool SourceBefore(const FactSource& a, const FactSource& b) {
  return std::tie(a.document, a.line, a.text, a.date, a.mod) < std::tie(b.document, b.line, b.text, b.date, b.mod);
}

int CountDocuments(const std::vector<FactSource>& statements) {
  std::set<std::string> documents;
  for (const FactSource& s : statements) documents.insert(s.document);
  return static_cast<int>(documents.size());
}

const ConflictRule* RuleFor(std::string_view relation) {
  for (const ConflictRule& rule : kConflictRules) {
    if (relation == rule.relation) return &rule;
  }
  return nullptr;
}

}  // namespace

bool DateRangesOverlap(const std::string& a, const std::string& b) {
  const std::optional<DateValue> x = ParseDateValue(a), y = ParseDateValue(b);
  if (!x || !y) return false;
  return DaysFromCivil(x->first) <= DaysFromCivil(y->last) && DaysFromCivil(y->first) <= DaysFromCivil(x->last);
}

namespace {

// True when two of `values` (parseable date values) cover day ranges that
// do not overlap. Intervals on a line overlap pairwise exactly when the
// latest start is not after the earliest end, so one pass decides, however
// many dates a group has.
template <class Values, class ValueOf>
bool SomeDatesDisagree(const Values& values, ValueOf value_of) {
  std::int64_t latest_first = INT64_MIN, earliest_last = INT64_MAX;
  for (const auto& v : values) {
    const std::optional<DateValue> d = ParseDateValue(value_of(v));
    if (!d) continue;
    latest_first = std::max(latest_first, DaysFromCivil(d->first));
    earliest_last = std::min(earliest_last, DaysFromCivil(d->last));
  }
  return latest_first > earliest_last;
}

}  // namespace

namespace {

// The relation fact of typed edge `i` (conflict flag unset).
Fact RelationFactOf(const KnowledgeGraph& kg, std::size_t i) {
  const RelationEdge& e = kg.graph()[kg.edges()[i]];
  Fact f;
  f.kind = FactKind::kRelation;
  f.relation = e.relation;
  f.from = e.from;
  f.to = e.to;
  f.from_label = kg.LabelOf(e.from);
  f.to_label = kg.LabelOf(e.to);
  f.date = e.date;
  f.statements.reserve(e.evidence.size());
  for (const Evidence& ev : e.evidence) {
    f.statements.push_back({std::string(ev.document), ev.line, std::string(ev.text), std::string(ev.date), ""});
  }
  std::sort(f.statements.begin(), f.statements.end(), SourceBefore);
  f.sources = CountDocuments(f.statements);
  f.edge = i;
  return f;
}

}  // namespace

std::vector<ConflictGroup> ConflictGroups(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  const std::vector<Edge>& edges = kg.edges();
  // (relation, object, subject or "") -> its distinct parseable dates, in
  // FindConflicts' order. The views point into the graph's pools.
  using GroupKey = std::tuple<std::string_view, std::string_view, std::string_view>;
  auto group_of = [](const RelationEdge& e, const ConflictRule& rule) {
    return GroupKey{e.relation, e.to, rule.scope == ConflictScope::kPair ? e.from : std::string_view()};
  };
  auto dated = [](const Evidence& ev) { return !ev.date.empty() && ParseDateValue(ev.date).has_value(); };
  std::map<GroupKey, std::set<std::string_view>> dates;
  for (const Edge& edge : edges) {
    const RelationEdge& e = g[edge];
    const ConflictRule* rule = e.relation == kCoOccurs ? nullptr : RuleFor(e.relation);
    if (rule == nullptr) continue;
    std::set<std::string_view>& group = dates[group_of(e, *rule)];
    for (const Evidence& ev : e.evidence) {
      if (dated(ev)) group.insert(ev.date);
    }
  }
  // Disagreeing groups only, numbered in key order.
  std::map<GroupKey, std::size_t> disagreeing;
  for (const auto& [key, values] : dates) {
    if (SomeDatesDisagree(values, [](std::string_view date) { return date; })) disagreeing.emplace(key, 0);
  }
  std::vector<ConflictGroup> groups(disagreeing.size());
  std::size_t number = 0;
  for (auto& [key, at] : disagreeing) at = number++;
  std::size_t index = 0;  // among relation facts
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const RelationEdge& e = g[edges[i]];
    if (e.relation == kCoOccurs) continue;
    const ConflictRule* rule = RuleFor(e.relation);
    // A fact takes part when one of its statements gives a parseable date.
    if (rule != nullptr && std::any_of(e.evidence.begin(), e.evidence.end(), dated)) {
      const auto group = disagreeing.find(group_of(e, *rule));
      if (group != disagreeing.end()) groups[group->second].push_back({index, i});
    }
    ++index;
  }
  return groups;
}

void ForEachConflict(const KnowledgeGraph& kg, const std::function<void(Fact*)>& prepare,
                     const std::function<void(const Conflict&, const std::vector<Fact>&, const ConflictGroup&)>& emit) {
  for (const ConflictGroup& group : ConflictGroups(kg)) {
    std::vector<Fact> facts;
    facts.reserve(group.size());
    for (const ConflictFact& f : group) {
      facts.push_back(RelationFactOf(kg, f.edge));
      if (prepare) prepare(&facts.back());
    }
    for (const Conflict& c : FindConflicts(facts)) emit(c, facts, group);
  }
}

std::vector<std::size_t> ConflictingEdges(const KnowledgeGraph& kg) {
  std::vector<std::size_t> edges;
  for (const ConflictGroup& group : ConflictGroups(kg)) {
    for (const ConflictFact& f : group) edges.push_back(f.edge);
  }
  std::sort(edges.begin(), edges.end());
  return edges;
}

void ForEachRelationFact(const KnowledgeGraph& kg, const std::function<void(std::size_t index, Fact&&)>& emit) {
  const std::vector<std::size_t> conflicting = ConflictingEdges(kg);
  const Graph& g = kg.graph();
  const std::vector<Edge>& edges = kg.edges();
  std::size_t index = 0;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (g[edges[i]].relation == kCoOccurs) continue;
    Fact f = RelationFactOf(kg, i);
    f.conflict = std::binary_search(conflicting.begin(), conflicting.end(), i);
    emit(index++, std::move(f));
  }
}

std::vector<Fact> BuildFacts(const KnowledgeGraph& kg, bool with_dated) {
  std::vector<Fact> facts;
  ForEachRelationFact(kg, [&facts](std::size_t, Fact&& f) { facts.push_back(std::move(f)); });
  if (with_dated) ForEachDatedFact(kg, [&facts](Fact&& f) { facts.push_back(std::move(f)); });
  return facts;
}

void ForEachDatedFact(const KnowledgeGraph& kg, const std::function<void(Fact&&)>& emit) {
  const Graph& g = kg.graph();
  // Each entity's events are read in file order: through a window, most
  // reads are copies from memory.
  SequentialReader window = kg.events().Window();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const EntityNode& node = g[v];
    const std::vector<std::uint32_t>& list = kg.EventsOf(v);
    // Events are in EventBefore order, so equal (date, mod) are adjacent.
    extract::Event ev;
    std::size_t loaded = static_cast<std::size_t>(-1);
    auto load = [&](std::size_t k) {
      if (loaded != k) kg.events().ReadThrough(list[k], &window, &ev);
      loaded = k;
    };
    for (std::size_t k = 0; k < list.size();) {
      load(k);
      Fact f;
      f.kind = FactKind::kDated;
      f.from = node.id;
      f.from_label = node.label;
      f.date = ev.date;
      f.mod = ev.mod;
      for (; k < list.size(); ++k) {
        load(k);
        if (ev.date != f.date || ev.mod != f.mod) break;
        f.statements.push_back({ev.source.document, ev.source.line, ev.text, ev.date, ev.mod});
      }
      std::sort(f.statements.begin(), f.statements.end(), SourceBefore);
      f.statements.erase(std::unique(f.statements.begin(), f.statements.end(),
                                     [](const FactSource& a, const FactSource& b) {
                                       return !SourceBefore(a, b) && !SourceBefore(b, a);
                                     }),
                         f.statements.end());
      f.sources = CountDocuments(f.statements);
      emit(std::move(f));
    }
  }
}

std::vector<Conflict> FindConflicts(const std::vector<Fact>& facts) {
  // (relation, object, subject or "") -> date -> statements.
  using GroupKey = std::tuple<std::string, std::string, std::string>;
  std::map<GroupKey, std::map<std::string, std::vector<ClaimStatement>>> groups;
  std::map<GroupKey, std::pair<std::string, std::string>> labels;  // (subject, object)
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const Fact& f = facts[i];
    if (f.kind != FactKind::kRelation) continue;
    const ConflictRule* rule = RuleFor(f.relation);
    if (rule == nullptr) continue;
    const bool pair = rule->scope == ConflictScope::kPair;
    const GroupKey key{f.relation, f.to, pair ? f.from : ""};
    labels[key] = {pair ? f.from_label : "", f.to_label};
    for (const FactSource& s : f.statements) {
      if (s.date.empty() || !ParseDateValue(s.date)) continue;
      groups[key][s.date].push_back({i, s});
    }
  }

  std::vector<Conflict> conflicts;
  for (auto& [key, by_date] : groups) {
    if (!SomeDatesDisagree(by_date, [](const auto& claim) { return std::string_view(claim.first); })) continue;
    Conflict c;
    c.relation = std::get<0>(key);
    c.object = std::get<1>(key);
    c.subject = std::get<2>(key);
    c.scope = c.subject.empty() ? ConflictScope::kObject : ConflictScope::kPair;
    c.subject_label = labels[key].first;
    c.object_label = labels[key].second;
    for (auto& [date, statements] : by_date) {
      Claim claim;
      claim.date = date;
      std::sort(statements.begin(), statements.end(), [](const ClaimStatement& a, const ClaimStatement& b) {
        return SourceBefore(a.source, b.source) || (!SourceBefore(b.source, a.source) && a.fact < b.fact);
      });
      std::set<std::string> documents;
      for (const ClaimStatement& s : statements) documents.insert(s.source.document);
      claim.sources = static_cast<int>(documents.size());
      claim.statements = std::move(statements);
      c.claims.push_back(std::move(claim));
    }
    std::sort(c.claims.begin(), c.claims.end(),
              [](const Claim& a, const Claim& b) { return CompareDateValues(a.date, "", b.date, "") < 0; });
    conflicts.push_back(std::move(c));
  }
  return conflicts;
}

void MarkConflicts(const std::vector<Conflict>& conflicts, std::vector<Fact>* facts) {
  for (const Conflict& c : conflicts) {
    for (const Claim& claim : c.claims) {
      for (const ClaimStatement& s : claim.statements) {
        if (s.fact < facts->size()) (*facts)[s.fact].conflict = true;
      }
    }
  }
}

}  // namespace chronograph::graph
