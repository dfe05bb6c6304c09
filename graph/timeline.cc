#include "graph/timeline.h"

#include <algorithm>
#include <tuple>

#include "graph/knowledge_graph.h"

namespace chronograph::graph {
namespace {

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at s[pos]; advances pos.
bool ReadDigits(std::string_view s, std::size_t* pos, std::size_t n, int* out) {
  if (s.size() < *pos + n) return false;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[*pos + i];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

CivilDay FromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  CivilDay out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2));
  return out;
}

bool ParsePartDays(std::string_view s, DatePart* part, CivilDay* first, CivilDay* last);

// One end of a value: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn,
// YYYY-Www, YYYY-SP|SU|FA|WI, YYYX; the part also keeps its days.
bool ParsePart(std::string_view s, DatePart* part, CivilDay* first, CivilDay* last) {
  if (!ParsePartDays(s, part, first, last)) return false;
  part->first = *first;
  part->last = *last;
  return true;
}

bool ParsePartDays(std::string_view s, DatePart* part, CivilDay* first, CivilDay* last) {
  DatePart p;
  std::size_t pos = 0;
  if (s.size() == 4 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && s[3] == 'X') {
    int decade = 0;
    if (!ReadDigits(s, &pos, 3, &decade)) return false;
    p.granularity = Granularity::kDecade;
    p.year = decade * 10;
    *part = p;
    *first = CivilDay{p.year, 1, 1};
    *last = CivilDay{p.year + 9, 12, 31};
    return true;
  }
  if (!ReadDigits(s, &pos, 4, &p.year)) return false;
  if (pos == s.size()) {
    p.granularity = Granularity::kYear;
    *part = p;
    *first = CivilDay{p.year, 1, 1};
    *last = CivilDay{p.year, 12, 31};
    return true;
  }
  if (s[pos] != '-') return false;
  ++pos;
  if (pos + 1 < s.size() && s[pos] == 'H' && IsDigit(s[pos + 1])) {
    ++pos;
    if (!ReadDigits(s, &pos, 1, &p.half) || pos != s.size() || p.half < 1 || p.half > 2) return false;
    p.granularity = Granularity::kHalf;
    *part = p;
    *first = CivilDay{p.year, p.half == 1 ? 1 : 7, 1};
    *last = CivilDay{p.year, p.half == 1 ? 6 : 12, p.half == 1 ? 30 : 31};
    return true;
  }
  if (pos + 1 < s.size() && s[pos] == 'W' && IsDigit(s[pos + 1])) {
    ++pos;
    if (!ReadDigits(s, &pos, 2, &p.week) || pos != s.size() || p.week < 1) return false;
    // ISO week 1 holds the year's first Thursday; weeks start on Monday.
    const std::int64_t jan4 = DaysFromCivil(CivilDay{p.year, 1, 4});
    const std::int64_t monday = jan4 - ((jan4 + 3) % 7 + 7) % 7 + 7 * (p.week - 1);
    *first = FromDays(monday);
    *last = FromDays(monday + 6);
    if (p.week > 52) {  // week 53 only in years whose Dec 28 falls in it
      const std::int64_t dec28 = DaysFromCivil(CivilDay{p.year, 12, 28});
      if (monday > dec28) return false;
    }
    p.granularity = Granularity::kWeek;
    p.month = first->month;
    p.day = first->day;
    *part = p;
    return true;
  }
  if (s.size() == pos + 2 && !IsDigit(s[pos]) && !IsDigit(s[pos + 1])) {  // a season
    static constexpr std::string_view kSeasons[] = {"SP", "SU", "FA", "WI"};
    for (int i = 0; i < 4; ++i) {
      if (s.substr(pos) != kSeasons[i]) continue;
      p.granularity = Granularity::kSeason;
      p.month = 3 + 3 * i;
      *part = p;
      *first = CivilDay{p.year, p.month, 1};
      *last = i < 3 ? CivilDay{p.year, p.month + 2, DaysInMonth(p.year, p.month + 2)}
                    : CivilDay{p.year + 1, 2, DaysInMonth(p.year + 1, 2)};
      return true;
    }
    return false;
  }
  if (pos < s.size() && s[pos] == 'Q') {
    ++pos;
    if (!ReadDigits(s, &pos, 1, &p.quarter) || pos != s.size()) return false;
    if (p.quarter < 1 || p.quarter > 4) return false;
    p.granularity = Granularity::kQuarter;
    *part = p;
    const int m = (p.quarter - 1) * 3 + 1;
    *first = CivilDay{p.year, m, 1};
    *last = CivilDay{p.year, m + 2, DaysInMonth(p.year, m + 2)};
    return true;
  }
  if (!ReadDigits(s, &pos, 2, &p.month) || p.month < 1 || p.month > 12) return false;
  if (pos == s.size()) {
    p.granularity = Granularity::kMonth;
    *part = p;
    *first = CivilDay{p.year, p.month, 1};
    *last = CivilDay{p.year, p.month, DaysInMonth(p.year, p.month)};
    return true;
  }
  if (s[pos] != '-') return false;
  ++pos;
  if (!ReadDigits(s, &pos, 2, &p.day) || pos != s.size()) return false;
  if (p.day < 1 || p.day > DaysInMonth(p.year, p.month)) return false;
  p.granularity = Granularity::kDay;
  *part = p;
  *first = *last = CivilDay{p.year, p.month, p.day};
  return true;
}

}  // namespace

