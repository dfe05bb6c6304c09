// Extractor: offsets and lines in Mention/DateMention/Event sources refer
// to the original document bytes, even where normalisation changed them
// (full-width letters and digits, dashes, a BOM).
#include "extract/extractor.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/document.h"
#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

const std::map<std::string, std::string> kFiles = {
    {"common/gazetteer/model.tsv", "GPT-4\tMODEL\tGPT-4\nAlexNet\tMODEL\tAlexNet\n"},
    {"common/gazetteer/org.tsv", "OpenAI\tORG\tOpenAI\n"},
    {"common/gazetteer/concept.tsv", "Deep learning\tCONCEPT\t深度学习\n"},
    {"zh/dates.json", R"json({"rules": [
       {"id": "zh.dates.ym", "pattern": "(?P<year>[0-9]{4}) *年 *(?P<month>[0-9]{1,2}) *月", "value": "${year}-${month}"},
       {"id": "zh.dates.year", "pattern": "(?P<year>[0-9]{4}) *年", "value": "${year}"}
     ]})json"},
    {"common/dates.json", R"json({"rules": [
       {"id": "common.dates.interval", "pattern": "\\b(?P<year>[0-9]{4})-(?P<year2>[0-9]{4})\\b", "value": "${year}/${year2}", "kind": "interval"}
     ]})json"},
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

std::string Cut(const std::string& text, const SourceRef& ref) { return text.substr(ref.begin, ref.end - ref.begin); }

TEST(ExtractorTest, OffsetsPointAtOriginalBytes) {
  ASSERT_NE(TheExtractor(), nullptr);
  const std::string original =
      "第一行没有事实。\n"
      "（注）ＯｐｅｎＡＩ在２０２３年３月发布了ＧＰＴ－４。\n"
      "\n"
      "AlexNet 横跨 2010\xE2\x80\x94" "2012。\n";
  auto doc = MakeDocument("full.txt", original);
  ASSERT_TRUE(doc.ok());
  const ExtractionResult r = TheExtractor()->Extract(doc.value());
  EXPECT_EQ(r.document, "full.txt");
  EXPECT_EQ(r.sentences.size(), 3u);
  EXPECT_EQ(r.sentence_texts.size(), 3u);

  ASSERT_EQ(r.mentions.size(), 3u);
  struct MentionCase {
    const char* canonical;
    const char* surface;
    int line;
  };
  const MentionCase mentions[] = {{"OpenAI", "ＯｐｅｎＡＩ", 2}, {"GPT-4", "ＧＰＴ－４", 2}, {"AlexNet", "AlexNet", 4}};
  for (std::size_t i = 0; i < 3; ++i) {
    const Mention& m = r.mentions[i];
    EXPECT_EQ(m.canonical, mentions[i].canonical);
    EXPECT_EQ(m.surface, mentions[i].surface);
    EXPECT_EQ(Cut(original, m.source), mentions[i].surface) << m.canonical;
    EXPECT_EQ(m.source.line, mentions[i].line) << m.canonical;
    EXPECT_EQ(m.source.document, "full.txt");
    EXPECT_EQ(m.entity_id, EntityId(m.canonical));
  }
  EXPECT_EQ(r.mentions[0].sentence, 1);
  EXPECT_EQ(r.mentions[0].rule_id, "common/gazetteer/org.tsv:1");

  ASSERT_EQ(r.dates.size(), 2u);
  EXPECT_EQ(r.dates[0].text, "２０２３年３月");
  EXPECT_EQ(r.dates[0].value, "2023-03");
  EXPECT_EQ(Cut(original, r.dates[0].source), "２０２３年３月");
  EXPECT_EQ(r.dates[0].source.line, 2);
  EXPECT_EQ(r.dates[0].rule_id, "zh.dates.ym");
  EXPECT_EQ(r.dates[1].text, "2010\xE2\x80\x94" "2012");
  EXPECT_EQ(r.dates[1].value, "2010/2012");
  EXPECT_EQ(r.dates[1].kind, "interval");
  EXPECT_EQ(r.dates[1].source.line, 4);

  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0].date, "2023-03");
  EXPECT_EQ(r.events[0].date_text, "２０２３年３月");
  EXPECT_EQ(r.events[0].entity_ids, (std::vector<std::string>{"gpt-4", "openai"}));
  EXPECT_EQ(r.events[0].text, "（注）ＯｐｅｎＡＩ在２０２３年３月发布了ＧＰＴ－４。");
  EXPECT_EQ(Cut(original, r.events[0].source), r.events[0].text);
  EXPECT_EQ(r.events[0].source.line, 2);
  EXPECT_EQ(r.events[1].date, "2010/2012");
  EXPECT_EQ(r.events[1].source.line, 4);
}

