// RuleSet: the embedded rules load; every malformed rule file in
// tests/data/bad_rules/<case>/ fails the load with the exact
// "file:line: reason" message in the errors[] table; --rules overlays by
// relative path.
#include "extract/matcher.h"
#include "extract/rule_set.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

using chronograph::testing::EmbeddedRules;
using chronograph::testing::ReadTree;
using chronograph::testing::SourcePath;

std::string BadRulesDir(const std::string& name) { return SourcePath("tests/data/bad_rules/" + name); }

// "Q" then a number without leading zeros: the form of a Wikidata item id.
bool IsWikidataItemId(const std::string& id) {
  if (id.size() < 2 || id[0] != 'Q' || id[1] < '1' || id[1] > '9') return false;
  return std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool HasRule(const std::vector<PatternRule>& rules, const std::string& id) {
  return std::any_of(rules.begin(), rules.end(), [&](const PatternRule& r) { return r.id == id; });
}

TEST(RuleSetTest, EmbeddedRulesLoad) {
  const RuleSet& rules = *EmbeddedRules();
  EXPECT_FALSE(rules.date_rules().empty());
  EXPECT_FALSE(rules.entity_rules().empty());
  EXPECT_EQ(rules.numerals().at("十"), 10);
  EXPECT_EQ(rules.numerals().at("〇"), 0);
  EXPECT_EQ(rules.numerals().at("march"), 3);
  EXPECT_EQ(rules.abbreviations().count("Dr."), 1u);
  EXPECT_EQ(rules.abbreviations().count("e.g."), 1u);
  for (const char* id : {"zh.dates.year", "en.dates.month_year", "common.dates.year"}) {
    EXPECT_TRUE(HasRule(rules.date_rules(), id)) << id;
  }
  for (const PatternRule& r : rules.date_rules()) {
    EXPECT_EQ(r.dimension, "dates") << r.id;
    EXPECT_GT(r.line, 0) << r.id;
    EXPECT_NE(r.regex, nullptr) << r.id;
  }
  for (const GazetteerEntry& e : rules.gazetteer()) {
    EXPECT_FALSE(e.aliases.empty()) << e.file << ":" << e.line;
  }
}

// A slot matches mention markers; a list joins them by the separator; what
// may follow a slot (after_slot) is matched but stays out of its capture.
TEST(RuleSetTest, ExpandSlotsListsAndAfterSlot) {
  const re2::RE2 re(ExpandSlots("{PERSON+:from}是{ORG:to}", "、", " *\\([a-z ]+\\)"));
  ASSERT_TRUE(re.ok()) << re.error();
  std::string from, to;
  EXPECT_TRUE(re2::RE2::FullMatch("\u27E6PERSON#0\u27E7、\u27E6PERSON#1\u27E7 (a b)是\u27E6ORG#2\u27E7", re, &from, &to));
  EXPECT_EQ(from, "\u27E6PERSON#0\u27E7、\u27E6PERSON#1\u27E7");
  EXPECT_EQ(to, "\u27E6ORG#2\u27E7");
  // Without after_slot the bracket stops the match.
  const re2::RE2 plain(ExpandSlots("{PERSON+:from}是{ORG:to}", "、"));
  EXPECT_FALSE(re2::RE2::FullMatch("\u27E6PERSON#0\u27E7 (c)是\u27E6ORG#2\u27E7", plain));
}

TEST(RuleSetTest, LoadIsRepeatableAndCollectsEveryFile) {
  auto files = RuleSet::CollectFiles("");
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  for (const char* path : {"zh/dates.json", "en/dates.json", "common/dates.json", "zh/numerals.tsv",
                           "en/abbreviations.tsv", "zh/dates.examples.tsv"}) {
    EXPECT_EQ(files.value().count(path), 1u) << path;
  }
  auto again = RuleSet::FromFiles(files.value());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again.value()->date_rules().size(), EmbeddedRules()->date_rules().size());
}

