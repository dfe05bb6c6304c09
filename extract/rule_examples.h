// Rule examples: the rows of rules/**/*.examples.tsv and what a row means,
// shared by the test suite (tests/rule_examples_test.cc) and
// `chronograph check-rules`, so both read a row the same way. A row is
// text<TAB>expected[<TAB>YYYY-MM-DD [mdy|dmy]] ("\n" in text is a line
// break): the expected set is dates
// (value[@MOD]), entities (TYPE:Canonical), relations (relation:From>To) or
// events (date:Entity) by the file's name, "-" for none; dates rows may give
// their own reference date and date order (default 2013-02-12, mdy).
#ifndef CHRONOGRAPH_EXTRACT_RULE_EXAMPLES_H_
#define CHRONOGRAPH_EXTRACT_RULE_EXAMPLES_H_

#include <set>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "extract/relative_dates.h"

namespace chronograph::extract {

inline constexpr char kExampleDate[] = "2013-02-12";

struct RuleExample {
  std::string file;  // e.g. "zh/dates.examples.tsv"
  int line = 0;
  std::string text;
  std::set<std::string> expected;
  std::string reference = kExampleDate;
  DateOrder order = DateOrder::kMonthFirst;
};

// The rows of one examples file; malformed rows are skipped, each adding
// "FILE:LINE: reason\n" to *error (FILE as given).
std::vector<RuleExample> ParseRuleExamples(const std::string& file, const std::string& content, std::string* error);

// What the extractor finds in the row's text, in its file's terms. The ids
// of the rules that produced it are appended to *rule_ids (space-separated).
std::set<std::string> FindForExample(const Extractor& extractor, const RuleExample& example, std::string* rule_ids);

// "a | b", or "-" for none.
std::string JoinExampleSet(const std::set<std::string>& items);

bool IsDatesExamples(const std::string& file);
bool IsRelationsExamples(const std::string& file);
bool IsEventsExamples(const std::string& file);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_RULE_EXAMPLES_H_
