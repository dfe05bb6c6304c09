#include "export/graph_picture.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

namespace fs = std::filesystem;
using chronograph::testing::MakeMention;
using chronograph::testing::Src;

// n entities named E1..En, entity i mentioned i times, all in one sentence.
void Ladder(graph::KnowledgeGraph* kg, int n) {
  extract::ExtractionResult r;
  r.document = "d.txt";
  for (int i = 1; i <= n; ++i) {
    for (int k = 0; k < i; ++k) r.mentions.push_back(MakeMention("E" + std::to_string(i), "PERSON", "E", 0, Src("d.txt", 1, 0, 1)));
  }
  kg->Add(r);
  kg->Finalize();
}

TEST(GraphPictureTest, KeepsTheMostMentioned) {
  graph::KnowledgeGraph kg;
  Ladder(&kg, 10);
  GraphPictureOptions options;
  options.max_entities = 3;
  options.max_edges = 2;
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphDot(kg, out, options).ok());
  const std::string dot = out.str();
  EXPECT_EQ(dot.rfind("graph G {", 0), 0u) << dot;
  for (const char* kept : {"\"E10\"", "\"E9\"", "\"E8\""}) EXPECT_NE(dot.find(kept), std::string::npos) << kept;
  EXPECT_EQ(dot.find("\"E7\""), std::string::npos);
  const std::regex edge_line(R"(\n\d+--\d+)");
  EXPECT_EQ(std::distance(std::sregex_iterator(dot.begin(), dot.end(), edge_line), std::sregex_iterator()), 2)
      << dot;  // max_edges
  EXPECT_NE(dot.find("3 of 10 entities"), std::string::npos);
  EXPECT_NE(dot.find("fillcolor=\"#4e79a7\""), std::string::npos);  // PERSON
}

TEST(GraphPictureTest, LabelsAreQuoted) {
  extract::ExtractionResult r;
  r.document = "d.txt";
  r.mentions = {MakeMention("Say \"hi\" \\ bye\x01", "A&B<T>", "x", 0, Src("d.txt", 1, 0, 1))};
  graph::KnowledgeGraph kg;
  kg.Add(r);
  kg.Finalize();
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphDot(kg, out).ok());
  EXPECT_NE(out.str().find("label=\"Say \\\"hi\\\" \\\\ bye\""), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("A&amp;B&lt;T&gt;"), std::string::npos) << "legend is an HTML-like label";
}

TEST(GraphPictureTest, RendersSvgWithGraphviz) {
  const std::string program = FindGraphvizLayoutProgram();
  if (program.empty()) GTEST_SKIP() << "Graphviz (sfdp or neato) is not installed";
  graph::KnowledgeGraph kg;
  for (const extract::ExtractionResult& r : chronograph::testing::SampleCorpus()) kg.Add(r);
  kg.Finalize();
  const fs::path dir = fs::path(::testing::TempDir()) / "graph_picture_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream dot(dir / "graph.dot");
    ASSERT_TRUE(WriteGraphDot(kg, dot).ok());
  }
  ASSERT_TRUE(RenderGraphSvg(program, (dir / "graph.dot").string(), (dir / "graph.svg").string()).ok());
  pugi::xml_document svg;
  ASSERT_TRUE(svg.load_file((dir / "graph.svg").c_str()));
  EXPECT_STREQ(svg.document_element().name(), "svg");
  std::size_t nodes = 0;
  for (pugi::xpath_node n : svg.select_nodes("//*[@class='node']")) {
    (void)n;
    ++nodes;
  }
  EXPECT_EQ(nodes, kg.entity_count());
  EXPECT_FALSE(fs::exists(dir / ".graph.svg.tmp"));

  // A failing program leaves no file behind and says so.
  const Status bad = RenderGraphSvg(program, (dir / "missing.dot").string(), (dir / "bad.svg").string());
  EXPECT_FALSE(bad.ok());
  EXPECT_FALSE(fs::exists(dir / "bad.svg"));
  EXPECT_FALSE(fs::exists(dir / ".bad.svg.tmp"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace chronograph::exporters
