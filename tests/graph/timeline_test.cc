#include "graph/timeline.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::graph {
namespace {

std::string Day(const CivilDay& d) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

TEST(TimelineTest, ParseDateValue) {
  struct Case {
    const char* value;
    const char* first;
    const char* last;
    bool interval;
    Granularity start;
    Granularity end;
  };
  const Case cases[] = {
      {"2012", "2012-01-01", "2012-12-31", false, Granularity::kYear, Granularity::kYear},
      {"2012-09", "2012-09-01", "2012-09-30", false, Granularity::kMonth, Granularity::kMonth},
      {"2012-02", "2012-02-01", "2012-02-29", false, Granularity::kMonth, Granularity::kMonth},
      {"2013-02", "2013-02-01", "2013-02-28", false, Granularity::kMonth, Granularity::kMonth},
      {"2012-09-30", "2012-09-30", "2012-09-30", false, Granularity::kDay, Granularity::kDay},
      {"2016-Q1", "2016-01-01", "2016-03-31", false, Granularity::kQuarter, Granularity::kQuarter},
      {"2016-Q4", "2016-10-01", "2016-12-31", false, Granularity::kQuarter, Granularity::kQuarter},
      {"201X", "2010-01-01", "2019-12-31", false, Granularity::kDecade, Granularity::kDecade},
      {"2002/2003", "2002-01-01", "2003-12-31", true, Granularity::kYear, Granularity::kYear},
      {"2012-09/2013-Q1", "2012-09-01", "2013-03-31", true, Granularity::kMonth, Granularity::kQuarter},
      {"2012/2012", "2012-01-01", "2012-12-31", true, Granularity::kYear, Granularity::kYear},
      {"0800", "0800-01-01", "0800-12-31", false, Granularity::kYear, Granularity::kYear},
      {"2013-W07", "2013-02-11", "2013-02-17", false, Granularity::kWeek, Granularity::kWeek},
      {"2020-W01", "2019-12-30", "2020-01-05", false, Granularity::kWeek, Granularity::kWeek},
      {"2020-W53", "2020-12-28", "2021-01-03", false, Granularity::kWeek, Granularity::kWeek},
      {"2016-H1", "2016-01-01", "2016-06-30", false, Granularity::kHalf, Granularity::kHalf},
      {"2016-H2", "2016-07-01", "2016-12-31", false, Granularity::kHalf, Granularity::kHalf},
      {"2015-SU", "2015-06-01", "2015-08-31", false, Granularity::kSeason, Granularity::kSeason},
      {"2015-WI", "2015-12-01", "2016-02-29", false, Granularity::kSeason, Granularity::kSeason},
      {"2013-W07/2013-W09", "2013-02-11", "2013-03-03", true, Granularity::kWeek, Granularity::kWeek},
  };
  for (const Case& c : cases) {
    const std::optional<DateValue> v = ParseDateValue(c.value);
    ASSERT_TRUE(v.has_value()) << c.value;
    EXPECT_EQ(Day(v->first), c.first) << c.value;
    EXPECT_EQ(Day(v->last), c.last) << c.value;
    EXPECT_EQ(v->is_interval, c.interval) << c.value;
    EXPECT_EQ(v->start.granularity, c.start) << c.value;
    EXPECT_EQ(v->end.granularity, c.end) << c.value;
  }
  const char* errors[] = {"",        "P10Y",       "PT3H",    "2012-13",    "2012-00",
                          "2013-02-29", "2012-02-30", "2016-Q5", "2016-Q0",  "12",
                          "20120",   "2012-9",     "2012-09-1", "2003/2002", "2002/",
                          "/2002",   "abcd",       "20XX",    "2012-09-30T10:00", "2012 ",
                          "2013-W00", "2013-W53", "2013-W7", "2016-H3", "2016-H0", "2015-XX", "2015-S", "BC0221"};
  for (const char* value : errors) {
    EXPECT_FALSE(ParseDateValue(value).has_value()) << "'" << value << "'";
  }
}

TEST(TimelineTest, IsDurationValue) {
  EXPECT_TRUE(IsDurationValue("P10Y"));
  EXPECT_TRUE(IsDurationValue("PT1H"));
  EXPECT_FALSE(IsDurationValue("2012"));
  EXPECT_FALSE(IsDurationValue(""));
}

TEST(TimelineTest, DaysFromCivil) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({1970, 1, 2}), 1);
  EXPECT_EQ(DaysFromCivil({1969, 12, 31}), -1);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}) - DaysFromCivil({2000, 2, 28}), 2);
}

