// Relative dates: the template grammar, date arithmetic at the template's
// granularity, fact look-up by alias endings, the loader's checks, and
// resolution through Extractor::Extract (zh and en) against a reference
// date, the previous date and the gazetteer's facts.
#include "extract/relative_dates.h"

#include <map>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "extract/document.h"
#include "extract/extractor.h"
#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

TEST(RelativeDatesTest, ApplyOffsets) {
  struct Case {
    const char* anchor;
    const char* tmpl;
    const char* out;  // "" = does not resolve
  };
  const Case table[] = {
      {"2013-02-12", "DCT-1Y", "2012"},
      {"2013-02-12", "DCT+0Y", "2013"},
      {"2013-02-12", "DCT-6M", "2012-08"},
      {"2013-02-12", "DCT-14M", "2011-12"},
      {"2013-02-12", "DCT+11M", "2014-01"},
      {"2013-02-12", "DCT-1D", "2013-02-11"},
      {"2013-02-12", "DCT+0D", "2013-02-12"},
      {"2013-02-12", "DCT-12D", "2013-01-31"},
      {"2012-02-28", "DCT+1D", "2012-02-29"},
      {"2013-02-28", "DCT+1D", "2013-03-01"},
      {"2012-12-31", "DCT+1D", "2013-01-01"},
      {"2012-02-29", "DCT+1Y+0D", "2013-02-28"},
      {"2010", "PREV+2Y", "2012"},
      {"2010-05", "PREV+2Y", "2012"},
      {"2016-03-09", "PREV+1D", "2016-03-10"},
      {"2023-03-14", "released(GPT-4)+2D-1D", "2023-03-15"},
      {"2023-03-14", "released(GPT-4)+1D-1D", "2023-03-14"},
      {"2015-12", "founded(OpenAI)+1Y", "2016"},
      {"2015-12", "founded(OpenAI)+1M", "2016-01"},
      // Too coarse, not a plain date, unknown amount, out of range.
      {"2016", "PREV+1D", ""},
      {"2015-12", "founded(OpenAI)+1D", ""},
      {"2002/2003", "PREV+2Y", ""},
      {"201X", "PREV+1Y", ""},
      {"2016-Q1", "PREV+1Y", ""},
      {"2013-02-12", "DCT-XM", ""},
      {"1001", "PREV-5Y", ""},
      {"", "DCT-1Y", ""},
      // Weeks, quarters, halves and snaps (2013-02-12 is a Tuesday in 2013-W07).
      {"2013-02-12", "DCT+0W", "2013-W07"},
      {"2013-02-12", "DCT-1W", "2013-W06"},
      {"2019-12-30", "DCT+0W", "2020-W01"},
      {"2021-01-03", "DCT+0W", "2020-W53"},
      {"2013-02-12", "DCT-2W+0D", "2013-01-29"},
      {"2013-02-12", "DCT+0Q", "2013-Q1"},
      {"2013-02-12", "DCT-1Q", "2012-Q4"},
      {"2013-02-12", "DCT+1H", "2013-H2"},
      {"2013-02-12", "DCT-1W=D2", "2013-02-05"},
      {"2013-02-12", "DCT+0W=D7", "2013-02-17"},
      {"2013-02-12", "DCT+0W=D1", "2013-02-11"},
      {"2013-02-12", "DCT>D2", "2013-02-19"},
      {"2013-02-12", "DCT>D3", "2013-02-13"},
      {"2013-02-12", "DCT<D2", "2013-02-05"},
      {"2013-02-12", "DCT<D5", "2013-02-08"},
      {"2013-02-12", "DCT=M05#2D7", "2013-05-12"},
      {"2013-02-12", "DCT=M11#4D4", "2013-11-28"},
      {"2013-02-12", "DCT=M05#LD1", "2013-05-27"},
      {"2013-02-12", "DCT-1Y=M12", "2012-12"},
      {"2013-02-12", "DCT-1M=N05", "2013-01-05"},
      {"2013-02-12", "DCT+0M=N31", ""},
      {"2013-03", "2013-03#2D1", "2013-03-11"},
      {"2013-02", "2013-02#5D1", ""},
      {"2016", "PREV+1W", ""},
      {"2016", "PREV+1Q", ""},
      {"2016", "PREV=D1", ""},
  };
  for (const Case& c : table) {
    const std::optional<RelativeTemplate> t = ParseRelativeTemplate(c.tmpl);
    ASSERT_TRUE(t.has_value()) << c.tmpl;
    EXPECT_EQ(ApplyOffsets(c.anchor, *t), c.out) << c.anchor << " " << c.tmpl;
  }
}

