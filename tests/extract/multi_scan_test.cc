// MultiScanner: literal hits with their exact begins, ASCII case folding only
// where asked, overlapping and nested literals all reported, several threads
// scanning one database at once, and patterns Hyperscan refuses named back.
#include "extract/multi_scan.h"

#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

namespace chronograph::extract {
namespace {

using Hit = std::tuple<unsigned, std::size_t, std::size_t>;

std::vector<Hit> ScanAll(const MultiScanner& scanner, std::string_view text) {
  std::vector<Hit> hits;
  EXPECT_TRUE(scanner.Scan(text, [&](unsigned id, std::size_t b, std::size_t e) { hits.emplace_back(id, b, e); }));
  std::sort(hits.begin(), hits.end());
  return hits;
}

TEST(MultiScannerTest, LiteralsReportEveryHitWithItsBegin) {
  MultiScanner scanner;
  ASSERT_TRUE(scanner.CompileLiterals({{"GPT4", false}, {"openai", true}, {"AI", false}, {"英伟达", false}}));
  const std::string text = "OpenAI and GPT4; OPENAI, gpt4 and 英伟达 AI";
  const std::vector<Hit> expected = {
      {0, 11, 15},                 // GPT4, as written only
      {1, 0, 6}, {1, 17, 23},      // openai in any ASCII case
      {2, 4, 6}, {2, 21, 23}, {2, 44, 46},  // AI inside OpenAI and OPENAI too: the caller decides
      {3, 34, 43},
  };
  EXPECT_EQ(ScanAll(scanner, text), expected);
}

TEST(MultiScannerTest, EmptyInputsAndEmptyLiterals) {
  MultiScanner scanner;
  ASSERT_TRUE(scanner.CompileLiterals({{"", false}, {"x", false}}));
  EXPECT_TRUE(ScanAll(scanner, "").empty());
  const std::vector<Hit> expected = {{1, 1, 2}};
  EXPECT_EQ(ScanAll(scanner, "ax"), expected);  // the empty literal is skipped, ids keep their places

  MultiScanner nothing;
  EXPECT_TRUE(nothing.CompileLiterals({}));
  EXPECT_TRUE(ScanAll(nothing, "anything").empty());
}

TEST(MultiScannerTest, ThreadsShareOneDatabase) {
  MultiScanner scanner;
  ASSERT_TRUE(scanner.CompileLiterals({{"年", false}, {"march", true}}));
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "2012 年 March ";
  std::vector<std::size_t> counts(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] { counts[t] = ScanAll(scanner, text).size(); });
  }
  for (std::thread& t : threads) t.join();
  for (std::size_t c : counts) EXPECT_EQ(c, 4000u);
}

TEST(MultiScannerTest, PatternsHyperscanRefusesAreNamed) {
  MultiScanner scanner;
  // A back-reference is beyond Hyperscan; the other patterns still compile.
  const std::vector<std::size_t> rejected =
      scanner.Compile({{"(a)\\1"}, {"[0-9]{4} *年"}, {"b(c)\\1"}, {"may", true}});
  EXPECT_EQ(rejected, (std::vector<std::size_t>{0, 2}));
  std::set<unsigned> ids;
  EXPECT_TRUE(scanner.Scan("1999 年 MAY", [&](unsigned id, std::size_t, std::size_t) { ids.insert(id); }));
  EXPECT_EQ(ids, (std::set<unsigned>{1, 3}));
}

}  // namespace
}  // namespace chronograph::extract
