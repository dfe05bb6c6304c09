// Events through Extractor::Extract on a small rule set: own dates, dates
// inherited within a paragraph (not across one), anaphors resolved within a
// speaker turn or from the previous paragraph, the speaker of a transcript
// turn added to first-person sentences, and durations that never date.
#include "extract/events.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/document.h"
#include "extract/extractor.h"
#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

const std::map<std::string, std::string> kFiles = {
    {"common/gazetteer/org.tsv", "OpenAI\tORG\tOpenAI\nNVIDIA\tORG\tNVIDIA|英伟达\n"},
    {"common/gazetteer/person.tsv",
     "Jensen Huang\tPERSON\tJensen Huang|黄仁勋\nIlya Sutskever\tPERSON\tIlya Sutskever|伊利亚\n"},
    {"common/gazetteer/model.tsv", "AlexNet\tMODEL\tAlexNet\n"},
    {"common/gazetteer/product.tsv", "DGX-1\tPRODUCT\tDGX-1\n"},
    {"zh/dates.json", R"json({"rules": [
       {"id": "zh.dates.year", "pattern": "(?P<year>[0-9]{4}) *年", "value": "${year}"},
       {"id": "zh.dates.month_day", "pattern": "(?P<month>[0-9]{1,2}) *月 *(?P<day>[0-9]{1,2}) *日", "value": "XXXX-${month}-${day}"},
       {"id": "zh.dates.duration", "pattern": "(?P<num>[0-9]{1,2}|十) *年来", "value": "P${num}Y", "kind": "duration"},
       {"id": "zh.dates.anaphor", "pattern": "那时", "kind": "anaphoric"}
     ]})json"},
    {"en/dates.json", R"json({"rules": [
       {"id": "en.dates.year", "pattern": "\\b(?P<year>[0-9]{4})\\b", "value": "${year}"},
       {"id": "en.dates.duration", "pattern": "\\b(?P<num>ten|[0-9]{1,2}) years\\b", "value": "P${num}Y", "kind": "duration"},
       {"id": "en.dates.anaphor", "pattern": "\\b[Aa]t that time\\b", "kind": "anaphoric"}
     ]})json"},
    // First person puts a turn's speaker in what it states.
    {"zh/events.json", R"json({"rules": [
       {"id": "zh.events.first_person", "pattern": "我", "action": "first_person"},
       {"id": "zh.events.modifier", "pattern": "于 *[0-9]{4} *年提出的", "action": "background"}
     ]})json"},
    {"en/events.json", R"json({"rules": [
       {"id": "en.events.first_person", "pattern": "\\b(?:I|we|our)(?:[^A-Za-z0-9.]|$)", "action": "first_person"}
     ]})json"},
    {"common/punctuation.tsv", "end\t。\n"},
    {"zh/numerals.tsv", "十\t10\n"},
    {"en/numerals.tsv", "ten\t10\n"},
};

std::shared_ptr<const Extractor> TheExtractor() {
  static const std::shared_ptr<const Extractor> extractor = []() -> std::shared_ptr<const Extractor> {
    auto rules = RuleSet::FromFiles(kFiles);
    EXPECT_TRUE(rules.ok()) << rules.status().ToString();
    if (!rules.ok()) return nullptr;
    auto e = Extractor::Create(rules.value());
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? e.value() : nullptr;
  }();
  return extractor;
}

// "date:id,id" per event, joined with " | ".
std::string Events(const std::string& text) {
  auto doc = MakeDocument("t.txt", text);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  std::string out;
  for (const Event& e : TheExtractor()->Extract(doc.value()).events) {
    if (!out.empty()) out += " | ";
    out += e.date + ":";
    for (std::size_t i = 0; i < e.entity_ids.size(); ++i) out += (i ? "," : "") + e.entity_ids[i];
  }
  return out;
}

// One row of a table test: a text and its events ("date:entity,entity | ...").
struct EventCase {
  const char* name;
  const char* in;
  const char* out;
};

