#include "graph/facts.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::graph {
namespace {

using chronograph::testing::MakeEvent;
using chronograph::testing::MakeMention;
using chronograph::testing::MakeRelation;
using chronograph::testing::Src;

// A relation fact with one statement per (document, date).
Fact Relation(const std::string& relation, const std::string& from, const std::string& to,
              const std::vector<std::pair<std::string, std::string>>& statements) {
  Fact f;
  f.kind = FactKind::kRelation;
  f.relation = relation;
  f.from = from;
  f.to = to;
  f.from_label = from;
  f.to_label = to;
  int line = 1;
  for (const auto& [document, date] : statements) f.statements.push_back({document, line++, "s", date, ""});
  return f;
}

TEST(FactsTest, ConflictRuleTable) {
  struct Case {
    const char* name;
    std::vector<Fact> facts;
    std::size_t conflicts;
  };
  const Case cases[] = {
      {"founded 2015-12 vs 2016: ranges apart",
       {Relation("founded", "altman", "openai", {{"en.txt", "2015-12"}}),
        Relation("founded", "musk", "openai", {{"zh.txt", "2016"}})},
       1},
      {"2015 vs 2015-12: one refines the other",
       {Relation("founded", "altman", "openai", {{"a.txt", "2015"}, {"b.txt", "2015-12"}})},
       0},
      {"interval 2002/2003 overlaps 2003",
       {Relation("created", "a", "x", {{"a.txt", "2002/2003"}}), Relation("created", "b", "x", {{"b.txt", "2003"}})},
       0},
      {"decade 201X overlaps 2012", {Relation("released", "openai", "gpt", {{"a.txt", "201X"}, {"b.txt", "2012"}})}, 0},
      {"won by one subject in 2012 and 2013",
       {Relation("won", "alexnet", "ilsvrc", {{"a.txt", "2012"}, {"b.txt", "2013"}})},
       1},
      {"won by two subjects in two years: no conflict",
       {Relation("won", "alexnet", "ilsvrc", {{"a.txt", "2012"}}),
        Relation("won", "zfnet", "ilsvrc", {{"b.txt", "2013"}})},
       0},
      {"works_at recurs", {Relation("works_at", "hinton", "google", {{"a.txt", "2013"}, {"b.txt", "2023"}})}, 0},
      {"undated and unparseable statements take no part",
       {Relation("founded", "a", "x", {{"a.txt", ""}, {"b.txt", "2015"}, {"c.txt", "P10Y"}})},
       0},
      {"same document may disagree with itself",
       {Relation("created", "a", "x", {{"a.txt", "2017"}, {"a.txt", "2019"}})},
       1},
      {"two objects, one conflict each",
       {Relation("founded", "a", "x", {{"a.txt", "2015"}, {"b.txt", "2016"}}),
        Relation("founded", "a", "y", {{"a.txt", "2001"}, {"b.txt", "2002"}})},
       2},
  };
  for (const Case& c : cases) {
    const std::vector<Conflict> found = FindConflicts(c.facts);
    EXPECT_EQ(found.size(), c.conflicts) << c.name;
  }
}

TEST(FactsTest, ConflictListsClaimsByDateWithEveryStatement) {
  const std::vector<Fact> facts = {
      Relation("founded", "musk", "openai", {{"zh.txt", "2016"}, {"en.txt", "2015-12"}}),
      Relation("founded", "altman", "openai", {{"zh.txt", "2016"}, {"en.txt", "2015-12"}, {"other.txt", "2015"}}),
  };
  const std::vector<Conflict> conflicts = FindConflicts(facts);
  ASSERT_EQ(conflicts.size(), 1u);
  const Conflict& c = conflicts[0];
  EXPECT_EQ(c.relation, "founded");
  EXPECT_EQ(c.object, "openai");
  EXPECT_EQ(c.scope, ConflictScope::kObject);
  EXPECT_TRUE(c.subject.empty());
  ASSERT_EQ(c.claims.size(), 3u);
  EXPECT_EQ(c.claims[0].date, "2015");  // date order: 2015 starts before 2015-12
  EXPECT_EQ(c.claims[1].date, "2015-12");
  EXPECT_EQ(c.claims[2].date, "2016");
  EXPECT_EQ(c.claims[2].statements.size(), 2u);
  EXPECT_EQ(c.claims[2].sources, 1);
  std::vector<Fact> marked = facts;
  MarkConflicts(conflicts, &marked);
  EXPECT_TRUE(marked[0].conflict && marked[1].conflict);
}

TEST(FactsTest, DateRangesOverlap) {
  EXPECT_TRUE(DateRangesOverlap("2015", "2015-12-11"));
  EXPECT_TRUE(DateRangesOverlap("2016-Q1", "2016-03"));
  EXPECT_FALSE(DateRangesOverlap("2015-12", "2016"));
  EXPECT_FALSE(DateRangesOverlap("2016-Q1", "2016-04"));
  EXPECT_FALSE(DateRangesOverlap("2015", "P10Y"));
  EXPECT_FALSE(DateRangesOverlap("", "2015"));
}

// Two documents state one fact; a third states it with another date.
std::vector<extract::ExtractionResult> Corpus() {
  std::vector<extract::ExtractionResult> docs(3);
  const char* names[] = {"a.txt", "b.txt", "c.txt"};
  const char* dates[] = {"2015-12", "2015", "2016"};
  for (int i = 0; i < 3; ++i) {
    extract::ExtractionResult& r = docs[static_cast<std::size_t>(i)];
    r.document = names[i];
    const std::string s = std::string("Altman founded OpenAI in ") + dates[i] + ".";
    r.mentions = {MakeMention("Sam Altman", "PERSON", "Altman", 0, Src(names[i], 2, 0, 6)),
                  MakeMention("OpenAI", "ORG", "OpenAI", 0, Src(names[i], 2, 15, 21))};
    r.mentions[1].wikidata = "Q21708200";
    r.events = {MakeEvent(dates[i], "", dates[i], {"openai", "sam-altman"}, s, Src(names[i], 2, 0, s.size()))};
    r.relations = {MakeRelation("founded", "sam-altman", "openai", dates[i], s, Src(names[i], 2, 0, s.size()))};
  }
  return docs;
}

TEST(FactsTest, BuildFactsKeepsEverySourceAndFlagsConflicts) {
  KnowledgeGraph kg;
  for (const auto& d : Corpus()) kg.Add(d);
  kg.Finalize();
  EXPECT_EQ(kg.FindEntity("openai")->wikidata, "Q21708200");
  EXPECT_EQ(kg.FindEntity("sam-altman")->wikidata, "");
  const std::vector<Fact> facts = BuildFacts(kg);
  // One relation fact, then dated facts: openai x 3 dates, sam-altman x 3.
  ASSERT_EQ(facts.size(), 7u);
  const Fact& founded = facts[0];
  EXPECT_EQ(founded.kind, FactKind::kRelation);
  EXPECT_EQ(founded.sources, 3);
  ASSERT_EQ(founded.statements.size(), 3u);
  EXPECT_EQ(founded.statements[0].document, "a.txt");
  EXPECT_EQ(founded.statements[0].date, "2015-12");
  EXPECT_EQ(founded.statements[2].date, "2016");
  EXPECT_EQ(founded.date, "2015");  // earliest
  EXPECT_TRUE(founded.conflict);
  EXPECT_NE(founded.edge, kNoEdge);
  EXPECT_EQ(facts[1].kind, FactKind::kDated);
  EXPECT_EQ(facts[1].from, "openai");
  EXPECT_EQ(facts[1].date, "2015");
  EXPECT_EQ(facts[2].date, "2015-12");
  EXPECT_EQ(facts[3].date, "2016");
  EXPECT_FALSE(facts[1].conflict);
  EXPECT_EQ(FindConflicts(facts).size(), 1u);
}

// The streamed relation facts flag the same conflicts as FindConflicts over
// every fact at once, while only the disagreeing groups are ever built.
TEST(FactsTest, StreamedConflictFlagsMatchFindConflictsOverAllFacts) {
  struct Stated {
    const char* relation;
    const char* from;
    const char* to;
    const char* date;
  };
  const Stated stated[] = {
      {"founded", "altman", "openai", "2015"},      // founded OpenAI: 2015 vs 2016
      {"founded", "musk", "openai", "2016"},
      {"founded", "hassabis", "deepmind", "2010"},  // agrees: 2010 and 2010-09
      {"founded", "hassabis", "deepmind", "2010-09"},
      {"won", "hinton", "turing-award", "2018"},    // pair scope: two winners
      {"won", "lecun", "turing-award", "2019"},
      {"created", "hinton", "alexnet", ""},         // undated: never a conflict
      {"studied_at", "hinton", "edinburgh", "1975"},  // no rule
      {"studied_at", "hinton", "edinburgh", "1978"},
  };
  std::vector<extract::ExtractionResult> docs;
  int n = 0;
  for (const Stated& s : stated) {
    extract::ExtractionResult r;
    r.document = "d" + std::to_string(n++) + ".txt";
    const std::string text = std::string(s.from) + " " + s.relation + " " + s.to;
    r.mentions = {MakeMention(s.from, "PERSON", s.from, 0, Src(r.document, 1, 0, 1)),
                  MakeMention(s.to, "ORG", s.to, 0, Src(r.document, 1, 2, 3))};
    r.relations = {MakeRelation(s.relation, s.from, s.to, s.date, text, Src(r.document, 1, 0, text.size()))};
    docs.push_back(std::move(r));
  }
  KnowledgeGraph kg;
  for (const auto& d : docs) kg.Add(d);
  kg.Finalize();

  std::vector<Fact> all;
  std::vector<bool> streamed_flags;
  ForEachRelationFact(kg, [&](std::size_t index, Fact&& f) {
    EXPECT_EQ(index, all.size());
    streamed_flags.push_back(f.conflict);
    f.conflict = false;
    all.push_back(std::move(f));
  });
  ASSERT_EQ(all.size(), 7u);  // founded x3 pairs, won x2, created, studied_at
  MarkConflicts(FindConflicts(all), &all);
  std::vector<std::size_t> flagged_edges;
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(streamed_flags[i], all[i].conflict) << all[i].from << " " << all[i].relation << " " << all[i].to;
    if (all[i].conflict) flagged_edges.push_back(all[i].edge);
  }
  std::sort(flagged_edges.begin(), flagged_edges.end());
  EXPECT_EQ(ConflictingEdges(kg), flagged_edges);
  EXPECT_EQ(flagged_edges.size(), 2u);  // altman and musk founding OpenAI

