#include "graph/knowledge_graph.h"

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/graph/sample_corpus.h"

namespace chronograph::graph {
namespace {

using chronograph::testing::MakeEvent;
using chronograph::testing::MakeMention;
using chronograph::testing::MakeRelation;
using chronograph::testing::SampleCorpus;
using chronograph::testing::Src;

KnowledgeGraph Build(const std::vector<extract::ExtractionResult>& docs) {
  KnowledgeGraph kg;
  for (const auto& d : docs) kg.Add(d);
  kg.Finalize();
  return kg;
}

// Everything observable about a graph, as text, to compare two graphs.
std::string Dump(const KnowledgeGraph& kg) {
  std::ostringstream out;
  const Graph& g = kg.graph();
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const EntityNode& n = g[v];
    out << "node " << n.id << "|" << n.label << "|" << n.type << "|" << n.mentions << "|"
        << n.first_date << "|" << n.last_date << "|";
    for (const auto& a : n.aliases) out << a << ",";
    for (const auto& d : n.documents) out << d << ";";
    out << "\n";
  }
  for (const Edge& e : kg.edges()) {
    const RelationEdge& r = g[e];
    out << "edge " << g[boost::source(e, g)].id << "-" << g[boost::target(e, g)].id << " "
        << r.relation << " " << r.from << ">" << r.to << " " << r.date << " " << r.weight << " "
        << r.sources;
    for (const auto& ev : r.evidence) out << " [" << ev.document << ":" << ev.line << ":" << ev.text << "]";
    out << "\n";
  }
  for (const auto& ev : kg.events()) out << "event " << ev.date << " " << ev.source.document << ":" << ev.source.line << "\n";
  for (const auto& d : kg.dates()) out << "date " << d.value << " " << d.source.document << ":" << d.source.line << "\n";
  return out.str();
}

const RelationEdge* FindEdge(const KnowledgeGraph& kg, const std::string& a, const std::string& b,
                             const std::string& relation) {
  for (const Edge& e : kg.edges()) {
    const RelationEdge& r = kg.graph()[e];
    const std::string& s = kg.graph()[boost::source(e, kg.graph())].id;
    const std::string& t = kg.graph()[boost::target(e, kg.graph())].id;
    if (r.relation == relation && ((s == a && t == b) || (s == b && t == a))) return &r;
  }
  return nullptr;
}

TEST(KnowledgeGraphTest, VerticesAreSortedById) {
  const KnowledgeGraph kg = Build(SampleCorpus());
  std::vector<std::string> ids;
  for (Vertex v : boost::make_iterator_range(boost::vertices(kg.graph()))) {
    ids.push_back(kg.graph()[v].id);
  }
  const std::vector<std::string> expected = {"a-b-c",  "alexnet", "dgx",   "geoffrey-hinton",
                                             "ilya-sutskever", "openai", "黄仁勋"};
  EXPECT_EQ(ids, expected);
}

TEST(KnowledgeGraphTest, EdgesAreSortedBySourceTargetRelation) {
  const KnowledgeGraph kg = Build(SampleCorpus());
  const Graph& g = kg.graph();
  ASSERT_FALSE(kg.edges().empty());
  for (std::size_t i = 0; i + 1 < kg.edges().size(); ++i) {
    const Edge a = kg.edges()[i], b = kg.edges()[i + 1];
    const auto ka = std::tie(g[boost::source(a, g)].id, g[boost::target(a, g)].id, g[a].relation, g[a].from);
    const auto kb = std::tie(g[boost::source(b, g)].id, g[boost::target(b, g)].id, g[b].relation, g[b].from);
    EXPECT_LT(ka, kb) << "edge " << i;
    EXPECT_LT(g[boost::source(a, g)].id, g[boost::target(a, g)].id) << "edge " << i;
  }
  EXPECT_EQ(kg.edge_count(), kg.edges().size());
}

TEST(KnowledgeGraphTest, NodeFields) {
  const KnowledgeGraph kg = Build(SampleCorpus());
  struct Case {
    const char* id;
    const char* label;
    const char* type;
    std::vector<std::string> aliases;
    int mentions;
    const char* first_date;
    const char* last_date;
    std::size_t documents;
  };
  const Case cases[] = {
      {"ilya-sutskever", "Ilya Sutskever", "PERSON", {"Ilya", "Ilya Sutskever"}, 3, "2002/2003", "2015-12-11", 2},
      {"dgx", "DGX", "PRODUCT", {"DGX", "DGX-1"}, 2, "2016-Q1", "2016-Q1", 2},
      {"黄仁勋", "黄仁勋", "PERSON", {"黄仁勋"}, 1, "", "", 1},  // only a duration "event"
      {"a-b-c", chronograph::testing::kOddLabel.c_str(), "MODEL", {chronograph::testing::kOddLabel}, 1, "201X", "2016", 1},
      {"openai", "OpenAI", "ORG", {"OpenAI"}, 2, "2015-12-11", "2015-12-11", 2},
  };
  for (const Case& c : cases) {
    const EntityNode* n = kg.FindEntity(c.id);
    ASSERT_NE(n, nullptr) << c.id;
    EXPECT_EQ(n->label, c.label) << c.id;
    EXPECT_EQ(n->type, c.type) << c.id;
    EXPECT_EQ(std::vector<std::string>(n->aliases.begin(), n->aliases.end()), c.aliases) << c.id;
    EXPECT_EQ(n->mentions, c.mentions) << c.id;
    EXPECT_EQ(n->first_date, c.first_date) << c.id;
    EXPECT_EQ(n->last_date, c.last_date) << c.id;
    EXPECT_EQ(n->documents.size(), c.documents) << c.id;
  }
}

TEST(KnowledgeGraphTest, EdgeFields) {
  const KnowledgeGraph kg = Build(SampleCorpus());
  struct Case {
    const char* a;
    const char* b;
    const char* relation;
    const char* from;
    const char* to;
    const char* date;
    double weight;
    int sources;
  };
  const Case cases[] = {
      {"alexnet", "ilya-sutskever", "co_occurs", "alexnet", "ilya-sutskever", "", 1, 1},
      {"alexnet", "ilya-sutskever", "created", "ilya-sutskever", "alexnet", "2012", 1, 1},
      {"ilya-sutskever", "openai", "co_occurs", "ilya-sutskever", "openai", "", 1, 1},
      {"ilya-sutskever", "openai", "founded", "ilya-sutskever", "openai", "2015-12-11", 1, 1},
      {"openai", "黄仁勋", "delivered_to", "黄仁勋", "openai", "", 1, 1},
      {"dgx", "黄仁勋", "co_occurs", "dgx", "黄仁勋", "", 1, 1},
  };
  for (const Case& c : cases) {
    const RelationEdge* r = FindEdge(kg, c.a, c.b, c.relation);
    ASSERT_NE(r, nullptr) << c.a << " " << c.b << " " << c.relation;
    EXPECT_EQ(r->from, c.from) << c.relation;
    EXPECT_EQ(r->to, c.to) << c.relation;
    EXPECT_EQ(r->date, c.date) << c.relation;
    EXPECT_EQ(r->weight, c.weight) << c.relation;
    EXPECT_EQ(r->sources, c.sources) << c.relation;
    ASSERT_EQ(r->evidence.size(), 1u) << c.relation;
  }
  // Co-occurrence evidence carries the sentence found through the event span.
  const RelationEdge* r = FindEdge(kg, "geoffrey-hinton", "ilya-sutskever", kCoOccurs);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->evidence[0].document, "talk.txt");
  EXPECT_EQ(r->evidence[0].line, 1);
  EXPECT_NE(r->evidence[0].text.find("AlexNet"), std::string::npos);
  // No edge between entities of different sentences.
  EXPECT_EQ(FindEdge(kg, "alexnet", "openai", kCoOccurs), nullptr);
}

