// Runs every rules/**/*.examples.tsv row as its own test case (registered at
// start-up, Duckling-style): the set of dates (value[@MOD]) or entities
// (TYPE:Canonical) or relations (relation:From>To) or events (date:Entity)
// found in the text must
// equal the expected set exactly.
// Also fails when a rule file has no examples file, when a pattern rule
// matches none of its file's examples, or when a gazetteer file is never hit.
// Every example runs with the fixed document date 2013-02-12, unless a dates
// example gives its own in a third column ("2012-08-10"), optionally followed
// by the date order ("2012-08-10 dmy", as chronograph build --date-order).
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/matcher.h"
#include "extract/normalize.h"
#include "extract/relative_dates.h"
#include "extract/rule_examples.h"
#include "extract/rule_set.h"

namespace chronograph::extract {
namespace {

std::shared_ptr<const RuleSet>& Rules() {
  static std::shared_ptr<const RuleSet> rules;
  return rules;
}
std::shared_ptr<const Extractor>& TheExtractor() {
  static std::shared_ptr<const Extractor> extractor;
  return extractor;
}

using Example = RuleExample;  // extract/rule_examples.h: the reading check-rules shares

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsRelationsFile(const std::string& file) { return IsRelationsExamples(file); }

std::set<std::string> Found(const Example& ex, std::string* rule_ids) {
  return FindForExample(*TheExtractor(), ex, rule_ids);
}

std::vector<Example> ParseExamples(const std::string& file, const std::string& content, std::string* error) {
  return ParseRuleExamples(file, content, error);
}

std::string Join(const std::set<std::string>& items) { return JoinExampleSet(items); }

class ExampleTest : public ::testing::Test {
 public:
  explicit ExampleTest(Example ex) : ex_(std::move(ex)) {}
  void TestBody() override {
    std::string rule_ids;
    const std::set<std::string> found = Found(ex_, &rule_ids);
    EXPECT_TRUE(ex_.expected == found) << "rules/" << ex_.file << ":" << ex_.line << ": \"" << ex_.text
                                       << "\" (reference date " << ex_.reference
                                       << ")\n  expected: " << Join(ex_.expected) << "\n  found:    " << Join(found)
                                       << "\n  rules fired:" << rule_ids;
  }

 private:
  Example ex_;
};

// Every pattern rule matches (or suppresses) in at least one of its file's examples.
void CheckCoverage(const std::map<std::string, std::vector<Example>>& examples_by_file) {
  const std::vector<PatternRule>* lists[] = {&Rules()->date_rules(), &Rules()->entity_rules(),
                                             &Rules()->event_rules()};
  // Relation rules match skeletons, not text: their coverage is counted from
  // the rule ids of the relations each example produced.
  std::map<std::string, std::set<std::string>> relation_hits;
  for (const auto& [file, list] : examples_by_file) {
    if (!IsRelationsFile(file)) continue;
    for (const Example& ex : list) {
      std::string ids;
      Found(ex, &ids);
      std::istringstream in(ids);
      std::string id;
      while (in >> id) relation_hits[file].insert(id);
    }
  }
  std::vector<PatternRule> relation_rules = Rules()->relation_rules();
  const std::vector<PatternRule>& paragraph_rules = Rules()->paragraph_relation_rules();
  relation_rules.insert(relation_rules.end(), paragraph_rules.begin(), paragraph_rules.end());
  for (const PatternRule& rule : relation_rules) {
    const std::string examples_file = rule.file.substr(0, rule.file.size() - 5) + ".examples.tsv";
    EXPECT_TRUE(relation_hits[examples_file].count(rule.id))
        << "rules/" << rule.file << ":" << rule.line << ": rule " << rule.id << " fires on none of the examples in rules/"
        << examples_file;
  }
  for (const auto* list : lists) {
    std::map<std::string, std::vector<PatternRule>> by_file;
    for (const PatternRule& rule : *list) by_file[rule.file].push_back(rule);
    for (const auto& [file, rules] : by_file) {
      const std::string examples_file = file.substr(0, file.size() - 5) + ".examples.tsv";
      const auto it = examples_by_file.find(examples_file);
      ASSERT_NE(it, examples_by_file.end()) << "rules/" << file << " has no examples file rules/" << examples_file;
      std::set<std::string> fired;
      for (const Example& ex : it->second) {
        const std::string text = NormalizeString(ex.text);
        for (const PatternMatch& m : RunPatterns(rules, text, {0, text.size()})) fired.insert(m.rule->id);
      }
      for (const PatternRule& rule : rules) {
        EXPECT_TRUE(fired.count(rule.id)) << "rules/" << rule.file << ":" << rule.line << ": rule " << rule.id
                                          << " matches none of the examples in rules/" << examples_file;
      }
    }
  }
}

}  // namespace
}  // namespace chronograph::extract

