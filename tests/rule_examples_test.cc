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

// The document date of every example (Duckling's testContext).
constexpr char kExampleDate[] = "2013-02-12";

struct Example {
  std::string file;  // e.g. "zh/dates.examples.tsv"
  int line = 0;
  std::string text;
  std::set<std::string> expected;
  std::string reference = kExampleDate;  // third column, dates files only
  DateOrder order = DateOrder::kMonthFirst;
};

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsDatesFile(const std::string& file) { return EndsWith(file, "dates.examples.tsv"); }
bool IsRelationsFile(const std::string& file) { return EndsWith(file, "relations.examples.tsv"); }
bool IsEventsFile(const std::string& file) { return EndsWith(file, "events.examples.tsv"); }

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string Join(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " | ") + s;
  return out.empty() ? "-" : out;
}

std::vector<Example> ParseExamples(const std::string& file, const std::string& content, std::string* error) {
  std::vector<Example> examples;
  std::istringstream in(content);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (Trim(line).empty() || Trim(line)[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) {
      *error += "rules/" + file + ":" + std::to_string(number) + ": expected text<TAB>expected\n";
      continue;
    }
    Example ex{file, number, line.substr(0, tab), {}};
    std::string expected = Trim(line.substr(tab + 1));
    if (const auto tab2 = expected.find('\t'); tab2 != std::string::npos && IsDatesFile(file)) {
      std::istringstream third(expected.substr(tab2 + 1));
      std::string order;
      third >> ex.reference >> order;
      if (order == "dmy") ex.order = DateOrder::kDayFirst;
      if (!IsCalendarDate(ex.reference) || (!order.empty() && order != "dmy" && order != "mdy")) {
        *error += "rules/" + file + ":" + std::to_string(number) + ": third column is YYYY-MM-DD [mdy|dmy]\n";
      }
      expected = Trim(expected.substr(0, tab2));
    }
    if (expected != "-") {
      std::istringstream items(expected);
      std::string item;
      while (std::getline(items, item, '|')) {
        if (!Trim(item).empty()) ex.expected.insert(Trim(item));
      }
    }
    examples.push_back(std::move(ex));
  }
  return examples;
}

// What the extractor finds in an example, in the example file's terms.
std::set<std::string> Found(const Example& ex, std::string* rule_ids) {
  Result<Document> doc = MakeDocument("example", ex.text);
  ExtractOptions options;
  options.reference_date = ex.reference;  // so that relative dates have exact expected values
  options.date_order = ex.order;
  const ExtractionResult result = TheExtractor()->Extract(doc.value(), options);
  std::set<std::string> found;
  if (IsDatesFile(ex.file)) {
    for (const DateMention& d : result.dates) {
      if (d.kind == "anaphoric") continue;  // reported only when resolved from context
      found.insert(d.value + (d.mod.empty() ? "" : "@" + d.mod));
      *rule_ids += " " + d.rule_id;
    }
  } else if (IsRelationsFile(ex.file)) {
    std::map<std::string, std::string> label;
    for (const Mention& m : result.mentions) label[m.entity_id] = m.canonical;
    for (const Relation& r : result.relations) {
      found.insert(r.type + ":" + label[r.from_id] + ">" + label[r.to_id]);
      *rule_ids += " " + r.rule_id;
    }
  } else if (IsEventsFile(ex.file)) {
    std::map<std::string, std::string> label;
    for (const Mention& m : result.mentions) label[m.entity_id] = m.canonical;
    for (const Event& e : result.events) {
      for (const std::string& id : e.entity_ids) found.insert(e.date + ":" + label[id]);
    }
  } else {
    for (const Mention& m : result.mentions) {
      found.insert(m.type + ":" + m.canonical);
      *rule_ids += " " + m.rule_id;
    }
  }
  return found;
}

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
