#include "extract/dates.h"

#include <algorithm>
#include <cstdio>

#include "extract/numerals.h"
#include "extract/relative_dates.h"

namespace chronograph::extract {
namespace {

bool HasPrefix(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Formats one capture by its name; nullopt when out of range.
std::optional<std::string> FormatCapture(const std::string& name, long long n) {
  char buf[32];
  if (HasPrefix(name, "yearhalf")) {  // "1年半": the months of N years and a half
    if (n < 0 || n > 1000) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%lld", n * 12 + 6);
  } else if (HasPrefix(name, "shortyear")) {
    if (n >= 0 && n < 100) n += n <= 68 ? 2000 : 1900;
    if (n < 1000 || n > 2999) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%04lld", n);
  } else if (HasPrefix(name, "adyear") || HasPrefix(name, "bcyear")) {
    if (n < 1 || n > (HasPrefix(name, "adyear") ? 2999 : 9999)) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%04lld", n);
  } else if (HasPrefix(name, "century")) {  // the 20th century: 19XX
    if (n < 11 || n > 30) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%02lldXX", n - 1);
  } else if (HasPrefix(name, "weekday")) {
    if (n < 1 || n > 7) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%lld", n);
  } else if (HasPrefix(name, "isoweek")) {  // an ISO week number
    if (n < 1 || n > 53) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%02lld", n);
  } else if (HasPrefix(name, "year")) {
    if (n < 1000 || n > 2999) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%04lld", n);
  } else if (HasPrefix(name, "month")) {
    if (n < 1 || n > 12) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%02lld", n);
  } else if (HasPrefix(name, "day")) {
    if (n < 1 || n > 31) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%02lld", n);
  } else if (HasPrefix(name, "decade")) {
    if (n >= 0 && n < 100) n += 1900;  // "90 年代", "the '90s"
    if (n < 1000 || n > 2999 || n % 10 != 0) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%03lldX", n / 10);
  } else if (HasPrefix(name, "quarter")) {
    if (n < 1 || n > 4) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%lld", n);
  } else {
    if (n < 0) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%lld", n);
  }
  return std::string(buf);
}

// The number a capture holds (number words from */numerals.tsv, where the
// weekday words are too: "sunday", 日 and 天 are 7).
std::optional<long long> CaptureNumber(std::string_view written, const RuleSet& rules) {
  // "23rd", "1st": digits with an ordinal suffix read as the digits.
  if (written.size() > 2 && written[0] >= '0' && written[0] <= '9') {
    const std::string_view suffix = written.substr(written.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") written.remove_suffix(2);
  }
  return ParseNumeral(written, rules.numerals());
}

// The name of the first year capture (${year*}, ${shortyear*}) in a
// template part, "" if none.
std::string YearCapture(std::string_view part) {
  for (std::size_t open = part.find("${"); open != std::string_view::npos; open = part.find("${", open + 2)) {
    const auto close = part.find('}', open);
    if (close == std::string_view::npos) return "";
    const std::string_view name = part.substr(open + 2, close - open - 2);
    if (name.rfind("year", 0) == 0 || name.rfind("shortyear", 0) == 0) return std::string(name);
  }
  return "";
}

}  // namespace

std::optional<std::string> RenderDateValue(const PatternMatch& match, std::string_view text, const RuleSet& rules,
                                           DateOrder order) {
  const std::string& tmpl = match.rule->value;
  // 3/4/2015: month first unless told otherwise or impossible (31/10/74).
  bool swap = false;
  if (match.rule->ambiguous_order) {
    const auto m = match.captures.find("month"), d = match.captures.find("day");
    if (m != match.captures.end() && d != match.captures.end()) {
      const auto mn = CaptureNumber(text.substr(m->second.begin, m->second.size()), rules);
      const auto dn = CaptureNumber(text.substr(d->second.begin, d->second.size()), rules);
      if (mn && dn) {
        const bool month_first_ok = *mn <= 12, day_first_ok = *dn <= 12;
        swap = order == DateOrder::kDayFirst ? day_first_ok : !month_first_ok && day_first_ok;
      }
    }
  }
  std::string out;
  std::size_t pos = 0;
  while (pos < tmpl.size()) {
    const auto open = tmpl.find("${", pos);
    if (open == std::string::npos) {
      out += tmpl.substr(pos);
      break;
    }
    const auto close = tmpl.find('}', open);
    out += tmpl.substr(pos, open - pos);
    const std::string name = tmpl.substr(open + 2, close - open - 2);
    const std::string source = !swap ? name : name == "month" ? "day" : name == "day" ? "month" : name;
    const auto it = match.captures.find(source);
    if (it == match.captures.end()) return std::nullopt;
    const Span s = it->second;
    if (HasPrefix(name, "entity")) {  // an alias in a relative template, kept as written
      out += text.substr(s.begin, s.size());
      pos = close + 1;
      continue;
    }
    const std::optional<long long> n = CaptureNumber(text.substr(s.begin, s.size()), rules);
    if (!n) return std::nullopt;
    const std::optional<std::string> formatted = FormatCapture(name, *n);
    if (!formatted) return std::nullopt;
    out += *formatted;
    pos = close + 1;
  }
  if (match.rule->kind == "relative") {
    if (!ParseRelativeTemplate(out)) return std::nullopt;  // e.g. an alias holding ')'
    return out;
  }
  // Every full day must be on the calendar (02/30/2000 is not).
  for (std::size_t begin = 0; begin < out.size();) {
    const std::size_t end = std::min(out.find('/', begin), out.size());
    const std::string_view part = std::string_view(out).substr(begin, end - begin);
    if (part.size() == 10 && part[4] == '-' && part[7] == '-' && part.rfind("XXXX", 0) != 0 && !IsCalendarDate(part)) {
      return std::nullopt;
    }
    begin = end + 1;
  }
  // An interval must not run backwards ("2003 年到 2002 年" is no interval).
  if (const auto slash = out.find('/');
      match.rule->kind != "duration" && slash != std::string::npos && out.substr(slash + 1) < out.substr(0, slash)) {
    // "from December to May 2025": one year written for both ends, so the
    // start is in the year before.
    const auto tslash = tmpl.find('/');
    const std::string y = YearCapture(std::string_view(tmpl).substr(0, tslash));
    if (y.empty() || tslash == std::string::npos || y != YearCapture(std::string_view(tmpl).substr(tslash + 1))) {
      return std::nullopt;
    }
    const std::optional<long long> start = ParseNumeral(out.substr(0, 4), rules.numerals());
    if (!start || *start <= 1000) return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04lld", *start - 1);
    out.replace(0, 4, buf);
    if (out.substr(slash + 1) < out.substr(0, slash)) return std::nullopt;
  }
  return out;
}

std::vector<FoundDate> FindDates(std::string_view text, Span range, const RuleSet& rules, DateOrder order) {
  std::vector<PatternMatch> matches = rules.date_index().Run(text, range);
  // Render before resolving overlaps, so that an out-of-range reading (month
  // 13) does not hide a shorter valid one.
  std::vector<PatternMatch> valid;
  for (PatternMatch& m : matches) {
    if (!m.rule->suppress && !m.rule->value.empty() && !RenderDateValue(m, text, rules, order)) continue;
    valid.push_back(std::move(m));
  }
  std::vector<FoundDate> out;
  for (const PatternMatch& m : ResolveOverlaps(std::move(valid))) {
    FoundDate d;
    d.span = m.span;
    d.kind = m.rule->kind;
    d.mod = m.rule->mod;
    d.rule_id = m.rule->id;
    d.approximate = m.rule->approximate;
    d.yearless_next = m.rule->yearless_next;
    if (m.rule->kind == "relative") {
      d.relative = *RenderDateValue(m, text, rules, order);  // resolved later (events.h)
    } else if (!m.rule->value.empty()) {
      d.value = *RenderDateValue(m, text, rules, order);
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace chronograph::extract
