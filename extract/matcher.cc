#include "extract/matcher.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <utf8proc.h>

#include <algorithm>

#include "extract/multi_scan.h"

namespace chronograph::extract {

bool DisjointSpans::Overlaps(const Span& s) const {
  auto it = spans_.lower_bound(s.end);  // first span starting at or after s ends
  if (it == spans_.begin()) return false;
  --it;  // the last span starting before s ends: the only candidate
  return it->second > s.begin;
}

void DisjointSpans::Insert(const Span& s) { spans_.emplace(s.begin, s.end); }

SuppressedSpans::SuppressedSpans(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  for (const Span& span : spans) {
    if (!merged_.empty() && span.begin < merged_.back().end) {
      merged_.back().end = std::max(merged_.back().end, span.end);
    } else {
      merged_.push_back(span);
    }
  }
}

bool SuppressedSpans::Cuts(const Span& s) const {
  auto it = std::upper_bound(merged_.begin(), merged_.end(), s.begin,
                             [](std::size_t b, const Span& m) { return b < m.end; });
  for (; it != merged_.end() && it->begin < s.end; ++it) {
    if (it->begin < s.begin || it->end > s.end) return true;  // overlaps without holding it
  }
  return false;
}

namespace {

// Appends the matches of rules[r] in range to out.
void RunRule(const std::vector<PatternRule>& rules, std::size_t r, std::string_view text, Span range,
             std::vector<PatternMatch>* out) {
  const re2::RE2& re = *rules[r].regex;
  const auto& names = re.NamedCapturingGroups();
  const auto name_group = names.find("name");
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(re.NumberOfCapturingGroups()) + 1);
  // The input starts at the range, so that ^ and \b see the range's start
  // as the start of text (a sentence start is a boundary).
  const re2::StringPiece input(text.data() + range.begin, range.end - range.begin);
  std::size_t pos = range.begin;
  while (pos <= range.end && re.Match(input, pos - range.begin, input.size(), re2::RE2::UNANCHORED, groups.data(),
                                      static_cast<int>(groups.size()))) {
    auto offset = [&](const re2::StringPiece& g) { return static_cast<std::size_t>(g.data() - text.data()); };
    PatternMatch m;
    m.rule = &rules[r];
    m.rule_index = r;
    m.span = {offset(groups[0]), offset(groups[0]) + groups[0].size()};
    for (const auto& [name, index] : names) {
      const re2::StringPiece& g = groups[static_cast<std::size_t>(index)];
      if (g.data() != nullptr) m.captures[name] = {offset(g), offset(g) + g.size()};
    }
    if (name_group != names.end()) {
      const auto it = m.captures.find("name");
      if (it != m.captures.end()) m.span = it->second;
    }
    std::size_t next = m.span.end;
    if (next <= pos) {  // an empty match: step over one UTF-8 character
      next = pos + 1;
      while (next < range.end && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    }
    const bool rejected =
        rules[r].reject &&
        re2::RE2::PartialMatch(re2::StringPiece(text.data() + m.span.begin, m.span.size()), *rules[r].reject);
    if (!m.span.empty() && !rejected) out->push_back(std::move(m));
    pos = next;
  }
}

}  // namespace

std::vector<PatternMatch> RunPatterns(const std::vector<PatternRule>& rules, std::string_view text, Span range) {
  std::vector<PatternMatch> out;
  for (std::size_t r = 0; r < rules.size(); ++r) RunRule(rules, r, text, range, &out);
  return out;
}

// Atoms shorter than this are left out of the filter (a rule that needs one
// then runs more often, never less): one ASCII letter is everywhere, while
// a CJK character is three bytes.
constexpr int kMinAtomBytes = 2;

struct PatternIndex::Prefilter {
  re2::FilteredRE2 filter{kMinAtomBytes};
  MultiScanner atoms;                   // FilteredRE2's atoms as caseless literals
  std::vector<std::size_t> filter_ids;  // FilteredRE2 id -> rule index
  std::vector<std::size_t> always_run;  // rules the filter cannot decide for
  // What the filter passes when no atom is found (its rules without an
  // atom): most ranges hold none, and asking the filter costs a walk of its
  // whole tree.
  std::vector<int> unfiltered;
};

namespace {

// The filter lower-cases its atoms (Unicode-wise) and the scan folds ASCII
// case only. A rule whose pattern holds an upper-case non-ASCII letter ("É"
// is looked for as "é"), or a cased non-ASCII letter under (?i) ("é" must
// also find "É"), could be missed: such a rule always runs. A lower-case one
// in a case-sensitive pattern ("protégé") is found as written.
bool NeedsUnicodeCaseFold(const re2::RE2& regex) {
  const std::string& pattern = regex.pattern();
  const bool caseless = !regex.options().case_sensitive() || pattern.find("(?i") != std::string::npos;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(pattern.data());
  for (std::size_t i = 0; i < pattern.size();) {
    if (static_cast<unsigned char>(pattern[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(pattern.size() - i), &cp);
    if (n <= 0) return true;  // not UTF-8: be safe
    i += static_cast<std::size_t>(n);
    const bool cased = utf8proc_tolower(cp) != utf8proc_toupper(cp);
    if (cased && (caseless || utf8proc_tolower(cp) != cp)) return true;
  }
  return false;
}

}  // namespace

PatternIndex::PatternIndex(const std::vector<PatternRule>& rules) : rules_(rules) {
  if (rules.empty()) return;
  auto prefilter = std::make_unique<Prefilter>();
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const re2::RE2& regex = *rules[r].regex;
    int id = 0;
    if (NeedsUnicodeCaseFold(regex) ||
        prefilter->filter.Add(regex.pattern(), regex.options(), &id) != re2::RE2::NoError) {
      prefilter->always_run.push_back(r);
      continue;
    }
    prefilter->filter_ids.push_back(r);
  }
  if (prefilter->filter_ids.empty()) {
    prefilter_ = std::move(prefilter);
    return;
  }
  std::vector<std::string> atoms;
  prefilter->filter.Compile(&atoms);
  std::vector<ScanLiteral> literals;
  for (std::string& atom : atoms) literals.push_back({std::move(atom), true});
  if (!prefilter->atoms.CompileLiterals(literals)) return;  // no prefilter: every rule runs
  prefilter->filter.AllPotentials({}, &prefilter->unfiltered);
  prefilter_ = std::move(prefilter);
}

PatternIndex::~PatternIndex() = default;

std::size_t PatternIndex::always_run_count() const {
  return prefilter_ ? prefilter_->always_run.size() + prefilter_->unfiltered.size() : rules_.size();
}

std::vector<PatternMatch> PatternIndex::Run(std::string_view text, Span range) const {
  if (!prefilter_) return RunPatterns(rules_, text, range);
  std::vector<int> atoms;
  const bool scanned = prefilter_->atoms.Scan(text.substr(range.begin, range.end - range.begin),
                                              [&](unsigned id, std::size_t, std::size_t) {
                                                atoms.push_back(static_cast<int>(id));
                                              });
  if (!scanned) return RunPatterns(rules_, text, range);
  std::sort(atoms.begin(), atoms.end());
  atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
  std::vector<std::size_t> hits = prefilter_->always_run;
  if (!prefilter_->filter_ids.empty()) {
    std::vector<int> potential;
    if (!atoms.empty()) prefilter_->filter.AllPotentials(atoms, &potential);
    const std::vector<int>& passed = atoms.empty() ? prefilter_->unfiltered : potential;
    for (int id : passed) hits.push_back(prefilter_->filter_ids[static_cast<std::size_t>(id)]);
  }
  if (hits.empty()) return {};
  std::sort(hits.begin(), hits.end());  // rule order decides ties
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  std::vector<PatternMatch> out;
  for (std::size_t r : hits) RunRule(rules_, r, text, range, &out);
  return out;
}

std::vector<PatternMatch> ResolveOverlaps(std::vector<PatternMatch> matches) {
  std::vector<Span> spans;
  for (const PatternMatch& m : matches) {
    if (m.rule->suppress) spans.push_back(m.span);
  }
  const SuppressedSpans suppressed(std::move(spans));
  std::vector<PatternMatch> candidates;
  for (PatternMatch& m : matches) {
    if (!m.rule->suppress && !suppressed.Cuts(m.span)) candidates.push_back(std::move(m));
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const PatternMatch& a, const PatternMatch& b) {
    if (a.span.size() != b.span.size()) return a.span.size() > b.span.size();
    if (a.rule_index != b.rule_index) return a.rule_index < b.rule_index;
    return a.span.begin < b.span.begin;
  });
  std::vector<PatternMatch> kept;
  DisjointSpans taken;
  for (PatternMatch& m : candidates) {
    if (taken.Overlaps(m.span)) continue;
    taken.Insert(m.span);
    kept.push_back(std::move(m));
  }
  std::sort(kept.begin(), kept.end(),
            [](const PatternMatch& a, const PatternMatch& b) { return a.span.begin < b.span.begin; });
  return kept;
}

int PatternProgramSize(const PatternRule& rule) { return rule.regex->ProgramSize(); }

}  // namespace chronograph::extract