TEST(EventsTest, Dating) {
  ASSERT_NE(TheExtractor(), nullptr);
  const EventCase cases[] = {
      {"dated sentence", "2012 年，AlexNet 夺冠。", "2012:alexnet"},
      {"several entities", "2016 年，英伟达把 DGX-1 送到 OpenAI。", "2016:dgx-1,nvidia,openai"},
      {"undated sentence", "AlexNet 夺冠。", ""},
      {"date without entities", "2012 年是个好年份。", ""},
      {"next sentence in paragraph inherits", "2012 年，AlexNet 夺冠。后来 OpenAI 成立了。", "2012:alexnet | 2012:openai"},
      {"next line in paragraph inherits", "2012 年，AlexNet 夺冠。\nOpenAI 成立了。", "2012:alexnet | 2012:openai"},
      {"new paragraph does not inherit", "2012 年，AlexNet 夺冠。\n\nOpenAI 成立了。", "2012:alexnet"},
      {"list item does not inherit", "- 2012 年，AlexNet 夺冠。\n- OpenAI 成立了。", "2012:alexnet"},
      {"later date wins inheritance", "2012 年 AlexNet 夺冠。2015 年，事情变了。OpenAI 成立了。",
       "2012:alexnet | 2015:openai"},
      {"nearest date before each entity", "2012 年 AlexNet 夺冠，2015 年 OpenAI 成立。", "2012:alexnet | 2015:openai"},
      {"entity before any date takes the first", "AlexNet 在 2012 年夺冠，2015 年 OpenAI 成立。",
       "2012:alexnet | 2015:openai"},
      {"anaphor in next paragraph", "In 2012, AlexNet won.\n\nAt that time, OpenAI was small.",
       "2012:alexnet | 2012:openai"},
      {"anaphor without antecedent", "At that time, OpenAI was small.", ""},
      {"anaphor two paragraphs on", "In 2012, AlexNet won.\n\nNothing.\n\nAt that time, OpenAI was small.", "2012:alexnet"},
      {"duration alone", "十年来，OpenAI 一直在做研究。", ""},
      {"english duration", "For ten years, OpenAI did research.", ""},
      {"duration does not date a paragraph", "OpenAI 30 年来一直在做研究。AlexNet 夺冠。", ""},
  };
  for (const EventCase& c : cases) EXPECT_EQ(Events(c.in), c.out) << c.name;
}

TEST(EventsTest, Transcripts) {
  ASSERT_NE(TheExtractor(), nullptr);
  const EventCase cases[] = {
      // The speaker label says who speaks, not what the turn is about: only
      // the first person puts the speaker in it, in its first sentence too.
      {"speaker label alone dates nobody", "黄仁勋: 2016 年 OpenAI 收到了 DGX-1。", "2016:dgx-1,openai"},
      {"speaker label and first person", "黄仁勋: 2016 年我们把 DGX-1 送到 OpenAI。", "2016:dgx-1,jensen-huang,openai"},
      {"first person adds the speaker", "黄仁勋: 说起 DGX-1。2016 年我们把它送到 OpenAI。", "2016:jensen-huang,openai"},
      {"full-width colon", "黄仁勋：说起 DGX-1。2016 年我们把它送到 OpenAI。", "2016:jensen-huang,openai"},
      {"english speaker, first person", "Ilya Sutskever: Let me explain. In 2012 we trained AlexNet.",
       "2012:alexnet,ilya-sutskever"},
      {"third person does not add the speaker", "黄仁勋: 说起 DGX-1。2016 年 OpenAI 收到了它。", "2016:openai"},
      {"no speaker outside a transcript", "说起 DGX-1。2016 年我们把它送到 OpenAI。", "2016:openai"},
      {"anaphor takes the turn's date across paragraphs",
       "黄仁勋: 2016 年我们送出了 DGX-1。\n\n后面一段没有日期。\n\n那时 OpenAI 还很小。",
       "2016:dgx-1,jensen-huang | 2016:openai"},
      {"anaphor in a new turn does not take the previous turn's date",
       "黄仁勋: 2016 年我们送出了 DGX-1。\n\nIlya Sutskever: 那时 OpenAI 还很小。", "2016:dgx-1,jensen-huang"},
      {"first person in a later turn",
       "黄仁勋: 回到 2012 年。\n\nIlya Sutskever: 好的。2012 年我们训练了 AlexNet。",
       "2012:alexnet,ilya-sutskever"},
  };
  for (const EventCase& c : cases) EXPECT_EQ(Events(c.in), c.out) << c.name;
}

