// Date values and timelines. Input: TIMEX3-like date values as the extract
// stage writes them ("2012", "2012-09", "2012-09-30", "2016-Q1", "2016-H2",
// "2013-W07" (ISO week), "2013-SU" (season: SP MAM, SU JJA, FA SON, WI
// December to February), "201X", "2002/2003") plus an optional mod ("START", "MID", "END"). Output: a total,
// deterministic order over values and events, and per-entity and corpus
// event lists in that order. Durations ("P10Y") are not dates: ParseDateValue
// rejects them. Pure functions and immutable values: thread-safe.
#ifndef CHRONOGRAPH_GRAPH_TIMELINE_H_
#define CHRONOGRAPH_GRAPH_TIMELINE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extraction.h"

namespace chronograph::graph {

class KnowledgeGraph;

// How precise one end of a date value is.
enum class Granularity { kDecade, kYear, kHalf, kSeason, kQuarter, kMonth, kWeek, kDay };

// One end of a date value, as written: "2012-09" is {kMonth, 2012, 9, 0}.
// A calendar day (proleptic Gregorian). Always fully specified.
struct CivilDay {
  int year = 0;
  int month = 1;
  int day = 1;
};

// month/day are 0 when the value does not state them; a quarter keeps its
// number in `quarter` (1-4) and month 0, a half in `half` (1-2), a season
// its first month in `month` (3, 6, 9, 12), an ISO week its number in
// `week`; a decade "201X" has year 2010. first/last: the days it covers
// (a week runs Monday to Sunday, "2013-W07" 2013-02-11..2013-02-17).
struct DatePart {
  Granularity granularity = Granularity::kYear;
  int year = 0;
  int month = 0;
  int day = 0;
  int quarter = 0;
  int half = 0;
  int week = 0;
  CivilDay first;
  CivilDay last;
};

// A parsed date value: a point ("2012-09", start == end) or an interval
// ("2002/2003"). `first` and `last` are the first and last days covered:
// "2012" covers 2012-01-01..2012-12-31, "201X" 2010-01-01..2019-12-31,
// "2016-Q2" 2016-04-01..2016-06-30, "2002/2003" 2002-01-01..2003-12-31,
// "2013-W07" 2013-02-11..2013-02-17, "2013-WI" 2013-12-01..2014-02-28.
struct DateValue {
  DatePart start;
  DatePart end;
  bool is_interval = false;
  CivilDay first;
  CivilDay last;
};

// Parses a date value. Returns nullopt for durations ("P..."), empty
// strings, impossible dates ("2012-13", "2012-02-30") and anything else that
// is not one of the forms above, and for an interval whose end is before its
// start. Years are 4 digits (0000-9999).
std::optional<DateValue> ParseDateValue(std::string_view value);

// True for TIMEX3 duration values ("P10Y", "PT3H").
bool IsDurationValue(std::string_view value);

// Days since 1970-01-01 (negative before), for span lengths and ordering.
std::int64_t DaysFromCivil(const CivilDay& day);

// Rank of a mod in the order START < MID < "" (none) < END; unknown mods
// sort after END, by their text (see CompareDateValues).
int ModRank(std::string_view mod);

// Three-way comparison (<0, 0, >0) of two dated values: by the first day the
// value covers, then by mod (START < MID < none < END), then by span length
// (shorter first: "2012-01-01" < "2012-01" < "2012"), then by the value text,
// then the mod text, so that only equal (value, mod) pairs compare equal.
// Unparseable values sort after every parseable one, by text.
int CompareDateValues(std::string_view a_value, std::string_view a_mod,
                      std::string_view b_value, std::string_view b_mod);

// Strict weak order over events: CompareDateValues on (date, mod), then
// document, line, byte offset, text and entity ids. Equal only for events
// that are equal in all those fields.
bool EventBefore(const extract::Event& a, const extract::Event& b);

// Corpus and per-entity timelines of a finalized KnowledgeGraph. Event
// references are indexes into KnowledgeGraph::events(), which Finalize
// already keeps in EventBefore order, so every list here is date-ordered.
struct Timeline {
  std::vector<std::size_t> corpus;  // every event, in date order
  // entity id -> the events naming it, in date order. Every entity of the
  // graph has a key, undated ones an empty list.
  std::map<std::string, std::vector<std::size_t>> per_entity;
};

// Builds the timelines of `graph` (which must be finalized). Holds 8 bytes
// per event and per (event, entity) pair: for tests and small corpora;
// writers use KnowledgeGraph::EventsOf and scan events() instead.
Timeline BuildTimeline(const KnowledgeGraph& graph);

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_TIMELINE_H_
