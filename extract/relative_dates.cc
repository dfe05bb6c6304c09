#include "extract/relative_dates.h"

#include <cstdio>

namespace chronograph::extract {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int UnitRank(char unit) { return unit == 'Y' ? 0 : unit == 'M' ? 1 : 2; }

// Reads exactly n digits at value[pos].
std::optional<int> Digits(std::string_view value, std::size_t pos, std::size_t n) {
  if (pos + n > value.size()) return std::nullopt;
  int out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!IsDigit(value[i])) return std::nullopt;
    out = out * 10 + (value[i] - '0');
  }
  return out;
}

bool IsLeap(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(long long y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
long long DaysFromCivil(long long y, long long m, long long d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(long long z, long long* y, int* m, int* d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

}  // namespace

char RelativeTemplate::Granularity() const {
  char unit = 'Y';
  for (const Offset& o : offsets) {
    if (UnitRank(o.unit) > UnitRank(unit)) unit = o.unit;
  }
  return unit;
}

std::optional<RelativeTemplate> ParseRelativeTemplate(std::string_view value) {
  RelativeTemplate t;
  std::size_t pos = 0;
  if (value.rfind("DCT", 0) == 0) {
    t.anchor = RelativeTemplate::Anchor::kReference;
    pos = 3;
  } else if (value.rfind("PREV", 0) == 0) {
    t.anchor = RelativeTemplate::Anchor::kPrevious;
    pos = 4;
  } else if (value.rfind("EVENT", 0) == 0) {
    t.anchor = RelativeTemplate::Anchor::kEvent;
    pos = 5;
  } else {
    // fact(alias): the alias may hold anything but a closing parenthesis
    // followed by an offset, so the last ')' ends it.
    const std::size_t open = value.find('(');
    const std::size_t close = value.rfind(')');
    if (open == std::string_view::npos || open == 0 || close == std::string_view::npos || close < open + 2) {
      return std::nullopt;
    }
    for (std::size_t i = 0; i < open; ++i) {
      const char c = value[i];
      if (!((c >= 'a' && c <= 'z') || c == '_')) return std::nullopt;
    }
    t.anchor = RelativeTemplate::Anchor::kFact;
    t.fact = std::string(value.substr(0, open));
    t.entity = std::string(value.substr(open + 1, close - open - 1));
    pos = close + 1;
  }
  while (pos < value.size()) {
    const char sign = value[pos++];
    if (sign != '+' && sign != '-') return std::nullopt;
    RelativeTemplate::Offset o;
    if (pos < value.size() && value[pos] == 'X') {
      o.known = false;
      ++pos;
    } else {
      const std::size_t start = pos;
      while (pos < value.size() && IsDigit(value[pos]) && pos - start < 6) o.amount = o.amount * 10 + (value[pos++] - '0');
      if (pos == start) return std::nullopt;
    }
    if (pos >= value.size() || (value[pos] != 'Y' && value[pos] != 'M' && value[pos] != 'D')) return std::nullopt;
    o.unit = value[pos++];
    if (sign == '-') o.amount = -o.amount;
    t.offsets.push_back(o);
  }
  return t;
}

std::string CheckRelativeTemplate(std::string_view value) {
  std::string filled;
  for (std::size_t pos = 0; pos < value.size();) {
    if (value.compare(pos, 2, "${") == 0) {
      const std::size_t close = value.find('}', pos);
      if (close == std::string_view::npos) return "unclosed ${";
      filled += '1';  // a number or an alias: either reads as "1" here
      pos = close + 1;
    } else {
      filled += value[pos++];
    }
  }
  if (!ParseRelativeTemplate(filled)) {
    return "relative value '" + std::string(value) +
           "' is not ANCHOR{(+|-)AMOUNT UNIT} (anchor DCT, PREV, EVENT or fact(${alias}); unit Y, M or D)";
  }
  return "";
}

std::string ApplyOffsets(std::string_view anchor, const RelativeTemplate& relative) {
  // The anchor: YYYY, YYYY-MM or YYYY-MM-DD, nothing else.
  const std::optional<int> year = Digits(anchor, 0, 4);
  if (!year) return "";
  char anchor_unit = 'Y';
  int month = 1, day = 1;
  if (anchor.size() == 7 || anchor.size() == 10) {
    const std::optional<int> m = anchor[4] == '-' ? Digits(anchor, 5, 2) : std::nullopt;
    if (!m || *m < 1 || *m > 12) return "";
    month = *m;
    anchor_unit = 'M';
    if (anchor.size() == 10) {
      const std::optional<int> d = anchor[7] == '-' ? Digits(anchor, 8, 2) : std::nullopt;
      if (!d || *d < 1 || *d > DaysInMonth(*year, month)) return "";
      day = *d;
      anchor_unit = 'D';
    }
  } else if (anchor.size() != 4) {
    return "";
  }
  const char unit = relative.Granularity();
  if (UnitRank(unit) > UnitRank(anchor_unit)) return "";

  long long y = *year;
  for (const RelativeTemplate::Offset& o : relative.offsets) {
    if (!o.known) return "";
    if (o.unit == 'Y') {
      y += o.amount;
    } else if (o.unit == 'M') {
      const long long months = y * 12 + (month - 1) + o.amount;
      y = months >= 0 ? months / 12 : (months - 11) / 12;
      month = static_cast<int>(months - y * 12) + 1;
    } else {
      if (y < 1000 || y > 2999) return "";
      if (day > DaysInMonth(y, month)) day = DaysInMonth(y, month);  // 2012-02-29 + 1Y + 1D
      CivilFromDays(DaysFromCivil(y, month, day) + o.amount, &y, &month, &day);
    }
    if (y < 1000 || y > 2999) return "";
  }
  if (day > DaysInMonth(y, month)) day = DaysInMonth(y, month);  // 2012-02-29 - 1Y = 2011-02-28
  char buf[16];
  if (unit == 'Y') {
    std::snprintf(buf, sizeof buf, "%04lld", y);
  } else if (unit == 'M') {
    std::snprintf(buf, sizeof buf, "%04lld-%02d", y, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", y, month, day);
  }
  return buf;
}

RelativeTemplate Reversed(RelativeTemplate relative) {
  for (RelativeTemplate::Offset& o : relative.offsets) o.amount = -o.amount;
  return relative;
}

std::optional<Fact> LookupFact(std::string_view alias, std::string_view attribute, const FactLookup& lookup) {
  auto is_word = [](unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (std::size_t start = 0; start < alias.size(); ++start) {
    const unsigned char c = static_cast<unsigned char>(alias[start]);
    if ((c & 0xC0) == 0x80) continue;  // inside a UTF-8 sequence
    if (c == ' ') continue;
    if (start > 0 && is_word(c) && is_word(static_cast<unsigned char>(alias[start - 1]))) continue;
    if (std::optional<Fact> fact = lookup(alias.substr(start), attribute)) return fact;
  }
  return std::nullopt;
}

std::string ResolveRelative(const RelativeTemplate& relative, const Anchors& anchors, std::string* anchor) {
  std::string from, how;
  switch (relative.anchor) {
    case RelativeTemplate::Anchor::kReference:
      from = anchors.reference_date;
      how = "reference date " + from;
      break;
    case RelativeTemplate::Anchor::kPrevious:
      from = anchors.previous;
      how = "previous date " + from;
      break;
    case RelativeTemplate::Anchor::kFact:
      if (anchors.facts != nullptr && *anchors.facts) {
        if (std::optional<Fact> fact = LookupFact(relative.entity, relative.fact, *anchors.facts)) {
          from = fact->value;
          how = fact->entity + " " + relative.fact + "=" + fact->value +
                (fact->source.empty() ? "" : " (source: " + fact->source + ")");
        }
      }
      break;
    case RelativeTemplate::Anchor::kEvent:
      break;
  }
  if (from.empty()) return "";
  std::string value = ApplyOffsets(from, relative);
  if (!value.empty() && anchor != nullptr) *anchor = how;
  return value;
}

bool IsCalendarDate(std::string_view value) {
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return false;
  const std::optional<int> y = Digits(value, 0, 4), m = Digits(value, 5, 2), d = Digits(value, 8, 2);
  return y && m && d && *y >= 1000 && *y <= 2999 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= DaysInMonth(*y, *m);
}

}  // namespace chronograph::extract