// Transcript turns may follow each other line by line inside one paragraph
// (as in examples/mixed_dgx.md): each line names its own speaker.
TEST(EventsTest, ConsecutiveTurnsInOneParagraphKeepFirstSpeaker) {
  ASSERT_NE(TheExtractor(), nullptr);
  EXPECT_EQ(Events("黄仁勋: 我们先回到 2012 年。\nIlya Sutskever: 我们相信 AlexNet 会赢。"),
            "2012:jensen-huang | 2012:alexnet,ilya-sutskever");
}

TEST(EventsTest, AnaphorValueIsFilledIn) {
  ASSERT_NE(TheExtractor(), nullptr);
  auto doc = MakeDocument("t.txt", "In 2012, AlexNet won.\n\nAt that time, OpenAI was small.\n\nNothing.\n\nAt that time.");
  ASSERT_TRUE(doc.ok());
  const ExtractionResult r = TheExtractor()->Extract(doc.value());
  ASSERT_EQ(r.dates.size(), 2u) << "the unresolved anaphor on line 7 is left out";
  EXPECT_EQ(r.dates[1].text, "At that time");
  EXPECT_EQ(r.dates[1].value, "2012");
  EXPECT_EQ(r.dates[1].kind, "anaphoric");
  EXPECT_EQ(r.dates[1].source.line, 3);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[1].date_text, "At that time");
  EXPECT_EQ(r.events[1].text, "At that time, OpenAI was small.");
}

// A sentence that measures time itself does not take the paragraph's date:
// "fifteen years would pass before AlexNet" is not about 1997.
TEST(EventsTest, SentenceWithADurationDoesNotInheritTheParagraphDate) {
  ASSERT_NE(TheExtractor(), nullptr);
  EXPECT_EQ(Events("OpenAI won in 1997. Another 15 years would pass before AlexNet."), "1997:openai");
  EXPECT_EQ(Events("OpenAI won in 1997. Soon AlexNet followed."), "1997:openai | 1997:alexnet");
}

// A date in a modifier clause ("于 1993 年提出的 X") dates its own sentence
// but is no moment the paragraph goes on in.
TEST(EventsTest, ModifierClauseDateIsNotCarried) {
  ASSERT_NE(TheExtractor(), nullptr);
  EXPECT_EQ(Events("2016 年，OpenAI 用上了黄仁勋于 1993 年提出的 DGX-1。AlexNet 夺冠。"),
            "2016:jensen-huang,openai | 1993:dgx-1 | 2016:alexnet");
  EXPECT_EQ(Events("OpenAI 用上了黄仁勋于 1993 年提出的 DGX-1。AlexNet 夺冠。"), "1993:dgx-1,jensen-huang,openai");
  EXPECT_EQ(Events("OpenAI 用上了黄仁勋 1993 年的 DGX-1。AlexNet 夺冠。"), "1993:dgx-1,jensen-huang,openai | 1993:alexnet");
}

// A date without its year ("3 月 5 日") takes the year stated in its own or
// the previous paragraph; further back, with no reference date, none.
TEST(EventsTest, YearlessDateBorrowsOnlyFromNearbyParagraphs) {
  ASSERT_NE(TheExtractor(), nullptr);
  EXPECT_EQ(Events("2012 年 AlexNet 夺冠。3 月 5 日 OpenAI 成立了。"), "2012:alexnet | 2012-03-05:openai");
  EXPECT_EQ(Events("2012 年 AlexNet 夺冠。\n\n3 月 5 日 OpenAI 成立了。"), "2012:alexnet | 2012-03-05:openai");
  EXPECT_EQ(Events("2012 年 AlexNet 夺冠。\n\n无。\n\n无。\n\n3 月 5 日 OpenAI 成立了。"), "2012:alexnet");
  // Left without a year, it is still a time of its own: no heading's date.
  EXPECT_EQ(Events("## 2012 年\n\n无。\n\n无。\n\n3 月 5 日 OpenAI 成立了。"), "");
}

