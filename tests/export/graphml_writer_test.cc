#include "export/graphml_writer.h"

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

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
  // The DOM gave an empty value an empty text child, saved as <data ...></data>;
  // read back, such an element has no child, which would save as <data ... />.
  for (pugi::xpath_node data : doc.select_nodes("//data[not(node())]")) {
    data.node().append_child(pugi::node_pcdata);
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default | pugi::format_skip_control_chars, pugi::encoding_utf8);
  return out.str();
}

std::string WriteToString(const std::vector<extract::ExtractionResult>& docs) {
  graph::KnowledgeGraph kg;
  for (const auto& d : docs) kg.Add(d);
  kg.Finalize();
  std::ostringstream out;
  const Status s = WriteGraphml(kg, out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.str();
}

class GraphmlWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = WriteToString(chronograph::testing::SampleCorpus());
    const pugi::xml_parse_result parsed =
        doc_.load_string(text_.c_str(), pugi::parse_default | pugi::parse_declaration);
    ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
    root_ = doc_.child("graphml");
    ASSERT_TRUE(root_);
    for (pugi::xml_node key : root_.children("key")) {
      keys_[key.attribute("id").value()] = key;
    }
  }
  // data of `element`, keyed by attr.name.
  std::map<std::string, std::string> Data(pugi::xml_node element) {
    std::map<std::string, std::string> out;
    for (pugi::xml_node d : element.children("data")) {
      out[keys_.at(d.attribute("key").value()).attribute("attr.name").value()] = d.text().get();
    }
    return out;
  }
  pugi::xml_node Node(const std::string& id) {
    return root_.child("graph").find_child_by_attribute("node", "id", id.c_str());
  }

  std::string text_;
  pugi::xml_document doc_;
  pugi::xml_node root_;
  std::map<std::string, pugi::xml_node> keys_;
};

TEST_F(GraphmlWriterTest, DeclarationNamespaceAndOneUndirectedGraph) {
  EXPECT_EQ(text_.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  EXPECT_STREQ(root_.attribute("xmlns").value(), kGraphmlNamespace);
  EXPECT_EQ(std::distance(root_.children("graph").begin(), root_.children("graph").end()), 1);
  EXPECT_STREQ(root_.child("graph").attribute("edgedefault").value(), "undirected");
}

TEST_F(GraphmlWriterTest, EveryFieldIsDeclaredWithItsType) {
  struct Case {
    const char* for_what;
    const char* name;
    const char* type;
  };
  const Case cases[] = {
      {"node", "label", "string"},      {"node", "type", "string"},
      {"node", "aliases", "string"},    {"node", "mentions", "int"},
      {"node", "first_date", "string"}, {"node", "last_date", "string"},
      {"node", "documents", "int"},     {"edge", "relation", "string"},
      {"edge", "weight", "double"},     {"edge", "from", "string"},
      {"edge", "to", "string"},         {"edge", "date", "string"},
      {"edge", "evidence", "string"},   {"edge", "sources", "int"},
      {"edge", "evidence_offsets", "string"},
      // What Gephi's importer maps itself (gephi_drawing.h).
      {"node", "x", "double"},          {"node", "y", "double"},
      {"node", "size", "double"},       {"node", "r", "int"},
      {"node", "g", "int"},             {"node", "b", "int"},
      {"edge", "label", "string"},
      // Cross-referencing (graph/facts.h).
      {"node", "wikidata", "string"},   {"edge", "conflict", "boolean"},
  };
  std::set<std::string> declared;
  for (const Case& c : cases) {
    pugi::xml_node found;
    for (const auto& [id, key] : keys_) {
      if (std::string(key.attribute("attr.name").value()) == c.name &&
          std::string(key.attribute("for").value()) == c.for_what) {
        found = key;
      }
    }
    ASSERT_TRUE(found) << c.for_what << " " << c.name;
    EXPECT_STREQ(found.attribute("attr.type").value(), c.type) << c.name;
  }
  EXPECT_EQ(keys_.size(), std::size(cases));
  // Every <data> refers to a declared key for its element kind.
  for (const char* kind : {"node", "edge"}) {
    for (pugi::xml_node element : root_.child("graph").children(kind)) {
      for (pugi::xml_node d : element.children("data")) {
        auto it = keys_.find(d.attribute("key").value());
        ASSERT_NE(it, keys_.end()) << d.attribute("key").value();
        EXPECT_STREQ(it->second.attribute("for").value(), kind);
      }
    }
  }
}

TEST_F(GraphmlWriterTest, NodesCarryTheContractFields) {
  struct Case {
    const char* id;
    const char* label;
    const char* type;
    const char* aliases;
    const char* mentions;
    const char* documents;
  };
  const Case cases[] = {
      {"ilya-sutskever", "Ilya Sutskever", "PERSON", "Ilya | Ilya Sutskever", "3", "2"},
      {"dgx", "DGX", "PRODUCT", "DGX | DGX-1", "2", "2"},
      {"黄仁勋", "黄仁勋", "PERSON", "黄仁勋", "1", "1"},
      {"a-b-c", "AB & <C>", "MODEL", "AB & <C>", "1", "1"},  // U+0001 dropped
  };
  for (const Case& c : cases) {
    pugi::xml_node node = Node(c.id);
    ASSERT_TRUE(node) << c.id;
    std::map<std::string, std::string> data = Data(node);
    EXPECT_EQ(data["label"], c.label) << c.id;
    EXPECT_EQ(data["type"], c.type) << c.id;
    EXPECT_EQ(data["aliases"], c.aliases) << c.id;
    EXPECT_EQ(data["mentions"], c.mentions) << c.id;
    EXPECT_EQ(data["documents"], c.documents) << c.id;
  }
  EXPECT_EQ(Data(Node("ilya-sutskever"))["first_date"], "2002/2003");
  EXPECT_EQ(Data(Node("ilya-sutskever"))["last_date"], "2015-12-11");
  EXPECT_EQ(Data(Node("黄仁勋")).count("first_date"), 0u);  // undated: omitted
}

TEST_F(GraphmlWriterTest, NoForbiddenCharactersAndSpecialsEscaped) {
  for (char c : text_) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_FALSE(u < 0x20 && u != '\t' && u != '\n' && u != '\r') << "control byte " << int(u);
  }
  EXPECT_NE(text_.find("AB &amp; &lt;C&gt;"), std::string::npos);
}

