#include "export/timelinejs_json.h"

#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

using chronograph::testing::MakeEvent;
using chronograph::testing::MakeMention;
using chronograph::testing::Src;
using nlohmann::json;

// A graph with one event per value, each naming AlexNet.
json WriteOneEventPerValue(const std::vector<std::pair<std::string, std::string>>& values) {
  extract::ExtractionResult r;
  r.document = "d.txt";
  r.mentions = {MakeMention("AlexNet", "MODEL", "AlexNet", 0, Src("d.txt", 1, 0, 7))};
  int line = 1;
  for (const auto& [value, mod] : values) {
    r.events.push_back(MakeEvent(value, mod, "as written " + value, {"alexnet"}, "s", Src("d.txt", line, 0, 1)));
    ++line;
  }
  graph::KnowledgeGraph kg;
  kg.Add(r);
  kg.Finalize();
  std::ostringstream out;
  EXPECT_TRUE(WriteTimelineJsJson(kg, out).ok());
  return json::parse(out.str());
}

TEST(TimelineJsJsonTest, DateValues) {
  struct Case {
    const char* value;
    json start;  // without display_date
    json end;    // null: no end_date
  };
  const Case cases[] = {
      {"2012", {{"year", 2012}}, nullptr},
      {"2012-09", {{"year", 2012}, {"month", 9}}, nullptr},
      {"2012-09-30", {{"year", 2012}, {"month", 9}, {"day", 30}}, nullptr},
      {"2016-Q1", {{"year", 2016}, {"month", 1}}, nullptr},
      {"2016-Q3", {{"year", 2016}, {"month", 7}}, nullptr},
      {"2002/2003", {{"year", 2002}}, {{"year", 2003}}},
      {"2012-09/2013-Q1", {{"year", 2012}, {"month", 9}}, {{"year", 2013}, {"month", 3}}},
      {"201X", {{"year", 2010}}, {{"year", 2019}}},
      {"2013-W07", {{"year", 2013}, {"month", 2}, {"day", 11}}, nullptr},
      {"2016-H2", {{"year", 2016}, {"month", 7}}, nullptr},
      {"2015-WI", {{"year", 2015}, {"month", 12}}, nullptr},
      {"2013-W07/2013-W09", {{"year", 2013}, {"month", 2}, {"day", 11}}, {{"year", 2013}, {"month", 3}, {"day", 3}}},
  };
  for (const Case& c : cases) {
    const json j = WriteOneEventPerValue({{c.value, ""}});
    ASSERT_EQ(j["events"].size(), 1u) << c.value;
    const json& ev = j["events"][0];
    json start = ev["start_date"];
    EXPECT_EQ(start["display_date"], std::string("as written ") + c.value) << c.value;
    start.erase("display_date");
    EXPECT_EQ(start, c.start) << c.value;  // year-only stays year-only; integers
    if (c.end.is_null()) {
      EXPECT_FALSE(ev.contains("end_date")) << c.value;
    } else {
      EXPECT_EQ(ev["end_date"], c.end) << c.value;
    }
  }
}

TEST(TimelineJsJsonTest, UnparseableAndDurationEventsAreLeftOut) {
  const json j = WriteOneEventPerValue({{"P10Y", ""}, {"someday", ""}, {"2012", "END"}});
  ASSERT_EQ(j["events"].size(), 1u);
  EXPECT_EQ(j["events"][0]["start_date"]["year"], 2012);
}

TEST(TimelineJsJsonTest, SampleCorpusSlides) {
  graph::KnowledgeGraph kg;
  for (const auto& d : chronograph::testing::SampleCorpus()) kg.Add(d);
  kg.Finalize();
  std::ostringstream out;
  ASSERT_TRUE(WriteTimelineJsJson(kg, out).ok());
  const json j = json::parse(out.str());
  EXPECT_EQ(j["title"]["text"]["headline"], "chronograph timeline");
  EXPECT_EQ(j["title"]["text"]["text"], "6 events from 2 documents");
  ASSERT_EQ(j["events"].size(), 6u);
  struct Case {
    const char* headline;
    const char* group;
  };
  const Case cases[] = {
      {"Ilya Sutskever", "PERSON"},
      {"AB &amp; &lt;C&gt;", "MODEL"},
      {"Ilya Sutskever \xC2\xB7 AlexNet \xC2\xB7 Geoffrey Hinton", "PERSON"},  // most mentioned first
      {"Ilya Sutskever \xC2\xB7 OpenAI", "PERSON"},
      {"AB &amp; &lt;C&gt;", "MODEL"},
      {"DGX", "PRODUCT"},
  };
  const std::regex id_pattern("ev-[0-9]{4}-[0-9a-f]{8}");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    const json& ev = j["events"][i];
    EXPECT_EQ(ev["text"]["headline"], cases[i].headline) << i;
    EXPECT_EQ(ev["group"], cases[i].group) << i;
    const std::string id = ev["unique_id"];
    EXPECT_TRUE(std::regex_match(id, id_pattern)) << id;
    EXPECT_EQ(id.substr(0, 7), "ev-000" + std::to_string(i + 1)) << id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 6u);
  EXPECT_EQ(j["events"][3]["text"]["text"],
            "On 2015-12-11 Ilya Sutskever co-founded OpenAI.<br><em>notes.md, line 3</em>");
  EXPECT_EQ(j["events"][1]["start_date"]["display_date"], "201X 年代");
  // The sentence with U+0001 and "&<>" is sanitized and escaped.
  const std::string odd = j["events"][1]["text"]["text"];
  EXPECT_NE(odd.find("AB &amp; &lt;C&gt;"), std::string::npos) << odd;
  EXPECT_EQ(odd.find('\x01'), std::string::npos);
}

TEST(TimelineJsJsonTest, UniqueIdIsStable) {
  const extract::Event e = MakeEvent("2012", "", "2012", {"a"}, "t", Src("d.txt", 3, 0, 1));
  EXPECT_EQ(EventUniqueId(e, 1), EventUniqueId(e, 1));
  EXPECT_NE(EventUniqueId(e, 1), EventUniqueId(e, 2));
  extract::Event other = e;
  other.source.line = 4;
  EXPECT_NE(EventUniqueId(e, 1).substr(8), EventUniqueId(other, 1).substr(8));
  EXPECT_EQ(EventUniqueId(e, 12345).substr(0, 9), "ev-12345-");
}

}  // namespace
}  // namespace chronograph::exporters
