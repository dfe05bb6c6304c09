#include "export/vis_timeline_json.h"

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

TEST(VisTimelineJsonTest, DateValues) {
  struct Case {
    const char* value;
    const char* start;
    const char* end;  // nullptr: a point
  };
  const Case cases[] = {
      {"2012", "2012-01-01", nullptr},
      {"2012-09", "2012-09-01", nullptr},
      {"2012-09-30", "2012-09-30", nullptr},
      {"2016-Q2", "2016-04-01", nullptr},
      {"0800", "0800-01-01", nullptr},
      {"2002/2003", "2002-01-01", "2003-12-31"},
      {"2012-02/2012-Q2", "2012-02-01", "2012-06-30"},
      {"201X", "2010-01-01", "2019-12-31"},
      {"2013-W07", "2013-02-11", nullptr},
      {"2016-H2", "2016-07-01", nullptr},
      {"2015-WI", "2015-12-01", nullptr},
      {"2013-W07/2013-W09", "2013-02-11", "2013-03-03"},
  };
  for (const Case& c : cases) {
    extract::ExtractionResult r;
    r.document = "d.txt";
    r.mentions = {MakeMention("Geoffrey Hinton", "PERSON", "Hinton", 0, Src("d.txt", 1, 0, 6))};
    r.events = {MakeEvent(c.value, "", c.value, {"geoffrey-hinton"}, "a <b> & c", Src("d.txt", 1, 0, 9))};
    graph::KnowledgeGraph kg;
    kg.Add(r);
    kg.Finalize();
    std::ostringstream out;
    ASSERT_TRUE(WriteVisTimelineJson(kg, out).ok());
    const json j = json::parse(out.str());
    ASSERT_EQ(j["items"].size(), 1u) << c.value;
    const json& item = j["items"][0];
    EXPECT_EQ(item["start"], c.start) << c.value;
    if (c.end == nullptr) {
      EXPECT_FALSE(item.contains("end")) << c.value;
      EXPECT_EQ(item["type"], "point") << c.value;
    } else {
      EXPECT_EQ(item["end"], c.end) << c.value;
      EXPECT_EQ(item["type"], "range") << c.value;
    }
    EXPECT_EQ(item["group"], "PERSON");
    EXPECT_EQ(item["content"], "Geoffrey Hinton");
    EXPECT_EQ(item["title"], "a &lt;b&gt; &amp; c");
    EXPECT_EQ(j["groups"], json::parse(R"([{"id": "PERSON", "content": "PERSON"}])"));
  }
}

TEST(VisTimelineJsonTest, SampleCorpusItemsMatchTimelineJsIds) {
  graph::KnowledgeGraph kg;
  for (const auto& d : chronograph::testing::SampleCorpus()) kg.Add(d);
  kg.Finalize();
  std::ostringstream vis_out, tjs_out;
  ASSERT_TRUE(WriteVisTimelineJson(kg, vis_out).ok());
  ASSERT_TRUE(WriteTimelineJsJson(kg, tjs_out).ok());
  const json vis = json::parse(vis_out.str());
  const json tjs = json::parse(tjs_out.str());
  ASSERT_EQ(vis["items"].size(), 6u);
  ASSERT_EQ(tjs["events"].size(), 6u);
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(vis["items"][i]["id"], tjs["events"][i]["unique_id"]) << i;
    EXPECT_EQ(vis["items"][i]["group"], tjs["events"][i]["group"]) << i;
    // Every start is a full date, never a bare year.
    EXPECT_EQ(vis["items"][i]["start"].get<std::string>().size(), 10u) << i;
  }
  std::vector<std::string> groups;
  for (const json& g : vis["groups"]) groups.push_back(g["id"]);
  EXPECT_EQ(groups, (std::vector<std::string>{"MODEL", "PERSON", "PRODUCT"}));
}

TEST(VisTimelineJsonTest, FormatCivilDay) {
  EXPECT_EQ(FormatCivilDay({2012, 9, 3}), "2012-09-03");
  EXPECT_EQ(FormatCivilDay({33, 1, 1}), "0033-01-01");
}

}  // namespace
}  // namespace chronograph::exporters