TEST_F(GraphmlWriterTest, EdgesHaveStableIdsAndExistingEnds) {
  std::set<std::string> nodes;
  for (pugi::xml_node n : root_.child("graph").children("node")) nodes.insert(n.attribute("id").value());
  int i = 0;
  for (pugi::xml_node e : root_.child("graph").children("edge")) {
    EXPECT_EQ(std::string(e.attribute("id").value()), "e" + std::to_string(i++));
    EXPECT_EQ(nodes.count(e.attribute("source").value()), 1u);
    EXPECT_EQ(nodes.count(e.attribute("target").value()), 1u);
    std::map<std::string, std::string> data = Data(e);
    EXPECT_FALSE(data["relation"].empty());
    EXPECT_NO_THROW(std::stod(data["weight"]));
    EXPECT_EQ(nodes.count(data["from"]), 1u);
    EXPECT_EQ(nodes.count(data["to"]), 1u);
  }
  EXPECT_GT(i, 0);
  // The typed relation keeps its direction and date, evidence names doc:line.
  for (pugi::xml_node e : root_.child("graph").children("edge")) {
    std::map<std::string, std::string> data = Data(e);
    if (data["relation"] != "founded") continue;
    EXPECT_EQ(data["from"], "ilya-sutskever");
    EXPECT_EQ(data["to"], "openai");
    EXPECT_EQ(data["date"], "2015-12-11");
    EXPECT_EQ(data["weight"], "1");
    EXPECT_EQ(data["sources"], "1");
    EXPECT_EQ(data["evidence"], "notes.md:3: On 2015-12-11 Ilya Sutskever co-founded OpenAI.");
    EXPECT_EQ(data["evidence_offsets"], "notes.md:0-47");  // the sentence's bytes
  }
  // Co-occurrence is not a statement: no offsets.
  for (pugi::xml_node e : root_.child("graph").children("edge")) {
    std::map<std::string, std::string> data = Data(e);
    if (data["relation"] == "co_occurs") {
      EXPECT_EQ(data.count("evidence_offsets"), 0u);
    }
  }
}

TEST(GraphmlWriterStandaloneTest, SameBytesWhateverTheAddOrder) {
  std::vector<extract::ExtractionResult> docs = chronograph::testing::SampleCorpus();
  const std::string a = WriteToString(docs);
  std::swap(docs[0], docs[1]);
  const std::string b = WriteToString(docs);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, WriteToString(docs));
}