TEST(KnowledgeGraphTest, DurationEventsAreDroppedDatesKept) {
  const KnowledgeGraph kg = Build(SampleCorpus());
  for (const auto& e : kg.events()) EXPECT_NE(e.date[0], 'P') << e.date;
  EXPECT_EQ(kg.events().size(), 6u);
  EXPECT_EQ(kg.dates().size(), 7u);
  EXPECT_TRUE(std::any_of(kg.dates().begin(), kg.dates().end(),
                          [](const extract::DateMention& d) { return d.value == "P10Y"; }));
}

TEST(KnowledgeGraphTest, EventsAreInDateOrder) {
  const KnowledgeGraph kg = Build(SampleCorpus());
  std::vector<std::string> dates;
  for (const auto& e : kg.events()) dates.push_back(e.date + (e.mod.empty() ? "" : "~" + e.mod));
  const std::vector<std::string> expected = {"2002/2003", "201X", "2012", "2015-12-11", "2016~START", "2016-Q1"};
  EXPECT_EQ(dates, expected);
}

TEST(KnowledgeGraphTest, SameResultForEveryAddOrder) {
  std::vector<extract::ExtractionResult> docs = SampleCorpus();
  // A third document that restates things, so merges happen across documents.
  extract::ExtractionResult extra;
  extra.document = "again.txt";
  extra.mentions = {MakeMention("AlexNet", "MODEL", "Alex Net", 0, Src("again.txt", 1, 0, 8)),
                    MakeMention("Ilya Sutskever", "PERSON", "Sutskever", 0, Src("again.txt", 1, 12, 21))};
  extra.relations = {MakeRelation("created", "ilya-sutskever", "alexnet", "2012-09", "Sutskever made Alex Net.",
                                  Src("again.txt", 1, 0, 24))};
  extra.events = {MakeEvent("2012-09", "", "September 2012", {"alexnet", "ilya-sutskever"},
                            "Sutskever made Alex Net.", Src("again.txt", 1, 0, 24))};
  docs.push_back(extra);

  std::vector<int> order = {0, 1, 2};
  const std::string reference = [&] {
    KnowledgeGraph kg;
    for (int i : order) kg.Add(docs[i]);
    kg.Finalize();
    return Dump(kg);
  }();
  while (std::next_permutation(order.begin(), order.end())) {
    KnowledgeGraph kg;
    for (int i : order) kg.Add(docs[i]);
    kg.Finalize();
    EXPECT_EQ(Dump(kg), reference) << "order " << order[0] << order[1] << order[2];
  }
  const KnowledgeGraph kg = Build(docs);
  const RelationEdge* created = FindEdge(kg, "alexnet", "ilya-sutskever", "created");
  ASSERT_NE(created, nullptr);
  EXPECT_EQ(created->weight, 2);
  EXPECT_EQ(created->sources, 2);
  EXPECT_EQ(created->date, "2012");  // the earliest stated date
}