TEST(ExtractorTest, AddressesAndLinkTargetsAreNotRead) {
  ASSERT_NE(TheExtractor(), nullptr);
  const std::string original =
      "[OpenAI](https://example.org/GPT-4/2023年3月) 发布了模型。\n"
      "见 https://example.org/AlexNet/2010-2012 。\n";
  auto doc = MakeDocument("links.md", original);
  ASSERT_TRUE(doc.ok());
  const ExtractionResult r = TheExtractor()->Extract(doc.value());
  ASSERT_EQ(r.mentions.size(), 1u);  // the link text, not the names in addresses
  EXPECT_EQ(r.mentions[0].canonical, "OpenAI");
  EXPECT_EQ(Cut(original, r.mentions[0].source), "OpenAI");
  EXPECT_TRUE(r.dates.empty());
  // Evidence is the original sentence, address included.
  ASSERT_FALSE(r.sentence_texts.empty());
  EXPECT_NE(r.sentence_texts[0].find("https://example.org"), std::string::npos);
}

// Hard-wrapped lines are read joined (a break between two Chinese
// characters taken out), but every offset and text is still the original's.
TEST(ExtractorTest, WrappedLinesKeepOriginalOffsets) {
  ASSERT_NE(TheExtractor(), nullptr);
  const std::string original =
      "这一段中文按固定的宽度折行，所以一个词可以被拆开在两行之间：深度\n"
      "学习，这个词也可以像这样正好写在一行的最后面：深度学习\n"
      "从此 OpenAI 把它当成了方向。\n";
  auto doc = MakeDocument("wrapped.txt", original);
  ASSERT_TRUE(doc.ok());
  const ExtractionResult r = TheExtractor()->Extract(doc.value());
  ASSERT_EQ(r.sentence_texts.size(), 1u) << "one sentence over three lines";
  EXPECT_EQ(r.sentence_texts[0], original.substr(0, original.size() - 1));
  ASSERT_EQ(r.mentions.size(), 3u);
  EXPECT_EQ(r.mentions[0].canonical, "Deep learning");
  EXPECT_EQ(Cut(original, r.mentions[0].source), "深度\n学习");
  EXPECT_EQ(r.mentions[0].surface, "深度\n学习");
  EXPECT_EQ(r.mentions[0].source.line, 1);
  EXPECT_EQ(Cut(original, r.mentions[1].source), "深度学习") << "no line break after the name";
  EXPECT_EQ(r.mentions[1].source.line, 2);
  EXPECT_EQ(Cut(original, r.mentions[2].source), "OpenAI");
  EXPECT_EQ(r.mentions[2].source.line, 3);
}

TEST(ExtractorTest, BomShiftsNothing) {
  ASSERT_NE(TheExtractor(), nullptr);
  auto doc = MakeDocument("bom.txt", "\xEF\xBB\xBF" "OpenAI 2015 年成立。");
  ASSERT_TRUE(doc.ok());
  const ExtractionResult r = TheExtractor()->Extract(doc.value());
  ASSERT_EQ(r.mentions.size(), 1u);
  EXPECT_EQ(r.mentions[0].source.begin, 0u);
  EXPECT_EQ(r.mentions[0].source.end, 6u);
  ASSERT_EQ(r.dates.size(), 1u);
  EXPECT_EQ(Cut(doc.value().text, r.dates[0].source), "2015 年");
}

