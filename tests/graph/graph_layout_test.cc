// The layout: one finite position per vertex, the same for the same graph,
// components kept apart, sizes growing with mentions.
#include "graph/graph_layout.h"

#include <cmath>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::graph {
namespace {

using chronograph::testing::MakeMention;
using chronograph::testing::Src;

void Build(const std::vector<extract::ExtractionResult>& docs, KnowledgeGraph& kg) {
  for (const auto& d : docs) kg.Add(d);
  kg.Finalize();
}

TEST(GraphLayoutTest, EmptyGraphHasNoPositions) {
  KnowledgeGraph kg;
  kg.Finalize();
  EXPECT_TRUE(ComputeGraphLayout(kg).empty());
}

TEST(GraphLayoutTest, OneFinitePositionPerVertexSameEveryTime) {
  KnowledgeGraph kg;
  Build(chronograph::testing::SampleCorpus(), kg);
  const std::vector<NodeDrawing> a = ComputeGraphLayout(kg);
  ASSERT_EQ(a.size(), kg.entity_count());
  for (const NodeDrawing& d : a) {
    EXPECT_TRUE(std::isfinite(d.x) && std::isfinite(d.y));
  }
  KnowledgeGraph again;
  auto docs = chronograph::testing::SampleCorpus();
  std::swap(docs[0], docs[1]);
  Build(docs, again);
  const std::vector<NodeDrawing> b = ComputeGraphLayout(again);
  ASSERT_EQ(b.size(), a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].x, b[i].x);
    EXPECT_EQ(a[i].y, b[i].y);
    EXPECT_EQ(a[i].size, b[i].size);
  }
  // No two nodes on one spot.
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = i + 1; j < a.size(); ++j) {
      EXPECT_GT(std::hypot(a[i].x - a[j].x, a[i].y - a[j].y), 1.0) << i << " " << j;
    }
  }
}

TEST(GraphLayoutTest, ComponentsArePackedCloseButApart) {
  // Two triangles and three isolated nodes: five components.
  extract::ExtractionResult doc;
  doc.document = "d.txt";
  const char* names[] = {"A1", "A2", "A3", "B1", "B2", "B3", "C", "D", "E"};
  const int sentence[] = {0, 0, 0, 1, 1, 1, 2, 3, 4};
  for (int i = 0; i < 9; ++i) {
    doc.mentions.push_back(MakeMention(names[i], "CONCEPT", names[i], sentence[i], Src("d.txt", sentence[i] + 1, i, i + 1)));
  }
  KnowledgeGraph kg;
  Build({doc}, kg);
  ASSERT_EQ(kg.entity_count(), 9u);
  const std::vector<NodeDrawing> d = ComputeGraphLayout(kg);
  double min_x = 1e300, max_x = -1e300, min_y = 1e300, max_y = -1e300;
  for (const NodeDrawing& n : d) {
    min_x = std::min(min_x, n.x), max_x = std::max(max_x, n.x);
    min_y = std::min(min_y, n.y), max_y = std::max(max_y, n.y);
  }
  // Nine nodes fit in a few spacings, not scattered over the plane...
  EXPECT_LT(max_x - min_x, 8 * kLayoutSpacing);
  EXPECT_LT(max_y - min_y, 8 * kLayoutSpacing);
  // ...centred on the origin, and every pair at least a spacing/4 apart.
  EXPECT_NEAR((max_x + min_x) / 2, 0, kLayoutSpacing);
  EXPECT_NEAR((max_y + min_y) / 2, 0, kLayoutSpacing);
  for (std::size_t i = 0; i < d.size(); ++i) {
    for (std::size_t j = i + 1; j < d.size(); ++j) {
      EXPECT_GT(std::hypot(d[i].x - d[j].x, d[i].y - d[j].y), kLayoutSpacing / 4) << i << " " << j;
    }
  }
}

TEST(GraphLayoutTest, SizeGrowsWithMentions) {
  EXPECT_DOUBLE_EQ(MentionSize(0), 10.0);
  EXPECT_LT(MentionSize(1), MentionSize(10));
  EXPECT_LT(MentionSize(10), MentionSize(100));
  EXPECT_DOUBLE_EQ(MentionSize(-3), 10.0);
}

}  // namespace
}  // namespace chronograph::graph