TEST(EventsTest, DurationsNeverMakeEvents) {
  ASSERT_NE(TheExtractor(), nullptr);
  auto doc = MakeDocument("t.txt", "OpenAI 十年来一直在做研究。\n\nFor ten years, AlexNet led. In 2012 it won.");
  ASSERT_TRUE(doc.ok());
  const ExtractionResult r = TheExtractor()->Extract(doc.value());
  int durations = 0;
  for (const DateMention& d : r.dates) durations += d.kind == "duration";
  EXPECT_EQ(durations, 2);
  for (const Event& e : r.events) EXPECT_NE(e.date.front(), 'P') << e.text;
  EXPECT_EQ(r.events.size(), 0u) << "AlexNet and 2012 are in different sentences, and the duration dates nothing";
}

// A Markdown heading's date dates the prose of its section that has no date
// of its own; a deeper heading without one inherits it; a heading of the
// same or a higher level ends the section.
TEST(EventsTest, HeadingDatesItsSection) {
  ASSERT_NE(TheExtractor(), nullptr);
  const EventCase cases[] = {
      {"year heading", "## 2012: a good year\n\nAlexNet won.\n\nOpenAI did not exist.",
       "2012:alexnet | 2012:openai"},
      {"year in brackets", "### Image models (2012)\n\nAlexNet won.", "2012:alexnet"},
      {"chinese heading", "## 2016 年：硬件\n\n英伟达送出了 DGX-1。", "2016:dgx-1,nvidia"},
      {"list items under the heading", "## 2016\n- 英伟达送出 DGX-1\n- OpenAI 收到了它", "2016:dgx-1,nvidia | 2016:openai"},
      {"own date wins", "## 2012\n\nIn 2016 OpenAI got a DGX-1.", "2016:dgx-1,openai"},
      {"paragraph date wins", "## 2012\n\nIn 2016 OpenAI got a DGX-1. NVIDIA was proud.",
       "2016:dgx-1,openai | 2016:nvidia"},
      {"deeper heading inherits", "## 2012\n\n### Images\n\nAlexNet won.", "2012:alexnet"},
      {"deeper heading with its own year", "# 2010s\n\n## 2012\n\nAlexNet won.\n\n## 2016\n\nOpenAI got a DGX-1.",
       "2012:alexnet | 2016:dgx-1,openai"},
      {"same level ends the section", "## 2012\n\nAlexNet won.\n\n## Later\n\nOpenAI got a DGX-1.", "2012:alexnet"},
      {"higher level ends the section", "## 2012\n\n### Images\n\n# Other\n\nAlexNet won.", ""},
      {"no heading, no date", "Intro.\n\nAlexNet won.", ""},
      {"a duration is another time", "## 2012\n\nFor ten years, AlexNet led.", ""},
      {"anaphor takes the heading's date", "## 2012\n\nAt that time, OpenAI was small.", "2012:openai"},
  };
  for (const EventCase& c : cases) EXPECT_EQ(Events(c.in), c.out) << c.name;
}

// A short line alone between blank lines that ends no sentence is a
// plain-text heading, below every Markdown heading.
TEST(EventsTest, PlainTextHeadingDatesItsSection) {
  ASSERT_NE(TheExtractor(), nullptr);
  const EventCase cases[] = {
      {"plain heading", "Image models, 2012\n\nAlexNet won.", "2012:alexnet"},
      {"chinese plain heading", "2016 年的硬件\n\n英伟达送出了 DGX-1。", "2016:dgx-1,nvidia"},
      {"a sentence alone is no heading", "It was 2012.\n\nAlexNet won.", ""},
      {"a speaker label is no heading", "Ilya Sutskever: 2012\n\nAlexNet won.", ""},
      {"a long line is no heading",
       "In the year 2012 a great many things happened in the field that we will not list here at all\n\nAlexNet won.",
       ""},
      {"a line inside a paragraph is no heading", "Models of 2012\nAlexNet won.\n\nOpenAI was small.",
       "2012:alexnet"},
      {"under a markdown heading", "## 2012\n\nImages\n\nAlexNet won.\n\nHardware\n\nNVIDIA built a DGX-1.",
       "2012:alexnet | 2012:dgx-1,nvidia"},
      {"the next plain heading ends it", "2012\n\nAlexNet won.\n\nHardware\n\nNVIDIA built a DGX-1.", "2012:alexnet"},
  };
  for (const EventCase& c : cases) EXPECT_EQ(Events(c.in), c.out) << c.name;
}

}  // namespace
}  // namespace chronograph::extract
