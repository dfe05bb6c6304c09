// Work that must grow linearly with the input, checked by counting (never
// by timing): co_occurs edges of a sentence that lists many names, and the
// layout's force evaluations on a graph of n and 2n nodes. Each shape is
// fed at two sizes; a quadratic corner would show as 4x, not 2x.
#include <cstddef>
#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "graph/graph_layout.h"
#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::graph {
namespace {

using chronograph::testing::MakeMention;
using chronograph::testing::Src;

std::string Name(int i) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "Name %05d", i);
  return buffer;
}

// One sentence naming entities `ids` in this order (positions follow it).
extract::ExtractionResult Sentence(const std::vector<int>& ids) {
  extract::ExtractionResult doc;
  doc.document = "list.txt";
  std::string text;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::size_t begin = text.size();
    text += Name(ids[i]) + ", ";
    doc.mentions.push_back(MakeMention(Name(ids[i]), "CONCEPT", Name(ids[i]), 0, Src("list.txt", 1, begin, begin + 10)));
  }
  doc.sentence_texts.push_back(text);
  return doc;
}

std::vector<int> Distinct(int n) {
  std::vector<int> ids;
  for (int i = 0; i < n; ++i) ids.push_back(i);
  return ids;
}

std::size_t CoOccursEdges(const extract::ExtractionResult& doc) {
  KnowledgeGraph kg;
  kg.Add(doc);
  kg.Finalize();
  std::size_t count = 0;
  for (const Edge& e : kg.edges()) count += kg.graph()[e].relation == kCoOccurs;
  return count;
}

TEST(GraphScaleTest, CoOccurrenceEdgesGrowLinearlyWithTheNamesOfASentence) {
  const std::size_t at100 = CoOccursEdges(Sentence(Distinct(100)));
  const std::size_t at200 = CoOccursEdges(Sentence(Distinct(200)));
  // Every mention links to its next kCoOccurrenceWindow names.
  EXPECT_LE(at100, 100 * kCoOccurrenceWindow);
  EXPECT_LE(at200, 200 * kCoOccurrenceWindow);
  EXPECT_LE(at200, 2 * at100 + kCoOccurrenceWindow * kCoOccurrenceWindow) << at100 << " -> " << at200;
  EXPECT_GT(at200, at100);
}

TEST(GraphScaleTest, ASentenceWithinTheWindowLinksEveryPair) {
  const struct {
    const char* name;
    std::vector<int> ids;
    std::size_t edges;
  } cases[] = {
      {"two names", {1, 2}, 1},
      {"window + 1 distinct names", Distinct(static_cast<int>(kCoOccurrenceWindow) + 1),
       (kCoOccurrenceWindow + 1) * kCoOccurrenceWindow / 2},
      {"repeats do not count against the window", {0, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 10}, 55},
      {"one more name than the window allows", Distinct(static_cast<int>(kCoOccurrenceWindow) + 2),
       (kCoOccurrenceWindow + 2) * (kCoOccurrenceWindow + 1) / 2 - 1},  // only first and last are apart
  };
  for (const auto& c : cases) EXPECT_EQ(CoOccursEdges(Sentence(c.ids)), c.edges) << c.name;
}

TEST(GraphScaleTest, OneSentenceIsOneEvidenceAndOneUnitOfWeightPerPair) {
  // Two entities named 1,000 times each in one sentence: one edge of weight
  // 1 (sentences, not mentions), one evidence.
  std::vector<int> ids;
  for (int i = 0; i < 1000; ++i) {
    ids.push_back(0);
    ids.push_back(1);
  }
  KnowledgeGraph kg;
  kg.Add(Sentence(ids));
  kg.Finalize();
  ASSERT_EQ(kg.edge_count(), 1u);
  const RelationEdge& e = kg.graph()[kg.edges()[0]];
  EXPECT_EQ(e.weight, 1);
  EXPECT_EQ(e.evidence.size(), 1u);
}

