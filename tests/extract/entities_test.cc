// EntityFinder on a small gazetteer and pattern set: flexible Latin aliases
// with word boundaries, case rules, longest match, weak aliases and their
// context, pattern matches that turn out to be known, short-form coreference.
#include "extract/entities.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/normalize.h"
#include "extract/sentences.h"
#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

const std::map<std::string, std::string> kFiles = {
    {"common/gazetteer/org.tsv",
     "Google\tORG\tGoogle|谷歌\n"
     "Google Brain\tORG\tGoogle Brain|谷歌大脑\n"
     "OpenAI\tORG\tOpenAI\n"
     "Bar Labs\tORG\tBar|Bar Labs\n"},
    {"common/gazetteer/person.tsv",
     "Ilya Sutskever\tPERSON\tIlya Sutskever|~Ilya|伊利亚·苏茨克维\tcontext=OpenAI\n"
     "Geoffrey Hinton\tPERSON\tGeoffrey Hinton|Geoffrey E. Hinton|辛顿\n"},
    {"common/gazetteer/model.tsv", "GPT-4\tMODEL\tGPT-4|GPT4\nAlexNet\tMODEL\tAlexNet\n"},
    {"en/entities.json", R"json({"rules": [
       {"id": "en.entities.person", "pattern": "\\b(?P<name>[A-Z][a-z]+ [A-Z][a-z]+)\\b", "type": "PERSON",
        "reject": "^(?:The|In) "},
       {"id": "en.entities.gpt_list", "pattern": "\\bGPT-(?P<versions>[0-9](?:(?:, | and | (?P<range>to) )[0-9])+)\\b",
        "type": "MODEL", "value": "GPT-${n}", "expand_list": true}
     ]})json"},
    {"en/abbreviations.tsv", "Dr.\n"},
};

std::shared_ptr<const EntityFinder> Finder() {
  static const std::shared_ptr<const EntityFinder> finder = []() -> std::shared_ptr<const EntityFinder> {
    auto rules = RuleSet::FromFiles(kFiles);
    EXPECT_TRUE(rules.ok()) << rules.status().ToString();
    if (!rules.ok()) return nullptr;
    auto f = EntityFinder::Create(rules.value());
    EXPECT_TRUE(f.ok()) << f.status().ToString();
    return f.ok() ? f.value() : nullptr;
  }();
  return finder;
}

// "surface=Canonical/TYPE" for each entity found, in text order.
std::string Render(const std::string& original, const EntityFinder& finder) {
  const std::string text = NormalizeString(original);
  const std::vector<Sentence> sentences = SplitSentences(text, {"Dr."}, chronograph::testing::BuiltinPunctuation());
  std::string out;
  for (const FoundEntity& e : finder.Find(text, sentences)) {
    if (!out.empty()) out += " | ";
    out += text.substr(e.span.begin, e.span.size()) + "=" + e.canonical + "/" + e.type;
  }
  return out;
}

TEST(EntitiesTest, Find) {
  ASSERT_NE(Finder(), nullptr);
  struct Case {
    const char* name;
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"alias", "OpenAI was founded.", "OpenAI=OpenAI/ORG"},
      {"chinese alias", "辛顿在谷歌工作。", "辛顿=Geoffrey Hinton/PERSON | 谷歌=Google/ORG"},
      {"case-insensitive long alias", "openai and OPENAI", "openai=OpenAI/ORG | OPENAI=OpenAI/ORG"},
      {"short alias is case-sensitive", "a bar in Bar", "Bar=Bar Labs/ORG"},
      {"word boundary", "OpenAIs GPT-4o AlexNets", ""},
      {"alias inside CJK", "谷歌的AlexNet很强", "谷歌=Google/ORG | AlexNet=AlexNet/MODEL"},
      {"flexible hyphen", "GPT 4, GPT4, GPT- 4 and GPT-4", "GPT 4=GPT-4/MODEL | GPT4=GPT-4/MODEL | GPT- 4=GPT-4/MODEL | GPT-4=GPT-4/MODEL"},
      {"full-width alias", "ＧＰＴ－４发布", "GPT-4=GPT-4/MODEL"},
      {"flexible spaces", "Geoffrey  Hinton", "Geoffrey  Hinton=Geoffrey Hinton/PERSON"},
      {"same key, spelling the alias pattern refuses", "G-P-T-4 and Geoff-rey Hinton", ""},
      {"name dot variants", "伊利亚・苏茨克维和伊利亚 苏茨克维", "伊利亚·苏茨克维=Ilya Sutskever/PERSON | 伊利亚 苏茨克维=Ilya Sutskever/PERSON"},
      {"longest wins", "Google Brain and 谷歌大脑", "Google Brain=Google Brain/ORG | 谷歌大脑=Google Brain/ORG"},
      {"gazetteer beats pattern on a tie", "Geoffrey Hinton spoke.", "Geoffrey Hinton=Geoffrey Hinton/PERSON"},
      {"initial in alias", "Geoffrey E. Hinton spoke.", "Geoffrey E. Hinton=Geoffrey Hinton/PERSON"},
      {"weak alias alone", "Ilya spoke.", ""},
      {"weak alias with entity", "Ilya Sutskever spoke. 后来 Ilya 离开了。",
       "Ilya Sutskever=Ilya Sutskever/PERSON | Ilya=Ilya Sutskever/PERSON"},
      {"weak alias with context", "Ilya joined OpenAI.", "Ilya=Ilya Sutskever/PERSON | OpenAI=OpenAI/ORG"},
      {"pattern entity", "James Martens wrote it.", "James Martens=James Martens/PERSON"},
      {"pattern reject", "The Transformer arrived.", ""},
      {"short form coreference", "James Martens wrote it. 后来 Martens 走了。",
       "James Martens=James Martens/PERSON | Martens=James Martens/PERSON"},
      {"short form needs word boundary", "James Martens wrote it. Martensite is steel.",
       "James Martens=James Martens/PERSON"},
      {"expanded list", "GPT-2, 3 and 4 came out.", "GPT-2, 3 and 4=GPT-2/MODEL | GPT-2, 3 and 4=GPT-3/MODEL | GPT-2, 3 and 4=GPT-4/MODEL"},
      {"expanded range", "GPT-1 to 3", "GPT-1 to 3=GPT-1/MODEL | GPT-1 to 3=GPT-2/MODEL | GPT-1 to 3=GPT-3/MODEL"},
  };
  for (const Case& c : cases) EXPECT_EQ(Render(c.in, *Finder()), c.out) << c.name;
}