bool IsDurationValue(std::string_view value) { return !value.empty() && value[0] == 'P'; }

std::optional<DateValue> ParseDateValue(std::string_view value) {
  if (value.empty() || IsDurationValue(value)) return std::nullopt;
  DateValue v;
  const std::size_t slash = value.find('/');
  if (slash == std::string_view::npos) {
    if (!ParsePart(value, &v.start, &v.first, &v.last)) return std::nullopt;
    v.end = v.start;
    return v;
  }
  CivilDay ignored_last, ignored_first;
  if (!ParsePart(value.substr(0, slash), &v.start, &v.first, &ignored_last)) return std::nullopt;
  if (!ParsePart(value.substr(slash + 1), &v.end, &ignored_first, &v.last)) return std::nullopt;
  if (DaysFromCivil(v.last) < DaysFromCivil(v.first)) return std::nullopt;
  v.is_interval = true;
  return v;
}

// Howard Hinnant's days_from_civil.
std::int64_t DaysFromCivil(const CivilDay& d) {
  const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int ModRank(std::string_view mod) {
  if (mod == "START") return 0;
  if (mod == "MID") return 1;
  if (mod.empty()) return 2;
  if (mod == "END") return 3;
  return 4;
}

int CompareDateValues(std::string_view a_value, std::string_view a_mod,
                      std::string_view b_value, std::string_view b_mod) {
  const std::optional<DateValue> a = ParseDateValue(a_value);
  const std::optional<DateValue> b = ParseDateValue(b_value);
  if (a.has_value() != b.has_value()) return a.has_value() ? -1 : 1;
  if (a && b) {
    const std::int64_t a_first = DaysFromCivil(a->first), b_first = DaysFromCivil(b->first);
    if (a_first != b_first) return a_first < b_first ? -1 : 1;
    const int a_rank = ModRank(a_mod), b_rank = ModRank(b_mod);
    if (a_rank != b_rank) return a_rank < b_rank ? -1 : 1;
    const std::int64_t a_span = DaysFromCivil(a->last) - a_first;
    const std::int64_t b_span = DaysFromCivil(b->last) - b_first;
    if (a_span != b_span) return a_span < b_span ? -1 : 1;
  }
  if (int c = a_value.compare(b_value); c != 0) return c < 0 ? -1 : 1;
  if (int c = a_mod.compare(b_mod); c != 0) return c < 0 ? -1 : 1;
  return 0;
}

bool EventBefore(const extract::Event& a, const extract::Event& b) {
  if (int c = CompareDateValues(a.date, a.mod, b.date, b.mod); c != 0) return c < 0;
  return std::tie(a.source.document, a.source.line, a.source.begin, a.source.end, a.text,
                  a.entity_ids, a.date_text) <
         std::tie(b.source.document, b.source.line, b.source.begin, b.source.end, b.text,
                  b.entity_ids, b.date_text);
}

Timeline BuildTimeline(const KnowledgeGraph& graph) {
  Timeline timeline;
  for (std::size_t i = 0; i < graph.events().size(); ++i) timeline.corpus.push_back(i);
  for (Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) {
    const std::vector<std::uint32_t>& list = graph.EventsOf(v);
    timeline.per_entity[graph.graph()[v].id].assign(list.begin(), list.end());
  }
  return timeline;
}

}  // namespace chronograph::graph