TEST(GraphmlWriterStandaloneTest, LongEvidenceIsTruncatedAndCounted) {
  using chronograph::testing::MakeRelation;
  using chronograph::testing::Src;
  extract::ExtractionResult r;
  r.document = "long.txt";
  const std::string sentence(500, 'x');
  for (int line = 1; line <= 5; ++line) {
    r.relations.push_back(MakeRelation("won", "alexnet", "ilsvrc", "2012", sentence + "\x02",
                                       Src("long.txt", line, 0, 10)));
  }
  graph::KnowledgeGraph kg;
  kg.Add(r);
  kg.Finalize();
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphml(kg, out).ok());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(out.str().c_str()));
  const std::string evidence =
      doc.select_node("//edge/data[@key='evidence']").node().text().get();
  const std::string one = std::string(kMaxEvidenceChars, 'x') + "\xE2\x80\xA6";
  EXPECT_EQ(evidence, "long.txt:1: " + one + " || long.txt:2: " + one + " || long.txt:3: " + one +
                          " || (+2 more)");
}

TEST(GraphmlWriterStandaloneTest, WithoutLayoutNoPositionsButSizesAndColours) {
  graph::KnowledgeGraph kg;
  for (const auto& d : chronograph::testing::SampleCorpus()) kg.Add(d);
  kg.Finalize();
  DrawingOptions options;
  options.layout = false;
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphml(kg, ComputeGephiDrawing(kg, options), out).ok());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(out.str().c_str()));
  const pugi::xml_node graph = doc.child("graphml").child("graph");
  for (pugi::xml_node node : graph.children("node")) {
    EXPECT_FALSE(node.find_child_by_attribute("data", "key", "x"));
    EXPECT_FALSE(node.find_child_by_attribute("data", "key", "y"));
    EXPECT_TRUE(node.find_child_by_attribute("data", "key", "size"));
    EXPECT_TRUE(node.find_child_by_attribute("data", "key", "r"));
  }
  // The same file as with a layout, but for the x and y lines.
  std::ostringstream with_layout;
  ASSERT_TRUE(WriteGraphml(kg, with_layout).ok());
  std::istringstream lines(with_layout.str());
  std::string expected;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("<data key=\"x\">") == std::string::npos && line.find("<data key=\"y\">") == std::string::npos) {
      expected += line + "\n";
    }
  }
  EXPECT_EQ(out.str(), expected);
}

TEST(GraphmlWriterStandaloneTest, DrawingOfAnotherGraphIsAnError) {
  graph::KnowledgeGraph kg;
  for (const auto& d : chronograph::testing::SampleCorpus()) kg.Add(d);
  kg.Finalize();
  std::ostringstream out;
  EXPECT_FALSE(WriteGraphml(kg, GephiDrawing{}, out).ok());
}

TEST(GraphmlWriterStandaloneTest, EmptyGraphIsValid) {
  graph::KnowledgeGraph kg;
  kg.Finalize();
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphml(kg, out).ok());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(out.str().c_str()));
  EXPECT_TRUE(doc.child("graphml").child("graph"));
}

TEST(GraphmlWriterStandaloneTest, FailedStreamIsAnError) {
  graph::KnowledgeGraph kg;
  kg.Finalize();
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_FALSE(WriteGraphml(kg, out).ok());
}

TEST(GraphmlWriterStandaloneTest, SameBytesAsPugixmlWouldWrite) {
  for (const bool layout : {true, false}) {
    graph::KnowledgeGraph kg;
    for (const auto& d : OddCorpus()) kg.Add(d);
    kg.Finalize();
    DrawingOptions options;
    options.layout = layout;
    std::ostringstream out;
    ASSERT_TRUE(WriteGraphml(kg, ComputeGephiDrawing(kg, options), out).ok());
    const std::string text = out.str();
    EXPECT_EQ(text, ResavedByPugixml(text)) << "layout " << layout;
    EXPECT_NE(text.find("AT&amp;T &lt;Labs&gt; \"Q\" 'x'\t\xF0\x9F\x98\x80\r<"), std::string::npos);
  }
  graph::KnowledgeGraph empty;
  empty.Finalize();
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphml(empty, out).ok());
  EXPECT_EQ(out.str(), ResavedByPugixml(out.str()));
}

}  // namespace
}  // namespace chronograph::exporters
