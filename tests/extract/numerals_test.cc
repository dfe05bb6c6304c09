// ParseNumeral: Arabic digits, Chinese numerals (digit strings and
// multipliers), number words and month names, with the vocabulary coming
// from a table (here a small one built in the test, and the embedded rules).
#include "extract/numerals.h"

#include <map>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

const std::map<std::string, int>& SmallWords() {
  static const std::map<std::string, int> words = {
      {"〇", 0}, {"零", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4}, {"五", 5},
      {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}, {"十", 10}, {"百", 100}, {"千", 1000}, {"万", 10000},
      {"march", 3}, {"sept", 9}, {"ten", 10}, {"a", 1},
  };
  return words;
}

struct Case {
  const char* in;
  std::optional<long long> out;
};

const Case kCases[] = {
    {"2012", 2012},
    {"0", 0},
    {"07", 7},
    {" 1998 ", 1998},
    {"二〇一二", 2012},
    {"一九九八", 1998},
    {"二零零六", 2006},
    {"一", 1},
    {"十", 10},
    {"十二", 12},
    {"二十", 20},
    {"三十一", 31},
    {"一百零五", 105},
    {"一百", 100},
    {"两千", 2000},
    {"march", 3},
    {"March", 3},
    {"MARCH", 3},
    {"Sept.", 9},
    {"ten", 10},
    {"Ten", 10},
    {"一两", std::nullopt},  // "one or two", not 12
    {"三四", std::nullopt},
    {"garbage", std::nullopt},
    {"", std::nullopt},
    {".", std::nullopt},
    {"12a", std::nullopt},
    {"二x", std::nullopt},
    {"1234567890123", std::nullopt},  // more digits than any date needs
};

TEST(NumeralsTest, SmallTable) {
  for (const Case& c : kCases) EXPECT_EQ(ParseNumeral(c.in, SmallWords()), c.out) << "'" << c.in << "'";
}

TEST(NumeralsTest, EmbeddedTable) {
  const std::map<std::string, int>& words = chronograph::testing::EmbeddedRules()->numerals();
  for (const Case& c : kCases) EXPECT_EQ(ParseNumeral(c.in, words), c.out) << "'" << c.in << "'";
  EXPECT_EQ(ParseNumeral("december", words), 12);
  EXPECT_EQ(ParseNumeral("fifteen", words), 15);
}

TEST(NumeralsTest, EmptyTableKnowsOnlyDigits) {
  const std::map<std::string, int> none;
  EXPECT_EQ(ParseNumeral("2012", none), 2012);
  EXPECT_EQ(ParseNumeral("十", none), std::nullopt);
  EXPECT_EQ(ParseNumeral("ten", none), std::nullopt);
}

}  // namespace
}  // namespace chronograph::extract
