// BlankMarkup: addresses and Markdown link syntax become spaces, byte for
// byte; prose (link texts, alt texts, parenthesised remarks) stays.
#include "extract/markup.h"

#include <string>

#include <gtest/gtest.h>

namespace chronograph::extract {
namespace {

std::string Blanked(std::string text) {
  const std::size_t size = text.size();
  BlankMarkup(&text);
  EXPECT_EQ(text.size(), size);  // offsets stay valid
  return text;
}

// As many spaces as `text` has bytes.
std::string Spaces(const std::string& text) { return std::string(text.size(), ' '); }

TEST(MarkupTest, BareAddressesBecomeSpacesButNotTheSentenceEnd) {
  EXPECT_EQ(Blanked("See https://example.org/blog/2023/gpt-4. Then"),
            "See " + Spaces("https://example.org/blog/2023/gpt-4") + ". Then");
  EXPECT_EQ(Blanked("at www.example.com, or http://a.b/c?x=1"), "at                , or                 ");
  EXPECT_EQ(Blanked("见 https://example.cn/2016/alphago。"), "见                                。");
  EXPECT_EQ(Blanked("<https://example.org/x>"), "<                     >");
}

TEST(MarkupTest, WordsThatOnlyLookLikeAddressesStay) {
  const std::string prose = "The hypothesis: http was new in 1991; awww.example is no address, nor is shttps://x.";
  EXPECT_EQ(Blanked(prose), prose);
}

TEST(MarkupTest, MarkdownLinksKeepTheirTextAndLoseTheirTarget) {
  EXPECT_EQ(Blanked("Read [the GPT-4 report](https://example.org/2023/report.pdf) today."),
            "Read  the GPT-4 report                                       today.");
  EXPECT_EQ(Blanked("![AlexNet diagram](img/alexnet-2012.png)"),
            "  AlexNet diagram" + Spaces("](img/alexnet-2012.png)"));
  EXPECT_EQ(Blanked("[relative](../docs/2019.md)"), " relative                  ");
  // A target with brackets of its own is blanked whole.
  EXPECT_EQ(Blanked("[John McCarthy](https://w.org/John_McCarthy_(scientist)), the inventor"),
            " John McCarthy" + Spaces("](https://w.org/John_McCarthy_(scientist))") + ", the inventor");
}

TEST(MarkupTest, ParenthesisedProseAfterABracketStays) {
  const std::string prose = "[note](written in 2012 by Hinton) and [x]( y )";
  EXPECT_EQ(Blanked(prose), prose);
}

TEST(MarkupTest, ReferenceDefinitionLinesAreBlanked) {
  EXPECT_EQ(Blanked("Text [1].\n[1]: https://example.org/2017/attention\nMore"),
            "Text [1].\n                                       \nMore");
  const std::string prose = "[Note]: this line is prose, kept.\n";
  EXPECT_EQ(Blanked(prose), prose);
}

TEST(MarkupTest, BoldMarksBecomeSpacesSingleStarsStay) {
  EXPECT_EQ(Blanked("**Hinton**(1947-) and __Bengio__."), "  Hinton  (1947-) and   Bengio  .");
  EXPECT_EQ(Blanked("***\n"), "   \n");
  const std::string kept = "2 * 3 = 6, a_b, *emphasis*";
  EXPECT_EQ(Blanked(kept), kept);
}

TEST(MarkupTest, LinearOnManyOpenBrackets) {
  // A line-start "[" or "](" with nothing to close it searches a bounded
  // window, not the rest of the text.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "[a](\n";
  EXPECT_EQ(Blanked(text), text);
}

}  // namespace
}  // namespace chronograph::extract
