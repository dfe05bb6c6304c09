// RunPatterns and ResolveOverlaps over small rule sets built with FromFiles:
// absolute capture offsets, the "name" group, ranges, "reject", suppressors,
// longest match and rule order on ties.
#include "extract/matcher.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/normalize.h"
#include "extract/rule_set.h"
#include "test_rules.h"

namespace chronograph::extract {
namespace {

std::shared_ptr<const RuleSet> Rules(const std::string& dates_json) {
  auto rules = RuleSet::FromFiles({{"en/dates.json", dates_json}});
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? rules.value() : nullptr;
}

// "rule_id:matched text" for each match, in the order given.
std::vector<std::string> Describe(const std::vector<PatternMatch>& matches, const std::string& text) {
  std::vector<std::string> out;
  for (const PatternMatch& m : matches) out.push_back(m.rule->id + ":" + text.substr(m.span.begin, m.span.size()));
  return out;
}

const char kRules[] = R"json({
  // The order of rules matters for ties.
  "rules": [
    {"id": "en.dates.month_year", "pattern": "\\b(?P<month>May|June) (?P<year>[0-9]{4})\\b", "value": "${year}-${month}"},
    {"id": "en.dates.year", "pattern": "\\b(?P<year>[0-9]{4})\\b", "value": "${year}"},
    {"id": "en.dates.year_again", "pattern": "\\b(?P<year>[0-9]{4})\\b", "value": "${year}"},
    {"id": "en.dates.in_year", "pattern": "(?:^|[^0-9])(?P<name>(?P<year>[0-9]{4}))(?:[^0-9]|$)", "value": "${year}"},
    {"id": "en.dates.not_money", "pattern": "\\$[0-9]+", "action": "suppress"},
    {"id": "en.dates.decade", "pattern": "\\b(?P<decade>[0-9]{3}0)s\\b", "value": "${decade}", "reject": "1[0-4]"}
  ]
})json";

TEST(MatcherTest, CapturesAreAbsoluteOffsets) {
  auto rules = Rules(kRules);
  ASSERT_NE(rules, nullptr);
  std::vector<PatternRule> one_rule;  // must outlive the matches, which point into it
  const std::string text = "xx In May 2012, AlexNet.";
  const std::vector<PatternMatch> matches = RunPatterns(one_rule = {rules->date_rules()[0]}, text, {3, text.size()});
  ASSERT_EQ(matches.size(), 1u);
  const PatternMatch& m = matches[0];
  EXPECT_EQ(m.rule->id, "en.dates.month_year");
  EXPECT_EQ(m.rule_index, 0u);
  EXPECT_EQ(text.substr(m.span.begin, m.span.size()), "May 2012");
  EXPECT_EQ(m.span.begin, text.find("May"));
  EXPECT_EQ(text.substr(m.captures.at("month").begin, m.captures.at("month").size()), "May");
  EXPECT_EQ(text.substr(m.captures.at("year").begin, m.captures.at("year").size()), "2012");
}

TEST(MatcherTest, RangeLimitsMatches) {
  auto rules = Rules(kRules);
  ASSERT_NE(rules, nullptr);
  std::vector<PatternRule> one_rule;  // must outlive the matches, which point into it
  const std::string text = "1998 and 2012 and 2020";
  const std::size_t b = text.find("2012");
  const auto matches = RunPatterns(one_rule = {rules->date_rules()[1]}, text, {b, b + 4});
  EXPECT_EQ(Describe(matches, text), (std::vector<std::string>{"en.dates.year:2012"}));
}

TEST(MatcherTest, NameGroupSharesContext) {
  auto rules = Rules(kRules);
  ASSERT_NE(rules, nullptr);
  std::vector<PatternRule> one_rule;  // must outlive the matches, which point into it
  // The separating space is context for both matches: without the name
  // group the second year would be skipped.
  const std::string text = "1998 2012";
  const auto matches = RunPatterns(one_rule = {rules->date_rules()[3]}, text, {0, text.size()});
  EXPECT_EQ(Describe(matches, text), (std::vector<std::string>{"en.dates.in_year:1998", "en.dates.in_year:2012"}));
}

TEST(MatcherTest, RejectDropsMatch) {
  auto rules = Rules(kRules);
  ASSERT_NE(rules, nullptr);
  std::vector<PatternRule> one_rule;  // must outlive the matches, which point into it
  const std::string text = "the 1990s and the 1400s";
  const auto matches = RunPatterns(one_rule = {rules->date_rules()[5]}, text, {0, text.size()});
  EXPECT_EQ(Describe(matches, text), (std::vector<std::string>{"en.dates.decade:1990s"}));
}

TEST(MatcherTest, ResolveOverlaps) {
  auto rules = Rules(kRules);
  ASSERT_NE(rules, nullptr);
  std::vector<PatternRule> one_rule;  // must outlive the matches, which point into it
  struct Case {
    const char* text;
    std::vector<std::string> kept;
  };
  const Case cases[] = {
      {"In May 2012.", {"en.dates.month_year:May 2012"}},  // longest wins
      {"In 2012.", {"en.dates.year:2012"}},                // tie: earliest rule
      {"Paid $2012 in 2013.", {"en.dates.year:2013"}},     // suppressed, and no suppressor in the output
      {"1998, June 2012 and 2020", {"en.dates.year:1998", "en.dates.month_year:June 2012", "en.dates.year:2020"}},
      {"nothing here", {}},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    auto kept = ResolveOverlaps(RunPatterns(rules->date_rules(), text, {0, text.size()}));
    EXPECT_EQ(Describe(kept, text), c.kept) << c.text;
    for (std::size_t i = 1; i < kept.size(); ++i) EXPECT_LT(kept[i - 1].span.begin, kept[i].span.begin) << c.text;
  }
}