  // Only the OpenAI founding group disagrees: one group, its two facts.
  const std::vector<ConflictGroup> groups = ConflictGroups(kg);
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_EQ(groups[0].size(), 2u);
  for (const ConflictFact& f : groups[0]) {
    EXPECT_EQ(all[f.index].to, "openai");
    EXPECT_EQ(all[f.index].edge, f.edge);
  }
  // ForEachConflict gives that group's conflict as FindConflicts does.
  const std::vector<Conflict> expected = FindConflicts(all);
  std::size_t seen = 0;
  ForEachConflict(kg, nullptr, [&](const Conflict& c, const std::vector<Fact>& facts, const ConflictGroup& group) {
    ASSERT_LT(seen, expected.size());
    EXPECT_EQ(c.object, expected[seen].object);
    ASSERT_EQ(c.claims.size(), expected[seen].claims.size());
    for (std::size_t k = 0; k < c.claims.size(); ++k) {
      EXPECT_EQ(c.claims[k].date, expected[seen].claims[k].date);
      ASSERT_EQ(c.claims[k].statements.size(), 1u);
      EXPECT_EQ(group[c.claims[k].statements[0].fact].index, expected[seen].claims[k].statements[0].fact);
      EXPECT_EQ(facts[c.claims[k].statements[0].fact].from, all[expected[seen].claims[k].statements[0].fact].from);
    }
    ++seen;
  });
  EXPECT_EQ(seen, 1u);
}

