// SplitSentences: Chinese and English ends, abbreviations, initials,
// decimals, closing quotes, paragraphs (blank lines, list items, headings),
// wrapped English lines joined, Chinese lines kept apart.
#include "extract/sentences.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/normalize.h"

namespace chronograph::extract {
namespace {

const std::set<std::string> kAbbreviations = {"Dr.", "Mr.", "e.g.", "i.e.", "et al.", "al.", "U.S."};

// "sentence|sentence|..." with "¶" before each sentence that opens a new
// paragraph (except the first), so a row states both splits in one string.
std::string Render(const std::string& text) {
  const std::string normalized = NormalizeString(text);
  std::string out;
  int paragraph = 0;
  for (const Sentence& s : SplitSentences(normalized, kAbbreviations)) {
    if (!out.empty()) out += s.paragraph != paragraph ? "¶" : "|";
    paragraph = s.paragraph;
    out += normalized.substr(s.begin, s.end - s.begin);
  }
  return out;
}

TEST(SentencesTest, Splits) {
  struct Case {
    const char* name;
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"chinese full stop", "辛顿生于伦敦。他后来去了多伦多。", "辛顿生于伦敦。|他后来去了多伦多。"},
      {"chinese ! ?", "真的吗？是的！好", "真的吗?|是的!|好"},
      {"full-width ! ? normalised", "好！好？", "好!|好?"},
      {"runs of terminators", "真的吗？！当然。", "真的吗?!|当然。"},
      {"ellipsis (NFKC makes it dots)", "他想了想……然后说好。", "他想了想......|然后说好。"},
      {"english", "AlexNet won. It was 2012.", "AlexNet won.|It was 2012."},
      {"english ! ?", "Really? Yes! Fine.", "Really?|Yes!|Fine."},
      {"abbreviation Dr.", "Dr. Hinton moved to Toronto. He stayed.", "Dr. Hinton moved to Toronto.|He stayed."},
      {"abbreviation e.g.", "Some labs, e.g. DeepMind, agreed. Others did not.",
       "Some labs, e.g. DeepMind, agreed.|Others did not."},
      {"abbreviation et al.", "Krizhevsky et al. won. Then more.", "Krizhevsky et al. won.|Then more."},
      {"initial", "Geoffrey E. Hinton was born in 1947. He won.", "Geoffrey E. Hinton was born in 1947.|He won."},
      {"two initials", "J. R. R. Tolkien wrote. Done.", "J. R. R. Tolkien wrote.|Done."},
      {"decimal", "GPT-3.5 came out. Then GPT-4.", "GPT-3.5 came out.|Then GPT-4."},
      {"decimal at line end is no break", "It scored 3.5 points.", "It scored 3.5 points."},
      {"closing corner quote", "他说：「我们赢了。」然后离开。", "他说:「我们赢了。」|然后离开。"},
      {"closing double quote", "He said \"we won.\" Then he left.", "He said \"we won.\"|Then he left."},
      {"closing paren", "It worked (mostly.) Next.", "It worked (mostly.)|Next."},
      {"mixed", "2012 年 AlexNet 夺冠。Hinton said it mattered. 后来呢？", "2012 年 AlexNet 夺冠。|Hinton said it mattered.|后来呢?"},
      {"spaces trimmed", "   前面有空格。   ", "前面有空格。"},
      {"blank", "  \n\n  \n", ""},
      {"no terminator at end", "没有句号", "没有句号"},
  };
  for (const Case& c : cases) EXPECT_EQ(Render(c.in), c.out) << c.name;
}

TEST(SentencesTest, LinesAndParagraphs) {
  struct Case {
    const char* name;
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"blank line", "第一段。\n\n第二段。", "第一段。¶第二段。"},
      {"several blank lines", "第一段。\n\n\n  \n第二段。", "第一段。¶第二段。"},
      {"line break without blank", "第一句。\n第二句。", "第一句。|第二句。"},
      {"chinese lines not joined", "第一行没有句号\n第二行也没有", "第一行没有句号|第二行也没有"},
      {"wrapped english joined", "In 2012 the team from Toronto\nwon the ImageNet challenge.",
       "In 2012 the team from Toronto\nwon the ImageNet challenge."},
      {"wrapped after comma", "AlexNet, trained on two GPUs,\nwon by a wide margin.",
       "AlexNet, trained on two GPUs,\nwon by a wide margin."},
      {"capital next line not joined", "A title without a stop\nThe next sentence.",
       "A title without a stop|The next sentence."},
      {"heading opens a paragraph", "正文。\n# 2016 年\n正文第一句。", "正文。¶# 2016 年|正文第一句。"},
      {"heading after blank line", "正文。\n\n## 小节\n\n更多。", "正文。¶## 小节¶更多。"},
      {"dash list items", "- 第一项\n- 第二项", "- 第一项¶- 第二项"},
      {"star list items", "* one item\n* another item", "* one item¶* another item"},
      {"quote block", "> a quote\n> more", "> a quote¶> more"},
      {"list item with two sentences", "- 2016 年发布。同年送出。", "- 2016 年发布。|同年送出。"},
      {"crlf", "第一段。\r\n\r\n第二段。", "第一段。¶第二段。"},
  };
  for (const Case& c : cases) EXPECT_EQ(Render(c.in), c.out) << c.name;
}

// '；' (ASCII ';' after NFKC) ends a sentence next to Chinese text.
TEST(SentencesTest, ChineseSemicolonDoesNotEndSentence) {
  EXPECT_EQ(Render("2012 年 AlexNet 夺冠；同年 Hinton 加入谷歌。"), "2012 年 AlexNet 夺冠;|同年 Hinton 加入谷歌。");
}

// A list number ("1. ") stays with its item.
TEST(SentencesTest, NumberedListMarkerIsSplitOff) {
  EXPECT_EQ(Render("1. first thing\n2. second thing"), "1. first thing¶2. second thing");
}

TEST(SentencesTest, OffsetsCoverTextInOrder) {
  const std::string text = NormalizeString("# 标题\n\n辛顿生于伦敦。He moved.\n- 列表项\n\n最后一段");
  const std::vector<Sentence> sentences = SplitSentences(text, kAbbreviations);
  ASSERT_EQ(sentences.size(), 5u);
  std::size_t last_end = 0;
  int last_paragraph = 0;
  for (const Sentence& s : sentences) {
    EXPECT_LE(last_end, s.begin);
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
    EXPECT_NE(text[s.begin], ' ');
    EXPECT_NE(text[s.end - 1], '\n');
    EXPECT_GE(s.paragraph, last_paragraph);
    last_end = s.end;
    last_paragraph = s.paragraph;
  }
  EXPECT_EQ(sentences[0].paragraph, 0);
  EXPECT_EQ(sentences[1].paragraph, 1);
  EXPECT_EQ(sentences[2].paragraph, 1);
  EXPECT_EQ(sentences[3].paragraph, 2);
  EXPECT_EQ(sentences[4].paragraph, 3);
}

}  // namespace
}  // namespace chronograph::extract