TEST(MatcherTest, SpanHelpers) {
  const Span a{2, 5}, b{5, 7}, c{4, 6}, empty{3, 3};
  EXPECT_FALSE(a.Overlaps(b));
  EXPECT_TRUE(a.Overlaps(c));
  EXPECT_TRUE(c.Overlaps(b));
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(a.size(), 3u);
}

// The prefilter (atoms found by Hyperscan) changes speed, not results.
TEST(PatternIndexTest, SameMatchesAsRunningEveryRule) {
  const auto rules = chronograph::testing::EmbeddedRules();
  ASSERT_NE(rules, nullptr);
  const char* texts[] = {"2016 年初,OpenAI 刚刚起步。", "In early 2016 the lab had 100 people.", "没有日期的一句话。",
                         "从 2002 年到 2003 年;GPT-1、2、3", ""};
  for (const char* t : texts) {
    const std::string text = NormalizeString(t);
    for (const auto* pair : {&rules->date_rules(), &rules->entity_rules()}) {
      const PatternIndex& index = pair == &rules->date_rules() ? rules->date_index() : rules->entity_index();
      const auto all = RunPatterns(*pair, text, {0, text.size()});
      const auto fast = index.Run(text, {0, text.size()});
      ASSERT_EQ(all.size(), fast.size()) << t;
      for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(all[i].rule->id, fast[i].rule->id) << t;
        EXPECT_EQ(all[i].span.begin, fast[i].span.begin) << t;
        EXPECT_EQ(all[i].span.end, fast[i].span.end) << t;
      }
    }
  }
}

}  // namespace
}  // namespace chronograph::extract

namespace chronograph::extract {
namespace {

// The prefilter only skips work: over every sentence of the sample corpus,
// each built-in rule list gives through PatternIndex exactly what running
// every rule gives.
TEST(PatternIndexTest, SameMatchesOverTheSampleCorpus) {
  const std::shared_ptr<const RuleSet>& rules = testing::EmbeddedRules();
  std::size_t sentences = 0, matches = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CHRONOGRAPH_SOURCE_DIR "/examples")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text = Normalize(std::string(std::istreambuf_iterator<char>(in), {})).text;
    std::size_t begin = 0;
    while (begin < text.size()) {
      std::size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      const Span line{begin, end};
      ++sentences;
      for (const auto& [index, list] : {std::make_pair(&rules->date_index(), &rules->date_rules()),
                                        std::make_pair(&rules->entity_index(), &rules->entity_rules())}) {
        const std::vector<PatternMatch> fast = index->Run(text, line);
        const std::vector<PatternMatch> all = RunPatterns(*list, text, line);
        matches += all.size();
        ASSERT_EQ(Describe(fast, text), Describe(all, text)) << entry.path() << ": " << text.substr(begin, end - begin);
      }
      begin = end + 1;
    }
  }
  EXPECT_GT(sentences, 20u);
  EXPECT_GT(matches, 50u);  // the corpus does exercise the rules
  // Most rules have atoms: the prefilter is worth having.
  EXPECT_LT(rules->date_index().always_run_count() * 4, rules->date_rules().size());
}

// The prefilter's scan folds ASCII case only: a rule with an upper-case
// non-ASCII letter, or a cased one under (?i), always runs and still finds
// its text; a lower-case one in a case-sensitive rule is filtered like ASCII.
TEST(PatternIndexTest, NonAsciiLettersKeepTheirMatches) {
  auto rules = Rules(R"json({"rules": [
    {"id": "en.dates.protege", "pattern": "protégé of (?P<year>[0-9]{4})", "value": "${year}"},
    {"id": "en.dates.ecole", "pattern": "École (?P<year>[0-9]{4})", "value": "${year}"},
    {"id": "en.dates.ecole_any_case", "pattern": "(?i)école (?P<year>[0-9]{4})", "value": "${year}"}
  ]})json");
  ASSERT_NE(rules, nullptr);
  const PatternIndex& index = rules->date_index();
  EXPECT_EQ(index.always_run_count(), 2u);
  const std::string text = "a protégé of 1990, École 1991, ÉCOLE 1992.";
  EXPECT_EQ(Describe(index.Run(text, {0, text.size()}), text),
            (std::vector<std::string>{"en.dates.protege:protégé of 1990", "en.dates.ecole:École 1991",
                                      "en.dates.ecole_any_case:École 1991", "en.dates.ecole_any_case:ÉCOLE 1992"}));
}

// A suppressed span removes what cuts into it, not what holds it whole;
// overlapping spans merge into one.
TEST(MatcherTest, SuppressedSpansCut) {
  const SuppressedSpans suppressed({{10, 14}, {12, 16}, {30, 32}});
  EXPECT_TRUE(suppressed.Cuts({8, 12}));    // into the front of the merged [10, 16)
  EXPECT_TRUE(suppressed.Cuts({11, 13}));   // inside it
  EXPECT_TRUE(suppressed.Cuts({10, 14}));   // one of the two merged spans only
  EXPECT_FALSE(suppressed.Cuts({10, 16}));  // the whole merged span
  EXPECT_FALSE(suppressed.Cuts({5, 40}));   // both spans whole
  EXPECT_FALSE(suppressed.Cuts({16, 30}));  // between them, touching both
  EXPECT_TRUE(suppressed.Cuts({31, 35}));
  EXPECT_FALSE(SuppressedSpans({}).Cuts({0, 5}));
}

}  // namespace
}  // namespace chronograph::extract
