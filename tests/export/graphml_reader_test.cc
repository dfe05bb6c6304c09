#include "export/graphml_reader.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "export/facts_json.h"
#include "export/graphml_writer.h"
#include "export/xml_text.h"
#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

// Fills `kg` in place: a KnowledgeGraph's edge list holds descriptors into
// its Boost graph, so it is built where it is used rather than moved.
void Sample(graph::KnowledgeGraph& kg) {
  std::vector<extract::ExtractionResult> docs = chronograph::testing::SampleCorpus();
  for (extract::Mention& m : docs[1].mentions) {
    if (m.entity_id == "openai") m.wikidata = "Q21708200";
  }
  // A second, disagreeing founding date for a conflict flag.
  docs[0].relations.push_back(chronograph::testing::MakeRelation(
      "founded", "ilya-sutskever", "openai", "2017", "Ilya founded OpenAI in 2017.",
      chronograph::testing::Src("talk.txt", 9, 9000, 9030)));
  for (const auto& d : docs) kg.Add(d);
  kg.Finalize();
}

TEST(GraphmlReaderTest, ReadsBackWhatTheWriterWrote) {
  graph::KnowledgeGraph kg;
  Sample(kg);
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphml(kg, out).ok());
  Result<GraphmlData> read = ReadGraphmlText(out.str(), "mem.graphml");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  const GraphmlData& data = read.value();
  const graph::Graph& g = data.graph;
  ASSERT_EQ(boost::num_vertices(g), kg.entity_count());
  const std::vector<graph::Edge> edges = data.Edges();
  ASSERT_EQ(edges.size(), kg.edge_count());
  const std::vector<std::string> ids = ExportedEntityIds(kg);
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(kg.graph()))) {
    const graph::EntityNode& want = kg.graph()[v];
    graph::Vertex got_v;
    ASSERT_TRUE(data.Find(ids[v], &got_v)) << ids[v];
    const graph::EntityNode& got = g[got_v];
    EXPECT_EQ(got.type, want.type) << ids[v];
    EXPECT_EQ(got.mentions, want.mentions) << ids[v];
    EXPECT_EQ(got.first_date, want.first_date) << ids[v];
    EXPECT_EQ(got.last_date, want.last_date) << ids[v];
    EXPECT_EQ(got.wikidata, want.wikidata) << ids[v];
    EXPECT_EQ(got.aliases.size(), want.aliases.size()) << ids[v];
    EXPECT_EQ(data.node_data[got_v].at("documents"), std::to_string(want.documents.size()));
  }
  graph::Vertex openai;
  ASSERT_TRUE(data.Find("openai", &openai));
  EXPECT_EQ(g[openai].wikidata, "Q21708200");
  EXPECT_EQ(g[openai].label, "OpenAI");
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const graph::RelationEdge& want = kg.graph()[kg.edges()[i]];
    const graph::RelationEdge& got = g[edges[i]];
    EXPECT_EQ(got.relation, want.relation) << i;
    EXPECT_EQ(got.from, want.from) << i;
    EXPECT_EQ(got.to, want.to) << i;
    EXPECT_EQ(got.date, want.date) << i;
    EXPECT_EQ(got.weight, want.weight) << i;
    EXPECT_EQ(got.sources, want.sources) << i;
    ASSERT_EQ(got.evidence.size(), std::min(want.evidence.size(), graph::kMaxEvidencePerEdge)) << i;
    for (std::size_t k = 0; k < got.evidence.size(); ++k) {
      EXPECT_EQ(got.evidence[k].document, want.evidence[k].document);
      EXPECT_EQ(got.evidence[k].line, want.evidence[k].line);
    }
    if (want.relation == "founded") {
      EXPECT_EQ(data.edge_data[i].at("conflict"), "true");
    } else {
      EXPECT_EQ(data.edge_data[i].count("conflict"), 0u) << want.relation;
    }
  }
}

TEST(GraphmlReaderTest, ReadsForeignGraphmlByAttrName) {
  const char* xml = R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="type" attr.type="string"><default>PERSON</default></key>
  <key id="d2" for="edge" attr.name="relation" attr.type="string"/>
  <key id="d3" for="node" attr.name="colour" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="n0"><data key="d0">Ada Lovelace</data><data key="d3">red</data></node>
    <node id="n1"><data key="d1">WORK</data></node>
    <edge source="n0" target="n1"><data key="d2">created</data></edge>
    <edge source="n1" target="n0"/>
  </graph>
</graphml>)";
  Result<GraphmlData> read = ReadGraphmlText(xml, "foreign.graphml");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  const GraphmlData& d = read.value();
  const std::vector<graph::Edge> edges = d.Edges();
  EXPECT_TRUE(d.directed);
  EXPECT_EQ(d.graph[0].label, "Ada Lovelace");
  EXPECT_EQ(d.graph[0].type, "PERSON");  // <default>
  EXPECT_EQ(d.graph[1].label, "n1");     // no label: the id
  EXPECT_EQ(d.graph[1].type, "WORK");
  EXPECT_EQ(d.node_data[0].at("colour"), "red");
  EXPECT_EQ(d.graph[edges[0]].relation, "created");
  EXPECT_EQ(d.graph[edges[0]].from, "n0");
  EXPECT_EQ(d.graph[edges[1]].relation, graph::kCoOccurs);
  EXPECT_EQ(d.graph[edges[1]].from, "n1");
}

