#include "export/timeline_json.h"

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "export/graphml_writer.h"
#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

using nlohmann::json;

class TimelineJsonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& d : chronograph::testing::SampleCorpus()) kg_.Add(d);
    kg_.Finalize();
    std::ostringstream out;
    const Status s = WriteTimelineJson(kg_, out);
    ASSERT_TRUE(s.ok()) << s.ToString();
    text_ = out.str();
    j_ = json::parse(text_);  // throws (fails the test) on invalid JSON
  }
  graph::KnowledgeGraph kg_;
  std::string text_;
  json j_;
};

TEST_F(TimelineJsonTest, TopLevelKeysInOrder) {
  std::vector<std::string> keys;
  for (auto it = j_.begin(); it != j_.end(); ++it) keys.push_back(it.key());
  // nlohmann::json sorts keys when parsing; check the written order instead.
  EXPECT_LT(text_.find("\"schema\""), text_.find("\"entities\""));
  EXPECT_LT(text_.find("\"entities\""), text_.find("\"dates\""));
  EXPECT_LT(text_.find("\"dates\""), text_.find("\"events\""));
  EXPECT_LT(text_.find("\"events\""), text_.find("\"per_entity\""));
  EXPECT_EQ(j_["schema"], kTimelineSchema);
  EXPECT_EQ(keys.size(), 5u);
  EXPECT_EQ(text_.back(), '\n');
}

TEST_F(TimelineJsonTest, Entities) {
  ASSERT_EQ(j_["entities"].size(), kg_.entity_count());
  const json& ilya = j_["entities"][4];
  EXPECT_EQ(ilya["id"], "ilya-sutskever");
  EXPECT_EQ(ilya["label"], "Ilya Sutskever");
  EXPECT_EQ(ilya["type"], "PERSON");
  EXPECT_EQ(ilya["aliases"], json({"Ilya", "Ilya Sutskever"}));
  EXPECT_EQ(ilya["mentions"], 3);
  EXPECT_EQ(ilya["first_date"], "2002/2003");
  EXPECT_EQ(ilya["last_date"], "2015-12-11");
  const json& huang = j_["entities"][6];
  EXPECT_EQ(huang["id"], "黄仁勋");
  EXPECT_FALSE(huang.contains("first_date"));
  EXPECT_EQ(j_["entities"][0]["label"], "AB & <C>");
}

TEST_F(TimelineJsonTest, DatesKeepDurationsEventsDoNot) {
  struct Case {
    const char* value;
    const char* mod;  // nullptr: no mod field
    const char* kind;
    const char* document;
    int line;
  };
  const Case cases[] = {
      {"2015-12-11", nullptr, "date", "notes.md", 3},
      {"2016-Q1", nullptr, "date", "notes.md", 5},
      {"2012", nullptr, "date", "talk.txt", 1},
      {"2002/2003", nullptr, "interval", "talk.txt", 2},
      {"P10Y", nullptr, "duration", "talk.txt", 3},
      {"201X", nullptr, "date", "talk.txt", 4},
      {"2016", "START", "date", "talk.txt", 4},
  };
  ASSERT_EQ(j_["dates"].size(), std::size(cases));
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    const json& d = j_["dates"][i];
    const Case& c = cases[i];
    EXPECT_EQ(d["value"], c.value) << i;
    EXPECT_EQ(d.contains("mod"), c.mod != nullptr) << i;
    if (c.mod != nullptr) {
      EXPECT_EQ(d["mod"], c.mod) << i;
    }
    EXPECT_EQ(d["kind"], c.kind) << i;
    EXPECT_EQ(d["source"]["document"], c.document) << i;
    EXPECT_EQ(d["source"]["line"], c.line) << i;
    EXPECT_TRUE(d["text"].is_string());
  }
  for (const json& e : j_["events"]) {
    EXPECT_NE(e["date"].get<std::string>()[0], 'P') << e.dump();
  }
}