// A sparse connected graph of n entities: a ring where every node also
// links to the node 7 places on (local structure, mean degree 4).
void Ring(int n, KnowledgeGraph& kg) {
  extract::ExtractionResult doc;
  doc.document = "ring.txt";
  int sentence = 0;
  for (int i = 0; i < n; ++i) {
    for (int step : {1, 7}) {
      const int j = (i + step) % n;
      doc.mentions.push_back(MakeMention(Name(i), "CONCEPT", Name(i), sentence, Src("ring.txt", sentence + 1, 0, 1)));
      doc.mentions.push_back(MakeMention(Name(j), "CONCEPT", Name(j), sentence, Src("ring.txt", sentence + 1, 2, 3)));
      ++sentence;
    }
  }
  kg.Add(doc);
  kg.Finalize();
}

std::size_t LayoutWork(int n, LayoutStats& stats) {
  KnowledgeGraph kg;
  Ring(n, kg);
  EXPECT_EQ(kg.entity_count(), static_cast<std::size_t>(n));
  ComputeGraphLayout(kg, &stats);
  return stats.repulsive_pairs + stats.attractive_edges;
}

TEST(GraphScaleTest, LayoutWorkGrowsLinearlyWithTheNodes) {
  // Both sizes get the full iteration budget, so only the work per
  // iteration differs: all pairs would be 4x.
  LayoutStats small, large;
  const std::size_t at800 = LayoutWork(800, small);
  const std::size_t at1600 = LayoutWork(1600, large);
  EXPECT_EQ(small.iterations, large.iterations);
  EXPECT_EQ(small.components, 1u);
  EXPECT_GT(small.cooling_steps, 0u);
  EXPECT_LE(at1600, 5 * at800 / 2) << at800 << " -> " << at1600;
  // Far below all pairs: n^2 / 2 per iteration.
  EXPECT_LT(large.repulsive_pairs, large.cooling_steps * 1600u * 1600u / 8);
}

TEST(GraphScaleTest, IterationBudgetShrinksAsTheGraphGrows) {
  int previous = LayoutIterations(1, 0);
  EXPECT_EQ(previous, 100);
  for (std::size_t n : {10, 100, 1000, 5000, 20000, 100000, 1000000}) {
    const int iterations = LayoutIterations(n, 4 * n);
    EXPECT_LE(iterations, previous) << n;
    EXPECT_GE(iterations, 5) << n;
    previous = iterations;
  }
  // Node-iterations and edge-iterations (the work, give or take the grid's
  // pairs per node) stay bounded: about 500,000 and 10,000,000 up to the
  // floor of 5 iterations, however many edges each node has.
  EXPECT_LE(LayoutIterations(5000, 20000) * 5000, 500000);
  EXPECT_LE(LayoutIterations(100000, 400000) * 100000, 500000);
  EXPECT_LE(LayoutIterations(1000, 100000) * 100000, 10000000);
  EXPECT_LT(LayoutIterations(1000, 400000), LayoutIterations(1000, 1000));
}

TEST(GraphScaleTest, LayoutOfALargeGraphIsBoundedAndDeterministic) {
  // 20,000 nodes: the whole layout stays within the pair budget (64 per
  // node and iteration, plus the one iteration that crosses it).
  LayoutStats stats;
  KnowledgeGraph kg;
  Ring(20000, kg);
  const std::vector<NodeDrawing> a = ComputeGraphLayout(kg, &stats);
  const std::size_t budget = 64u * 20000u * static_cast<std::size_t>(stats.iterations);
  const std::size_t one_step = stats.repulsive_pairs / std::max<std::size_t>(stats.cooling_steps, 1);
  EXPECT_LE(stats.repulsive_pairs, budget + 2 * one_step);
  // Boost's linear cooling may give one last, rounding-sized temperature.
  EXPECT_LE(stats.cooling_steps, static_cast<std::size_t>(stats.iterations) + 1);
  const std::vector<NodeDrawing> b = ComputeGraphLayout(kg);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].x, b[i].x) << i;
    ASSERT_EQ(a[i].y, b[i].y) << i;
  }
}

}  // namespace
}  // namespace chronograph::graph
