#include "extract/reference_date.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "extract/dates.h"

namespace chronograph::extract {
namespace {

// A pair further apart than this (bytes of normalised text between them)
// is not read as "the one is the other" ("今天已经是 ChatGPT 发布后的第三天了": 10).
constexpr std::size_t kMaxAnchorGap = 24;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

Span Trim(std::string_view text, Span s) {
  while (s.begin < s.end && IsSpace(text[s.begin])) ++s.begin;
  while (s.end > s.begin && IsSpace(text[s.end - 1])) --s.end;
  return s;
}

// The lines of text from offset on, without their '\n'.
std::vector<Span> Lines(std::string_view text, std::size_t from) {
  std::vector<Span> lines;
  while (from < text.size()) {
    std::size_t end = text.find('\n', from);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({from, end});
    from = end + 1;
  }
  return lines;
}

// The value if text[s] is one full-day date and nothing else.
std::optional<std::string> WholeDay(std::string_view text, Span s, const RuleSet& rules) {
  s = Trim(text, s);
  if (s.empty()) return std::nullopt;
  const std::string_view v = text.substr(s.begin, s.size());
  // ISO dates with a time ("2023-03-22T10:00:00Z", "2023-03-22 10:00"), as YAML writes them.
  if (v.size() >= 10 && IsCalendarDate(v.substr(0, 10)) && (v.size() == 10 || v[10] == 'T' || v[10] == ' ')) {
    return std::string(v.substr(0, 10));
  }
  const std::vector<FoundDate> found = FindDates(text, s, rules);
  if (found.size() != 1 || found[0].kind != "date" || found[0].span.begin != s.begin) return std::nullopt;
  // A final full stop or comma may follow ("March 22, 2023.").
  std::size_t end = found[0].span.end;
  while (end < s.end && (text[end] == '.' || text[end] == ',' || IsSpace(text[end]))) ++end;
  if (end != s.end || !IsCalendarDate(found[0].value)) return std::nullopt;
  return found[0].value;
}

// "date: 2023-03-22" in a YAML block that opens the document.
std::optional<ReferenceDate> FrontMatter(std::string_view text, const RuleSet& rules, std::size_t* body) {
  *body = 0;
  const std::vector<Span> lines = Lines(text, 0);
  if (lines.empty() || Trim(text, lines[0]).size() != 3 || text.substr(Trim(text, lines[0]).begin, 3) != "---") {
    return std::nullopt;
  }
  std::optional<ReferenceDate> found;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const Span line = Trim(text, lines[i]);
    const std::string_view l = text.substr(line.begin, line.size());
    if (l == "---" || l == "...") {
      *body = lines[i].end;
      return found;
    }
    if (found || l.size() < 5 || (l.substr(0, 5) != "date:" && l.substr(0, 5) != "Date:")) continue;
    Span value{line.begin + 5, line.end};
    value = Trim(text, value);
    if (value.size() >= 2 && (text[value.begin] == '"' || text[value.begin] == '\'') &&
        text[value.end - 1] == text[value.begin]) {
      ++value.begin;
      --value.end;
    }
    if (std::optional<std::string> day = WholeDay(text, value, rules)) found = ReferenceDate{*day, "front matter", value.begin};
  }
  return std::nullopt;  // never closed: no front matter after all
}

}  // namespace

std::optional<ReferenceDate> FindReferenceDate(std::string_view text, const RuleSet& rules) {
  std::size_t body = 0;
  if (std::optional<ReferenceDate> front = FrontMatter(text, rules, &body)) return front;
  int seen = 0;
  for (Span line : Lines(text, body)) {
    line = Trim(text, line);
    if (line.empty()) continue;
    if (++seen > kHeaderLines) break;
    // Markdown marks around the line: "# 2023-03-22", "*March 22, 2023*".
    auto mark = [](char c) { return c == '#' || c == '>' || c == '*' || c == '_' || IsSpace(c); };
    while (line.begin < line.end && mark(text[line.begin])) ++line.begin;
    while (line.end > line.begin && mark(text[line.end - 1])) --line.end;
    // A short label without digits: "Date:", "日期:", "Published:".
    const std::size_t colon = text.substr(line.begin, line.size()).find(':');
    if (colon != std::string_view::npos && colon > 0 && colon <= 30) {
      const std::string_view label = text.substr(line.begin, colon);
      if (label.find_first_of("0123456789") == std::string_view::npos) line.begin += colon + 1;
    }
    if (std::optional<std::string> day = WholeDay(text, line, rules)) return ReferenceDate{*day, "header", line.begin};
  }
  return std::nullopt;
}

