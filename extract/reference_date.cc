#include "extract/reference_date.h"

#include <cstdlib>

#include "extract/dates.h"

namespace chronograph::extract {
namespace {

// A pair further apart than this (bytes of normalised text between them)
// is not read as "the one is the other" ("今天居然是 GPT-4 发布后的第二天": 10).
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

std::optional<std::string> InferReferenceDate(const std::vector<SentenceDate>& dates, const FactLookup& facts) {
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (dates[i].date.kind != "relative") continue;
    const std::optional<RelativeTemplate> today = ParseRelativeTemplate(dates[i].date.relative);
    if (!today || today->anchor != RelativeTemplate::Anchor::kReference || today->Granularity() != 'D') continue;
    for (std::size_t j = 0; j < dates.size(); ++j) {
      const SentenceDate& other = dates[j];
      if (other.sentence != dates[i].sentence || other.date.kind != "relative") continue;
      const Span a = dates[i].date.span, b = other.date.span;
      const std::size_t gap = a.end <= b.begin ? b.begin - a.end : b.end <= a.begin ? a.begin - b.end : kMaxAnchorGap + 1;
      if (gap > kMaxAnchorGap) continue;
      const std::optional<RelativeTemplate> fact = ParseRelativeTemplate(other.date.relative);
      if (!fact || fact->anchor != RelativeTemplate::Anchor::kFact) continue;
      const std::string day = ResolveRelative(*fact, {"", "", &facts}, nullptr);
      if (!IsCalendarDate(day)) continue;
      const std::string reference = ApplyOffsets(day, Reversed(*today));
      if (IsCalendarDate(reference)) return reference;
    }
  }
  return std::nullopt;
}

}  // namespace chronograph::extract