TEST(RuleSetTest, MalformedFilesGiveExactMessages) {
  struct Error {
    const char* fixture;  // directory under tests/data/bad_rules
    const char* message;  // exact Status message
  };
  const Error errors[] = {
      {"gazetteer_two_fields",
       "common/gazetteer/person.tsv:3:1: expected canonical<TAB>TYPE<TAB>aliases[<TAB>attributes], got 2 fields"},
      {"gazetteer_lower_case_type", "common/gazetteer/person.tsv:1:17: type must be upper-case letters, got 'Person'"},
      {"gazetteer_duplicate_alias",
       "common/gazetteer/product.tsv:2:1: alias 'Apple' already names 'Apple' (common/gazetteer/org.tsv:2)"},
      {"gazetteer_duplicate_canonical", "common/gazetteer/person.tsv:4:1: duplicate canonical name 'Geoffrey Hinton'"},
      {"gazetteer_unknown_context",
       "common/gazetteer/person.tsv:1:1: context names 'OpenAl', which is no canonical name"},
      {"gazetteer_bad_attribute", "common/gazetteer/person.tsv:1:38: attribute 'born 1986' is not key=value"},
      {"gazetteer_empty_alias", "common/gazetteer/model.tsv:1:19: empty alias"},
      {"numerals_bad_value", "zh/numerals.tsv:2:5: value 'ten' is not a non-negative integer"},
      {"json_not_object", "zh/dates.json:1:1: expected an object with a \"rules\" array"},
      {"json_unknown_dimension", "zh/times.json:1:1: unknown pattern dimension 'times' (dates, entities, relations, events)"},
      {"wrong_id_prefix", "zh/dates.json:4:12: rule en.dates.year: id must start with \"zh.dates.\""},
      {"unknown_definition", "zh/dates.json:6:12: rule zh.dates.ym: unknown definition ${month}"},
      {"value_missing_capture",
       "en/dates.json:3:12: rule en.dates.month_year: value refers to ${day}, which is no named group of the pattern"},
      {"unknown_kind", "en/dates.json:3:12: rule en.dates.years: unknown kind 'period'"},
      {"unknown_mod", "en/dates.json:3:12: rule en.dates.early_year: mod must be START, MID, END or APPROX"},
      {"unknown_action", "en/dates.json:3:12: rule en.dates.not_count: unknown action 'remove' (suppress)"},
      {"entity_rule_without_type", "en/entities.json:3:12: rule en.entities.person: missing \"type\""},
      {"subject_without_type",
       "en/events.json:3:12: rule en.events.it: a \"subject\" rule needs \"type\": the entity types it stands for "
       "(\"ORG|MODEL\")"},
      {"date_rule_without_value", "en/dates.json:3:12: rule en.dates.year: missing \"value\""},
      {"unknown_file_kind", "zh/dates.yaml:1: unknown rule file kind"},
      {"unknown_scope",
       "en/relations.json:3:12: rule en.relations.founded: unknown scope 'document' (relations: sentence or paragraph)"},
  };
  for (const Error& e : errors) {
    auto rules = RuleSet::FromFiles(ReadTree(BadRulesDir(e.fixture)));
    ASSERT_FALSE(rules.ok()) << e.fixture << ": loaded, expected: " << e.message;
    EXPECT_EQ(rules.status().code(), Status::Code::kInvalidRule) << e.fixture;
    EXPECT_EQ(rules.status().message(), e.message) << e.fixture;
  }
}

// nlohmann/json's own text follows the file:line prefix; only the prefix and
// the line nlohmann reports are ours to pin down.
TEST(RuleSetTest, JsonSyntaxErrorNamesTheLine) {
  auto rules = RuleSet::FromFiles(ReadTree(BadRulesDir("json_syntax")));
  ASSERT_FALSE(rules.ok());
  const std::string& message = rules.status().message();
  EXPECT_EQ(message.rfind("zh/dates.json:5:5: malformed JSON: ", 0), 0u) << message;
  EXPECT_NE(message.find("line 5"), std::string::npos) << message;
}

TEST(RuleSetTest, Re2SyntaxErrorCarriesRe2Message) {
  auto rules = RuleSet::FromFiles(ReadTree(BadRulesDir("re2_syntax")));
  ASSERT_FALSE(rules.ok());
  const std::string& message = rules.status().message();
  EXPECT_EQ(message.rfind("zh/dates.json:3:12: rule zh.dates.ymd: ", 0), 0u) << message;
  EXPECT_NE(message.find("missing )"), std::string::npos) << message;
}