TEST_F(TimelineJsonTest, EventsInDateOrderWithLabels) {
  struct Case {
    const char* date;
    const char* mod;
    std::vector<std::string> entities;
    int line;
  };
  const Case cases[] = {
      {"2002/2003", nullptr, {"Ilya Sutskever"}, 2},
      {"201X", nullptr, {"AB & <C>"}, 4},
      {"2012", nullptr, {"AlexNet", "Geoffrey Hinton", "Ilya Sutskever"}, 1},
      {"2015-12-11", nullptr, {"Ilya Sutskever", "OpenAI"}, 3},
      {"2016", "START", {"AB & <C>"}, 4},
      {"2016-Q1", nullptr, {"DGX"}, 5},
  };
  ASSERT_EQ(j_["events"].size(), std::size(cases));
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    const json& e = j_["events"][i];
    EXPECT_EQ(e["date"], cases[i].date) << i;
    EXPECT_EQ(e.contains("mod"), cases[i].mod != nullptr) << i;
    EXPECT_EQ(e["entities"].get<std::vector<std::string>>(), cases[i].entities) << i;
    EXPECT_EQ(e["source"]["line"], cases[i].line) << i;
    EXPECT_FALSE(e["text"].get<std::string>().empty()) << i;
  }
}

TEST_F(TimelineJsonTest, EventEntitiesAreGraphmlLabels) {
  std::ostringstream out;
  ASSERT_TRUE(WriteGraphml(kg_, out).ok());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(out.str().c_str()));
  std::set<std::string> labels;
  for (pugi::xpath_node n : doc.select_nodes("//node/data[@key='label']")) labels.insert(n.node().text().get());
  for (const json& e : j_["events"]) {
    for (const json& label : e["entities"]) EXPECT_EQ(labels.count(label.get<std::string>()), 1u) << label;
  }
  for (const json& e : j_["entities"]) EXPECT_EQ(labels.count(e["label"].get<std::string>()), 1u);
}

TEST_F(TimelineJsonTest, PerEntityIndexesEvents) {
  const json& per = j_["per_entity"];
  EXPECT_EQ(per.size(), kg_.entity_count());
  EXPECT_EQ(per["ilya-sutskever"], json({0, 2, 3}));
  EXPECT_EQ(per["a-b-c"], json({1, 4}));
  EXPECT_EQ(per["黄仁勋"], json::array());
  for (auto it = per.begin(); it != per.end(); ++it) {
    for (const json& i : it.value()) {
      const json& event = j_["events"][i.get<std::size_t>()];
      EXPECT_NE(std::find(event["entity_ids"].begin(), event["entity_ids"].end(), it.key()),
                event["entity_ids"].end())
          << it.key();
    }
  }
}

TEST(TimelineJsonStandaloneTest, SameBytesWhateverTheAddOrderAndBadUtf8Replaced) {
  std::vector<extract::ExtractionResult> docs = chronograph::testing::SampleCorpus();
  docs[1].events[0].text += " \xFF\xC3";  // invalid UTF-8 must not throw
  auto write = [](const std::vector<extract::ExtractionResult>& in) {
    graph::KnowledgeGraph kg;
    for (const auto& d : in) kg.Add(d);
    kg.Finalize();
    std::ostringstream out;
    EXPECT_TRUE(WriteTimelineJson(kg, out).ok());
    return out.str();
  };
  const std::string a = write(docs);
  std::swap(docs[0], docs[1]);
  EXPECT_EQ(a, write(docs));
  const json j = json::parse(a);
  EXPECT_NE(j["events"][3]["text"].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(TimelineJsonStandaloneTest, EventsCarryTheRelationsTheyDateByLabel) {
  std::vector<extract::ExtractionResult> docs = chronograph::testing::SampleCorpus();
  const std::string stated = "On 2015-12-11 Ilya Sutskever co-founded OpenAI.";
  for (auto& doc : docs) {
    for (auto& e : doc.events) {
      if (e.text == stated) e.relations.push_back({"founded", "ilya-sutskever", "openai"});
    }
  }
  graph::KnowledgeGraph kg;
  for (const auto& d : docs) kg.Add(d);
  kg.Finalize();
  std::ostringstream out;
  ASSERT_TRUE(WriteTimelineJson(kg, out).ok());
  const json j = json::parse(out.str());
  int with = 0;
  for (const json& e : j["events"]) {
    if (e["text"] != stated) {
      EXPECT_FALSE(e.contains("relations")) << e.dump();
      continue;
    }
    ++with;
    const json expected = json::array(
        {{{"type", "founded"}, {"from", kg.LabelOf("ilya-sutskever")}, {"to", kg.LabelOf("openai")}}});
    EXPECT_EQ(e["relations"], expected);
    EXPECT_EQ(e["relations"][0]["from"], "Ilya Sutskever");
  }
  EXPECT_EQ(with, 1);
}

}  // namespace
}  // namespace chronograph::exporters