TEST(FactsTest, EntitiesSharingAWikidataIdAreMerged) {
  extract::ExtractionResult a, b;
  a.document = "a.txt";
  b.document = "b.txt";
  a.mentions = {MakeMention("OpenAI", "ORG", "OpenAI", 0, Src("a.txt", 1, 0, 6)),
                MakeMention("OpenAI", "ORG", "OpenAI", 1, Src("a.txt", 2, 0, 6)),
                MakeMention("Sam Altman", "PERSON", "Sam Altman", 0, Src("a.txt", 1, 10, 20))};
  // Another canonical name for the same Q id (e.g. from an overlay rule file).
  b.mentions = {MakeMention("OpenAI Inc.", "ORG", "OpenAI Inc.", 0, Src("b.txt", 1, 0, 11)),
                MakeMention("Sam Altman", "PERSON", "Sam Altman", 0, Src("b.txt", 1, 15, 25))};
  a.mentions[0].wikidata = a.mentions[1].wikidata = b.mentions[0].wikidata = "Q21708200";
  b.relations = {MakeRelation("founded", "sam-altman", "openai-inc", "2015", "s", Src("b.txt", 1, 0, 30))};
  b.events = {MakeEvent("2015", "", "2015", {"openai-inc"}, "s", Src("b.txt", 1, 0, 30))};
  KnowledgeGraph kg;
  kg.Add(b);
  kg.Add(a);
  kg.Finalize();
  EXPECT_EQ(kg.FindEntity("openai-inc"), nullptr);
  const EntityNode* openai = kg.FindEntity("openai");
  ASSERT_NE(openai, nullptr);
  EXPECT_EQ(openai->mentions, 3);
  EXPECT_EQ(openai->aliases.count("OpenAI Inc."), 1u);
  EXPECT_EQ(openai->documents.size(), 2u);
  EXPECT_EQ(openai->first_date, "2015");
  ASSERT_EQ(kg.events().size(), 1u);
  EXPECT_EQ(kg.events()[0].entity_ids, std::vector<std::string>{"openai"});
  bool founded = false;
  int co_occurs = 0;
  for (const Edge& e : kg.edges()) {
    const RelationEdge& r = kg.graph()[e];
    if (r.relation == "founded") founded = r.from == "sam-altman" && r.to == "openai";
    if (r.relation == kCoOccurs) {
      ++co_occurs;
      EXPECT_EQ(r.sources, 2);  // both documents, merged into one edge
    }
  }
  EXPECT_TRUE(founded);
  EXPECT_EQ(co_occurs, 1);
}

}  // namespace
}  // namespace chronograph::graph
