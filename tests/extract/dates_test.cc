// FindDates and RenderDateValue: value templates filled from named captures
// (formatted by capture name), range checks, interval order, anaphors,
// durations and suppressors; engine behaviour on a small rule set, plus a
// few rows through the embedded rules.
#include "extract/dates.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/normalize.h"
#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

const char kZhDates[] = R"json({
  "definitions": {"cn": "[〇零一二三四五六七八九十]"},
  "rules": [
    {"id": "zh.dates.ymd", "pattern": "(?P<year>[0-9]{4}|${cn}{4}) *年 *(?P<month>[0-9]{1,2}|${cn}{1,2}) *月 *(?P<day>[0-9]{1,2}|${cn}{1,3}) *日", "value": "${year}-${month}-${day}"},
    {"id": "zh.dates.ym", "pattern": "(?P<year>[0-9]{4}|${cn}{4}) *年 *(?P<month>[0-9]{1,2}|${cn}{1,2}) *月", "value": "${year}-${month}"},
    {"id": "zh.dates.interval", "pattern": "(?P<year>[0-9]{4}) *年? *到 *(?P<year2>[0-9]{4}) *年", "value": "${year}/${year2}", "kind": "interval"},
    {"id": "zh.dates.quarter", "pattern": "(?P<year>[0-9]{4}) *年 *第(?P<quarter>[一二三四五1-5])季度", "value": "${year}-Q${quarter}"},
    {"id": "zh.dates.year_end", "pattern": "(?P<year>[0-9]{4}) *年底", "value": "${year}", "mod": "END"},
    {"id": "zh.dates.decade", "pattern": "(?P<decade>[0-9]{2,4}) *年代", "value": "${decade}"},
    {"id": "zh.dates.year", "pattern": "(?P<year>[0-9]{3,4}|${cn}{4}) *年", "value": "${year}"},
    {"id": "zh.dates.duration", "pattern": "(?P<num>[0-9]{1,2}|[一二三四五六七八九十]{1,2}) *年来", "value": "P${num}Y", "kind": "duration"},
    {"id": "zh.dates.anaphor", "pattern": "那时", "kind": "anaphoric"},
    {"id": "zh.dates.not_grade", "pattern": "[0-9]+ *年级", "action": "suppress"}
  ]
})json";

std::shared_ptr<const RuleSet> SmallRules() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    auto r = RuleSet::FromFiles({{"zh/dates.json", kZhDates}, {"zh/numerals.tsv",
        "〇\t0\n零\t0\n一\t1\n二\t2\n三\t3\n四\t4\n五\t5\n六\t6\n七\t7\n八\t8\n九\t9\n十\t10\n"}});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : nullptr;
  }();
  return rules;
}

// "text=value[@MOD]/kind" for every date found in the (original) input.
std::string Render(const std::string& original, const RuleSet& rules) {
  const std::string text = NormalizeString(original);
  std::string out;
  for (const FoundDate& d : FindDates(text, {0, text.size()}, rules)) {
    if (!out.empty()) out += " | ";
    out += text.substr(d.span.begin, d.span.size()) + "=" + d.value + (d.mod.empty() ? "" : "@" + d.mod) + "/" + d.kind;
  }
  return out;
}

TEST(DatesTest, SmallRuleSet) {
  ASSERT_NE(SmallRules(), nullptr);
  struct Case {
    const char* name;
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"year", "2012 年", "2012 年=2012/date"},
      {"year month padded", "2016 年 4 月", "2016 年 4 月=2016-04/date"},
      {"full date", "2012年9月30日", "2012年9月30日=2012-09-30/date"},
      {"full-width digits", "２０１２年９月", "2012年9月=2012-09/date"},
      {"chinese numeral year", "二〇一二年", "二〇一二年=2012/date"},
      {"chinese numeral month and day", "二〇一二年十二月三十一日", "二〇一二年十二月三十一日=2012-12-31/date"},
      {"month 13 falls back to the year", "2012 年 13 月", "2012 年=2012/date"},
      {"day 32 falls back to the month", "2012 年 1 月 32 日", "2012 年 1 月=2012-01/date"},
      {"year 0999 dropped", "999 年", ""},
      {"interval", "2010 年到 2011 年", "2010 年到 2011 年=2010/2011/interval"},
      {"backwards interval is no interval", "2011 年到 2010 年", "2011 年=2011/date | 2010 年=2010/date"},
      {"quarter", "2016 年第一季度", "2016 年第一季度=2016-Q1/date"},
      {"quarter 5 dropped", "2016 年第五季度", "2016 年=2016/date"},
      {"mod", "2012 年底", "2012 年底=2012@END/date"},
      {"decade", "1990 年代", "1990 年代=199X/date"},
      {"two-digit decade", "90 年代", "90 年代=199X/date"},
      {"decade not ending in 0 dropped", "1995 年代", "1995 年=1995/date"},
      {"duration", "30 年来", "30 年来=P30Y/duration"},
      {"chinese duration", "十年来", "十年来=P10Y/duration"},
      {"anaphor has no value", "那时", "那时=/anaphoric"},
      {"suppressor", "2012 年级", ""},
      {"two dates", "2006 年和 2012 年", "2006 年=2006/date | 2012 年=2012/date"},
  };
  for (const Case& c : cases) EXPECT_EQ(Render(c.in, *SmallRules()), c.out) << c.name;
}

TEST(DatesTest, FindDatesStaysInRange) {
  ASSERT_NE(SmallRules(), nullptr);
  const std::string text = "2006 年，然后 2012 年。";
  const std::size_t b = text.find("2012");
  const std::vector<FoundDate> dates = FindDates(text, {b, text.size()}, *SmallRules());
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].value, "2012");
  EXPECT_EQ(dates[0].span.begin, b);
  EXPECT_EQ(dates[0].rule_id, "zh.dates.year");
}

TEST(DatesTest, RenderDateValueFormatsCapturesByName) {
  ASSERT_NE(SmallRules(), nullptr);
  const std::string text = "2016 年 4 月";
  const auto matches = RunPatterns(SmallRules()->date_rules(), text, {0, text.size()});
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].rule->id, "zh.dates.ym");
  EXPECT_EQ(RenderDateValue(matches[0], text, *SmallRules()), "2016-04");
}

TEST(DatesTest, EmbeddedRules) {
  const RuleSet& rules = *chronograph::testing::EmbeddedRules();
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"2012 年", "2012 年=2012/date"},
      {"2016 年 8 月", "2016 年 8 月=2016-08/date"},
      {"二〇一二年", "二〇一二年=2012/date"},
      {"2012年9月30日", "2012年9月30日=2012-09-30/date"},
      {"in May 2012", "May 2012=2012-05/date"},
      {"on November 30, 2022", "November 30, 2022=2022-11-30/date"},
      {"Sept. 2012", "Sept. 2012=2012-09/date"},
      {"early 2016", "early 2016=2016@START/date"},
      {"2017–2019", "2017-2019=2017/2019/interval"},
      {"100 个人", ""},
      {"GTX 580", ""},
      {"GPT-4", ""},
      {"30 年", "30 年=P30Y/duration"},
      {"ten years", "ten years=P10Y/duration"},
  };
  for (const Case& c : cases) EXPECT_EQ(Render(c.in, rules), c.out) << c.in;
}

}  // namespace
}  // namespace chronograph::extract