// style.md: a compiled rule reports "...: rule zh.date.ymd: missing ): (?P<y>\d{4}",
// the offending text once.
TEST(RuleSetTest, Re2ErrorArgumentIsPrintedTwice) {
  auto rules = RuleSet::FromFiles(ReadTree(BadRulesDir("re2_syntax")));
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(), "zh/dates.json:3:12: rule zh.dates.ymd: missing ): (?P<y>\\d{4}");
}

// A duplicate rule id is reported at the duplicate (line 5), not the original.
TEST(RuleSetTest, DuplicateRuleIdPointsAtFirstDefinition) {
  auto rules = RuleSet::FromFiles(ReadTree(BadRulesDir("duplicate_rule_id")));
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(), "en/dates.json:5:12: rule en.dates.year: duplicate rule id");
}

// A rule without an id is located by its pattern.
TEST(RuleSetTest, RuleWithoutIdIsReportedOnLine1) {
  auto rules = RuleSet::FromFiles(ReadTree(BadRulesDir("rule_without_id")));
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(), "zh/dates.json:4:17: rule #2 has no \"id\"");
}

// A typo in a key is an error naming the key, not a silently
// dropped field; so is a key of the wrong type.
TEST(RuleSetTest, UnknownAndMistypedKeysAreErrors) {
  auto unknown = RuleSet::FromFiles(ReadTree(BadRulesDir("unknown_key")));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message().rfind(
                "en/dates.json:3:100: rule en.dates.early_year: unknown key \"mods\" (known: action ambiguous_order approximate", 0),
            0u)
      << unknown.status().message();
  auto mistyped = RuleSet::FromFiles(ReadTree(BadRulesDir("rule_key_wrong_type")));
  ASSERT_FALSE(mistyped.ok());
  EXPECT_EQ(mistyped.status().message(), "en/dates.json:4:6: rule en.dates.year: \"approximate\" must be a boolean");
}

// An alias of nothing but name dots, hyphens or spaces would match the
// empty string, and with it every position of every text.
TEST(RuleSetTest, AliasMatchingTheEmptyStringIsRefused) {
  auto rules = RuleSet::FromFiles(ReadTree(BadRulesDir("gazetteer_dot_alias")));
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(),
            "common/gazetteer/person.tsv:1:22: alias '·' can match the empty string (it is only spaces, hyphens or "
            "name dots)");
}

TEST(RuleSetTest, NumeralTooLargeIsAnErrorNotAnException) {
  auto rules = RuleSet::FromFiles(ReadTree(BadRulesDir("numerals_too_large")));
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().message(), "zh/numerals.tsv:3:8: value '99999999999' is too large (at most 2147483647)");
}

// A classically catastrophic pattern, (a+)+$, over 1 MiB of 'a'. RE2 never
// backtracks: its work is bounded by (program size) x (text length), so the
// counted bound is the program size, a small constant, and the match over
// the whole MiB must come back whole. (A backtracking engine takes 2^n steps
// on the same input with one 'b' at the end; RE2's bound does not change.)
TEST(RuleSetTest, CatastrophicPatternRunsInLinearTime) {
  auto rules = RuleSet::Load(SourcePath("tests/data/pathological_rules"));
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const PatternRule* nested = nullptr;
  for (const PatternRule& r : rules.value()->entity_rules()) {
    if (r.id == "en.entities.nested") nested = &r;
  }
  ASSERT_NE(nested, nullptr);
  EXPECT_LE(PatternProgramSize(*nested), 16) << "work per byte is bounded by the program size";
  const std::vector<PatternRule> one = {*nested};
  for (const char* tail : {"", "b"}) {
    const std::string text = std::string(1 << 20, 'a') + tail;
    const std::vector<PatternMatch> matches = RunPatterns(one, text, {0, text.size()});
    if (*tail == '\0') {
      ASSERT_EQ(matches.size(), 1u);
      EXPECT_EQ(matches[0].span.size(), text.size());
    } else {
      EXPECT_TRUE(matches.empty());
    }
  }
}