TEST(KnowledgeGraphTest, FinalizeIsIdempotentAndAddAfterFinalizeWorks) {
  std::vector<extract::ExtractionResult> docs = SampleCorpus();
  KnowledgeGraph kg;
  kg.Add(docs[0]);
  kg.Finalize();
  kg.Finalize();
  kg.Add(docs[1]);
  kg.Finalize();
  EXPECT_EQ(Dump(kg), Dump(Build(docs)));
}

TEST(KnowledgeGraphTest, AddAfterFinalizeFindsTheSameEdges) {
  // Finalize releases the edge index; the next Add rebuilds it, so a
  // document added again adds to the edges it made, not to new ones.
  const std::vector<extract::ExtractionResult> docs = SampleCorpus();
  KnowledgeGraph once;
  once.Add(docs[0]);
  once.Finalize();
  KnowledgeGraph twice;
  twice.Add(docs[0]);
  twice.Finalize();
  twice.Add(docs[0]);
  twice.Finalize();
  ASSERT_GT(once.edge_count(), 0u);
  ASSERT_EQ(twice.edge_count(), once.edge_count());
  for (std::size_t i = 0; i < once.edges().size(); ++i) {
    const RelationEdge& a = once.graph()[once.edges()[i]];
    const RelationEdge& b = twice.graph()[twice.edges()[i]];
    EXPECT_EQ(b.relation, a.relation) << i;
    EXPECT_EQ(b.weight, 2 * a.weight) << i;
    EXPECT_EQ(b.evidence.size(), a.evidence.size()) << i;  // the same sentences
  }
}