TEST(RelativeDatesTest, Parse) {
  const std::optional<RelativeTemplate> fact = ParseRelativeTemplate("released(GPT-4 Turbo)+2D-1D");
  ASSERT_TRUE(fact.has_value());
  EXPECT_EQ(fact->anchor, RelativeTemplate::Anchor::kFact);
  EXPECT_EQ(fact->fact, "released");
  EXPECT_EQ(fact->entity, "GPT-4 Turbo");
  ASSERT_EQ(fact->offsets.size(), 2u);
  EXPECT_EQ(fact->offsets[1].amount, -1);
  EXPECT_EQ(fact->Granularity(), 'D');
  EXPECT_EQ(ParseRelativeTemplate("EVENT+2Y")->anchor, RelativeTemplate::Anchor::kEvent);
  EXPECT_EQ(ParseRelativeTemplate("PREV")->Granularity(), 'Y');

  const char* errors[] = {"", "TODAY-1Y", "DCT-1", "DCT-1V", "DCT*1Y", "DCT=D8", "DCT=D0", "DCT>M3", "DCT#6D1",
                          "DCT=M13", "DCT=N32", "DCT=X1", "DCT-Y", "Released(X)+1D", "released()+1D",
                          "(GPT-4)+1D", "released(GPT-4"};
  for (const char* e : errors) EXPECT_FALSE(ParseRelativeTemplate(e).has_value()) << e;

  EXPECT_EQ(CheckRelativeTemplate("released(${entity})+${nth}D-1D"), "");
  EXPECT_EQ(CheckRelativeTemplate("DCT-${num}0Y"), "");
  EXPECT_NE(CheckRelativeTemplate("DCT-${num}"), "");
  EXPECT_NE(CheckRelativeTemplate("${num}"), "");
  EXPECT_EQ(CheckRelativeTemplate("${year}-${month}#${nth}D${weekday}"), "");
  EXPECT_EQ(CheckRelativeTemplate("DCT-1W=D${weekday}"), "");
  EXPECT_EQ(ParseRelativeTemplate("2013-03#LD5")->anchor, RelativeTemplate::Anchor::kLiteral);
  EXPECT_EQ(ParseRelativeTemplate("DCT+0W")->Granularity(), 'W');
  EXPECT_EQ(ParseRelativeTemplate("DCT-1W=D2")->Granularity(), 'D');
  EXPECT_EQ(ParseRelativeTemplate("DCT=M03")->Granularity(), 'M');
}

TEST(RelativeDatesTest, IsCalendarDate) {
  for (const char* ok : {"2023-03-14", "2012-02-29", "1000-01-01"}) EXPECT_TRUE(IsCalendarDate(ok)) << ok;
  for (const char* bad : {"2013-02-29", "2023-13-01", "2023-3-14", "2023-03-14T", "0999-01-01", "20230314", ""}) {
    EXPECT_FALSE(IsCalendarDate(bad)) << bad;
  }
}

TEST(RelativeDatesTest, LookupFactTriesEndings) {
  const FactLookup lookup = [](std::string_view alias, std::string_view attribute) -> std::optional<Fact> {
    if (attribute != "founded") return std::nullopt;
    if (alias == "英伟达") return Fact{"1993", "NVIDIA", ""};
    if (alias == "GPT-4") return Fact{"2023-03-14", "GPT-4", "s"};
    return std::nullopt;
  };
  EXPECT_EQ(LookupFact("在英伟达", "founded", lookup)->entity, "NVIDIA");
  EXPECT_EQ(LookupFact("OpenAI GPT-4", "founded", lookup)->entity, "GPT-4");
  EXPECT_FALSE(LookupFact("XGPT-4", "founded", lookup).has_value());  // not at a word boundary
  EXPECT_FALSE(LookupFact("英伟达", "released", lookup).has_value());

  const RelativeTemplate t = *ParseRelativeTemplate("founded(在英伟达)+2Y-1Y");
  std::string anchor;
  EXPECT_EQ(ResolveRelative(t, {"", "", &lookup}, &anchor), "1994");
  EXPECT_EQ(anchor, "NVIDIA founded=1993");
  EXPECT_EQ(ResolveRelative(t, {"", "", nullptr}, &anchor), "");
}

