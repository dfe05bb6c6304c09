#include "export/report_html.h"

#include <regex>
#include <sstream>
#include <string>

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

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// Two entities, one event whose sentence and label try to break out of the
// data block.
void HostileGraph(graph::KnowledgeGraph* kg) {
  extract::ExtractionResult r;
  r.document = "a</script><!--.txt";
  r.mentions = {MakeMention("Evil</script><script>alert(1)</script>", "PERSON", "Evil", 0, Src(r.document, 1, 0, 4)),
                MakeMention("AlexNet", "MODEL", "AlexNet", 0, Src(r.document, 1, 5, 12))};
  r.events = {MakeEvent("2012", "", "2012 年", {"alexnet", "evil-script-script-alert-1-script"},
                        "In 2012 <!-- </script> & \"quotes\" AlexNet.", Src(r.document, 1, 0, 30))};
  kg->Add(r);
  kg->Finalize();
}

TEST(ReportHtmlTest, DataCannotLeaveItsScriptBlock) {
  graph::KnowledgeGraph kg;
  HostileGraph(&kg);
  const std::string data = ReportDataJson(kg);
  for (const char* forbidden : {"<", ">", "&"}) EXPECT_EQ(data.find(forbidden), std::string::npos) << forbidden;
  const json j = json::parse(data);  // \u003c is plain JSON
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["text"], "In 2012 <!-- </script> & \"quotes\" AlexNet.");
  EXPECT_EQ(j["items"][0]["document"], "a</script><!--.txt");
  EXPECT_EQ(j["entities"].size(), 2u);

  std::ostringstream page;
  ASSERT_TRUE(WriteReportHtml(kg, page).ok());
  const std::string html = page.str();
  // The page's four script blocks, and no end tag from the data.
  EXPECT_EQ(Count(html, "</script>"), 4u);
  EXPECT_EQ(Count(html, "<!--"), 1u);  // the page's own comment
}

TEST(ReportHtmlTest, ItemsFollowVisTimelineAndLinkEntities) {
  graph::KnowledgeGraph kg;
  kg.Add(chronograph::testing::SampleCorpus()[0]);
  kg.Add(chronograph::testing::SampleCorpus()[1]);
  kg.Finalize();
  const json j = json::parse(ReportDataJson(kg));
  EXPECT_EQ(j["summary"]["entities"], kg.entity_count());
  EXPECT_EQ(j["entities"].size(), kg.entity_count());
  EXPECT_EQ(j["summary"]["events"], j["items"].size());
  for (std::size_t i = 0; i < j["items"].size(); ++i) {
    const json& item = j["items"][i];
    EXPECT_TRUE(item.contains("start") && item.contains("id") && item.contains("group")) << item.dump();
    // Each item's entities list it back.
    for (const json& e : item["entities"]) {
      const json& list = j["entities"][e.get<std::size_t>()]["items"];
      EXPECT_NE(std::find(list.begin(), list.end(), json(i)), list.end()) << item.dump();
    }
  }
  for (const json& e : j["graph"]["edges"]) {
    EXPECT_LT(e["from"].get<std::size_t>(), kg.entity_count());
    EXPECT_LT(e["to"].get<std::size_t>(), kg.entity_count());
  }
  for (const json& t : j["types"]) EXPECT_TRUE(std::regex_match(t["color"].get<std::string>(), std::regex("#[0-9a-f]{6}")));
}

TEST(ReportHtmlTest, GraphViewKeepsTheMostMentioned) {
  graph::KnowledgeGraph kg;
  kg.Add(chronograph::testing::SampleCorpus()[0]);
  kg.Add(chronograph::testing::SampleCorpus()[1]);
  kg.Finalize();
  ReportOptions options;
  options.max_graph_entities = 2;
  const json j = json::parse(ReportDataJson(kg, options));
  ASSERT_EQ(j["graph"]["nodes"].size(), 2u);
  int least_shown = 1 << 30, most_hidden = 0;
  for (std::size_t i = 0; i < j["entities"].size(); ++i) {
    const int m = j["entities"][i]["mentions"];
    const bool shown = std::find(j["graph"]["nodes"].begin(), j["graph"]["nodes"].end(), json(i)) != j["graph"]["nodes"].end();
    if (shown) least_shown = std::min(least_shown, m);
    else most_hidden = std::max(most_hidden, m);
  }
  EXPECT_GE(least_shown, most_hidden);
  for (const json& e : j["graph"]["edges"]) {
    EXPECT_NE(std::find(j["graph"]["nodes"].begin(), j["graph"]["nodes"].end(), e["from"]), j["graph"]["nodes"].end());
    EXPECT_NE(std::find(j["graph"]["nodes"].begin(), j["graph"]["nodes"].end(), e["to"]), j["graph"]["nodes"].end());
  }
}

TEST(ReportHtmlTest, LargeCorpusShowsTheTopAndSaysSo) {
  graph::KnowledgeGraph kg;
  kg.Add(chronograph::testing::SampleCorpus()[0]);
  kg.Add(chronograph::testing::SampleCorpus()[1]);
  kg.Finalize();
  const json all = json::parse(ReportDataJson(kg));
  EXPECT_EQ(all["title"], "chronograph report");  // everything fits: nothing said
  ReportOptions options;
  options.max_entities = 2;
  options.max_items = 1;
  const json j = json::parse(ReportDataJson(kg, options));
  ASSERT_EQ(j["entities"].size(), 2u);
  ASSERT_LE(j["items"].size(), 1u);
  EXPECT_NE(j["title"].get<std::string>().find("showing the 2 most mentioned of " +
                                               std::to_string(kg.entity_count()) + " entities"),
            std::string::npos)
      << j["title"];
  EXPECT_EQ(j["summary"]["entities"], kg.entity_count());  // the corpus total stays
  // Every index on the page points into the page's own entity list.
  for (const json& item : j["items"]) {
    for (const json& e : item["entities"]) EXPECT_LT(e.get<std::size_t>(), 2u);
  }
  for (const json& n : j["graph"]["nodes"]) EXPECT_LT(n.get<std::size_t>(), 2u);
  for (const json& e : j["graph"]["edges"]) {
    EXPECT_LT(e["from"].get<std::size_t>(), 2u);
    EXPECT_LT(e["to"].get<std::size_t>(), 2u);
  }
}

TEST(ReportHtmlTest, SameGraphSameBytes) {
  graph::KnowledgeGraph a, b;
  HostileGraph(&a);
  HostileGraph(&b);
  std::ostringstream pa, pb;
  ASSERT_TRUE(WriteReportHtml(a, pa).ok());
  ASSERT_TRUE(WriteReportHtml(b, pb).ok());
  EXPECT_TRUE(pa.str() == pb.str());
}

}  // namespace
}  // namespace chronograph::exporters
