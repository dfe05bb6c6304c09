#include "app/check_rules_command.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/rule_set.h"

namespace chronograph::app {
namespace {

namespace fs = std::filesystem;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

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

// What the extractor finds in one example text, in the examples file's terms
// (the same reading as tests/rule_examples_test.cc).
std::set<std::string> Found(const extract::Extractor& extractor, const std::string& file, const std::string& text) {
  std::set<std::string> found;
  Result<extract::Document> doc = extract::MakeDocument("example", text);
  if (!doc.ok()) return {"(unreadable: " + doc.status().message() + ")"};
  extract::ExtractOptions options;
  options.reference_date = "2013-02-12";
  const extract::ExtractionResult result = extractor.Extract(doc.value(), options);
  if (EndsWith(file, "dates.examples.tsv")) {
    for (const extract::DateMention& d : result.dates) {
      if (d.kind != "anaphoric") found.insert(d.value + (d.mod.empty() ? "" : "@" + d.mod));
    }
  } else if (EndsWith(file, "relations.examples.tsv")) {
    std::map<std::string, std::string> label;
    for (const extract::Mention& m : result.mentions) label[m.entity_id] = m.canonical;
    for (const extract::Relation& r : result.relations) found.insert(r.type + ":" + label[r.from_id] + ">" + label[r.to_id]);
  } else {
    for (const extract::Mention& m : result.mentions) found.insert(m.type + ":" + m.canonical);
  }
  return found;
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
    std::istringstream in(contents.value()[rel]);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (Trim(line).empty() || Trim(line)[0] == '#') continue;
      const auto tab = line.find('\t');
      if (tab == std::string::npos) {
        out << shown << ":" << number << ":1: expected text<TAB>expected\n";
        ++failures;
        continue;
      }
      std::set<std::string> expected;
      const std::string want = Trim(line.substr(tab + 1));
      if (want != "-") {
        std::istringstream items(want);
        std::string item;
        while (std::getline(items, item, '|')) {
          if (!Trim(item).empty()) expected.insert(Trim(item));
        }
      }
      ++examples;
      const std::set<std::string> found = Found(*extractor.value(), rel, line.substr(0, tab));
      if (found != expected) {
        ++failures;
        out << shown << ":" << number << ":1: \"" << line.substr(0, tab) << "\"\n  expected: " << Join(expected)
            << "\n  found:    " << Join(found) << "\n";
      }
    }
  }
  out << "check-rules: " << options.rules_dir << ": rules load; " << examples << " example(s) in " << files
      << " file(s), " << failures << " failing\n";
  if (failures > 0) return Status::InvalidRule(options.rules_dir + ": " + std::to_string(failures) + " example(s) fail");
  return Status::Ok();
}

}  // namespace chronograph::app
