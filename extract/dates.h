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
#ifndef CHRONOGRAPH_EXTRACT_DATES_H_
#define CHRONOGRAPH_EXTRACT_DATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/matcher.h"
#include "extract/rule_set.h"

namespace chronograph::extract {

struct FoundDate {
  Span span;
  std::string value;
  std::string mod;
  std::string kind;
  std::string rule_id;
  std::string relative;  // kind "relative": the filled-in template, e.g. "PREV+2Y"
  std::string anchor;    // once resolved: what it was counted from (relative_dates.h)
  bool approximate = false;  // rule says "approximate": dates no event
};

std::vector<FoundDate> FindDates(std::string_view text, Span range, const RuleSet& rules);

// Fills a value template from a match; nullopt if a number is out of range.
std::optional<std::string> RenderDateValue(const PatternMatch& match, std::string_view text, const RuleSet& rules);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_DATES_H_