TEST(RelativeDatesTest, LoaderChecks) {
  struct Case {
    std::map<std::string, std::string> files;
    const char* error;
  };
  const Case cases[] = {
      {{{"zh/dates.json", "{\"rules\": [\n{\"id\": \"zh.dates.x\", \"pattern\": \"去年\", \"value\": \"LAST-1Y\", "
                          "\"kind\": \"relative\"}]}"}},
       "zh/dates.json:2:8: rule zh.dates.x: relative value 'LAST-1Y' is not ANCHOR"},
      {{{"common/gazetteer/model.tsv", "GPT-4\tMODEL\tGPT-4\treleased_source=OpenAI blog\n"}},
       "common/gazetteer/model.tsv:1:1: attribute 'released_source' names no 'released' fact on this line"},
  };
  for (const Case& c : cases) {
    auto rules = RuleSet::FromFiles(c.files);
    ASSERT_FALSE(rules.ok()) << c.error;
    EXPECT_NE(rules.status().message().find(c.error), std::string::npos) << rules.status().message();
  }
  auto good = RuleSet::FromFiles({{"common/gazetteer/model.tsv",
                                   "GPT-4\tMODEL\tGPT-4\treleased=2023-03-14;released_source=OpenAI, \"GPT-4\", 2023-03-14\n"}});
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(good.value()->gazetteer()[0].attributes.at("released_source"), "OpenAI, \"GPT-4\", 2023-03-14");
}

// "text=value" of every date found, with reference date dct ("" = none).
std::string Dates(const std::string& text, const std::string& dct) {
  static const std::shared_ptr<const Extractor> extractor = [] {
    auto e = Extractor::Create(testing::EmbeddedRules());
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.value();
  }();
  auto doc = MakeDocument("t.txt", text);
  EXPECT_TRUE(doc.ok());
  ExtractOptions options;
  options.reference_date = dct;
  std::string out;
  for (const DateMention& d : extractor->Extract(doc.value(), options).dates) {
    if (d.kind != "relative") continue;
    out += (out.empty() ? "" : " | ") + d.text + "=" + d.value;
  }
  return out;
}

TEST(RelativeDatesTest, ResolvedInDocuments) {
  struct Case {
    const char* name;
    const char* dct;
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"zh last year", "2023-03-15", "去年,OpenAI 发布了 ChatGPT。", "去年=2022"},
      {"zh yesterday and today", "2023-03-15", "昨天和今天", "昨天=2023-03-14 | 今天=2023-03-15"},
      {"zh months ago", "2023-03-15", "我们在六个多月以前训练了它,也许八个月前。", "六个多月以前=2022-09 | 八个月前=2022-07"},
      {"zh next day after a full date", "", "2016 年 3 月 9 日开赛,第二天又赛。", "第二天=2016-03-10"},
      {"zh next day after a yearless date", "", "2016 年 3 月 9 日开赛,3 月 13 日输了一局,第二天又赢了。",
       "第二天=2016-03-14"},
      {"zh next day after a year only", "", "2016 年开赛,第二天又赛。", ""},
      {"zh relative is PREV of the next", "2013-02-12", "去年发布,次年开源。", "去年=2012 | 次年=2013"},
      {"zh no reference date", "", "去年,OpenAI 发布了 ChatGPT。", ""},
      {"zh anchored release", "", "ChatGPT 发布后的第二天", "ChatGPT 发布后的第二天=2022-12-01"},
      {"zh anchored unknown entity", "", "Foo 发布后的第二天", ""},
      {"en last year", "2023-03-15", "Last year OpenAI released ChatGPT.", "Last year=2022"},
      {"en two years later", "", "It began in 2010; two years later it won.", "two years later=2012"},
      {"en anchored release", "", "Two days after ChatGPT's release it had a million users.",
       "Two days after ChatGPT's release=2022-12-02"},
      {"en anchored founding", "", "A year after OpenAI was founded, it released Gym.",
       "A year after OpenAI was founded=2016"},
      {"en ago without reference date", "", "Three years ago it began.", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(Dates(c.in, c.dct), c.out) << c.name;
}

}  // namespace
}  // namespace chronograph::extract
