// GEXF export read back with pugixml: namespaces and version, the dynamic
// time rules (every node and edge has one spell of xs:date values, never a
// TIMEX value), viz elements, attribute declarations, sanitised labels, the
// same ids as GraphML, determinism, and a static file for an undated corpus.
#include "export/gexf_writer.h"

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "export/graphml_writer.h"
#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

// Names, aliases, a relation, a document name and sentences holding every
// XML special, quotes, tabs, CR, an emoji, U+FFFE and a C0 control.
std::vector<extract::ExtractionResult> OddCorpus() {
  using chronograph::testing::MakeMention;
  using chronograph::testing::MakeRelation;
  using chronograph::testing::Src;
  std::vector<extract::ExtractionResult> docs = chronograph::testing::SampleCorpus();
  extract::ExtractionResult r;
  r.document = "a&b 'c' \"d\" <e>.txt";
  const std::string odd = "AT&T <Labs> \"Q\" 'x'\t\xF0\x9F\x98\x80\xEF\xBF\xBE\r\x01";
  const std::string sentence = "In 2016, " + odd + " met Tom's <Lab>\tand \"]]>\"\r\n.";
  r.mentions = {MakeMention(odd, "ORG", odd + " alias\t\r", 0, Src(r.document, 1, 9, 20)),
                MakeMention("Tom's <Lab>", "ORG", "Tom's <Lab>", 0, Src(r.document, 1, 25, 36))};
  r.relations = {MakeRelation("rel&<\"'>\t", r.mentions[0].entity_id, r.mentions[1].entity_id, "2016",
                              sentence, Src(r.document, 1, 0, sentence.size()))};
  docs.push_back(r);
  return docs;
}

// The bytes pugixml's DOM writer, which the streaming writers replaced, gives
// for the same document: read it (keeping CRs and a lone whitespace text),
// then save it with the flags that writer used.
std::string ResavedByPugixml(const std::string& text) {
  pugi::xml_document doc;
  const unsigned parse =
      (pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata_single) & ~pugi::parse_eol;
  EXPECT_TRUE(doc.load_buffer(text.data(), text.size(), parse, pugi::encoding_utf8));
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default | pugi::format_skip_control_chars, pugi::encoding_utf8);
  return out.str();
}

void Build(const std::vector<extract::ExtractionResult>& docs, graph::KnowledgeGraph& kg) {
  for (const auto& d : docs) kg.Add(d);
  kg.Finalize();
}

std::string Gexf(const graph::KnowledgeGraph& kg) {
  std::ostringstream out;
  const Status s = WriteGexf(kg, out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.str();
}

class GexfWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Build(chronograph::testing::SampleCorpus(), kg_);
    text_ = Gexf(kg_);
    const pugi::xml_parse_result parsed = doc_.load_string(text_.c_str());
    ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
    root_ = doc_.child("gexf");
    ASSERT_TRUE(root_);
    graph_ = root_.child("graph");
    ASSERT_TRUE(graph_);
  }
  pugi::xml_node Node(const std::string& id) {
    return graph_.child("nodes").find_child_by_attribute("node", "id", id.c_str());
  }
  static pugi::xml_node Spell(pugi::xml_node element) { return element.child("spells").child("spell"); }
  // attvalues of `element`, by attribute id.
  static std::map<std::string, std::string> Values(pugi::xml_node element) {
    std::map<std::string, std::string> out;
    for (pugi::xml_node v : element.child("attvalues").children("attvalue")) {
      out[v.attribute("for").value()] = v.attribute("value").value();
    }
    return out;
  }

  graph::KnowledgeGraph kg_;
  std::string text_;
  pugi::xml_document doc_;
  pugi::xml_node root_;
  pugi::xml_node graph_;
};

