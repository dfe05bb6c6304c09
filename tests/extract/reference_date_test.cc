// Reference date (DCT) detection: YAML front matter, dated header lines
// (through the embedded date rules), what is not a header date, inference
// from an anchored "today", and the caller's date overriding all of them.
#include "extract/reference_date.h"

#include <string>

#include <gtest/gtest.h>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/normalize.h"
#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

// "value (origin)" or "none".
std::string Find(const std::string& original) {
  const std::string text = NormalizeString(original);
  const std::optional<ReferenceDate> found = FindReferenceDate(text, *testing::EmbeddedRules());
  return found ? found->value + " (" + found->origin + ")" : "none";
}

TEST(ReferenceDateTest, FrontMatterAndHeader) {
  struct Case {
    const char* name;
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"front matter", "---\ntitle: Talk\ndate: 2023-03-22\n---\n2016 年,DGX-1 到了 OpenAI。", "2023-03-22 (front matter)"},
      {"front matter quoted", "---\ndate: \"2023-03-22\"\n---\nText.", "2023-03-22 (front matter)"},
      {"front matter with time", "---\ndate: 2023-03-22T10:00:00Z\n---\nText.", "2023-03-22 (front matter)"},
      {"front matter in words", "---\ndate: March 22, 2023\n---\nText.", "2023-03-22 (front matter)"},
      {"front matter wins over header", "---\ndate: 2023-03-22\n---\n2020-01-01\nText.", "2023-03-22 (front matter)"},
      {"front matter without date, header after", "---\ntitle: x\n---\n\n2023年3月22日\n正文。", "2023-03-22 (header)"},
      {"iso header", "Title\n\n2023-03-22\n\nText.", "2023-03-22 (header)"},
      {"chinese header", "黄仁勋对话 Ilya\n2023年3月22日\n正文。", "2023-03-22 (header)"},
      {"full-width chinese header", "标题\n２０２３年３月２２日\n正文。", "2023-03-22 (header)"},
      {"english header", "A talk\nMarch 22, 2023\nText.", "2023-03-22 (header)"},
      {"labelled header", "A talk\nDate: March 22, 2023\nText.", "2023-03-22 (header)"},
      {"chinese label", "标题\n日期:2023-03-22\n正文。", "2023-03-22 (header)"},
      {"markdown header", "# Talk\n\n*2023-03-22*\n\nText.", "2023-03-22 (header)"},
      {"final full stop", "A talk\nMarch 22, 2023.\nText.", "2023-03-22 (header)"},
      // Not a reference date.
      {"date inside a sentence", "2016 年 3 月 9 日,比赛开始。", "none"},
      {"month only", "Title\n2023-03\nText.", "none"},
      {"year only", "Title\n2023 年\nText.", "none"},
      {"impossible day", "Title\n2023-02-30\nText.", "none"},
      {"interval", "Title\n2017 年 5 月 23 日至 27 日\nText.", "none"},
      {"too far down", "a\nb\nc\nd\n2023-03-22\n", "none"},
      {"label with digits", "10:30 2023-03-22\nText.", "none"},
      {"no text", "", "none"},
  };
  for (const Case& c : cases) EXPECT_EQ(Find(c.in), c.out) << c.name;
}

// "reference_date (origin)" of a whole extraction.
std::string Extracted(const std::string& text, const std::string& flag) {
  static const std::shared_ptr<const Extractor> extractor = [] {
    auto e = Extractor::Create(testing::EmbeddedRules());
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.value();
  }();
  auto doc = MakeDocument("t.txt", text);
  EXPECT_TRUE(doc.ok());
  ExtractOptions options;
  options.reference_date = flag;
  const ExtractionResult r = extractor->Extract(doc.value(), options);
  return r.reference_date.empty() ? "none" : r.reference_date + " (" + r.reference_date_origin + ")";
}

TEST(ReferenceDateTest, OriginsInOrder) {
  struct Case {
    const char* name;
    const char* flag;
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"flag overrides front matter", "2020-01-01", "---\ndate: 2023-03-22\n---\nText.", "2020-01-01 (flag)"},
      {"front matter", "", "---\ndate: 2023-03-22\n---\nText.", "2023-03-22 (front matter)"},
      {"header", "", "Title\n2023-03-22\nText.", "2023-03-22 (header)"},
      {"anchor: today is the third day", "", "主持人: 各位好,今天已经是 ChatGPT 发布后的第三天了。", "2022-12-02 (anchor)"},
      {"anchor: yesterday was the first day", "", "消息很多。昨天是 GPT-4o 发布后的第一天。", "2024-05-14 (anchor)"},
      {"anchor in english", "", "Today, two days after ChatGPT's release, we talk.", "2022-12-02 (anchor)"},
      {"header wins over anchor", "", "Title\n2023-03-22\n今天是 GPT-4o 发布后的第二天。", "2023-03-22 (header)"},
      {"anchor in another sentence", "", "今天很好。GPT-4o 发布后的第二天,我们见面。", "none"},
      {"anchor too far", "", "今天我们要讨论很多很多很多很多的问题,比如 GPT-4o 发布后的第二天。", "none"},
      {"unknown entity", "", "今天是 Foo 发布后的第二天。", "none"},
      {"nothing", "", "2016 年,DGX-1 到了 OpenAI。", "none"},
  };
  for (const Case& c : cases) EXPECT_EQ(Extracted(c.in, c.flag), c.out) << c.name;
}

TEST(ReferenceDateTest, InferredDateResolvesTheRest) {
  auto e = Extractor::Create(testing::EmbeddedRules());
  ASSERT_TRUE(e.ok());
  auto doc = MakeDocument("t.txt", "今天已经是 ChatGPT 发布后的第三天了。\n\n昨天是 ChatGPT 发布后的第二天。他们在八个月前训练了它。");
  ASSERT_TRUE(doc.ok());
  std::string out;
  for (const DateMention& d : e.value()->Extract(doc.value()).dates) {
    out += (out.empty() ? "" : " | ") + d.text + "=" + d.value + "/" + d.kind;
  }
  EXPECT_EQ(out,
            "今天=2022-12-02/relative | ChatGPT 发布后的第三天=2022-12-02/relative | 昨天=2022-12-01/relative | "
            "ChatGPT 发布后的第二天=2022-12-01/relative | 八个月前=2022-04/relative");
}

}  // namespace
}  // namespace chronograph::extract