// A name dot may be written as a full stop between Chinese characters.
TEST(EntitiesTest, NameDotWrittenAsFullStopIsDropped) {
  ASSERT_NE(Finder(), nullptr);
  EXPECT_EQ(Render("伊利亚.苏茨克维来了。", *Finder()), "伊利亚.苏茨克维=Ilya Sutskever/PERSON");
}

TEST(EntitiesTest, SentenceIndexAndRuleId) {
  ASSERT_NE(Finder(), nullptr);
  const std::string text = NormalizeString("第一句。辛顿来了。James Martens too.");
  const std::vector<Sentence> sentences = SplitSentences(text, {}, chronograph::testing::BuiltinPunctuation());
  ASSERT_EQ(sentences.size(), 3u);
  const std::vector<FoundEntity> found = Finder()->Find(text, sentences);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].canonical, "Geoffrey Hinton");
  EXPECT_EQ(found[0].sentence, 1);
  EXPECT_EQ(found[0].rule_id, "common/gazetteer/person.tsv:2");
  EXPECT_EQ(found[1].canonical, "James Martens");
  EXPECT_EQ(found[1].sentence, 2);
  EXPECT_EQ(found[1].rule_id, "en.entities.person");
}

TEST(EntitiesTest, LookupAndAliasKey) {
  ASSERT_NE(Finder(), nullptr);
  struct Case {
    const char* surface;
    const char* canonical;  // nullptr: no entry
  };
  const Case cases[] = {
      {"GPT-4", "GPT-4"}, {"gpt 4", "GPT-4"}, {"GPT4", "GPT-4"},    {"辛顿", "Geoffrey Hinton"},
      {"google brain", "Google Brain"},     {"Bar", "Bar Labs"},     {"bar", nullptr},
      {"Ilya", nullptr} /* weak */,          {"Yann LeCun", nullptr},
  };
  for (const Case& c : cases) {
    const GazetteerEntry* entry = Finder()->Lookup(c.surface);
    if (c.canonical == nullptr) {
      EXPECT_EQ(entry, nullptr) << c.surface;
    } else {
      ASSERT_NE(entry, nullptr) << c.surface;
      EXPECT_EQ(entry->canonical, c.canonical) << c.surface;
    }
  }
  EXPECT_EQ(EntityFinder::AliasKey("GPT- 4", false), "gpt4");
  EXPECT_EQ(EntityFinder::AliasKey("GPT- 4", true), "GPT4");
  EXPECT_EQ(EntityFinder::AliasKey("伊利亚·苏茨克维", false), "伊利亚苏茨克维");
}

// Aliases that fold to one key (case, spaces, hyphens) must name one entity:
// otherwise the second could never be found, so Create refuses them.
TEST(EntitiesTest, AliasesEqualAfterFoldingShadowEachOther) {
  const std::map<std::string, std::string> files = {
      {"common/gazetteer/org.tsv", "DeepMind\tORG\tDeepMind\nDeep-Mind Labs\tORG\tDeep-mind\n"}};
  auto rules = RuleSet::FromFiles(files);
  if (!rules.ok()) return;  // rejected at load: fixed there
  auto finder = EntityFinder::Create(rules.value());
  EXPECT_FALSE(finder.ok()) << "'DeepMind' and 'Deep-mind' name two entities but fold to one key; \"Deep-mind\" is "
                            << (finder.ok() ? Render("Deep-mind", *finder.value()) : "");
}

// The check the engine does not make (see above), run on the shipped data.
TEST(EntitiesTest, EmbeddedAliasesAreDistinctAfterFolding) {
  std::map<std::string, std::string> owner;  // folded key -> canonical
  for (const GazetteerEntry& e : chronograph::testing::EmbeddedRules()->gazetteer()) {
    for (const GazetteerAlias& a : e.aliases) {
      const bool exact = a.text.size() < 4 && std::all_of(a.text.begin(), a.text.end(),
                                                          [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      const std::string key = (exact ? "=" : "~") + EntityFinder::AliasKey(a.text, exact);
      auto [it, inserted] = owner.emplace(key, e.canonical);
      EXPECT_TRUE(inserted || it->second == e.canonical)
          << e.file << ":" << e.line << ": alias '" << a.text << "' of " << e.canonical << " folds like an alias of "
          << it->second;
    }
  }
}

TEST(EntitiesTest, EmbeddedRulesBuildAFinder) {
  auto finder = EntityFinder::Create(chronograph::testing::EmbeddedRules());
  ASSERT_TRUE(finder.ok()) << finder.status().ToString();
  const std::string text = NormalizeString("In 2012, Alex Krizhevsky trained AlexNet.");
  bool found_alexnet = false;
  for (const FoundEntity& e : finder.value()->Find(text, SplitSentences(text, {}, chronograph::testing::BuiltinPunctuation()))) {
    found_alexnet = found_alexnet || e.canonical == "AlexNet";
  }
  EXPECT_TRUE(found_alexnet);
}

}  // namespace
}  // namespace chronograph::extract