TEST(KnowledgeGraphTest, AddAfterFinalizeKeepsEdgesBetweenNamesOfOneEntity) {
  // "DeepMind" and "Google DeepMind" share a Wikidata id: Finalize merges
  // them, so their co_occurs edge is in no final edge, yet it must survive
  // the spill and come back for the next Finalize.
  extract::ExtractionResult a, b;
  a.document = "a.txt";
  b.document = "b.txt";
  a.mentions = {MakeMention("DeepMind", "ORG", "DeepMind", 0, Src("a.txt", 1, 0, 8)),
                MakeMention("Google DeepMind", "ORG", "Google DeepMind", 0, Src("a.txt", 1, 12, 27)),
                MakeMention("Demis Hassabis", "PERSON", "Demis Hassabis", 0, Src("a.txt", 1, 30, 44))};
  a.mentions[0].wikidata = a.mentions[1].wikidata = "Q15733006";
  b.mentions = {MakeMention("DeepMind", "ORG", "DeepMind", 0, Src("b.txt", 3, 0, 8)),
                MakeMention("Shane Legg", "PERSON", "Shane Legg", 0, Src("b.txt", 3, 20, 30))};
  b.mentions[0].wikidata = "Q15733006";
  b.relations = {MakeRelation("founded", "shane-legg", "deepmind", "2010", "s", Src("b.txt", 3, 0, 30))};
  KnowledgeGraph step;
  step.Add(a);
  step.Finalize();
  step.Add(b);
  step.Finalize();
  const KnowledgeGraph once = Build({a, b});
  EXPECT_EQ(Dump(step), Dump(once));
  EXPECT_EQ(once.FindEntity("google-deepmind"), nullptr);
  EXPECT_NE(FindEdge(once, "deepmind", "shane-legg", "founded"), nullptr);
  // Every pending edge came back: adding `a` again after Finalize is adding
  // it twice before.
  KnowledgeGraph twice = Build({a});
  twice.Add(a);
  twice.Finalize();
  EXPECT_EQ(Dump(twice), Dump(Build({a, a})));
}

TEST(KnowledgeGraphTest, ConflictingCanonicalNamesResolveDeterministically) {
  struct Case {
    const char* name;
    std::vector<std::pair<std::string, std::string>> doc1;  // (canonical, type) per mention
    std::vector<std::pair<std::string, std::string>> doc2;
    const char* label;
    const char* type;
  };
  const Case cases[] = {
      {"most mentions wins", {{"Foo", "ORG"}}, {{"FOO", "PRODUCT"}, {"FOO", "PRODUCT"}}, "FOO", "PRODUCT"},
      {"tie: smallest (canonical, type)", {{"foo", "ORG"}}, {{"Foo", "ORG"}}, "Foo", "ORG"},
      {"tie on canonical: smallest type", {{"Foo", "PRODUCT"}}, {{"Foo", "ORG"}}, "Foo", "ORG"},
  };
  for (const Case& c : cases) {
    auto make = [](const std::string& doc, const std::vector<std::pair<std::string, std::string>>& names) {
      extract::ExtractionResult r;
      r.document = doc;
      int s = 0;
      for (const auto& [canonical, type] : names) {
        extract::Mention m = MakeMention(canonical, type, canonical, s, Src(doc, s + 1, 0, 3));
        ++s;
        m.entity_id = "foo";
        r.mentions.push_back(m);
      }
      return r;
    };
    const extract::ExtractionResult a = make("a.txt", c.doc1), b = make("b.txt", c.doc2);
    for (int flip = 0; flip < 2; ++flip) {
      KnowledgeGraph kg;
      kg.Add(flip ? b : a);
      kg.Add(flip ? a : b);
      kg.Finalize();
      const EntityNode* n = kg.FindEntity("foo");
      ASSERT_NE(n, nullptr) << c.name;
      EXPECT_EQ(n->label, c.label) << c.name << " flip " << flip;
      EXPECT_EQ(n->type, c.type) << c.name << " flip " << flip;
      EXPECT_EQ(n->aliases.count(c.label), 1u) << c.name;
    }
  }
}

