// Dates: turns date-rule matches into TIMEX3-style values.
// Input: normalised text, a span (one sentence) and the RuleSet. Output: the
// temporal expressions in it, left to right, after suppressors and overlap
// resolution. A value template ("${year}-${month}") is filled from named
// captures parsed as numerals; captures are formatted by their name: year*
// as 4 digits, month*/day* as 2, decade* as its first three digits + "X".
// A match whose numbers are out of range (month 13, year 0999) is dropped.
// Anaphoric expressions (那时, "at that time") come back with an empty value;
// a date written without its year keeps "XXXX" in its place (events.h).
// A relative date (kind "relative": 去年, "two years later") comes back with
// an empty value and its filled-in template in `relative` ("DCT-1Y"; see
// relative_dates.h); captures named entity* are copied as written (an
// alias), not read as numbers. events.h resolves them.
// More capture names: shortyear* is a year of two digits or four (74 is
// 1974, 12 is 2012: 00-68 are 20yy, 69-99 19yy, as POSIX strptime %y);
// adyear* any year 1-2999 (公元 800 年), bcyear* a year before the era
// (written BC0221); weekday* 1 (Monday) to 7 (日, 天: Sunday); yearhalf*
// the months of that many years and a half (1年半: 18); century* a
// century 11-30 as its years (20: 19XX); isoweek* a week number, 2 digits. Digits with an
// ordinal suffix read as the digits (23rd: 23).
// A rule with "ambiguous_order" reads month and day captures in the order
// DateOrder says (US month first by default), unless only the other order
// is possible (31/10/74). An interval whose two ends share one year capture
// and run backwards starts the year before ("from December to May 2025").
#ifndef CHRONOGRAPH_EXTRACT_DATES_H_
#define CHRONOGRAPH_EXTRACT_DATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/matcher.h"
#include "extract/rule_set.h"

namespace chronograph::extract {

// How numeric dates whose order the text does not tell are read (3/4/2015).
enum class DateOrder { kMonthFirst, kDayFirst };

struct FoundDate {
  Span span;
  std::string value;
  std::string mod;
  std::string kind;
  std::string rule_id;
  std::string relative;  // kind "relative": the filled-in template, e.g. "PREV+2Y"
  std::string anchor;    // once resolved: what it was counted from (relative_dates.h)
  bool approximate = false;  // rule says "approximate": dates no event
  bool yearless_next = false;  // rule says "yearless": "next" (rule_set.h)
};

std::vector<FoundDate> FindDates(std::string_view text, Span range, const RuleSet& rules,
                                 DateOrder order = DateOrder::kMonthFirst);

// Fills a value template from a match; nullopt if a number is out of range.
std::optional<std::string> RenderDateValue(const PatternMatch& match, std::string_view text, const RuleSet& rules,
                                           DateOrder order = DateOrder::kMonthFirst);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_DATES_H_
