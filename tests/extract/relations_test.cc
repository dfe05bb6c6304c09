// Relations through the whole extract stage with the embedded rules: the
// pronouns of a transcript turn's speaker and addressee, the speaker label
// that is no subject, statements over a paragraph, and the relations that
// events carry. Rule-by-rule cases live in rules/*/relations.examples.tsv.
#include "extract/relations.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "extract/document.h"
#include "extract/extractor.h"
#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

std::shared_ptr<const Extractor> TheExtractor() {
  static const std::shared_ptr<const Extractor> extractor = [] {
    auto e = Extractor::Create(chronograph::testing::EmbeddedRules());
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? e.value() : nullptr;
  }();
  return extractor;
}

ExtractionResult ExtractText(const std::string& text) {
  Result<Document> d = MakeDocument("t.txt", text);
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return TheExtractor()->Extract(d.value());
}

// The pronoun words of the embedded events rules in the sentence.
std::vector<PatternMatch> PersonWords(const std::string& text, const Sentence& sentence) {
  return chronograph::testing::EmbeddedRules()->event_index().Run(text, {sentence.begin, sentence.end});
}

std::set<std::string> Relations(const ExtractionResult& r) {
  std::set<std::string> out;
  for (const Relation& rel : r.relations) out.insert(rel.type + ":" + rel.from_id + ">" + rel.to_id);
  return out;
}