TEST(TimelineTest, CompareDateValuesGivesTheDocumentedOrder) {
  // Expected order: earliest instant, then START < MID < none < END, then
  // shorter span, then text; unparseable values last.
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"2002/2003", ""},
      {"201X", ""},
      {"2012", "START"},
      {"2012", "MID"},
      {"2012-01-01", ""},
      {"2012-01", ""},
      {"2012-Q1", ""},
      {"2012", ""},
      {"2012/2013", ""},
      {"2012", "END"},
      {"2012-09", "START"},
      {"2012-09", ""},
      {"2012-09-30", ""},
      {"2016-Q1", "END"},
      {"???", ""},
      {"P10Y", ""},
  };
  std::vector<std::pair<std::string, std::string>> shuffled = expected;
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    std::sort(shuffled.begin(), shuffled.end(), [](const auto& a, const auto& b) {
      return CompareDateValues(a.first, a.second, b.first, b.second) < 0;
    });
    ASSERT_EQ(shuffled, expected) << "round " << round;
  }
  for (const auto& [value, mod] : expected) {
    EXPECT_EQ(CompareDateValues(value, mod, value, mod), 0) << value;
  }
}

TEST(TimelineTest, ModRank) {
  EXPECT_LT(ModRank("START"), ModRank("MID"));
  EXPECT_LT(ModRank("MID"), ModRank(""));
  EXPECT_LT(ModRank(""), ModRank("END"));
  EXPECT_LT(ModRank("END"), ModRank("APPROX"));
}

TEST(TimelineTest, EventBeforeBreaksDateTiesByDocumentThenLine) {
  using chronograph::testing::MakeEvent;
  using chronograph::testing::Src;
  const extract::Event a = MakeEvent("2012", "", "2012", {"x"}, "t", Src("a.txt", 9, 900, 910));
  const extract::Event b = MakeEvent("2012", "", "2012", {"x"}, "t", Src("b.txt", 1, 0, 10));
  const extract::Event c = MakeEvent("2012", "", "2012", {"x"}, "t", Src("b.txt", 2, 20, 30));
  const extract::Event d = MakeEvent("2011-12-31", "", "x", {"x"}, "t", Src("z.txt", 1, 0, 10));
  EXPECT_TRUE(EventBefore(a, b));
  EXPECT_TRUE(EventBefore(b, c));
  EXPECT_TRUE(EventBefore(d, a));
  EXPECT_FALSE(EventBefore(a, a));
  EXPECT_FALSE(EventBefore(c, b));
}

TEST(TimelineTest, BuildTimeline) {
  KnowledgeGraph kg;
  for (const auto& doc : chronograph::testing::SampleCorpus()) kg.Add(doc);
  kg.Finalize();
  const Timeline t = BuildTimeline(kg);
  ASSERT_EQ(t.corpus.size(), kg.events().size());
  for (std::size_t i = 0; i < t.corpus.size(); ++i) EXPECT_EQ(t.corpus[i], i);
  EXPECT_EQ(t.per_entity.size(), kg.entity_count());
  struct Case {
    const char* id;
    std::vector<std::string> dates;
  };
  const Case cases[] = {
      {"ilya-sutskever", {"2002/2003", "2012", "2015-12-11"}},
      {"a-b-c", {"201X", "2016"}},
      {"dgx", {"2016-Q1"}},
      {"黄仁勋", {}},
  };
  for (const Case& c : cases) {
    auto it = t.per_entity.find(c.id);
    ASSERT_NE(it, t.per_entity.end()) << c.id;
    std::vector<std::string> dates;
    for (std::size_t i : it->second) dates.push_back(kg.events()[i].date);
    EXPECT_EQ(dates, c.dates) << c.id;
  }
}

}  // namespace
}  // namespace chronograph::graph
