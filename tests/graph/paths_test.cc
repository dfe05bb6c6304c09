#include "graph/paths.h"

#include <deque>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/entity_resolver.h"

namespace chronograph::graph {
namespace {

// A small graph built directly (as graphml_reader does).
class PathsTest : public ::testing::Test {
 protected:
  Vertex Add(const std::string& id, std::set<std::string> aliases = {}, int mentions = 1) {
    EntityNode n;
    n.id = id;
    n.label = id;
    n.type = "X";
    n.aliases = std::move(aliases);
    n.aliases.insert(id);
    n.mentions = mentions;
    return boost::add_vertex(std::move(n), g_);
  }
  void Link(Vertex a, Vertex b, const std::string& relation) {
    // The edge's strings are views: keep what they point into.
    RelationEdge e;
    e.relation = text_.emplace_back(relation);
    e.from = text_.emplace_back(g_[a].id);
    e.to = text_.emplace_back(g_[b].id);
    e.weight = 1;
    boost::add_edge(a, b, e, g_);
  }
  static std::string Describe(const Graph& g, const FoundPath& p) {
    std::string out = g[p.links.front().from].id;
    for (const PathLink& l : p.links) out.append(" ").append(g[l.edges.front()].relation).append(" ").append(g[l.to].id);
    return out;
  }
  Graph g_;
  std::deque<std::string> text_;  // what the edges' views point into
};

TEST_F(PathsTest, TypedChainBeatsCoOccurrence) {
  const Vertex a = Add("a"), b = Add("b"), m = Add("m");
  Link(a, b, kCoOccurs);
  Link(a, m, "studied_under");
  Link(m, b, "founded");
  const std::vector<FoundPath> paths = ShortestPaths(g_, a, b);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(Describe(g_, paths[0]), "a studied_under m founded b");
  EXPECT_EQ(paths[0].cost, 4);
  // Three typed hops (6) lose to one co-occurrence (5).
  const Vertex c = Add("c"), d = Add("d"), e = Add("e"), f = Add("f");
  Link(c, f, kCoOccurs);
  Link(c, d, "x");
  Link(d, e, "x");
  Link(e, f, "x");
  EXPECT_EQ(Describe(g_, ShortestPaths(g_, c, f).at(0)), "c co_occurs f");
}

TEST_F(PathsTest, ConceptsCostMoreToPassThroughAndSkippedTypesAreAvoided) {
  // a -- Deep learning -- b (two co-occurrences through a hub concept)
  // against a -- x -- y -- b (three co-occurrences through named entities).
  const Vertex a = Add("a"), b = Add("b"), hub = Add("deep-learning"), x = Add("x"), y = Add("y");
  g_[hub].type = kConceptType;
  Link(a, hub, kCoOccurs);
  Link(hub, b, kCoOccurs);
  Link(a, x, kCoOccurs);
  Link(x, y, kCoOccurs);
  Link(y, b, kCoOccurs);
  const std::vector<FoundPath> by_default = ShortestPaths(g_, a, b);
  ASSERT_EQ(by_default.size(), 1u);
  EXPECT_EQ(Describe(g_, by_default[0]), "a co_occurs x co_occurs y co_occurs b");
  EXPECT_EQ(by_default[0].cost, 15);
  PathOptions free_concepts;
  free_concepts.concept_cost = 0;
  const std::vector<FoundPath> through_hub = ShortestPaths(g_, a, b, free_concepts);
  ASSERT_EQ(through_hub.size(), 1u);
  EXPECT_EQ(Describe(g_, through_hub[0]), "a co_occurs deep-learning co_occurs b");
  EXPECT_EQ(through_hub[0].cost, 10);
  // Skipping the named entities' type leaves only the hub; skipping both, nothing.
  PathOptions skip_x;
  skip_x.skip_types = {"X"};
  const std::vector<FoundPath> only_hub = ShortestPaths(g_, a, b, skip_x);
  ASSERT_EQ(only_hub.size(), 1u);
  EXPECT_EQ(only_hub[0].cost, 20);
  skip_x.skip_types.insert(kConceptType);
  EXPECT_TRUE(ShortestPaths(g_, a, b, skip_x).empty());
  // An end of a skipped or concept type is still an end, at no extra cost.
  PathOptions skip_concepts;
  skip_concepts.skip_types = {kConceptType};
  const std::vector<FoundPath> to_hub = ShortestPaths(g_, a, hub, skip_concepts);
  ASSERT_EQ(to_hub.size(), 1u);
  EXPECT_EQ(to_hub[0].cost, 5);
}

TEST_F(PathsTest, TiesGiveSeveralPathsUpToTheLimit) {
  const Vertex a = Add("a"), b = Add("b");
  std::vector<Vertex> middle;
  for (const char* id : {"m1", "m2", "m3"}) {
    middle.push_back(Add(id));
    Link(a, middle.back(), "r");
    Link(middle.back(), b, "r");
  }
  Link(a, middle[0], kCoOccurs);  // a heavier parallel edge is not on a shortest path
  std::vector<FoundPath> paths = ShortestPaths(g_, a, b);
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_EQ(Describe(g_, paths[0]), "a r m1 r b");
  EXPECT_EQ(Describe(g_, paths[2]), "a r m3 r b");
  EXPECT_EQ(paths[0].links[0].edges.size(), 1u);
  PathOptions two;
  two.max_paths = 2;
  EXPECT_EQ(ShortestPaths(g_, a, b, two).size(), 2u);
}

TEST_F(PathsTest, ParallelTypedEdgesShareALink) {
  const Vertex a = Add("a"), b = Add("b");
  Link(a, b, "works_at");
  Link(a, b, "founded");
  const std::vector<FoundPath> paths = ShortestPaths(g_, a, b);
  ASSERT_EQ(paths.size(), 1u);
  ASSERT_EQ(paths[0].links.size(), 1u);
  ASSERT_EQ(paths[0].links[0].edges.size(), 2u);
  EXPECT_EQ(g_[paths[0].links[0].edges[0]].relation, "founded");  // sorted by relation
}

TEST_F(PathsTest, UnreachableOrSameGivesNothing) {
  const Vertex a = Add("a"), b = Add("b");
  EXPECT_TRUE(ShortestPaths(g_, a, b).empty());
  EXPECT_TRUE(ShortestPaths(g_, a, a).empty());
}

TEST_F(PathsTest, ResolveEntityByLabelIdAliasAndNearMisses) {
  Add("ilya-sutskever", {"Ilya", "Ilya Sutskever"}, 30);
  g_[0].label = "Ilya Sutskever";
  Add("openai", {"OpenAI", "Open AI"}, 20);
  g_[1].label = "OpenAI";
  Add("ilya", {}, 1);  // an id equal to another entity's alias
  struct Case {
    const char* query;
    int vertex;  // -1: none
  };
  const Case cases[] = {
      {"Ilya Sutskever", 0}, {"ilya sutskever", 0}, {"ILYA-SUTSKEVER", 0}, {"open ai", 1},
      {" OpenAI ", 1},       {"ilya", 2},           {"Sutskever", -1},     {"", -1},
  };
  for (const Case& c : cases) {
    const EntityMatch m = ResolveEntity(g_, c.query);
    if (c.vertex < 0) {
      EXPECT_FALSE(m.vertex) << c.query;
    } else {
      ASSERT_TRUE(m.vertex) << c.query;
      EXPECT_EQ(*m.vertex, static_cast<Vertex>(c.vertex)) << c.query;
    }
  }
  const EntityMatch near = ResolveEntity(g_, "Ilya Sutskevr");
  ASSERT_FALSE(near.vertex);
  ASSERT_FALSE(near.suggestions.empty());
  EXPECT_EQ(near.suggestions[0], 0u);
  EXPECT_EQ(ResolveEntity(g_, "Sutskever").suggestions.at(0), 0u);  // contained in a name
  EXPECT_TRUE(ResolveEntity(g_, "Quantum chromodynamics").suggestions.empty());
  EXPECT_EQ(EditDistance("OpenAI", "openal"), 1u);
}

}  // namespace
}  // namespace chronograph::graph
