#include "export/entity_timelines.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "export/timelinejs_json.h"
#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

using chronograph::testing::MakeEvent;
using chronograph::testing::MakeMention;
using chronograph::testing::Src;
using nlohmann::json;

// One entity per canonical name (ids come from extract::EntityId), each
// mentioned `mentions` times, with one dated event per entity.
void Fill(graph::KnowledgeGraph* kg, const std::vector<std::pair<std::string, std::string>>& names) {
  extract::ExtractionResult r;
  r.document = "d.txt";
  int line = 1;
  for (const auto& [canonical, surface] : names) {
    r.mentions.push_back(MakeMention(canonical, "PERSON", surface, line - 1, Src("d.txt", line, 0, 1)));
    ++line;
  }
  kg->Add(r);
  kg->Finalize();
}

TEST(EntityTimelinesTest, FileStems) {
  struct Case {
    const char* id;
    const char* stem;
  };
  const Case cases[] = {
      {"geoffrey-hinton", "geoffrey-hinton"},
      {"Mixed-Case", "mixed-case"},
      {"a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j"},
      {"../../etc/passwd", "etc-passwd"},
      {".hidden", "hidden"},
      {"trailing.", "trailing"},
      {"英伟达", "英伟达"},
      {"gpt-4.5", "gpt-4.5"},
      {"con", "con-entity"},
      {"LPT1", "lpt1-entity"},
      {"///", "entity"},
  };
  for (const Case& c : cases) {
    extract::ExtractionResult r;
    r.document = "d.txt";
    extract::Mention m = MakeMention("X", "PERSON", "X", 0, Src("d.txt", 1, 0, 1));
    m.entity_id = c.id;
    r.mentions = {m};
    graph::KnowledgeGraph kg;
    kg.Add(r);
    kg.Finalize();
    const std::vector<std::string> stems = EntityFileStems(kg);
    ASSERT_EQ(stems.size(), 1u) << c.id;
    EXPECT_EQ(stems[0], c.stem) << "id: " << c.id;
  }
}

TEST(EntityTimelinesTest, LongStemIsCutOnACodePoint) {
  extract::ExtractionResult r;
  r.document = "d.txt";
  extract::Mention m = MakeMention("X", "PERSON", "X", 0, Src("d.txt", 1, 0, 1));
  m.entity_id = "a";
  for (int i = 0; i < 40; ++i) m.entity_id += "达";  // 1 + 120 bytes
  r.mentions = {m};
  graph::KnowledgeGraph kg;
  kg.Add(r);
  kg.Finalize();
  const std::string stem = EntityFileStems(kg)[0];
  EXPECT_EQ(stem.size(), 79u);  // "a" + 26 three-byte characters
  EXPECT_EQ(stem.substr(0, 4), "a达");
}

TEST(EntityTimelinesTest, CollisionsAreResolvedInVertexOrder) {
  extract::ExtractionResult r;
  r.document = "d.txt";
  // Sorted ids: "a-b", "a-b-2", "a:b", "a_b" ... "A B" sanitises like "a-b".
  for (const char* id : {"a:b", "a-b", "a-b-2", "A B"}) {
    extract::Mention m = MakeMention("X", "PERSON", "X", 0, Src("d.txt", 1, 0, 1));
    m.entity_id = id;
    r.mentions.push_back(m);
  }
  graph::KnowledgeGraph kg;
  kg.Add(r);
  kg.Finalize();
  std::vector<std::string> ids, stems = EntityFileStems(kg);
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph()))) ids.push_back(kg.graph()[v].id);
  ASSERT_EQ(ids, (std::vector<std::string>{"A B", "a-b", "a-b-2", "a:b"}));
  // "a-b-2" is an entity's own stem, so the second "a-b" skips it.
  EXPECT_EQ(stems, (std::vector<std::string>{"a-b", "a-b-3", "a-b-2", "a-b-4"}));
}

