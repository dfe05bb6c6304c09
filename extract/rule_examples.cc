#include "extract/rule_examples.h"

#include <map>
#include <sstream>

#include "extract/document.h"

namespace chronograph::extract {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

bool IsDatesExamples(const std::string& file) { return EndsWith(file, "dates.examples.tsv"); }
bool IsRelationsExamples(const std::string& file) { return EndsWith(file, "relations.examples.tsv"); }
bool IsEventsExamples(const std::string& file) { return EndsWith(file, "events.examples.tsv"); }

std::string JoinExampleSet(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : " | ") + s;
  return out.empty() ? "-" : out;
}

std::vector<RuleExample> ParseRuleExamples(const std::string& file, const std::string& content, std::string* error) {
  std::vector<RuleExample> examples;
  std::istringstream in(content);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (Trim(line).empty() || Trim(line)[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) {
      *error += file + ":" + std::to_string(number) + ": expected text<TAB>expected\n";
      continue;
    }
    // "\n" in the text stands for a line break: headings, list items and
    // wrapped lines fit on one row.
    std::string text = line.substr(0, tab);
    for (std::size_t p = text.find("\\n"); p != std::string::npos; p = text.find("\\n", p + 1)) {
      text.replace(p, 2, "\n");
    }
    RuleExample ex{file, number, std::move(text), {}};
    std::string expected = Trim(line.substr(tab + 1));
    if (const auto tab2 = expected.find('\t'); tab2 != std::string::npos && IsDatesExamples(file)) {
      std::istringstream third(expected.substr(tab2 + 1));
      std::string order;
      third >> ex.reference >> order;
      if (order == "dmy") ex.order = DateOrder::kDayFirst;
      if (!IsCalendarDate(ex.reference) || (!order.empty() && order != "dmy" && order != "mdy")) {
        *error += file + ":" + std::to_string(number) + ": third column is YYYY-MM-DD [mdy|dmy]\n";
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

std::set<std::string> FindForExample(const Extractor& extractor, const RuleExample& ex, std::string* rule_ids) {
  std::set<std::string> found;
  Result<Document> doc = MakeDocument("example", ex.text);
  if (!doc.ok()) return {"(unreadable: " + doc.status().message() + ")"};
  ExtractOptions options;
  options.reference_date = ex.reference;  // so that relative dates have exact expected values
  options.date_order = ex.order;
  const ExtractionResult result = extractor.Extract(doc.value(), options);
  std::map<std::string, std::string> label;
  for (const Mention& m : result.mentions) label[m.entity_id] = m.canonical;
  if (IsDatesExamples(ex.file)) {
    for (const DateMention& d : result.dates) {
      if (d.kind == "anaphoric" && d.value.empty()) continue;  // reported only when resolved from context
      found.insert(d.value + (d.mod.empty() ? "" : "@" + d.mod));
      *rule_ids += " " + d.rule_id;
    }
  } else if (IsRelationsExamples(ex.file)) {
    for (const Relation& r : result.relations) {
      found.insert(r.type + ":" + label[r.from_id] + ">" + label[r.to_id]);
      *rule_ids += " " + r.rule_id;
    }
  } else if (IsEventsExamples(ex.file)) {
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

}  // namespace chronograph::extract
