#include "extract/matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace chronograph::extract {

bool DisjointSpans::Overlaps(const Span& s) const {
  auto it = spans_.lower_bound(s.end);  // first span starting at or after s ends
  if (it == spans_.begin()) return false;
  --it;  // the last span starting before s ends: the only candidate
  return it->second > s.begin;
}

void DisjointSpans::Insert(const Span& s) { spans_.emplace(s.begin, s.end); }

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

struct PatternIndex::Prefilter {
  Prefilter() : set(re2::RE2::DefaultOptions, re2::RE2::UNANCHORED) {}
  re2::RE2::Set set;
};

PatternIndex::PatternIndex(const std::vector<PatternRule>& rules) : rules_(rules) {
  auto prefilter = std::make_unique<Prefilter>();
  for (const PatternRule& rule : rules) {
    if (prefilter->set.Add(rule.regex->pattern(), nullptr) < 0) return;  // cannot happen: each rule compiled alone
  }
  if (!rules.empty() && prefilter->set.Compile()) prefilter_ = std::move(prefilter);
}

PatternIndex::~PatternIndex() = default;

std::vector<PatternMatch> PatternIndex::Run(std::string_view text, Span range) const {
  if (!prefilter_) return RunPatterns(rules_, text, range);
  std::vector<int> hits;
  if (!prefilter_->set.Match(re2::StringPiece(text.data() + range.begin, range.end - range.begin), &hits)) return {};
  std::sort(hits.begin(), hits.end());  // rule order decides ties
  std::vector<PatternMatch> out;
  for (int r : hits) RunRule(rules_, static_cast<std::size_t>(r), text, range, &out);
  return out;
}

std::vector<PatternMatch> ResolveOverlaps(std::vector<PatternMatch> matches) {
  std::vector<Span> suppressed;
  for (const PatternMatch& m : matches) {
    if (m.rule->suppress) suppressed.push_back(m.span);
  }
  std::vector<PatternMatch> candidates;
  for (PatternMatch& m : matches) {
    if (m.rule->suppress) continue;
    const bool hit =
        std::any_of(suppressed.begin(), suppressed.end(), [&](const Span& s) { return s.Overlaps(m.span); });
    if (!hit) candidates.push_back(std::move(m));
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

}  // namespace chronograph::extract
