#include "extract/relative_dates.h"

#include <cstdio>

namespace chronograph::extract {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Coarse to fine: a year, a half, a quarter, a month, a week, a day.
int UnitRank(char unit) {
  switch (unit) {
    case 'Y': return 0;
    case 'H': return 1;
    case 'Q': return 2;
    case 'M': return 3;
    case 'W': return 4;
    default: return 5;
  }
}

bool IsUnit(char c) { return c == 'Y' || c == 'H' || c == 'Q' || c == 'M' || c == 'W' || c == 'D'; }

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
  for (const Snap& s : snaps) {
    const char u = s.what == 'M' && s.op == '=' ? 'M' : 'D';
    if (UnitRank(u) > UnitRank(unit)) unit = u;
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
  } else if (Digits(value, 0, 4)) {
    // A date written out: YYYY, YYYY-MM or YYYY-MM-DD.
    pos = 4;
    if (Digits(value, 5, 2) && value[4] == '-') {
      pos = 7;
      if (value.size() > 7 && value[7] == '-' && Digits(value, 8, 2)) pos = 10;
    }
    t.anchor = RelativeTemplate::Anchor::kLiteral;
    t.literal = std::string(value.substr(0, pos));
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
  while (pos < value.size() && (value[pos] == '+' || value[pos] == '-')) {
    const char sign = value[pos++];
    RelativeTemplate::Offset o;
    if (pos < value.size() && value[pos] == 'X') {
      o.known = false;
      ++pos;
    } else {
      const std::size_t start = pos;
      while (pos < value.size() && IsDigit(value[pos]) && pos - start < 6) o.amount = o.amount * 10 + (value[pos++] - '0');
      if (pos == start) return std::nullopt;
    }
    if (pos >= value.size() || !IsUnit(value[pos])) return std::nullopt;
    o.unit = value[pos++];
    if (sign == '-') o.amount = -o.amount;
    t.offsets.push_back(o);
  }
  // Snaps: =Dn >Dn <Dn =Mmm #kDn (#LDn).
  while (pos < value.size()) {
    RelativeTemplate::Snap snap;
    snap.op = value[pos++];
    if (snap.op != '=' && snap.op != '>' && snap.op != '<' && snap.op != '#') return std::nullopt;
    if (snap.op == '#') {
      if (pos < value.size() && value[pos] == 'L') {
        snap.nth = -1;
        ++pos;
      } else if (std::optional<int> k = Digits(value, pos, 1); k && *k >= 1 && *k <= 5) {
        snap.nth = *k;
        ++pos;
      } else {
        return std::nullopt;
      }
    }
    if (pos >= value.size() || (value[pos] != 'D' && value[pos] != 'M' && value[pos] != 'N')) return std::nullopt;
    snap.what = value[pos++];
    if ((snap.what == 'M' || snap.what == 'N') && snap.op != '=') return std::nullopt;
    const std::size_t start = pos;
    int n = 0;
    while (pos < value.size() && IsDigit(value[pos]) && pos - start < 2) n = n * 10 + (value[pos++] - '0');
    if (pos == start) return std::nullopt;
    if (snap.what == 'D' ? (n < 1 || n > 7) : snap.what == 'M' ? (n < 1 || n > 12) : (n < 1 || n > 31)) {
      return std::nullopt;
    }
    snap.n = n;
    t.snaps.push_back(snap);
  }
  return t;
}

std::string CheckRelativeTemplate(std::string_view value) {
  std::string filled;
  for (std::size_t pos = 0; pos < value.size();) {
    if (value.compare(pos, 2, "${") == 0) {
      const std::size_t close = value.find('}', pos);
      if (close == std::string_view::npos) return "unclosed ${";
      // A number or an alias reads as "1" here; a year as a year, a month
      // or day as two digits (a date written out: "${year}-${month}").
      const std::string_view name = value.substr(pos + 2, close - pos - 2);
      filled += name.rfind("year", 0) == 0 ? "2000" : (name.rfind("month", 0) == 0 || name.rfind("day", 0) == 0) ? "01" : "1";
      pos = close + 1;
    } else {
      filled += value[pos++];
    }
  }
  if (!ParseRelativeTemplate(filled)) {
    return "relative value '" + std::string(value) +
           "' is not ANCHOR{(+|-)AMOUNT UNIT}{SNAP} (anchor DCT, PREV, EVENT, fact(${alias}) or a date; unit Y, H, "
           "Q, M, W or D; snap =Dn, >Dn, <Dn, =Mmm, =Ndd or #kDn)";
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
  // What each step needs of the anchor: halves, quarters and months a
  // month; weeks, days and weekday snaps a day; =Mmm and #kDn only a year.
  auto needs = [](char unit) { return unit == 'W' || unit == 'D' ? 'D' : unit == 'Y' ? 'Y' : 'M'; };
  for (const RelativeTemplate::Offset& o : relative.offsets) {
    if (UnitRank(needs(o.unit)) > UnitRank(anchor_unit)) return "";
  }
  bool month_set = false;  // a =Mmm snap: the month is now known
  for (const RelativeTemplate::Snap& sn : relative.snaps) {
    if (sn.what == 'M') {
      month_set = true;
    } else if (sn.what == 'N') {
      if (!month_set && UnitRank(anchor_unit) < UnitRank('M')) return "";
    } else if (sn.op == '#') {
      if (!month_set && UnitRank(anchor_unit) < UnitRank('M')) return "";
    } else if (UnitRank(anchor_unit) < UnitRank('D')) {
      return "";
    }
  }
  const char unit = relative.Granularity();

  long long y = *year;
  auto add_months = [&](long long n) {
    const long long months = y * 12 + (month - 1) + n;
    y = months >= 0 ? months / 12 : (months - 11) / 12;
    month = static_cast<int>(months - y * 12) + 1;
  };
  auto add_days = [&](long long n) {
    if (day > DaysInMonth(y, month)) day = DaysInMonth(y, month);  // 2012-02-29 + 1Y + 1D
    CivilFromDays(DaysFromCivil(y, month, day) + n, &y, &month, &day);
  };
  for (const RelativeTemplate::Offset& o : relative.offsets) {
    if (!o.known) return "";
    if (o.amount > 100000 || o.amount < -100000) return "";
    switch (o.unit) {
      case 'Y': y += o.amount; break;
      case 'H': add_months(6 * o.amount); break;
      case 'Q': add_months(3 * o.amount); break;
      case 'M': add_months(o.amount); break;
      case 'W':
        if (y < 1000 || y > 2999) return "";
        add_days(7 * o.amount);
        break;
      default:
        if (y < 1000 || y > 2999) return "";
        add_days(o.amount);
    }
    if (y < 1000 || y > 2999) return "";
  }
  if (day > DaysInMonth(y, month)) day = DaysInMonth(y, month);  // 2012-02-29 - 1Y = 2011-02-28
  for (const RelativeTemplate::Snap& sn : relative.snaps) {
    if (sn.what == 'M') {
      month = sn.n;
      day = 1;
      continue;
    }
    if (sn.what == 'N') {  // day of the month: "上个月5号"
      if (sn.n > DaysInMonth(y, month)) return "";
      day = sn.n;
      continue;
    }
    const long long days = DaysFromCivil(y, month, day);
    const int weekday = static_cast<int>(((days + 3) % 7 + 7) % 7) + 1;  // 1970-01-01 was a Thursday
    if (sn.op == '=') {
      add_days(sn.n - weekday);
    } else if (sn.op == '>') {
      add_days((sn.n - weekday + 7) % 7 == 0 ? 7 : (sn.n - weekday + 7) % 7);
    } else if (sn.op == '<') {
      add_days(-((weekday - sn.n + 7) % 7 == 0 ? 7 : (weekday - sn.n + 7) % 7));
    } else {  // '#': the k-th (or last) weekday n of the month
      const int first_weekday = static_cast<int>(((DaysFromCivil(y, month, 1) + 3) % 7 + 7) % 7) + 1;
      const int first = 1 + (sn.n - first_weekday + 7) % 7;
      int d = sn.nth > 0 ? first + 7 * (sn.nth - 1) : first + 7 * ((DaysInMonth(y, month) - first) / 7);
      if (d > DaysInMonth(y, month)) return "";  // no fifth Monday this month
      day = d;
    }
    if (y < 1000 || y > 2999) return "";
  }
  char buf[48];
  switch (unit) {
    case 'Y': std::snprintf(buf, sizeof buf, "%04lld", y); break;
    case 'H': std::snprintf(buf, sizeof buf, "%04lld-H%d", y, month <= 6 ? 1 : 2); break;
    case 'Q': std::snprintf(buf, sizeof buf, "%04lld-Q%d", y, (month - 1) / 3 + 1); break;
    case 'M': std::snprintf(buf, sizeof buf, "%04lld-%02d", y, month); break;
    case 'W': {
      // The ISO week: the one holding this week's Thursday, numbered in
      // the Thursday's year.
      const long long days = DaysFromCivil(y, month, day);
      const long long weekday = ((days + 3) % 7 + 7) % 7 + 1;
      const long long thursday = days - weekday + 4;
      long long ty = 0;
      int tm = 0, td = 0;
      CivilFromDays(thursday, &ty, &tm, &td);
      const long long week = (thursday - DaysFromCivil(ty, 1, 1)) / 7 + 1;
      if (ty < 1000 || ty > 2999) return "";
      std::snprintf(buf, sizeof buf, "%04lld-W%02lld", ty, week);
      break;
    }
    default: std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", y, month, day);
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
      // "three weeks later" with nothing stated before counts from the
      // reference date: the moment the text speaks from.
      if (anchors.previous.empty()) {
        from = anchors.reference_date;
        how = "reference date " + from + " (no date stated before)";
      } else {
        from = anchors.previous;
        how = "previous date " + from;
      }
      break;
    case RelativeTemplate::Anchor::kLiteral:
      from = relative.literal;
      how = "date " + from;
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