TEST(ExtractorTest, EmptyDocument) {
  ASSERT_NE(TheExtractor(), nullptr);
  auto doc = MakeDocument("empty.txt", "");
  ASSERT_TRUE(doc.ok());
  const ExtractionResult r = TheExtractor()->Extract(doc.value());
  EXPECT_EQ(r.sentences.size(), 0u);
  EXPECT_TRUE(r.mentions.empty());
  EXPECT_TRUE(r.dates.empty());
  EXPECT_TRUE(r.events.empty());
}

TEST(ExtractorTest, EntityId) {
  struct Case {
    const char* canonical;
    const char* id;
  };
  const Case cases[] = {
      {"Geoffrey Hinton", "geoffrey-hinton"}, {"GPT-3.5", "gpt-3-5"}, {"AlexNet", "alexnet"},
      {"AT&T Bell Labs", "at-t-bell-labs"},   {"英伟达", "英伟达"},
  };
  for (const Case& c : cases) EXPECT_EQ(EntityId(c.canonical), c.id) << c.canonical;
}

TEST(ExtractorTest, EmbeddedRulesBuildAnExtractor) {
  auto extractor = Extractor::Create(chronograph::testing::EmbeddedRules());
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  auto doc = MakeDocument("e.txt", "２０１２年，AlexNet 夺冠。");
  ASSERT_TRUE(doc.ok());
  const ExtractionResult r = extractor.value()->Extract(doc.value());
  ASSERT_FALSE(r.dates.empty());
  EXPECT_EQ(r.dates[0].value, "2012");
  EXPECT_EQ(r.dates[0].text, "２０１２年");
}

// One line per mention, date, event and relation, with its place: two
// results are the same extraction when their descriptions are equal.
std::vector<std::string> Describe(const ExtractionResult& r) {
  std::vector<std::string> out;
  for (const Mention& m : r.mentions) out.push_back("m " + m.canonical + " " + std::to_string(m.source.begin));
  for (const DateMention& d : r.dates) out.push_back("d " + d.value + d.mod + " " + std::to_string(d.source.begin));
  for (const Event& e : r.events) {
    std::string line = "e " + e.date + " " + std::to_string(e.source.begin);
    for (const std::string& id : e.entity_ids) line += " " + id;
    for (const Event::StatedRelation& rel : e.relations) line += " " + rel.type + ":" + rel.from_id + ">" + rel.to_id;
    out.push_back(line);
  }
  for (const Relation& rel : r.relations) {
    out.push_back("r " + rel.type + " " + rel.from_id + " " + rel.to_id + " " + rel.date + " " +
                  std::to_string(rel.source.begin));
  }
  return out;
}

// A long document runs its sentence-by-sentence stages in parts on several
// threads; every thread count gives the same result.
TEST(ExtractorTest, ThreadsDoNotChangeTheResult) {
  auto extractor = Extractor::Create(chronograph::testing::EmbeddedRules());
  ASSERT_TRUE(extractor.ok());
  std::string text;
  for (const auto& entry : std::filesystem::directory_iterator(CHRONOGRAPH_SOURCE_DIR "/examples")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    text += std::string(std::istreambuf_iterator<char>(in), {}) + "\n\n";
  }
  auto doc = MakeDocument("all.txt", text);
  ASSERT_TRUE(doc.ok());
  ExtractOptions one;
  const std::vector<std::string> expected = Describe(extractor.value()->Extract(doc.value(), one));
  ASSERT_GT(expected.size(), 100u);
  for (unsigned threads : {2u, 3u, 7u}) {
    ExtractOptions several;
    several.threads = threads;
    several.parallel_from_bytes = 0;  // split even this small text
    EXPECT_EQ(Describe(extractor.value()->Extract(doc.value(), several)), expected) << threads << " threads";
  }
}

}  // namespace
}  // namespace chronograph::extract
