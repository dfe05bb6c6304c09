// Relative dates: value templates counted from an anchor ("去年", "两年后",
// "上周二", "GPT-4 发布后的第二天"). A relative date rule's value, once its
// captures are filled in, reads ANCHOR{(+|-)AMOUNT UNIT}{SNAP}:
//   DCT-1Y   PREV+2Y   DCT-6M   DCT+0D   released(GPT-4)+2D-1D   EVENT+2Y
//   DCT+0W   DCT-1W=D2   DCT>D1   DCT+0Q   2013-03#2D1   DCT=M05#LD1
// ANCHOR is DCT (the document's reference date), PREV (the date stated last
// before the expression; the reference date when nothing was stated before),
// fact(alias) (a gazetteer attribute such as released= or founded= of the
// entity the alias names), EVENT (an event the rules cannot date: never
// resolves) or a date written out (YYYY, YYYY-MM, YYYY-MM-DD). AMOUNT is
// digits or X (unknown: never resolves); UNIT is Y, H (half year), Q
// (quarter), M, W (week) or D. SNAPs move the result after the offsets:
//   =Dn  weekday n (1 Monday .. 7 Sunday) of the ISO week reached
//   >Dn  the first weekday n after the day reached; <Dn the last before it
//   =Mmm month mm of the year reached; =Ndd day dd of the month reached
//   #kDn the k-th weekday n of the month reached (k 1..5, or L: the last)
// The result has the granularity of the finest unit or snap ("DCT-1Y" is a
// year, "DCT-6M" a month, "DCT+0W" an ISO week 2013-W07, "DCT+0Q" a quarter
// 2013-Q1, "DCT+0H" a half 2013-H1, "DCT+0D" and any D snap a day); an
// anchor coarser than that ("2016" + 1 day), an interval, a decade or a
// quarter does not resolve. Pure functions; thread-safe.
#ifndef CHRONOGRAPH_EXTRACT_RELATIVE_DATES_H_
#define CHRONOGRAPH_EXTRACT_RELATIVE_DATES_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph::extract {

struct RelativeTemplate {
  enum class Anchor { kReference, kPrevious, kFact, kEvent, kLiteral };
  struct Offset {
    long long amount = 0;
    char unit = 'Y';     // 'Y', 'H', 'Q', 'M', 'W' or 'D'
    bool known = true;   // false for "X"
  };
  struct Snap {
    char op = '=';   // '=', '>', '<' or '#'
    char what = 'D'; // 'D' (a weekday), 'M' (a month) or 'N' (a day of the month)
    int n = 1;       // the weekday 1-7, the month 1-12 or the day 1-31
    int nth = 0;     // '#': 1..5, or -1 for the last
  };
  Anchor anchor = Anchor::kReference;
  std::string fact;    // kFact: attribute name, e.g. "released"
  std::string entity;  // kFact: the alias as written, e.g. "GPT-4"
  std::string literal; // kLiteral: the date written out, e.g. "2013-03"
  std::vector<Offset> offsets;
  std::vector<Snap> snaps;

  // The finest unit of the offsets and snaps ('Y' when there are none).
  char Granularity() const;
};

// Parses a filled-in template; nullopt if it does not follow the grammar above.
std::optional<RelativeTemplate> ParseRelativeTemplate(std::string_view value);

// Checks a rule's template before its captures are known (each "${name}"
// stands for a number or an alias). Returns "" if well formed, else why not.
std::string CheckRelativeTemplate(std::string_view value);

// anchor ("2023-03-14", "2012-09", "2012") moved by the offsets, written at
// the template's granularity; "" when it cannot be resolved (see above).
std::string ApplyOffsets(std::string_view anchor, const RelativeTemplate& relative);

// The same offsets with their signs reversed ("DCT-1D" -> "DCT+1D"), to go
// back from a date to the anchor it was counted from.
RelativeTemplate Reversed(RelativeTemplate relative);

// A dated fact from the rules: a gazetteer attribute such as released=.
struct Fact {
  std::string value;   // "2023-03-14", "2015-12", "2015"
  std::string entity;  // canonical name of the entity that carries it
  std::string source;  // its <attribute>_source=, "" if the rules give none
};

// Looks up attribute ("released") of the entity that alias names exactly;
// nullopt if no entity or no such attribute.
using FactLookup = std::function<std::optional<Fact>(std::string_view alias, std::string_view attribute)>;

// Like lookup, but when the alias as captured names nothing, tries ever
// shorter endings of it (Chinese has no spaces: "在英伟达" ends in "英伟达");
// a Latin ending must start at a word boundary.
std::optional<Fact> LookupFact(std::string_view alias, std::string_view attribute, const FactLookup& lookup);

// What relative templates are counted from.
struct Anchors {
  std::string reference_date;  // the document's, "YYYY-MM-DD"; "" if unknown
  std::string previous;        // the value of the date stated last before; "" if none
  const FactLookup* facts = nullptr;  // may be null: facts do not resolve
};

// The value of a relative template, or "" if it does not resolve. When
// anchor is not null it receives what the value was counted from, e.g.
// "reference date 2023-03-15", "previous date 2012",
// "GPT-4 released=2023-03-14 (source: ...)".
std::string ResolveRelative(const RelativeTemplate& relative, const Anchors& anchors, std::string* anchor);

// True for "YYYY-MM-DD" naming a real calendar day (years 1000-2999).
bool IsCalendarDate(std::string_view value);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_RELATIVE_DATES_H_