TEST_F(GexfWriterTest, NamespacesVersionAndDynamicDateMode) {
  EXPECT_EQ(text_.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  EXPECT_STREQ(root_.attribute("xmlns").value(), "http://gexf.net/1.3");
  EXPECT_STREQ(root_.attribute("xmlns:viz").value(), "http://gexf.net/1.3/viz");
  EXPECT_STREQ(root_.attribute("version").value(), "1.3");
  EXPECT_STREQ(graph_.attribute("mode").value(), "dynamic");
  EXPECT_STREQ(graph_.attribute("timeformat").value(), "date");
  EXPECT_STREQ(graph_.attribute("defaultedgetype").value(), "undirected");
  // Schema order: attributes, nodes, edges.
  std::vector<std::string> children;
  for (pugi::xml_node c : graph_.children()) children.push_back(c.name());
  EXPECT_EQ(children, (std::vector<std::string>{"attributes", "attributes", "nodes", "edges"}));
}

TEST_F(GexfWriterTest, AttributesAreDeclaredAndUsedOnlyWhenDeclared) {
  std::map<std::string, std::set<std::string>> declared;
  for (pugi::xml_node a : graph_.children("attributes")) {
    EXPECT_STREQ(a.attribute("mode").value(), "static");
    for (pugi::xml_node attr : a.children("attribute")) {
      declared[a.attribute("class").value()].insert(attr.attribute("id").value());
      EXPECT_TRUE(attr.attribute("title"));
      EXPECT_TRUE(attr.attribute("type"));
    }
  }
  for (const char* id : {"type", "aliases", "mentions"}) EXPECT_EQ(declared["node"].count(id), 1u) << id;
  EXPECT_EQ(declared["edge"].count("relation"), 1u);
  for (pugi::xml_node n : graph_.child("nodes").children("node")) {
    for (const auto& [id, value] : Values(n)) EXPECT_EQ(declared["node"].count(id), 1u) << id;
  }
  for (pugi::xml_node e : graph_.child("edges").children("edge")) {
    for (const auto& [id, value] : Values(e)) EXPECT_EQ(declared["edge"].count(id), 1u) << id;
  }
}

TEST_F(GexfWriterTest, EveryNodeAndEdgeHasOneDateSpell) {
  const std::regex xs_date(R"(\d{4}-\d{2}-\d{2})");
  std::size_t checked = 0;
  for (const char* list : {"nodes", "edges"}) {
    for (pugi::xml_node e : graph_.child(list).children()) {
      const pugi::xml_node spell = Spell(e);
      ASSERT_TRUE(spell) << e.attribute("id").value();
      EXPECT_FALSE(spell.next_sibling("spell"));
      const std::string start = spell.attribute("start").value(), end = spell.attribute("end").value();
      EXPECT_TRUE(std::regex_match(start, xs_date)) << start;
      EXPECT_TRUE(std::regex_match(end, xs_date)) << end;
      EXPECT_LE(start, end) << e.attribute("id").value();  // same width: text order is date order
      EXPECT_EQ(end, "2019-12-31");  // the last day the corpus covers (201X)
      ++checked;
    }
  }
  EXPECT_EQ(checked, kg_.entity_count() + kg_.edge_count());
}

TEST_F(GexfWriterTest, SpellsStartAtTheFirstDatedStatement) {
  const struct {
    const char* id;
    const char* start;
  } cases[] = {
      {"alexnet", "2012-01-01"},         // "2012"
      {"ilya-sutskever", "2002-01-01"},  // "2002/2003", never copied as is
      {"a-b-c", "2010-01-01"},           // "201X"
      {"dgx", "2016-01-01"},             // "2016-Q1"
      {"openai", "2015-12-11"},          // a full date
      {"黄仁勋", "2002-01-01"},          // undated (duration only): the corpus's first day
  };
  for (const auto& c : cases) {
    const pugi::xml_node node = Node(c.id);
    ASSERT_TRUE(node) << c.id;
    EXPECT_STREQ(Spell(node).attribute("start").value(), c.start) << c.id;
  }
  EXPECT_EQ(text_.find("start=\"2002/"), std::string::npos);  // a TIMEX value only in attvalues
  EXPECT_NE(text_.find("value=\"2002/2003\""), std::string::npos);
}

TEST_F(GexfWriterTest, EdgesStartWithTheirDateOrWhenBothEndsExist) {
  std::map<std::pair<std::string, std::string>, std::string> start;  // (relation, source|target)
  for (pugi::xml_node e : graph_.child("edges").children("edge")) {
    start[{e.attribute("kind").value(),
           std::string(e.attribute("source").value()) + "|" + e.attribute("target").value()}] =
        Spell(e).attribute("start").value();
    EXPECT_STREQ(e.attribute("label").value(), e.attribute("kind").value());
    EXPECT_EQ(Values(e)["relation"], e.attribute("kind").value());
  }
  EXPECT_EQ((start[{"created", "alexnet|ilya-sutskever"}]), "2012-01-01");
  EXPECT_EQ((start[{"founded", "ilya-sutskever|openai"}]), "2015-12-11");
  // Undated relation: from when both ends exist (OpenAI, 2015-12-11).
  EXPECT_EQ((start[{"delivered_to", "openai|黄仁勋"}]), "2015-12-11");
}

TEST_F(GexfWriterTest, VizColourPositionAndSize) {
  for (pugi::xml_node n : graph_.child("nodes").children("node")) {
    const pugi::xml_node color = n.child("viz:color");
    ASSERT_TRUE(color);
    for (const char* channel : {"r", "g", "b"}) {
      const int value = color.attribute(channel).as_int(-1);
      EXPECT_GE(value, 0);
      EXPECT_LE(value, 255);
    }
    EXPECT_TRUE(n.child("viz:position").attribute("x"));
    EXPECT_TRUE(n.child("viz:position").attribute("y"));
    EXPECT_GE(n.child("viz:size").attribute("value").as_double(), 10.0);
  }
  // Same type, same colour; size grows with mentions.
  const pugi::xml_node ilya = Node("ilya-sutskever"), hinton = Node("geoffrey-hinton");
  EXPECT_STREQ(ilya.child("viz:color").attribute("r").value(), hinton.child("viz:color").attribute("r").value());
  EXPECT_GT(ilya.child("viz:size").attribute("value").as_double(),
            hinton.child("viz:size").attribute("value").as_double());
}

TEST_F(GexfWriterTest, SanitisedLabelsAndTheGraphmlIds) {
  EXPECT_STREQ(Node("a-b-c").attribute("label").value(), "AB & <C>");
  std::ostringstream graphml;
  ASSERT_TRUE(WriteGraphml(kg_, graphml).ok());
  pugi::xml_document g;
  ASSERT_TRUE(g.load_string(graphml.str().c_str()));
  std::vector<std::string> graphml_ids, gexf_ids;
  for (pugi::xml_node n : g.child("graphml").child("graph").children()) {
    graphml_ids.push_back(std::string(n.name()) + ":" + n.attribute("id").value());
  }
  for (const char* list : {"nodes", "edges"}) {
    for (pugi::xml_node n : graph_.child(list).children()) {
      gexf_ids.push_back(std::string(n.name()) + ":" + n.attribute("id").value());
    }
  }
  EXPECT_EQ(gexf_ids, graphml_ids);
}

TEST_F(GexfWriterTest, SameGraphSameBytes) {
  graph::KnowledgeGraph again;
  auto docs = chronograph::testing::SampleCorpus();
  std::swap(docs[0], docs[1]);  // Add order does not matter
  Build(docs, again);
  EXPECT_EQ(Gexf(again), text_);
  EXPECT_EQ(text_.find("lastmodifieddate"), std::string::npos);
}

TEST_F(GexfWriterTest, WithoutLayoutNoPositionsButSizesAndColours) {
  DrawingOptions options;
  options.layout = false;
  std::ostringstream out;
  ASSERT_TRUE(WriteGexf(kg_, ComputeGephiDrawing(kg_, options), out).ok());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(out.str().c_str()));
  std::size_t nodes = 0;
  for (pugi::xml_node n : doc.child("gexf").child("graph").child("nodes").children("node")) {
    ++nodes;
    EXPECT_FALSE(n.child("viz:position"));
    EXPECT_TRUE(n.child("viz:size"));
    EXPECT_TRUE(n.child("viz:color"));
  }
  EXPECT_EQ(nodes, kg_.entity_count());
}