TEST(EntityTimelinesTest, FindByLabelIdOrAliasIgnoringCase) {
  graph::KnowledgeGraph kg;
  Fill(&kg, {{"Geoffrey Hinton", "辛顿"}, {"Yann LeCun", "LeCun"}, {"Ilya Sutskever", "Ilya"}});
  const struct {
    const char* name;
    const char* label;  // nullptr: no match
  } cases[] = {
      {"geoffrey hinton", "Geoffrey Hinton"}, {"GEOFFREY-HINTON", "Geoffrey Hinton"},
      {"辛顿", "Geoffrey Hinton"},           {"lecun", "Yann LeCun"},
      {"ilya", "Ilya Sutskever"},             {"Hinton", nullptr},
      {"", nullptr},
  };
  for (const auto& c : cases) {
    const std::vector<graph::Vertex> found = FindEntitiesByName(kg, c.name);
    if (c.label == nullptr) {
      EXPECT_TRUE(found.empty()) << c.name;
    } else {
      ASSERT_EQ(found.size(), 1u) << c.name;
      EXPECT_EQ(kg.graph()[found[0]].label, c.label) << c.name;
    }
  }
}

TEST(EntityTimelinesTest, NearNames) {
  graph::KnowledgeGraph kg;
  Fill(&kg, {{"Geoffrey Hinton", "Hinton"}, {"Yann LeCun", "LeCun"}, {"Ilya Sutskever", "Ilya"}});
  EXPECT_EQ(NearEntityNames(kg, "Hinton"), std::vector<std::string>{"Geoffrey Hinton"});  // contained
  EXPECT_EQ(NearEntityNames(kg, "Yann LeCunn"), std::vector<std::string>{"Yann LeCun"});   // contains
  EXPECT_EQ(NearEntityNames(kg, "Ilua Sutskever"), std::vector<std::string>{"Ilya Sutskever"});  // 1 edit
  EXPECT_TRUE(NearEntityNames(kg, "Transformer").empty());
}

TEST(EntityTimelinesTest, FileHoldsTheEntitysEventsWithCorpusIds) {
  extract::ExtractionResult r;
  r.document = "d.txt";
  r.mentions = {MakeMention("AlexNet", "MODEL", "AlexNet", 0, Src("d.txt", 1, 0, 7)),
                MakeMention("Geoffrey Hinton", "PERSON", "Hinton", 1, Src("d.txt", 2, 0, 6))};
  r.events = {MakeEvent("2012", "", "2012 年", {"alexnet"}, "AlexNet wins.", Src("d.txt", 1, 0, 1)),
              MakeEvent("1947", "", "1947 年", {"geoffrey-hinton"}, "Hinton is born.", Src("d.txt", 2, 0, 1)),
              MakeEvent("P10Y", "", "十年", {"alexnet"}, "A duration.", Src("d.txt", 3, 0, 1)),
              MakeEvent("2016-Q1", "START", "2016 年初", {"alexnet", "geoffrey-hinton"}, "Both.", Src("d.txt", 4, 0, 1))};
  graph::KnowledgeGraph kg;
  kg.Add(r);
  kg.Finalize();
  std::ostringstream corpus_text;
  ASSERT_TRUE(WriteTimelineJsJson(kg, corpus_text).ok());
  const json corpus = json::parse(corpus_text.str());

  const std::vector<graph::Vertex> alexnet = FindEntitiesByName(kg, "alexnet");
  ASSERT_EQ(alexnet.size(), 1u);
  std::ostringstream out;
  ASSERT_TRUE(WriteEntityTimelineJs(kg, alexnet[0], "timelines/alexnet.json", out).ok());
  const json j = json::parse(out.str());
  EXPECT_EQ(j["title"]["text"]["headline"], "AlexNet");
  EXPECT_EQ(j["title"]["text"]["text"], "2 events from 1 document");
  ASSERT_EQ(j["events"].size(), 2u);
  std::vector<json> expected;
  for (const json& slide : corpus["events"]) {
    if (slide["text"]["headline"].get<std::string>().find("AlexNet") != std::string::npos) expected.push_back(slide);
  }
  ASSERT_EQ(expected.size(), 2u);
  EXPECT_EQ(j["events"][0], expected[0]);  // the same slide, unique_id included
  EXPECT_EQ(j["events"][1], expected[1]);
  EXPECT_EQ(j["events"][1]["start_date"]["display_date"], "2016 年初");
  EXPECT_EQ(j["events"][0]["start_date"], json({{"year", 2012}, {"display_date", "2012 年"}}));  // year-only
}

}  // namespace
}  // namespace chronograph::exporters
