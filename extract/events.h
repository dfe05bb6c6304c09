// Events: dated statements, from sentences that hold a date and entities.
// Input: one document's sentences, its dates and entity mentions (normalised
// offsets). Output: events in text order. How a sentence gets its date:
//   1. its own dates (durations never date anything); with several, each
//      entity goes with the nearest date before it (or the first date);
//   2. else an anaphor: "同年", "that year" (value XXXX) take the year of the
//      date stated last; 那时, "at that time" take the last explicit date of
//      the current speaker turn, or of the current or previous paragraph;
//   3. else the last date stated earlier in the same paragraph.
// In a transcript ("黄仁勋: ...", "Ilya Sutskever: ..." at the start of a
// line), a sentence in the first person (我, 我们, I, we) also names the
// speaker of its turn; a turn lasts until the next speaker or heading.
#ifndef CHRONOGRAPH_EXTRACT_EVENTS_H_
#define CHRONOGRAPH_EXTRACT_EVENTS_H_

#include <string_view>
#include <vector>

#include "extract/dates.h"
#include "extract/entities.h"
#include "extract/sentences.h"

namespace chronograph::extract {

struct FoundEvent {
  int sentence = 0;
  std::size_t date_index = 0;  // into the dates vector given to BuildEvents
  std::vector<std::string> canonicals;  // sorted, unique
};

// dates: each document date with its sentence index, in text order; the
// values of resolved anaphors are filled in (they stay empty otherwise).
struct SentenceDate {
  FoundDate date;
  int sentence = 0;
};

// A value written without its year ("XXXX-03-13" from "3 月 13 日", "XXXX"
// from "同年") takes the year of the date stated last before it in the
// document; with none before it, its value becomes "" (left out).
void CompleteYearlessDates(std::vector<SentenceDate>* dates);

// Completes yearless dates, resolves anaphors, then builds the events.
std::vector<FoundEvent> BuildEvents(std::string_view text, const std::vector<Sentence>& sentences,
                                    std::vector<SentenceDate>* dates, const std::vector<FoundEntity>& entities);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_EVENTS_H_