TEST(GexfWriterStaticTest, UndatedCorpusIsStatic) {
  extract::ExtractionResult doc;
  doc.document = "plain.txt";
  doc.mentions = {chronograph::testing::MakeMention("AlexNet", "MODEL", "AlexNet", 0,
                                                    chronograph::testing::Src("plain.txt", 1, 0, 7))};
  graph::KnowledgeGraph kg;
  Build({doc}, kg);
  const std::string text = Gexf(kg);
  pugi::xml_document parsed;
  ASSERT_TRUE(parsed.load_string(text.c_str()));
  const pugi::xml_node graph = parsed.child("gexf").child("graph");
  EXPECT_STREQ(graph.attribute("mode").value(), "static");
  EXPECT_FALSE(graph.attribute("timeformat"));
  EXPECT_EQ(text.find("<spell"), std::string::npos);
  EXPECT_FALSE(ComputeGexfSpans(kg).corpus_first.has_value());
}

TEST(GexfWriterStandaloneTest, SameBytesAsPugixmlWouldWrite) {
  for (const bool layout : {true, false}) {
    graph::KnowledgeGraph kg;
    Build(OddCorpus(), kg);
    DrawingOptions options;
    options.layout = layout;
    std::ostringstream out;
    ASSERT_TRUE(WriteGexf(kg, ComputeGephiDrawing(kg, options), out).ok());
    const std::string text = out.str();
    EXPECT_EQ(text, ResavedByPugixml(text)) << "layout " << layout;
    EXPECT_NE(text.find("label=\"AT&amp;T &lt;Labs> &quot;Q&quot; 'x'\xF0\x9F\x98\x80\""), std::string::npos);
  }
  graph::KnowledgeGraph empty;  // static, with <nodes /> and <edges />
  empty.Finalize();
  const std::string text = Gexf(empty);
  EXPECT_EQ(text, ResavedByPugixml(text));
}

}  // namespace
}  // namespace chronograph::exporters
