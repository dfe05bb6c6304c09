// graph.ttl and graph.jsonld: Turtle string escaping, IRIs of non-ASCII ids,
// language tags, the relation -> Wikidata property mapping (with the
// direction of founded by), entity classes, the reified statement with its
// evidence, odd strings and relation names, and deterministic bytes.
// (The files are also parsed by rapper and rdflib: tests/rdf_check.py.)
#include "export/rdf_writer.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

using Json = nlohmann::json;

TEST(RdfWriterTest, EscapesTurtleStrings) {
  EXPECT_EQ(EscapeTurtleString("plain 中文"), "plain 中文");
  EXPECT_EQ(EscapeTurtleString("a\"b\\c"), "a\\\"b\\\\c");
  EXPECT_EQ(EscapeTurtleString("l1\nl2\rx\ty"), "l1\\nl2\\rx\\ty");
  EXPECT_EQ(EscapeTurtleString(std::string("\x01\x1f\x7f", 3)), "\\u0001\\u001F\\u007F");
  EXPECT_EQ(EscapeTurtleString(std::string("a\0b", 3)), "a\\u0000b");
}

TEST(RdfWriterTest, EntityIrisPercentEncodeNonAscii) {
  EXPECT_EQ(RdfEntityIri("openai"), "https://chronograph.invalid/entity/openai");
  EXPECT_EQ(RdfEntityIri("Sam Altman"), "https://chronograph.invalid/entity/Sam%20Altman");
  EXPECT_EQ(RdfEntityIri("黄仁勋"), "https://chronograph.invalid/entity/%E9%BB%84%E4%BB%81%E5%8B%8B");
  EXPECT_EQ(RdfEntityIri("a/b#c<>\"d"), "https://chronograph.invalid/entity/a%2Fb%23c%3C%3E%22d");
  EXPECT_EQ(RdfEntityIri("x-y_z.~"), "https://chronograph.invalid/entity/x-y_z.~");
}

TEST(RdfWriterTest, LanguageTags) {
  EXPECT_EQ(RdfLanguageTag("OpenAI"), "en");
  EXPECT_EQ(RdfLanguageTag("黄仁勋"), "zh");
  EXPECT_EQ(RdfLanguageTag("GPT-4 模型"), "zh");
  EXPECT_EQ(RdfLanguageTag("Café"), "en");
  EXPECT_EQ(RdfLanguageTag("\xF0\xA0\x80\x80"), "zh");  // U+20000, extension B
}

TEST(RdfWriterTest, MapsRelationsToWikidata) {
  const std::string wdt = "http://www.wikidata.org/prop/direct/";
  // founded: chronograph points founder -> organisation; P112 (founded by)
  // points organisation -> founder.
  EXPECT_EQ(RdfPropertyFor("founded").iri, wdt + "P112");
  EXPECT_TRUE(RdfPropertyFor("founded").inverse);
  EXPECT_EQ(RdfPropertyFor("created").iri, wdt + "P178");
  EXPECT_TRUE(RdfPropertyFor("created").inverse);
  EXPECT_EQ(RdfPropertyFor("works_at").iri, wdt + "P108");
  EXPECT_FALSE(RdfPropertyFor("works_at").inverse);
  EXPECT_EQ(RdfPropertyFor("studied_at").iri, wdt + "P69");
  EXPECT_EQ(RdfPropertyFor("studied_under").iri, wdt + "P184");
  EXPECT_FALSE(RdfPropertyFor("studied_under").inverse);
  EXPECT_EQ(RdfPropertyFor("won").iri, wdt + "P166");
  EXPECT_EQ(RdfPropertyFor("successor_of").iri, wdt + "P155");
  EXPECT_EQ(RdfPropertyFor("trained_on").iri, "https://chronograph.invalid/vocab#trained_on");
  EXPECT_FALSE(RdfPropertyFor("trained_on").inverse);
  EXPECT_EQ(RdfPropertyFor("a b").iri, "https://chronograph.invalid/vocab#a%20b");
  EXPECT_EQ(RdfClassFor("PERSON"), "https://chronograph.invalid/vocab#Person");
  EXPECT_EQ(RdfClassFor("ORG"), "https://chronograph.invalid/vocab#Organization");
  EXPECT_EQ(RdfClassFor("MODEL"), "https://chronograph.invalid/vocab#Model");
  EXPECT_EQ(RdfClassFor("SOMETHING"), "https://chronograph.invalid/vocab#Entity");
}

void Build(const std::vector<extract::ExtractionResult>& docs, graph::KnowledgeGraph& kg) {
  for (const auto& d : docs) kg.Add(d);
  kg.Finalize();
}