int main(int argc, char** argv) {
  using namespace chronograph::extract;
  ::testing::InitGoogleTest(&argc, argv);
  auto files = RuleSet::CollectFiles("");
  auto rules = RuleSet::FromFiles(files.value());
  if (!rules.ok()) {
    std::fprintf(stderr, "rule files do not load: %s\n", rules.status().ToString().c_str());
    return 1;
  }
  Rules() = rules.value();
  auto extractor = Extractor::Create(Rules());
  if (!extractor.ok()) {
    std::fprintf(stderr, "%s\n", extractor.status().ToString().c_str());
    return 1;
  }
  TheExtractor() = extractor.value();

  std::map<std::string, std::vector<Example>> examples_by_file;
  std::string parse_errors;
  for (const auto& [path, content] : files.value()) {
    if (!EndsWith(path, ".examples.tsv")) continue;
    examples_by_file[path] = ParseExamples(path, content, &parse_errors);
    for (const Example& ex : examples_by_file[path]) {
      std::string name = path + ":" + std::to_string(ex.line);
      for (char& c : name) {
        if (c == '/' || c == '.' || c == ':') c = '_';
      }
      ::testing::RegisterTest("RuleExamples", name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                              [ex]() -> ::testing::Test* { return new ExampleTest(ex); });
    }
  }
  ::testing::RegisterTest("RuleFiles", "ExamplesParse", nullptr, nullptr, __FILE__, __LINE__, [parse_errors]() -> ::testing::Test* {
    struct T : ::testing::Test {
      std::string errors;
      void TestBody() override { EXPECT_EQ("", errors); }
    };
    auto* t = new T;
    t->errors = parse_errors;
    return t;
  });
  ::testing::RegisterTest("RuleFiles", "EveryPatternRuleHasAnExample", nullptr, nullptr, __FILE__, __LINE__,
                          [examples_by_file]() -> ::testing::Test* {
                            struct T : ::testing::Test {
                              std::map<std::string, std::vector<Example>> examples;
                              void TestBody() override { CheckCoverage(examples); }
                            };
                            auto* t = new T;
                            t->examples = examples_by_file;
                            return t;
                          });
  ::testing::RegisterTest("RuleFiles", "EveryGazetteerFileIsExercised", nullptr, nullptr, __FILE__, __LINE__,
                          [examples_by_file]() -> ::testing::Test* {
                            struct T : ::testing::Test {
                              std::map<std::string, std::vector<Example>> examples;
                              void TestBody() override {
                                std::set<std::string> gazetteer_files, hit;
                                for (const GazetteerEntry& e : Rules()->gazetteer()) gazetteer_files.insert(e.file);
                                for (const auto& [file, list] : examples) {
                                  for (const Example& ex : list) {
                                    chronograph::Result<Document> doc = MakeDocument("example", ex.text);
                                    for (const Mention& m : TheExtractor()->Extract(doc.value()).mentions) {
                                      hit.insert(m.rule_id.substr(0, m.rule_id.rfind(':')));
                                    }
                                  }
                                }
                                for (const std::string& f : gazetteer_files) {
                                  EXPECT_TRUE(hit.count(f)) << "rules/" << f << ": no example finds any of its entities";
                                }
                              }
                            };
                            auto* t = new T;
                            t->examples = examples_by_file;
                            return t;
                          });
  return RUN_ALL_TESTS();
}
