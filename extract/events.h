// Events: dated statements, from sentences that hold a date and entities.
// Input: one document's sentences, its dates and entity mentions (normalised
// offsets). Output: events in text order. How a sentence gets its date:
//   1. its own dates (durations never date anything); with several, each
//      entity goes with the nearest date before it (or the first date);
//   2. else an anaphor: "同年", "that year" (value XXXX) take the year of the
//      date stated last; 那时, "at that time" take the last explicit date of
//      the current speaker turn, or of the current or previous paragraph;
//   3. else the last date stated earlier in the same paragraph, unless the
//      sentence measures time itself (a duration, an unresolved relative
//      date: "fifteen years would pass before AlexNet") or speaks of another
//      time (DateContext::no_carry: "later", "today", "后来", "至今");
//   4. else, on the same terms, the date of its section's heading: the date
//      a Markdown heading ("## 1956: Dartmouth", "### Seq2seq (2014)") or a
//      plain-text one (a short line alone between blank lines) states, or,
//      if it states none, the date of the heading above it. A section runs
//      to the next heading of the same or a higher level; plain-text
//      headings are below all Markdown ones. Anaphors outside a transcript
//      turn take it too when the paragraphs give none.
// A relative date ("今天", "两年前", kind "relative") dates its own sentence
// like an explicit one, but is never carried on to later sentences nor taken
// by an anaphor: it is an inference, and its errors should not spread. An
// approximate one ("六个多月以前": a bound) takes the entities next to it
// but places no event.
// In a transcript ("黄仁勋: ...", "Ilya Sutskever: ..." at the start of a
// line), a sentence in the first person (我, 我们, I, we) also names the
// speaker of its turn; a turn lasts until the next speaker or heading.
#ifndef CHRONOGRAPH_EXTRACT_EVENTS_H_
#define CHRONOGRAPH_EXTRACT_EVENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/dates.h"
#include "extract/entities.h"
#include "extract/relative_dates.h"
#include "extract/sentences.h"
#include "extract/work_counter.h"

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

// What dates that depend on context are resolved against.
struct DateContext {
  std::string reference_date;  // the document's reference date, "YYYY-MM-DD"; "" if unknown
  FactLookup facts;            // dated facts of the rules' entities; may be empty
  // Per sentence: true when it speaks of another time than its paragraph
  // ("later", "today", "至今": an events rule with "no_carry" matched), so it
  // takes no date carried from earlier sentences; may be empty (none).
  std::vector<bool> no_carry;
  // Per date (index into the dates given to BuildEvents): true when it
  // stands next to a birth or death trigger ("born 28 June 1971", "1971 年
  // 出生于"): it dates only the person nearest it, not the other names of
  // its sentence, which take another date of the sentence or none; may be
  // empty (none).
  std::vector<bool> personal;
  // Per sentence: true when it is in the first person (an events rule with
  // "first_person" matched: 我, we, our), so a transcript turn's speaker is
  // part of what it states; may be empty (none).
  std::vector<bool> first_person;
  // The rules' sentence end marks ("。"; */punctuation.tsv): a short line
  // ending in one is a sentence, not a plain-text heading; may be null.
  const std::vector<std::string>* end_marks = nullptr;
  // Per date: true when it stands inside a modifier clause (an events rule
  // with "background" matched around it: "斯摩棱斯基于 1986 年提出的受限玻尔兹曼机",
  // ", proposed by X in 1986,"): it dates its own sentence but is no
  // moment the paragraph or turn goes on in, so it is not carried to later
  // sentences; may be empty (none).
  std::vector<bool> background;

  bool IsPersonal(std::size_t date) const { return date < personal.size() && personal[date]; }
  bool IsBackground(std::size_t date) const { return date < background.size() && background[date]; }
};

// How many paragraphs back the year of a year-less date may come from: a
// date stated in the same or the previous paragraph. Further back the text
// has usually moved on (a transcript's "November 16th" five turns after "in
// 2022" is not 2022); the value then takes the reference date's year, or is
// left out.
inline constexpr int kYearReachParagraphs = 1;

// In one pass, in text order: a value written without its year
// ("XXXX-03-13" from "3 月 13 日", "XXXX" from "同年") takes the year of the
// date stated last before it, within kYearReachParagraphs (paragraphs from
// `sentences`; null: the whole document; "同年" however far); a relative date (kind
// "relative", see relative_dates.h) is resolved against the reference date,
// the date stated last before it (PREV, within the same reach; with none
// stated at all, the reference date) or a fact, and then counts as a date
// stated (PREV of the next one). With nothing to resolve against, the value
// becomes or stays "" (left out). anchor is set on each resolved relative.
void CompleteYearlessDates(std::vector<SentenceDate>* dates, const DateContext& context = {},
                           const std::vector<Sentence>* sentences = nullptr);

// Completes yearless and relative dates, resolves anaphors, then builds the
// events. A resolved relative date dates a sentence like an explicit one.
// O((sentences + dates + entities) log dates); work, when not null, counts
// the steps of the per-sentence loops.
std::vector<FoundEvent> BuildEvents(std::string_view text, const std::vector<Sentence>& sentences,
                                    std::vector<SentenceDate>* dates, const std::vector<FoundEntity>& entities,
                                    const DateContext& context = {}, WorkCounter* work = nullptr);

// Who "I" and "you" are in one sentence: canonical names, "" when unknown.
struct Interlocutors {
  std::string speaker;    // the speaker of the transcript turn
  std::string addressee;  // the other party: the last earlier speaker who is
                          // not the speaker, else the next one
  bool opens_turn = false;  // the sentence begins with the speaker's label
};

// Per sentence, the interlocutors of its transcript turn (turns as in
// BuildEvents: a speaker label opens one, the next label or a heading ends
// it); both empty outside transcripts. Linear in sentences + entities +
// turns; work, when not null, counts the loop steps.
std::vector<Interlocutors> TurnInterlocutors(std::string_view text, const std::vector<Sentence>& sentences,
                                             const std::vector<FoundEntity>& entities, WorkCounter* work = nullptr);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_EVENTS_H_