TEST(RelationsTest, PronounsOfSpeakerAndAddressee) {
  struct Case {
    const char* text;
    std::set<std::string> expected;
  };
  const Case cases[] = {
      // 你 in Jensen Huang's turn is the other party, Ilya Sutskever (the
      // next speaker: there is no earlier one).
      {"黄仁勋: 你和一些朋友一起创办了 OpenAI,你是首席科学家。\nIlya Sutskever: 是的。\n",
       {"founded:ilya-sutskever>openai", "works_at:ilya-sutskever>openai"}},
      // 我 is the speaker; 他 stays a pronoun.
      {"Ilya Sutskever: 幸运的是,Jeff Hinton 是我所在大学的一名教授,我找到了他。\n",
       {"studied_under:ilya-sutskever>geoffrey-hinton"}},
      // A generic "you" after 如果 is nobody in particular.
      {"Ilya Sutskever: 好的。\n黄仁勋: 如果你创办了 OpenAI,会怎样?\n", {}},
      // The speaker label is not the subject of what the turn says, and
      // 我们 is a group, not the speaker.
      {"Ilya Sutskever: 我们开发了 GPT-1。\n", {}},
      // Outside a transcript, 我 is nobody the text names.
      {"我找到了 Geoffrey Hinton 教授。\n", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Relations(ExtractText(c.text)), c.expected) << c.text;
}

TEST(RelationsTest, PronounMentionsSkipPluralReflexiveAndGeneric) {
  const std::string text = "我们说自我,如果你问我,您好";
  const Sentence sentence{0, text.size(), 0};
  const std::vector<FoundEntity> found =
      PronounMentions(sentence, 0, {"A", "B", false}, {}, PersonWords(text, sentence));
  std::vector<std::string> got;
  for (const FoundEntity& e : found) got.push_back(text.substr(e.span.begin, e.span.size()) + "=" + e.canonical);
  EXPECT_EQ(got, (std::vector<std::string>{"我=A", "您=B"}));
}

TEST(RelationsTest, LatinPronounKeepsItsContractions) {
  const std::string text = "I'll ask, I've seen, I'm here, I'd go; Part I's end, I.B.M, I-95";
  const Sentence sentence{0, text.size(), 0};
  const std::vector<FoundEntity> found =
      PronounMentions(sentence, 0, {"A", "B", false}, {}, PersonWords(text, sentence));
  std::vector<std::size_t> at;
  for (const FoundEntity& e : found) at.push_back(e.span.begin);
  EXPECT_EQ(at, (std::vector<std::size_t>{0, 10, 21, 31}));
}

// A subject pronoun stands for the first mention of a type it allows in the
// sentence before; "It" takes no person, "He" no company, and a chain of
// pronouns keeps the first antecedent.
TEST(RelationsTest, SubjectPronounTakesThePreviousSubject) {
  const FoundEntity hinton{{0, 6}, "Geoffrey Hinton", "PERSON", "test", 0};
  const FoundEntity google{{10, 16}, "Google", "ORG", "test", 0};
  const std::vector<const FoundEntity*> previous = {&hinton, &google};
  auto subject_of = [&](const std::string& text) {
    const Sentence sentence{0, text.size(), 0};
    const std::vector<FoundEntity> found = SubjectPronounMentions(sentence, 1, {}, previous, PersonWords(text, sentence));
    std::string out;
    for (const FoundEntity& e : found) out += text.substr(e.span.begin, e.span.size()) + "=" + e.canonical + ":" + e.type;
    return out;
  };
  EXPECT_EQ(subject_of("It was founded in 1998."), "It=Google:ORG");
  EXPECT_EQ(subject_of("In 2013, he joined Google."), "he=Geoffrey Hinton:PERSON");
  EXPECT_EQ(subject_of("The company grew."), "The company=Google:ORG");
  EXPECT_EQ(subject_of("他加入了谷歌。"), "他=Geoffrey Hinton:PERSON");
  EXPECT_EQ(subject_of("他们加入了谷歌。"), "");           // plural
  EXPECT_EQ(subject_of("Then, it was sold."), "it=Google:ORG");
  EXPECT_EQ(subject_of("Hinton said it was sold."), "");   // not at the start
  EXPECT_TRUE(SubjectPronounMentions({0, 3, 0}, 1, {}, {}, PersonWords("It.", {0, 3, 0})).empty());

  // Through the whole stage: the chain keeps DeepMind; a paragraph that opens
  // with a pronoun speaks of the previous paragraph's subject, paragraph
  // after paragraph; the first sentence of a document has no antecedent.
  EXPECT_EQ(Relations(ExtractText("DeepMind is a lab. It was founded by Demis Hassabis. It was acquired by Google.\n")),
            (std::set<std::string>{"founded:demis-hassabis>deepmind", "acquired:google>deepmind"}));
  EXPECT_EQ(Relations(ExtractText("DeepMind is a lab in London.\n\nIt was founded by Demis Hassabis.\n")),
            (std::set<std::string>{"founded:demis-hassabis>deepmind"}));
  EXPECT_EQ(Relations(ExtractText("It was founded by Demis Hassabis.\n")), std::set<std::string>{});
  const ExtractionResult bio =
      ExtractText("约翰·史密斯出生于伦敦。\n\n他在多伦多大学读书。\n\n2013 年,他加入谷歌,2015 年离开。\n");
  ASSERT_EQ(Relations(bio).count("works_at:约翰·史密斯>google"), 1u);
  for (const Relation& rel : bio.relations) {
    if (rel.type == "works_at") {
      EXPECT_EQ(rel.date, "2013");  // 2015 dates the next clause
    }
  }
  // The subject handed on is the first sentence's first mention, and none
  // when that sentence opens with a quotation.
  EXPECT_EQ(Relations(ExtractText("\u201CDemis Hassabis was my adviser,\u201D she said.\n\n"
                                  "She studied at Stanford University.\n")),
            std::set<std::string>{});
  EXPECT_EQ(Relations(ExtractText("At Google, Demis Hassabis ran a lab.\n\nHe studied at Stanford University.\n")),
            std::set<std::string>{});
}

// Blanked markup leaves runs of spaces; rules read them as one.
TEST(RelationsTest, SkeletonReadsRunsOfSpacesAsOne) {
  const std::string text = "Terry Winograd's  SHRDLU    ran.";
  const FoundEntity winograd{{0, 14}, "Terry Winograd", "PERSON", "test", 0};
  const FoundEntity shrdlu{{18, 24}, "SHRDLU", "MODEL", "test", 0};
  EXPECT_EQ(Skeleton(text, 0, text.size(), {&winograd, &shrdlu}), "⟦PERSON#0⟧'s ⟦MODEL#1⟧ ran.");
  const std::string linked = "Terry Winograd   , a professor.";
  EXPECT_EQ(Skeleton(linked, 0, linked.size(), {&winograd}), "⟦PERSON#0⟧, a professor.");
  EXPECT_EQ(Relations(ExtractText("Terry Winograd's [SHRDLU](https://example.org/shrdlu) amazed visitors.\n")),
            (std::set<std::string>{"created:terry-winograd>shrdlu"}));
}

TEST(RelationsTest, ParagraphStatementKeepsAllItsSentences) {
  const std::string text =
      "一方面,GPT 提供了基础;另一方面,强化学习转变为 RLHF。这种组合带来了 ChatGPT。\n";
  const ExtractionResult r = ExtractText(text);
  EXPECT_EQ(Relations(r), (std::set<std::string>{"built_on:chatgpt>gpt", "built_on:chatgpt>rlhf"}));
  for (const Relation& rel : r.relations) {
    EXPECT_EQ(rel.rule_id, "zh.relations.combination");
    EXPECT_EQ(rel.source.line, 1);
    // From the sentence naming the first end to the one naming the other.
    const std::string first = rel.to_id == "gpt" ? "一方面" : "另一方面";
    EXPECT_EQ(rel.evidence.rfind(first, 0), 0u) << rel.evidence;
    EXPECT_EQ(rel.evidence, text.substr(rel.source.begin, rel.source.end - rel.source.begin));
    EXPECT_NE(rel.evidence.find("ChatGPT"), std::string::npos);
  }
}

TEST(RelationsTest, EventsCarryTheRelationsTheyDate) {
  const ExtractionResult r = ExtractText("2016 年,黄仁勋把第一台 DGX-1 送到 OpenAI。后来大家都很高兴。\n");
  ASSERT_EQ(r.relations.size(), 1u);
  EXPECT_EQ(r.relations[0].date, "2016");
  ASSERT_FALSE(r.events.empty());
  const Event& e = r.events.front();
  EXPECT_EQ(e.date, "2016");
  ASSERT_EQ(e.relations.size(), 1u);
  EXPECT_EQ(e.relations[0].type, "delivered_to");
  EXPECT_EQ(e.relations[0].from_id, "nvidia-dgx");
  EXPECT_EQ(e.relations[0].to_id, "openai");
  for (std::size_t i = 1; i < r.events.size(); ++i) EXPECT_TRUE(r.events[i].relations.empty());
}

// A modifier clause's date dates the clause, not the statement around it.
TEST(RelationsTest, ModifierClauseDateDatesNoRelation) {
  ExtractionResult r = ExtractText("The first DGX-1 went to OpenAI, the lab founded only months earlier in late 2015.\n");
  ASSERT_EQ(Relations(r), (std::set<std::string>{"delivered_to:nvidia-dgx>openai"}));
  EXPECT_EQ(r.relations[0].date, "");
  r = ExtractText("In 2016, the first DGX-1 went to OpenAI, the lab founded only months earlier in late 2015.\n");
  ASSERT_EQ(r.relations.size(), 1u);
  EXPECT_EQ(r.relations[0].date, "2016");
}

// A birth date belongs to its person: it dates no relation of the sentence.
TEST(RelationsTest, BirthDateDatesNoRelation) {
  ExtractionResult r = ExtractText("Elon Musk, born 28 June 1971 in Pretoria, co-founder of OpenAI, spoke.\n");
  ASSERT_EQ(Relations(r), (std::set<std::string>{"founded:elon-musk>openai"}));
  EXPECT_EQ(r.relations[0].date, "");
  for (const Event& e : r.events) EXPECT_TRUE(e.relations.empty()) << e.date;
  r = ExtractText("In 2015 Elon Musk, born 28 June 1971, co-founder of OpenAI, spoke.\n");
  ASSERT_EQ(Relations(r), (std::set<std::string>{"founded:elon-musk>openai"}));
  EXPECT_EQ(r.relations[0].date, "2015");
  for (const Event& e : r.events) EXPECT_EQ(e.relations.empty(), e.date != "2015") << e.date;
}

// A relative clause tells a fact of another time than its sentence's: it is
// dated only by a date written inside it.
TEST(RelationsTest, RelativeClauseTakesOnlyItsOwnDate) {
  ExtractionResult r = ExtractText("2015 年，彼得·蒂尔向埃隆·马斯克创立的特斯拉投资。\n");
  for (const Relation& rel : r.relations) {
    EXPECT_EQ(rel.date, rel.type == "founded" ? "" : "2015") << rel.type;
  }
  EXPECT_EQ(Relations(r), (std::set<std::string>{"founded:elon-musk>tesla", "invested_in:peter-thiel>tesla"}));
  r = ExtractText("2016 年，人们参观了由约翰·麦卡锡于 1963 年创建的斯坦福人工智能实验室。\n");
  ASSERT_EQ(r.relations.size(), 1u);
  EXPECT_EQ(r.relations[0].type, "founded");
  EXPECT_EQ(r.relations[0].date, "1963");
}

// "现任" states the present, not the year the sentence opens with.
TEST(RelationsTest, PresentRoleIsNotDatedByItsSentence) {
  const ExtractionResult r = ExtractText("2016 年，英伟达把第一台 DGX-1 送给了 OpenAI，黄仁勋现任英伟达 CEO。\n");
  ASSERT_EQ(Relations(r).count("leads:jensen-huang>nvidia"), 1u);
  for (const Relation& rel : r.relations) EXPECT_EQ(rel.date, rel.type == "leads" ? "" : "2016") << rel.type;
}

}  // namespace
}  // namespace chronograph::extract
