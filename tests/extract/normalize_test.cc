// Normalize: NFKC plus dash/space/name-dot folding, and the offset map back
// to the original bytes (checked by cutting substrings through the map).
#include "extract/normalize.h"

#include <string>

#include <gtest/gtest.h>

namespace chronograph::extract {
namespace {

TEST(NormalizeTest, Folding) {
  struct Case {
    const char* name;
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"ascii unchanged", "AlexNet won in 2012.", "AlexNet won in 2012."},
      {"full-width digits", "２０１２年", "2012年"},
      {"full-width letters", "ＧＰＴ－４", "GPT-4"},
      {"full-width punctuation", "（ＡＩ）：１，２！？", "(AI):1,2!?"},
      {"ideographic full stop kept", "好。对！", "好。对!"},
      {"em dash", "1950\xE2\x80\x94" "1998", "1950-1998"},
      {"en dash", "2017\xE2\x80\x93" "2019", "2017-2019"},
      {"hyphen U+2010", "GPT\xE2\x80\x90" "4", "GPT-4"},
      {"full-width hyphen-minus", "DGX\xEF\xBC\x8D" "1", "DGX-1"},
      {"minus sign", "\xE2\x88\x92" "5", "-5"},
      {"nbsp", "GPT\xC2\xA0" "4", "GPT 4"},
      {"ideographic space", "2016\xE3\x80\x80年", "2016 年"},
      {"thin space", "a\xE2\x80\x89" "b", "a b"},
      {"tab and cr", "a\tb\r\nc", "a b \nc"},
      {"katakana middle dot", "杰弗里・辛顿", "杰弗里·辛顿"},
      {"half-width middle dot", "杰弗里\xEF\xBD\xA5辛顿", "杰弗里·辛顿"},
      {"bullet", "A\xE2\x80\xA2" "B", "A·B"},
      {"middle dot kept", "杰弗里·辛顿", "杰弗里·辛顿"},
      {"newlines kept", "第一行\n\n第二行\n", "第一行\n\n第二行\n"},
      {"combining acute composes", "Ce\xCC\x81" "cile", "C\xC3\xA9" "cile"},
      {"precomposed kept", "C\xC3\xA9" "cile", "C\xC3\xA9" "cile"},
      {"ligature", "\xEF\xAC\x81" "ne", "fine"},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    const NormalizedText n = Normalize(c.in);
    EXPECT_EQ(n.text, c.out) << c.name;
    EXPECT_EQ(NormalizeString(c.in), c.out) << c.name;
    ASSERT_EQ(n.origin.size(), n.text.size() + 1) << c.name;
    EXPECT_EQ(n.ToOriginal(n.text.size()), c.in.size()) << c.name;
    for (std::size_t i = 1; i < n.origin.size(); ++i) {
      EXPECT_LE(n.origin[i - 1], n.origin[i]) << c.name << ": origin must not decrease at " << i;
    }
  }
}

TEST(NormalizeTest, OffsetsMapBackToOriginalBytes) {
  struct Case {
    const char* name;
    std::string original;
    std::string normalized_piece;  // found in the normalised text
    std::string original_piece;    // what the map must cut from the original
  };
  const Case cases[] = {
      {"full-width year", "ＡｌｅｘＮｅｔ 于 ２０１２ 年夺冠", "2012", "２０１２"},
      {"full-width model", "发布了ＧＰＴ－４。", "GPT-4", "ＧＰＴ－４"},
      {"after full-width", "（注）Hinton 说", "Hinton", "Hinton"},
      {"dash interval", "1950\xE2\x80\x94" "1998 年", "1950-1998", "1950\xE2\x80\x94" "1998"},
      {"nbsp inside", "in\xC2\xA0" "2012", "in 2012", "in\xC2\xA0" "2012"},
      {"name dot", "杰弗里・辛顿（Geoffrey Hinton）", "杰弗里·辛顿", "杰弗里・辛顿"},
      {"combining", "Ce\xCC\x81" "cile Hinton", "C\xC3\xA9" "cile", "Ce\xCC\x81" "cile"},
      {"after combining", "Ce\xCC\x81" "cile Hinton", "Hinton", "Hinton"},
      {"second line", "第一行\n２０１２年", "2012年", "２０１２年"},
  };
  for (const Case& c : cases) {
    const NormalizedText n = Normalize(c.original);
    const std::size_t b = n.text.find(c.normalized_piece);
    ASSERT_NE(b, std::string::npos) << c.name << ": '" << c.normalized_piece << "' not in '" << n.text << "'";
    const std::size_t e = b + c.normalized_piece.size();
    const std::size_t ob = n.ToOriginal(b), oe = n.ToOriginal(e);
    ASSERT_LE(ob, oe) << c.name;
    EXPECT_EQ(c.original.substr(ob, oe - ob), c.original_piece) << c.name;
  }
}

TEST(NormalizeTest, InvalidByteIsPassedThrough) {
  const std::string in = "a\xFF" "b";
  const NormalizedText n = Normalize(in);
  EXPECT_EQ(n.text.front(), 'a');
  EXPECT_EQ(n.text.back(), 'b');
  EXPECT_EQ(n.ToOriginal(n.text.size()), in.size());
}

}  // namespace
}  // namespace chronograph::extract