TEST(RuleSetTest, OverlayReplacesFileByRelativePath) {
  auto rules = RuleSet::Load(SourcePath("tests/data/overlay_rules"));
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const auto& dates = rules.value()->date_rules();
  EXPECT_TRUE(HasRule(dates, "zh.dates.reign_year"));
  EXPECT_FALSE(HasRule(dates, "zh.dates.ymd")) << "the overlay replaces zh/dates.json";
  EXPECT_TRUE(HasRule(dates, "en.dates.month_year")) << "other files stay";
  EXPECT_TRUE(HasRule(dates, "common.dates.year"));
  for (const PatternRule& r : dates) {
    if (r.id == "zh.dates.reign_year") {
      EXPECT_EQ(r.file, "zh/dates.json");
      EXPECT_EQ(r.line, 5);
    }
  }
  EXPECT_EQ(rules.value()->gazetteer().size(), EmbeddedRules()->gazetteer().size());
}

TEST(RuleSetTest, OverlayErrorsAndMissingDirectory) {
  auto broken = RuleSet::Load(BadRulesDir("cli_broken_dates"));
  ASSERT_FALSE(broken.ok());
  // The message names the overlay file by the path the user gave.
  EXPECT_EQ(broken.status().message().rfind(BadRulesDir("cli_broken_dates") + "/zh/dates.json:4:12: rule zh.dates.year: missing )", 0), 0u)
      << broken.status().message();

  auto missing = RuleSet::Load(SourcePath("tests/data/no_such_rules_dir"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), SourcePath("tests/data/no_such_rules_dir") + ": rules directory not found");
}

TEST(RuleSetTest, GazetteerFieldsAndWeakAliases) {
  const std::map<std::string, std::string> files = {
      {"common/gazetteer/org.tsv", "OpenAI\tORG\tOpenAI\n"},
      {"common/gazetteer/person.tsv",
       "# people\n\nIlya Sutskever\tPERSON\tIlya Sutskever | ~Ilya|伊利亚・苏茨克维\tcontext=OpenAI;wikidata=Q21712134\n"},
  };
  auto rules = RuleSet::FromFiles(files);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const auto& gazetteer = rules.value()->gazetteer();
  ASSERT_EQ(gazetteer.size(), 2u);
  const GazetteerEntry& ilya = gazetteer[1];  // files load in path order
  EXPECT_EQ(ilya.canonical, "Ilya Sutskever");
  EXPECT_EQ(ilya.type, "PERSON");
  EXPECT_EQ(ilya.file, "common/gazetteer/person.tsv");
  EXPECT_EQ(ilya.line, 3);
  ASSERT_EQ(ilya.aliases.size(), 3u);
  EXPECT_EQ(ilya.aliases[0].text, "Ilya Sutskever");
  EXPECT_FALSE(ilya.aliases[0].weak);
  EXPECT_EQ(ilya.aliases[1].text, "Ilya");
  EXPECT_TRUE(ilya.aliases[1].weak);
  EXPECT_EQ(ilya.aliases[2].text, "伊利亚·苏茨克维") << "aliases are normalised (・ -> ·)";
  EXPECT_EQ(ilya.context, std::vector<std::string>{"OpenAI"});
  EXPECT_EQ(ilya.attributes.at("wikidata"), "Q21712134");
}

// Every wikidata= id in the built-in gazetteers is a well-formed item id, and
// no two entries give the same id: the graph merges entities that share an
// id and the linked-data export states owl:sameAs for it, so a reused id
// folds two entities into one (one entity is one entry, with all its aliases).
TEST(RuleSetTest, GazetteerWikidataIdsAreWellFormedAndUnique) {
  std::map<std::string, const GazetteerEntry*> owner;  // id -> first entry that gives it
  int ids = 0;
  for (const GazetteerEntry& e : EmbeddedRules()->gazetteer()) {
    const auto it = e.attributes.find("wikidata");
    if (it == e.attributes.end()) continue;
    ++ids;
    const std::string where = e.file + ":" + std::to_string(e.line) + " (" + e.canonical + ")";
    EXPECT_TRUE(IsWikidataItemId(it->second)) << where << ": wikidata=" << it->second;
    const auto [first, inserted] = owner.emplace(it->second, &e);
    if (inserted) continue;
    ADD_FAILURE() << where << ": wikidata=" << it->second << " is already used by " << first->second->file << ":"
                  << first->second->line << " (" << first->second->canonical << ")";
  }
  EXPECT_GT(ids, 0) << "no gazetteer entry carries a wikidata id";
}

}  // namespace
}  // namespace chronograph::extract