std::string Turtle(const graph::KnowledgeGraph& kg) {
  std::ostringstream out;
  const Status s = WriteTurtle(kg, out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.str();
}

std::string JsonLd(const graph::KnowledgeGraph& kg) {
  std::ostringstream out;
  const Status s = WriteJsonLd(kg, out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out.str();
}

TEST(RdfWriterTest, TurtleHasEntitiesAndReifiedFoundedBy) {
  graph::KnowledgeGraph kg;
  Build(chronograph::testing::SampleCorpus(), kg);
  const std::string ttl = Turtle(kg);
  EXPECT_NE(ttl.find("@prefix wdt: <http://www.wikidata.org/prop/direct/> ."), std::string::npos);
  EXPECT_NE(ttl.find("cge:openai\n  a cg:Organization ;\n  rdfs:label \"OpenAI\"@en"), std::string::npos)
      << ttl;
  EXPECT_NE(ttl.find("\"黄仁勋\"@zh"), std::string::npos);
  EXPECT_NE(ttl.find("cge:openai\n  wdt:P112 cge:ilya-sutskever .\n"), std::string::npos) << ttl;
  EXPECT_NE(ttl.find("rdf:predicate wdt:P112 ;"), std::string::npos);
  EXPECT_NE(ttl.find("cge:openai\n  wdt:P571 \"2015-12-11\"^^xsd:date .\n"), std::string::npos) << ttl;
  EXPECT_NE(ttl.find("cg:date \"2015-12-11\"^^xsd:date"), std::string::npos);
  EXPECT_NE(ttl.find("cg:text \"On 2015-12-11 Ilya Sutskever co-founded OpenAI.\""), std::string::npos);
  EXPECT_NE(ttl.find("cg:document \"notes.md\""), std::string::npos);
  // co_occurs is not exported.
  EXPECT_EQ(ttl.find("co_occurs"), std::string::npos);
  EXPECT_EQ(ttl, Turtle(kg));
}

TEST(RdfWriterTest, JsonLdMatchesTheTurtleNodes) {
  graph::KnowledgeGraph kg;
  Build(chronograph::testing::SampleCorpus(), kg);
  const std::string text = JsonLd(kg);
  EXPECT_EQ(text, JsonLd(kg));
  const Json doc = Json::parse(text);
  EXPECT_EQ(doc["@context"]["cg"], "https://chronograph.invalid/vocab#");
  bool asserted = false, reified = false;
  for (const Json& node : doc["@graph"]) {
    if (node["@id"] == "cge:openai" && node.contains("wdt:P112")) {
      EXPECT_EQ(node["wdt:P112"]["@id"], "cge:ilya-sutskever");
      asserted = true;
    }
    if (node.contains("rdf:predicate") && node["rdf:predicate"]["@id"] == "wdt:P112") {
      EXPECT_EQ(node["rdf:type"]["@id"], "rdf:Statement");
      EXPECT_EQ(node["rdf:subject"]["@id"], "cge:openai");
      EXPECT_EQ(node["cg:relation"], "founded");
      EXPECT_EQ(node["cg:date"]["@type"], "xsd:date");
      reified = true;
    }
  }
  EXPECT_TRUE(asserted);
  EXPECT_TRUE(reified);
}

TEST(RdfWriterTest, OddStringsStayWellFormed) {
  using chronograph::testing::MakeMention;
  using chronograph::testing::MakeRelation;
  using chronograph::testing::Src;
  extract::ExtractionResult r;
  r.document = "a \"b\"\\.txt";
  const std::string odd = "Q\"uote\\ \ttab\r\x01";
  const std::string sentence = "Line \"one\"\n\\two\x02.";
  r.mentions = {MakeMention(odd, "ORG", odd + " alias", 0, Src(r.document, 1, 0, 5)),
                MakeMention("中文 Lab", "ORG", "中文 Lab", 0, Src(r.document, 1, 6, 10))};
  r.relations = {MakeRelation("rel <x>", r.mentions[0].entity_id, r.mentions[1].entity_id, "circa 2016", sentence,
                              Src(r.document, 1, 0, sentence.size()))};
  graph::KnowledgeGraph kg;
  Build({r}, kg);
  const std::string ttl = Turtle(kg);
  EXPECT_NE(ttl.find("\"Q\\\"uote\\\\ \\ttab\\r\"@en"), std::string::npos) << ttl;  // \x01 sanitized away
  EXPECT_NE(ttl.find("\"Line \\\"one\\\"\\n\\\\two.\""), std::string::npos) << ttl;
  EXPECT_NE(ttl.find("<https://chronograph.invalid/vocab#rel%20%3Cx%3E>"), std::string::npos);
  EXPECT_NE(ttl.find("cg:date \"circa 2016\" ;"), std::string::npos);
  EXPECT_NE(ttl.find("%E4%B8%AD%E6%96%87"), std::string::npos);
  EXPECT_NE(ttl.find("\"中文 Lab\"@zh"), std::string::npos);
  const Json doc = Json::parse(JsonLd(kg));
  bool found = false;
  for (const Json& node : doc["@graph"]) {
    if (node.contains("cg:text")) {
      EXPECT_EQ(node["cg:text"], "Line \"one\"\n\\two.");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace chronograph::exporters
