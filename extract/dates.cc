#include "extract/dates.h"

#include <cstdio>

#include "extract/numerals.h"
#include "extract/relative_dates.h"

namespace chronograph::extract {
namespace {

bool HasPrefix(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Formats one capture by its name; nullopt when out of range.
std::optional<std::string> FormatCapture(const std::string& name, long long n) {
  char buf[32];
  if (HasPrefix(name, "year")) {
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

}  // namespace

std::optional<std::string> RenderDateValue(const PatternMatch& match, std::string_view text, const RuleSet& rules) {
  const std::string& tmpl = match.rule->value;
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
    const auto it = match.captures.find(name);
    if (it == match.captures.end()) return std::nullopt;
    const Span s = it->second;
    if (HasPrefix(name, "entity")) {  // an alias in a relative template, kept as written
      out += text.substr(s.begin, s.size());
      pos = close + 1;
      continue;
    }
    const std::optional<long long> n = ParseNumeral(text.substr(s.begin, s.size()), rules.numerals());
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
  // An interval must not run backwards ("2003 年到 2002 年" is no interval).
  if (const auto slash = out.find('/'); slash != std::string::npos && out.substr(slash + 1) < out.substr(0, slash)) {
    return std::nullopt;
  }
  return out;
}

std::vector<FoundDate> FindDates(std::string_view text, Span range, const RuleSet& rules) {
  std::vector<PatternMatch> matches = rules.date_index().Run(text, range);
  // Render before resolving overlaps, so that an out-of-range reading (month
  // 13) does not hide a shorter valid one.
  std::vector<PatternMatch> valid;
  for (PatternMatch& m : matches) {
    if (!m.rule->suppress && !m.rule->value.empty() && !RenderDateValue(m, text, rules)) continue;
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
    if (m.rule->kind == "relative") {
      d.relative = *RenderDateValue(m, text, rules);  // resolved later (events.h)
    } else if (!m.rule->value.empty()) {
      d.value = *RenderDateValue(m, text, rules);
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace chronograph::extract
