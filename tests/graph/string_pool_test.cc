#include "graph/string_pool.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace chronograph::graph {
namespace {

TEST(StringPoolTest, EqualStringsShareOneIdInFirstSeenOrder) {
  StringPool pool;
  EXPECT_EQ(pool.Intern("founded"), 0u);
  EXPECT_EQ(pool.Intern("co_occurs"), 1u);
  EXPECT_EQ(pool.Intern(std::string("founded")), 0u);  // same bytes, another buffer
  EXPECT_EQ(pool.size(), 2u);
  EXPECT_EQ(pool[1], "co_occurs");
  EXPECT_EQ(pool.Find("co_occurs"), 1u);
  EXPECT_EQ(pool.Find("created"), std::nullopt);
  EXPECT_EQ(StringPool().Find("anything"), std::nullopt);
}

TEST(StringPoolTest, EmptyStringHasAnIdAndADataPointer) {
  StringPool pool;
  const std::uint32_t id = pool.Intern("");
  EXPECT_EQ(pool.Intern(std::string_view()), id);
  EXPECT_TRUE(pool[id].empty());
  EXPECT_NE(pool[id].data(), nullptr);  // SQLite binds a null pointer as NULL
}

TEST(StringPoolTest, ViewsStayValidAsThePoolGrowsAndMoves) {
  StringPool pool;
  std::vector<std::string_view> kept;
  std::vector<std::string> expected;
  // Many short strings (several arena blocks and index growths), long ones
  // that get a block of their own, and sentences in Chinese.
  for (int i = 0; i < 20000; ++i) {
    std::string s = "sentence " + std::to_string(i) + " 深度学习";
    if (i % 997 == 0) s += std::string(40000, 'x');
    expected.push_back(s);
    kept.push_back(pool.Keep(s));
  }
  StringPool moved = std::move(pool);
  // The moved-from pool starts over without touching the moved arena.
  EXPECT_EQ(pool.size(), 0u);  // NOLINT(bugprone-use-after-move): documented state
  EXPECT_EQ(pool.Intern(std::string(100, 'y')), 0u);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(kept[i], expected[i]) << i;
    ASSERT_EQ(moved[static_cast<std::uint32_t>(i)].data(), kept[i].data()) << i;
    ASSERT_EQ(moved.Find(expected[i]), static_cast<std::uint32_t>(i)) << i;
  }
}

TEST(StringPoolTest, RanksOrderIdsByBytes) {
  StringPool pool;
  for (const char* s : {"b", "a", "ab", "", "B"}) pool.Intern(s);
  // Byte order: "" < "B" < "a" < "ab" < "b".
  EXPECT_EQ(pool.Ranks(), (std::vector<std::uint32_t>{4, 2, 3, 0, 1}));
}

}  // namespace
}  // namespace chronograph::graph