std::optional<std::string> InferReferenceDate(const std::vector<SentenceDate>& dates, const FactLookup& facts,
                                              WorkCounter* work) {
  // The "today"s: counted from the reference date by days.
  std::vector<std::pair<std::size_t, RelativeTemplate>> todays;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    CountWork(work);
    if (dates[i].date.kind != "relative") continue;
    std::optional<RelativeTemplate> today = ParseRelativeTemplate(dates[i].date.relative);
    if (!today || today->anchor != RelativeTemplate::Anchor::kReference || today->Granularity() != 'D' ||
        !today->snaps.empty()) {
      continue;  // a weekday snap cannot be counted back
    }
    todays.emplace_back(i, std::move(*today));
  }
  if (todays.empty()) return std::nullopt;
  // The dates counted from a fact that resolve to a day, found once, and
  // ordered by (sentence, begin) and by (sentence, end): a pair within
  // kMaxAnchorGap has the other's begin in [today.end, today.end + gap] or
  // its end in [today.begin - gap, today.begin], so a "today" looks at a
  // window of each instead of at every date of the document.
  struct FactDay {
    std::size_t index;
    int sentence;
    Span span;
    std::string day;
  };
  std::vector<FactDay> fact_days;
  for (std::size_t j = 0; j < dates.size(); ++j) {
    CountWork(work);
    if (dates[j].date.kind != "relative") continue;
    const std::optional<RelativeTemplate> fact = ParseRelativeTemplate(dates[j].date.relative);
    if (!fact || fact->anchor != RelativeTemplate::Anchor::kFact) continue;
    std::string day = ResolveRelative(*fact, {"", "", &facts}, nullptr);
    if (IsCalendarDate(day)) fact_days.push_back({j, dates[j].sentence, dates[j].date.span, std::move(day)});
  }
  std::vector<const FactDay*> by_begin, by_end;
  for (const FactDay& f : fact_days) by_begin.push_back(&f);
  by_end = by_begin;
  const auto begin_key = [](const FactDay* f) { return std::make_pair(f->sentence, f->span.begin); };
  const auto end_key = [](const FactDay* f) { return std::make_pair(f->sentence, f->span.end); };
  std::sort(by_begin.begin(), by_begin.end(), [&](auto* a, auto* b) { return begin_key(a) < begin_key(b); });
  std::sort(by_end.begin(), by_end.end(), [&](auto* a, auto* b) { return end_key(a) < end_key(b); });
  std::size_t log_n = 1;
  while ((std::size_t{1} << log_n) < fact_days.size()) ++log_n;
  CountWork(work, 2 * fact_days.size() * log_n);

  std::vector<const FactDay*> near;
  for (const auto& [i, today] : todays) {
    const int sentence = dates[i].sentence;
    const Span a = dates[i].date.span;
    near.clear();
    CountWork(work, 2 * log_n);
    const auto after = std::lower_bound(by_begin.begin(), by_begin.end(), std::make_pair(sentence, a.end),
                                        [&](const FactDay* f, const auto& key) { return begin_key(f) < key; });
    for (auto it = after; it != by_begin.end() && (*it)->sentence == sentence && (*it)->span.begin <= a.end + kMaxAnchorGap; ++it) {
      CountWork(work);
      near.push_back(*it);
    }
    const std::size_t from = a.begin >= kMaxAnchorGap ? a.begin - kMaxAnchorGap : 0;
    const auto before = std::lower_bound(by_end.begin(), by_end.end(), std::make_pair(sentence, from),
                                         [&](const FactDay* f, const auto& key) { return end_key(f) < key; });
    for (auto it = before; it != by_end.end() && (*it)->sentence == sentence && (*it)->span.end <= a.begin; ++it) {
      CountWork(work);
      near.push_back(*it);
    }
    // In document order, as a scan of all dates would meet them.
    std::sort(near.begin(), near.end(), [](const FactDay* x, const FactDay* y) { return x->index < y->index; });
    near.erase(std::unique(near.begin(), near.end()), near.end());
    for (const FactDay* f : near) {
      CountWork(work);
      const std::string reference = ApplyOffsets(f->day, Reversed(today));
      if (IsCalendarDate(reference)) return reference;
    }
  }
  return std::nullopt;
}

}  // namespace chronograph::extract
