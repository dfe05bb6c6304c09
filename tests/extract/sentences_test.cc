// SplitSentences: Chinese and English ends, abbreviations, initials,
// decimals, closing quotes, paragraphs (blank lines, list items, headings),
// wrapped English lines joined, Chinese lines kept apart.
#include "extract/sentences.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/extract/test_rules.h"

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
  for (const Sentence& s : SplitSentences(normalized, kAbbreviations, chronograph::testing::BuiltinPunctuation())) {
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

// An abbreviation, an initial or a name before '.' does not end a sentence
// when what follows cannot open one: a word in lower case, a '(' that opens
// no capitalised remark, a ','.
TEST(SentencesTest, PeriodBeforeALowerCaseWordIsNoEnd) {
  EXPECT_EQ(Render("The method of Dai & Le. showed gains. Then came BERT."),
            "The method of Dai & Le. showed gains.|Then came BERT.");
  EXPECT_EQ(Render("Pretraining (Dai & Le. (2015)) helped. It spread."),
            "Pretraining (Dai & Le. (2015)) helped.|It spread.");
  EXPECT_EQ(Render("Work by Ng. , later cited, mattered. Yes."), "Work by Ng. , later cited, mattered.|Yes.");
  EXPECT_EQ(Render("It was built by Wu. It worked."), "It was built by Wu.|It worked.");
  EXPECT_EQ(Render("We moved to Paris. (The lab stayed.) Fine."), "We moved to Paris.|(The lab stayed.)|Fine.");
  EXPECT_EQ(Render("the run ended. then we slept."), "the run ended.|then we slept.")
      << "a lower-case word before the '.' still ends a sentence (transcripts often start in lower case)";
}

// Normalise, join wrapped lines, split; each sentence shown as the original
// text it maps back to ("|" between sentences, "¶" before a new paragraph).
std::string RenderWrapped(const std::string& original) {
  NormalizedText n = Normalize(original);
  JoinWrappedLines(&n, chronograph::testing::BuiltinPunctuation());
  std::string out;
  int paragraph = 0;
  for (const Sentence& s : SplitSentences(n.text, kAbbreviations, chronograph::testing::BuiltinPunctuation())) {
    if (!out.empty()) out += s.paragraph != paragraph ? "¶" : "|";
    paragraph = s.paragraph;
    out += original.substr(n.ToOriginal(s.begin), n.ToOriginal(s.end) - n.ToOriginal(s.begin));
  }
  return out;
}

// The normalised text after joining.
std::string Joined(const std::string& original) {
  NormalizedText n = Normalize(original);
  JoinWrappedLines(&n, chronograph::testing::BuiltinPunctuation());
  EXPECT_EQ(n.origin.size(), n.text.size() + 1);
  return n.text;
}

TEST(SentencesTest, WrappedLinesAreJoined) {
  // Lines of a paragraph wrapped at about 70 columns.
  const std::string english =
      "After the match in Seoul the team behind the program built AlphaGo\n"
      "Zero, which learned without human games. Researchers at Google\n"
      "DeepMind published it in a journal.\n";
  EXPECT_EQ(Joined(english),
            "After the match in Seoul the team behind the program built AlphaGo "
            "Zero, which learned without human games. Researchers at Google "
            "DeepMind published it in a journal.\n");
  EXPECT_EQ(RenderWrapped(english),
            "After the match in Seoul the team behind the program built AlphaGo\n"
            "Zero, which learned without human games.|Researchers at Google\n"
            "DeepMind published it in a journal.");
  // Chinese wrapped at 30 characters: the break is taken out, no space put in.
  const std::string chinese =
      "二〇一六年三月，围棋程序在首尔以四比一战胜了职业棋手，此后深度\n"
      "学习成为了各大公司竞相投入的方向。\n";
  EXPECT_EQ(Joined(chinese),
            "二〇一六年三月,围棋程序在首尔以四比一战胜了职业棋手,此后深度学习成为了各大公司竞相投入的方向。\n");
  EXPECT_EQ(RenderWrapped(chinese), chinese.substr(0, chinese.size() - 1)) << "evidence keeps the line break";
  // One phrase per line: a short line that goes on in lower case is joined.
  const std::string phrases = "The lab was run by John McCarthy,\nthe inventor of Lisp.\nMost of us\nwere students.\n";
  EXPECT_EQ(Joined(phrases), "The lab was run by John McCarthy, the inventor of Lisp.\nMost of us were students.\n");
  const std::string front_matter = "---\nlayout: post\ntitle: a memoir\n---\nText.\n";
  EXPECT_EQ(Joined(front_matter), front_matter);
}

TEST(SentencesTest, LineBreaksThatAreNotWraps) {
  struct Case {
    const char* name;
    std::string in;
    std::string out;
  };
  const std::string full = "This line is long enough to have been wrapped by an editor at";  // 61 columns
  const Case cases[] = {
      {"short lines stay apart", "A title without a stop\nThe next sentence.", "A title without a stop|The next sentence."},
      {"blank line", full + "\n\nNext paragraph.", full + "¶Next paragraph."},
      {"list item", full + "\n- An item", full + "¶- An item"},
      {"numbered item", full + "\n2. An item", full + "¶2. An item"},
      {"heading", full + "\n## 2016", full + "¶## 2016"},
      {"table row", full + "\n| 2016 | AlphaGo |", full + "|| 2016 | AlphaGo |"},
      {"table rows without outer pipes", "2016 | A program beats a professional player at the game of Go\n2017 | It learns alone",
       "2016 | A program beats a professional player at the game of Go|2017 | It learns alone"},
      {"speaker label", full + "\nIlya Sutskever: we agreed.", full + "|Ilya Sutskever: we agreed."},
      {"chinese speaker label", "这一行足够长，长到像是被编辑器自动折行的样子，但它后面是一位发言人\n黄仁勋：是的。",
       "这一行足够长，长到像是被编辑器自动折行的样子，但它后面是一位发言人|黄仁勋：是的。"},
      {"colon introduces lines", "These are the models that the book will come back to later on:\nBERT and GPT",
       "These are the models that the book will come back to later on:|BERT and GPT"},
      {"much shorter than the widest line of its block",
       "An unmarked line of about forty-five columns\n"
       "The next line is twice as long as the one before it, so the first was not wrapped",
       "An unmarked line of about forty-five columns|"
       "The next line is twice as long as the one before it, so the first was not wrapped"},
  };
  for (const Case& c : cases) EXPECT_EQ(RenderWrapped(c.in), c.out) << c.name;
}

TEST(SentencesTest, OffsetsCoverTextInOrder) {
  const std::string text = NormalizeString("# 标题\n\n辛顿生于伦敦。He moved.\n- 列表项\n\n最后一段");
  const std::vector<Sentence> sentences = SplitSentences(text, kAbbreviations, chronograph::testing::BuiltinPunctuation());
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

// A sentence longer than kMaxSentenceBytes is cut: at the last clause
// boundary that fits, else outside a Latin word, else on a character.
TEST(SentencesTest, LongSentencesAreCut) {
  const std::size_t kMax = kMaxSentenceBytes;
  ASSERT_EQ(kMax, 1000u);  // the cases below are written for this cap
  struct Case {
    const char* name;
    std::string in;
    std::vector<std::string> pieces;  // expected sentences, in order
  };
  auto repeat = [](const std::string& unit, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += unit;
    return out;
  };
  const std::string latin_word(kMax + 10, 'a');
  const Case cases[] = {
      {"at the last comma", repeat("x", 750) + "," + repeat("y", 500),
       {repeat("x", 750) + ",", repeat("y", 500)}},
      {"at every clause boundary", repeat(repeat("x", 300) + ", ", 3) + repeat("y", 200) + "; z",
       {repeat("x", 300) + ",", repeat("x", 300) + ",", repeat("x", 300) + ",", repeat("y", 200) + ";", "z"}},
      {"a long clause at its last space", repeat("x", 200) + "," + repeat("ab ", 450),
       {repeat("x", 200) + ",", repeat("ab ", 332) + "ab", repeat("ab ", 116) + "ab"}},
      {"at the last space", repeat("ab ", 450),
       {repeat("ab ", 332) + "ab", repeat("ab ", 116) + "ab"}},
      {"at 、", repeat("中", 200) + "、" + repeat("文", 200),
       {repeat("中", 200) + "、", repeat("文", 200)}},
      {"space, not inside 1,000", repeat("x", 990) + "1,000 and" + repeat("z", 100),
       {repeat("x", 990) + "1,000", "and" + repeat("z", 100)}},
      {"the comma of 1,000 is no boundary", repeat("中", 300) + repeat("a", 95) + "1,000" + repeat("z", 100),
       {repeat("中", 300), repeat("a", 95) + "1,000" + repeat("z", 100)}},
      {"chinese without punctuation: on a character", repeat("中", 500),
       {repeat("中", 333), repeat("中", 167)}},
      {"not inside a latin word", repeat("中", 300) + repeat("w", 250),
       {repeat("中", 300), repeat("w", 250)}},
      {"one latin word: at the byte limit", latin_word, {latin_word.substr(0, kMax), latin_word.substr(kMax)}},
      {"exactly the limit is kept", repeat("q", kMax), {repeat("q", kMax)}},
  };
  for (const Case& c : cases) {
    SplitStats stats;
    const std::vector<Sentence> sentences = SplitSentences(c.in, kAbbreviations, chronograph::testing::BuiltinPunctuation(), &stats);
    std::vector<std::string> pieces;
    std::size_t cut = 0;
    for (const Sentence& s : sentences) {
      EXPECT_LE(s.end - s.begin, kMax) << c.name;
      EXPECT_EQ(s.paragraph, 0) << c.name;
      if (s.cut) ++cut;
      pieces.push_back(c.in.substr(s.begin, s.end - s.begin));
    }
    EXPECT_EQ(pieces, c.pieces) << c.name;
    EXPECT_EQ(stats.forced_splits, c.pieces.size() - 1) << c.name;
    EXPECT_EQ(cut, c.pieces.size() - 1) << c.name;
    if (!sentences.empty()) {
      EXPECT_FALSE(sentences.back().cut) << c.name;
    }
  }
}

// Cut pieces keep their paragraph, and what follows is split as usual.
TEST(SentencesTest, CutPiecesKeepParagraphs) {
  const std::string long_line(kMaxSentenceBytes * 2 + 5, 'a');
  const std::string text = "前言。\n\n" + long_line + "\n\n后记。";
  SplitStats stats;
  const std::vector<Sentence> sentences = SplitSentences(text, kAbbreviations, chronograph::testing::BuiltinPunctuation(), &stats);
  ASSERT_EQ(sentences.size(), 5u);
  EXPECT_EQ(stats.forced_splits, 2u);
  const int paragraphs[] = {0, 1, 1, 1, 2};
  for (std::size_t i = 0; i < sentences.size(); ++i) EXPECT_EQ(sentences[i].paragraph, paragraphs[i]) << i;
  EXPECT_EQ(text.substr(sentences[4].begin, sentences[4].end - sentences[4].begin), "后记。");
}

// A run of dots is one sentence end, however long.
TEST(SentencesTest, RunOfDots) {
  EXPECT_EQ(Render("Wait" + std::string(50, '.') + " Go."), "Wait" + std::string(50, '.') + "|Go.");
  EXPECT_EQ(Render("a.b.c.d.e. Next"), "a.b.c.d.e.|Next");
}

}  // namespace
}  // namespace chronograph::extract