TEST(KnowledgeGraphTest, EvidenceIsBoundedButWeightCountsAll) {
  extract::ExtractionResult r;
  r.document = "many.txt";
  for (int i = 9; i >= 1; --i) {  // reverse order: kept evidence must still be the first lines
    const std::size_t at = static_cast<std::size_t>(i) * 100;
    r.mentions.push_back(MakeMention("AlexNet", "MODEL", "AlexNet", i, Src("many.txt", i, at, at + 7)));
    r.mentions.push_back(MakeMention("ImageNet", "DATASET", "ImageNet", i, Src("many.txt", i, at + 10, at + 18)));
    r.relations.push_back(MakeRelation("trained_on", "alexnet", "imagenet", "", "s" + std::to_string(i),
                                       Src("many.txt", i, at, at + 20)));
  }
  const KnowledgeGraph kg = Build({r});
  // co_occurs keeps the first kMaxEvidencePerEdge; a typed relation is a
  // fact and keeps every statement (graph/facts.h).
  for (const auto& [relation, kept] : {std::pair<const char*, std::size_t>{"co_occurs", kMaxEvidencePerEdge},
                                       std::pair<const char*, std::size_t>{"trained_on", 9}}) {
    const RelationEdge* e = FindEdge(kg, "alexnet", "imagenet", relation);
    ASSERT_NE(e, nullptr) << relation;
    EXPECT_EQ(e->weight, 9) << relation;
    ASSERT_EQ(e->evidence.size(), kept) << relation;
    EXPECT_EQ(e->evidence[0].line, 1) << relation;
    EXPECT_EQ(e->evidence[2].line, 3) << relation;
  }
  EXPECT_EQ(FindEdge(kg, "alexnet", "imagenet", "trained_on")->evidence[0].text, "s1");
  EXPECT_EQ(FindEdge(kg, "alexnet", "imagenet", "trained_on")->evidence[8].text, "s9");
}

TEST(KnowledgeGraphTest, RepeatedStatementsKeepOneEvidenceWithTheFirstSpan) {
  // 40 statements of 4 distinct sentences (more than the pending list holds
  // before it drops repeats): one evidence per sentence, the span of its
  // first statement, as a std::set of evidences kept it; weight counts all.
  extract::ExtractionResult r;
  r.document = "repeat.txt";
  for (std::size_t i = 0; i < 40; ++i) {
    const int line = static_cast<int>(4 - i % 4);
    r.relations.push_back(MakeRelation("trained_on", "alexnet", "imagenet", "", "s" + std::to_string(line),
                                       Src("repeat.txt", line, 1000 + i, 1010 + i)));
  }
  const KnowledgeGraph kg = Build({r});
  const RelationEdge* e = FindEdge(kg, "alexnet", "imagenet", "trained_on");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->weight, 40);
  EXPECT_EQ(e->sources, 1);
  ASSERT_EQ(e->evidence.size(), 4u);
  for (std::size_t k = 0; k < 4; ++k) {
    const Evidence& ev = e->evidence[k];
    EXPECT_EQ(ev.line, static_cast<int>(k + 1)) << k;
    EXPECT_EQ(ev.text, "s" + std::to_string(k + 1)) << k;
    EXPECT_EQ(ev.begin, 1000 + (3 - k)) << k;  // line 4 - i % 4 first came at i = 4 - line
    EXPECT_EQ(ev.document, "repeat.txt") << k;
  }
}

TEST(KnowledgeGraphTest, SelfRelationsIgnoredUnknownIdsGetPlaceholders) {
  extract::ExtractionResult r;
  r.document = "odd.txt";
  r.mentions = {MakeMention("AlexNet", "MODEL", "AlexNet", 0, Src("odd.txt", 1, 0, 7))};
  r.relations = {MakeRelation("created", "alexnet", "alexnet", "", "x", Src("odd.txt", 1, 0, 9))};
  r.events = {MakeEvent("2012", "", "2012", {"alexnet", "ghost"}, "x", Src("odd.txt", 1, 0, 9))};
  const KnowledgeGraph kg = Build({r});
  EXPECT_EQ(kg.edge_count(), 0u);
  const EntityNode* ghost = kg.FindEntity("ghost");
  ASSERT_NE(ghost, nullptr);
  EXPECT_EQ(ghost->label, "ghost");
  EXPECT_EQ(ghost->type, kUnknownType);
  EXPECT_EQ(ghost->mentions, 0);
  EXPECT_EQ(ghost->first_date, "2012");
  EXPECT_EQ(kg.LabelOf("alexnet"), "AlexNet");
  EXPECT_EQ(kg.LabelOf("nobody"), "nobody");
  EXPECT_FALSE(kg.FindVertex("nobody").has_value());
}

TEST(KnowledgeGraphTest, EmptyGraph) {
  KnowledgeGraph kg;
  kg.Finalize();
  EXPECT_EQ(kg.entity_count(), 0u);
  EXPECT_EQ(kg.edge_count(), 0u);
  EXPECT_TRUE(kg.events().empty());
}

}  // namespace
}  // namespace chronograph::graph