TEST(GraphmlReaderTest, Errors) {
  struct Case {
    const char* xml;
    const char* message;
  };
  const Case errors[] = {
      {"<graphml><graph>", "bad.graphml: byte "},
      {"<other/>", "bad.graphml: not GraphML (no <graphml> element)"},
      {"<graphml/>", "bad.graphml: no <graph> element"},
      {"<graphml><graph><node id='a'/><node id='a'/></graph></graphml>", "bad.graphml: duplicate node id 'a'"},
      {"<graphml><graph><node id='a'/><edge id='e0' source='a' target='b'/></graph></graphml>",
       "bad.graphml: edge 'e0' names an unknown node 'b'"},
  };
  for (const Case& c : errors) {
    Result<GraphmlData> read = ReadGraphmlText(c.xml, "bad.graphml");
    ASSERT_FALSE(read.ok()) << c.xml;
    EXPECT_EQ(read.status().message().rfind(c.message, 0), 0u) << c.xml << " -> " << read.status().message();
  }
  Result<GraphmlData> missing = ReadGraphml("/no/such/dir/graph.graphml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "/no/such/dir/graph.graphml: no such file");
}

TEST(GraphmlReaderTest, ParseEvidence) {
  struct Case {
    const char* text;
    std::vector<std::tuple<std::string, int, std::string>> want;
  };
  const Case cases[] = {
      {"", {}},
      {"a.txt:3: Hello: world", {{"a.txt", 3, "Hello: world"}}},
      {"dir/c:d.txt:12: x || b.md:1: y || (+4 more)", {{"dir/c:d.txt", 12, "x"}, {"b.md", 1, "y"}}},
      {"no place here", {{"", 0, "no place here"}}},
  };
  for (const Case& c : cases) {
    const std::vector<graph::Evidence> got = ParseEvidence(c.text);
    ASSERT_EQ(got.size(), c.want.size()) << c.text;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].document, std::get<0>(c.want[i])) << c.text;
      EXPECT_EQ(got[i].line, std::get<1>(c.want[i])) << c.text;
      EXPECT_EQ(got[i].text, std::get<2>(c.want[i])) << c.text;
    }
  }
}

TEST(FactsJsonTest, RoundTripAndConflicts) {
  graph::KnowledgeGraph kg;
  Sample(kg);
  const std::vector<graph::Fact> facts = ExportedFacts(kg);
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("facts_json_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "facts.json").string();
  {
    std::ofstream out(path, std::ios::binary);
    ASSERT_TRUE(WriteFactsJson(kg, out).ok());
  }
  Result<std::vector<graph::Fact>> read = ReadFactsJson(path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read.value().size(), facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    const graph::Fact &a = facts[i], &b = read.value()[i];
    EXPECT_EQ(a.kind, b.kind) << i;
    EXPECT_EQ(a.relation, b.relation) << i;
    EXPECT_EQ(a.from, b.from) << i;
    EXPECT_EQ(a.to, b.to) << i;
    EXPECT_EQ(a.date, b.date) << i;
    EXPECT_EQ(a.mod, b.mod) << i;
    EXPECT_EQ(a.sources, b.sources) << i;
    EXPECT_EQ(a.conflict, b.conflict) << i;
    ASSERT_EQ(a.statements.size(), b.statements.size()) << i;
    for (std::size_t k = 0; k < a.statements.size(); ++k) {
      EXPECT_EQ(a.statements[k].text, b.statements[k].text);
      EXPECT_EQ(a.statements[k].date, b.statements[k].date);
    }
  }
  const std::vector<graph::Conflict> conflicts = graph::FindConflicts(read.value());
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].object, "openai");
  EXPECT_EQ(conflicts[0].claims.front().date, "2015-12-11");
  EXPECT_EQ(conflicts[0].claims.back().date, "2017");

  std::ostringstream a, b;
  ASSERT_TRUE(WriteConflictsJson(kg, a).ok());
  ASSERT_TRUE(WriteConflictsJson(read.value(), b).ok());
  EXPECT_EQ(a.str(), b.str()) << "conflicts from the graph and from facts.json read back differ";

  std::ofstream(dir / "bad.json") << "{\"schema\": \"other\"}";
  Result<std::vector<graph::Fact>> bad = ReadFactsJson((dir / "bad.json").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("not a chronograph.facts/1 document"), std::string::npos);
  EXPECT_FALSE(ReadFactsJson((dir / "missing.json").string()).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chronograph::exporters
