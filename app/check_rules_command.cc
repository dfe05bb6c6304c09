#include "app/check_rules_command.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/rule_examples.h"
#include "extract/rule_set.h"

namespace chronograph::app {
namespace {

namespace fs = std::filesystem;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Status RunCheckRules(const CheckRulesOptions& options, std::ostream& out) {
  Result<std::shared_ptr<const extract::RuleSet>> rules = extract::RuleSet::Load(options.rules_dir);
  if (!rules.ok()) return rules.status();
  Result<std::shared_ptr<const extract::Extractor>> extractor = extract::Extractor::Create(rules.value());
  if (!extractor.ok()) return extractor.status();

  std::size_t examples = 0, failures = 0, files = 0;
  std::error_code ec;
  std::vector<fs::path> paths;
  for (fs::recursive_directory_iterator it(options.rules_dir, ec), end; it != end && !ec; it.increment(ec)) {
    if (it->is_regular_file(ec) && EndsWith(it->path().filename().string(), ".examples.tsv")) paths.push_back(it->path());
  }
  if (ec) return Status::IoError(options.rules_dir + ": " + ec.message());
  std::sort(paths.begin(), paths.end());
  Result<std::map<std::string, std::string>> contents = extract::RuleSet::CollectFiles(options.rules_dir);
  if (!contents.ok()) return contents.status();
  for (const fs::path& path : paths) {
    ++files;
    const std::string rel = fs::relative(path, options.rules_dir).generic_string();
    const std::string shown = path.generic_string();
    std::string errors;
    const std::vector<extract::RuleExample> rows = extract::ParseRuleExamples(shown, contents.value()[rel], &errors);
    out << errors;
    failures += static_cast<std::size_t>(std::count(errors.begin(), errors.end(), '\n'));
    for (extract::RuleExample row : rows) {
      row.file = rel;  // the file name decides what a row lists
      ++examples;
      std::string rule_ids;
      const std::set<std::string> found = extract::FindForExample(*extractor.value(), row, &rule_ids);
      if (found != row.expected) {
        ++failures;
        out << shown << ":" << row.line << ":1: \"" << row.text << "\"\n  expected: "
            << extract::JoinExampleSet(row.expected) << "\n  found:    " << extract::JoinExampleSet(found) << "\n";
      }
    }
  }
  out << "check-rules: " << options.rules_dir << ": rules load; " << examples << " example(s) in " << files
      << " file(s), " << failures << " failing\n";
  if (failures > 0) return Status::InvalidRule(options.rules_dir + ": " + std::to_string(failures) + " example(s) fail");
  return Status::Ok();
}

}  // namespace chronograph::app
