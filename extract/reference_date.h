// The reference date (DCT, document creation time) of a document: the day
// that "今天", "去年", "two years ago" count from. Where it comes from, first
// found wins (the caller's --date overrides all, see extractor.h):
//   "front matter": a date: line in YAML front matter at the very top
//                   (---\ndate: 2023-03-22\n---), ISO or any full-day form;
//   "header":       one of the first kHeaderLines non-blank lines is a full
//                   date and nothing else ("2023-03-22", "2023年3月22日",
//                   "March 22, 2023"), possibly after a short label and ':'
//                   ("Date:", "日期:") and inside Markdown marks (#, *, _);
//   "anchor":       with neither, a sentence pairing a date counted from the
//                   reference date with one counted from a fact says what
//                   the reference date is ("今天是 GPT-4 发布后的第二天").
// Full-day forms are read with the date rules, so every language's count.
// Input is normalised text; results are "YYYY-MM-DD". Thread-safe.
#ifndef CHRONOGRAPH_EXTRACT_REFERENCE_DATE_H_
#define CHRONOGRAPH_EXTRACT_REFERENCE_DATE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/events.h"
#include "extract/relative_dates.h"
#include "extract/rule_set.h"
#include "extract/work_counter.h"

namespace chronograph::extract {

inline constexpr int kHeaderLines = 4;

struct ReferenceDate {
  std::string value;   // "YYYY-MM-DD"
  std::string origin;  // "flag", "front matter", "header" or "anchor"
  std::size_t offset = 0;  // normalised offset where it was read (front matter, header)
};

// The front matter's or a header line's date; nullopt if neither has one.
std::optional<ReferenceDate> FindReferenceDate(std::string_view text, const RuleSet& rules);

// The reference date a document implies: in the first sentence where a date
// counted from the reference date by days ("今天", "昨天") stands within a
// few characters of a date counted from a fact (resolved by facts), the
// reference date is the fact-counted day minus the first one's offset.
// dates are in text order, as FindDates gives them (unresolved). With n
// dates, O(n log n) (each "today" looks only at the fact-counted dates that
// start or end within the gap of it); work, when not null, counts the steps.
std::optional<std::string> InferReferenceDate(const std::vector<SentenceDate>& dates, const FactLookup& facts,
                                              WorkCounter* work = nullptr);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_REFERENCE_DATE_H_
