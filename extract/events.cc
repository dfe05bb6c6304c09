#include "extract/events.h"

#include <algorithm>
#include <cstdio>
#include <cctype>
#include <iterator>
#include <map>
#include <optional>
#include <set>

namespace chronograph::extract {
namespace {

// A date that can date a sentence: it has a value (a year-less one with no
// year to borrow has none, and dates nothing).
bool Dates(const FoundDate& d) {
  return !d.value.empty() && (d.kind == "date" || d.kind == "interval" || d.kind == "relative");
}

// The speaker of a transcript turn: a PERSON mention opening the sentence and
// followed by ':'.
std::optional<std::string> SpeakerOf(std::string_view text, const Sentence& sentence,
                                     const std::vector<const FoundEntity*>& mentions) {
  if (mentions.empty()) return std::nullopt;
  const FoundEntity& first = *mentions.front();
  if (first.type != "PERSON" || first.span.begin != sentence.begin) return std::nullopt;
  std::size_t p = first.span.end;
  while (p < sentence.end && text[p] == ' ') ++p;
  if (p < sentence.end && text[p] == ':') return first.canonical;
  return std::nullopt;
}

// True when the sentence is the first thing on its line.
bool StartsLine(std::string_view text, const Sentence& sentence) {
  std::size_t p = sentence.begin;
  while (p > 0 && text[p - 1] == ' ') --p;
  return p == 0 || text[p - 1] == '\n';
}

// The level of a Markdown heading ("## 1956: Dartmouth" is 2), or 0 when
// the sentence is none: one to six '#' opening its line, then a space.
int HeadingLevel(std::string_view text, const Sentence& sentence) {
  if (!StartsLine(text, sentence)) return 0;
  std::size_t p = sentence.begin;
  while (p < sentence.end && text[p] == '#') ++p;
  const std::size_t level = p - sentence.begin;
  if (level == 0 || level > 6 || p >= sentence.end || text[p] != ' ') return 0;
  return static_cast<int>(level);
}

// The level given to a plain-text heading: below every Markdown one.
constexpr int kPlainHeadingLevel = 7;
// The longest plain-text heading, in bytes (26 Chinese characters).
constexpr std::size_t kPlainHeadingBytes = 80;

// True when a blank line (spaces and at least two line breaks) or the
// text's edge is just before / just after `at`.
bool BlankLineBefore(std::string_view text, std::size_t at) {
  int breaks = 0;
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\n')) breaks += text[--at] == '\n';
  return at == 0 || breaks >= 2;
}
bool BlankLineAfter(std::string_view text, std::size_t at) {
  int breaks = 0;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\n')) breaks += text[at++] == '\n';
  return at == text.size() || breaks >= 2;
}

// A plain-text heading: a paragraph of one short line on its own (blank
// lines around it) that ends no sentence or clause and is no list item,
// quote, table row, link or speaker label ("1956: Dartmouth", "The 1980s",
// "Seq2seq (2014)"; not "Hinton: yes", not "It worked.").
bool IsPlainHeading(std::string_view text, const Sentence& sentence, const std::vector<std::string>* end_marks) {
  const std::string_view line = text.substr(sentence.begin, sentence.end - sentence.begin);
  if (line.empty() || line.size() > kPlainHeadingBytes || line.find('\n') != std::string_view::npos) return false;
  if (std::string_view("-*+>|`[!#").find(line.front()) != std::string_view::npos) return false;
  const char last = line.back();
  if (std::string_view(".!?:;,").find(last) != std::string_view::npos) return false;
  // Normalised text has ASCII for the full-width ！？：，；; the other marks are the rules'.
  for (std::size_t k = 0; end_marks != nullptr && k < end_marks->size(); ++k) {
    const std::string& end = (*end_marks)[k];
    if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return false;
  }
  // "Name: ..." opens a transcript turn, not a section.
  const std::size_t colon = line.find(':');
  if (colon != std::string_view::npos && colon > 0 && !std::isdigit(static_cast<unsigned char>(line.front()))) {
    return false;
  }
  return BlankLineBefore(text, sentence.begin) && BlankLineAfter(text, sentence.end);
}

// The headings around each sentence. A heading's section runs until the
// next heading of the same or a higher level (fewer '#'; a plain-text
// heading is below all Markdown ones).
struct Sections {
  std::vector<int> level;    // per sentence: its heading level, 0 for prose
  std::vector<int> parent;   // per sentence: the heading it is under (not
                             // itself), -1 for none
};

Sections FindSections(std::string_view text, const std::vector<Sentence>& sentences,
                      const std::vector<std::string>* end_marks) {
  Sections out;
  out.level.assign(sentences.size(), 0);
  out.parent.assign(sentences.size(), -1);
  std::vector<int> open;  // the headings enclosing the current sentence, outermost first
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const bool opens_paragraph = s == 0 || sentences[s - 1].paragraph != sentences[s].paragraph;
    const bool alone = opens_paragraph && (s + 1 == sentences.size() || sentences[s + 1].paragraph != sentences[s].paragraph);
    int level = opens_paragraph ? HeadingLevel(text, sentences[s]) : 0;
    if (level == 0 && alone && IsPlainHeading(text, sentences[s], end_marks)) level = kPlainHeadingLevel;
    if (level > 0) {
      while (!open.empty() && out.level[static_cast<std::size_t>(open.back())] >= level) open.pop_back();
    }
    out.parent[s] = open.empty() ? -1 : open.back();
    if (level > 0) {
      out.level[s] = level;
      open.push_back(static_cast<int>(s));
    }
  }
  return out;
}

}  // namespace

namespace {

// Replaces every "XXXX" (year) and "-XX-" (month) of a value.
std::string FillUnknown(std::string value, const std::string& year, const std::string& month) {
  for (std::size_t p = value.find("XXXX"); p != std::string::npos; p = value.find("XXXX", p + 4)) value.replace(p, 4, year);
  for (std::size_t p = value.find("-XX"); p != std::string::npos; p = value.find("-XX", p + 3)) value.replace(p + 1, 2, month);
  return value;
}

}  // namespace

void CompleteYearlessDates(std::vector<SentenceDate>* dates, const DateContext& context,
                           const std::vector<Sentence>* sentences) {
  std::string last_year, last_month, last_value;
  // Paragraphs counted 0, 1, 2, ... (Sentence::paragraph only grows).
  std::vector<int> ordinal;
  if (sentences != nullptr) {
    ordinal.reserve(sentences->size());
    for (std::size_t s = 0; s < sentences->size(); ++s) {
      const bool starts = s == 0 || (*sentences)[s].paragraph != (*sentences)[s - 1].paragraph;
      ordinal.push_back((ordinal.empty() ? -1 : ordinal.back()) + (starts ? 1 : 0));
    }
  }
  auto paragraph_of = [&](const SentenceDate& d) {
    return ordinal.empty() ? 0 : ordinal[static_cast<std::size_t>(d.sentence)];
  };
  int last_paragraph = 0;  // of the date that set last_year
  const bool have_reference = IsCalendarDate(context.reference_date);
  for (SentenceDate& d : *dates) {
    std::string& value = d.date.value;
    // "同年" names the year stated last however far back; a bare "March 5"
    // only borrows a year from nearby.
    const bool in_reach = d.date.kind == "anaphoric" || paragraph_of(d) - last_paragraph <= kYearReachParagraphs;
    if (d.date.kind == "relative") {
      if (value.empty()) {
        if (std::optional<RelativeTemplate> t = ParseRelativeTemplate(d.date.relative)) {
          // "A day later" counts from a date stated nearby, or from the
          // reference date when none was stated at all; a date stated
          // paragraphs back is no anchor (left out).
          const bool far = t->anchor == RelativeTemplate::Anchor::kPrevious && !last_value.empty() && !in_reach;
          if (!far) value = ResolveRelative(*t, {context.reference_date, last_value, &context.facts}, &d.date.anchor);
        }
      }
    } else if (value.rfind("XXXX", 0) == 0) {
      const bool needs_month = value.find("-XX") != std::string::npos;
      if (in_reach && !last_year.empty() && (!needs_month || !last_month.empty())) {
        value = FillUnknown(value, last_year, last_month);  // the year (and month) of the date stated last
      } else if (have_reference && !needs_month && d.date.kind != "anaphoric") {
        // Nothing stated nearby: the reference date's year, or with
        // "yearless": "next" the next occurrence on or after it.
        const std::string written = value;
        const int ref_year = (context.reference_date[0] - '0') * 1000 + (context.reference_date[1] - '0') * 100 +
                             (context.reference_date[2] - '0') * 10 + (context.reference_date[3] - '0');
        value = FillUnknown(written, context.reference_date.substr(0, 4), "");
        const std::string start = value.substr(0, value.find('/'));
        if (d.date.yearless_next && start.size() > 5 &&
            start.compare(5, std::string::npos, context.reference_date, 5, start.size() - 5) < 0) {
          char next[8];
          std::snprintf(next, sizeof next, "%04d", ref_year + 1);
          value = FillUnknown(written, next, "");
        }
      } else {
        value = "";  // no year to take: dropped
      }
    }
    if (Dates(d.date) && value.size() >= 4 &&
        std::all_of(value.begin(), value.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
      last_year = value.substr(0, 4);
      last_month = value.size() >= 7 && value[4] == '-' && value[5] >= '0' && value[5] <= '1' ? value.substr(5, 2) : "";
      last_value = value;
      last_paragraph = paragraph_of(d);
    }
  }
}

std::vector<FoundEvent> BuildEvents(std::string_view text, const std::vector<Sentence>& sentences,
                                    std::vector<SentenceDate>* dates, const std::vector<FoundEntity>& entities,
                                    const DateContext& context, WorkCounter* work) {
  CompleteYearlessDates(dates, context, &sentences);
  std::vector<std::vector<const FoundEntity*>> by_sentence(sentences.size());
  for (const FoundEntity& e : entities) by_sentence[static_cast<std::size_t>(e.sentence)].push_back(&e);
  std::vector<std::vector<std::size_t>> dates_by_sentence(sentences.size());
  for (std::size_t i = 0; i < dates->size(); ++i) dates_by_sentence[static_cast<std::size_t>((*dates)[i].sentence)].push_back(i);

  // A heading's date dates its section: the date it writes itself (the last,
  // not a relative one), else, unless it speaks of another time, the date
  // of the heading it is under ("### Seq2seq" under "## 2014").
  const Sections sections = FindSections(text, sentences, context.end_marks);
  std::vector<std::optional<std::size_t>> heading_date(sentences.size());
  auto section_date = [&](std::size_t s) -> std::optional<std::size_t> {
    const int h = sections.parent[s];
    return h < 0 ? std::nullopt : heading_date[static_cast<std::size_t>(h)];
  };

  std::vector<FoundEvent> events;
  std::optional<std::string> speaker;
  std::optional<std::size_t> turn_date, paragraph_date, previous_paragraph_date;
  int paragraph = -1;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    if (sentence.paragraph != paragraph) {
      paragraph = sentence.paragraph;
      previous_paragraph_date = paragraph_date;
      paragraph_date.reset();
      if (text[sentence.begin] == '#') speaker.reset();  // a heading ends the transcript section
    }
    // Turns may follow line by line inside one paragraph.
    const FoundEntity* label = nullptr;  // the turn's speaker label, when the sentence opens with one
    if (StartsLine(text, sentence)) {
      if (auto who = SpeakerOf(text, sentence, by_sentence[s])) {
        speaker = who;
        turn_date.reset();
        label = by_sentence[s].front();
      }
    }
    std::vector<std::size_t> explicit_dates;
    std::optional<std::size_t> anaphor;
    bool elsewhere_in_time = false;  // "fifteen years would pass before ...": not the paragraph's moment
    CountWork(work, 1 + dates_by_sentence[s].size());
    for (std::size_t d : dates_by_sentence[s]) {
      const FoundDate& found = (*dates)[d].date;
      // A duration, or a date it could not resolve (a relative one with no
      // anchor, "March 3" with no year near): a time of its own, unknown.
      if (found.kind == "duration" || (found.kind != "anaphoric" && found.value.empty())) elsewhere_in_time = true;
      if (Dates((*dates)[d].date)) explicit_dates.push_back(d);
      if ((*dates)[d].date.kind == "anaphoric" && !anaphor) anaphor = d;  // used only if nothing explicit
    }
    if (explicit_dates.empty() && anaphor) {
      // Outside a turn, the heading's date when the paragraphs give none.
      const std::optional<std::size_t> antecedent =
          speaker ? turn_date
                  : (paragraph_date ? paragraph_date
                                    : (previous_paragraph_date ? previous_paragraph_date : section_date(s)));
      SentenceDate& a = (*dates)[*anaphor];
      if (!a.date.value.empty()) {
        explicit_dates.push_back(*anaphor);  // "同年": already completed to its year
      } else if (antecedent) {
        a.date.value = (*dates)[*antecedent].date.value;
        a.date.mod = (*dates)[*antecedent].date.mod;
        explicit_dates.push_back(*anaphor);
      }
    }
    const bool in_other_time = s < context.no_carry.size() && context.no_carry[s];
    if (in_other_time) elsewhere_in_time = true;
    if (explicit_dates.empty() && !elsewhere_in_time) {
      if (paragraph_date) {
        explicit_dates.push_back(*paragraph_date);
      } else if (const std::optional<std::size_t> section = section_date(s)) {
        explicit_dates.push_back(*section);  // "## 1956: Dartmouth" dates the prose under it
      }
    }
    if (sections.level[s] > 0) {
      for (auto it = explicit_dates.rbegin(); it != explicit_dates.rend(); ++it) {
        const SentenceDate& d = (*dates)[*it];
        if (d.sentence != static_cast<int>(s) || d.date.kind == "relative") continue;
        heading_date[s] = *it;
        break;
      }
      if (!heading_date[s] && !in_other_time) heading_date[s] = section_date(s);
    }
    if (explicit_dates.empty()) continue;

    // Each entity goes with the nearest date before it, or the first date:
    // the last of explicit_dates (in its order) that is in this sentence and
    // begins at or before the entity. Found by binary search over those
    // dates sorted by begin, each with the latest list position up to it, so
    // a sentence with many names and many dates costs (e + d) log d, not e * d.
    std::vector<std::pair<std::size_t, std::size_t>> starts;  // (begin, position in explicit_dates)
    for (std::size_t k = 0; k < explicit_dates.size(); ++k) {
      const SentenceDate& d = (*dates)[explicit_dates[k]];
      if (d.sentence == static_cast<int>(s)) starts.emplace_back(d.date.span.begin, k);
    }
    std::sort(starts.begin(), starts.end());
    for (std::size_t k = 1; k < starts.size(); ++k) starts[k].second = std::max(starts[k].second, starts[k - 1].second);
    std::size_t log_d = 1;
    while ((std::size_t{1} << log_d) < starts.size()) ++log_d;
    CountWork(work, (starts.size() + by_sentence[s].size()) * log_d);
    // A personal date (a birth or death) goes to its person only: the PERSON
    // nearest before it, else the first after it. Others fall back to the
    // first date of the sentence that is not personal, or stay undated.
    std::optional<std::size_t> plain;
    for (std::size_t d : explicit_dates) {
      if (!context.IsPersonal(d)) {
        plain = d;
        break;
      }
    }
    auto owner_of = [&](std::size_t d) -> const FoundEntity* {
      const Span& span = (*dates)[d].date.span;
      const FoundEntity* before = nullptr;
      const FoundEntity* after = nullptr;
      for (const FoundEntity* e : by_sentence[s]) {
        if (e->type != "PERSON") continue;
        if (e->span.end <= span.begin) before = e;
        if (e->span.begin >= span.end && after == nullptr) after = e;
      }
      return before != nullptr ? before : after;
    };
    std::map<std::size_t, const FoundEntity*> owners;  // personal date -> its person
    std::map<std::size_t, std::set<std::string>> groups;
    for (const FoundEntity* e : by_sentence[s]) {
      // A label says who speaks, not what the turn is about: the speaker is
      // dated only by a sentence in the first person (below).
      if (e == label) continue;
      std::size_t chosen = explicit_dates.front();
      const auto after = std::upper_bound(starts.begin(), starts.end(), e->span.begin,
                                          [](std::size_t begin, const auto& start) { return begin < start.first; });
      if (after != starts.begin()) chosen = explicit_dates[std::prev(after)->second];
      if (context.IsPersonal(chosen)) {
        auto it = owners.find(chosen);
        if (it == owners.end()) it = owners.emplace(chosen, owner_of(chosen)).first;
        if (it->second == nullptr || it->second->canonical != e->canonical) {
          if (!plain) continue;
          chosen = *plain;
        }
      }
      groups[chosen].insert(e->canonical);
    }
    if (speaker && s < context.first_person.size() && context.first_person[s]) {
      groups[explicit_dates.front()].insert(*speaker);
    }
    for (const auto& [d, names] : groups) {
      if ((*dates)[d].date.approximate) continue;  // a bound or a guess: placed on no timeline
      events.push_back({static_cast<int>(s), d, std::vector<std::string>(names.begin(), names.end())});
    }
    // The sentence's last date carries on through the paragraph and turn;
    // a relative date ("今天", "两年前") or one in a modifier clause
    // (background) dates its own sentence only.
    for (auto it = explicit_dates.rbegin(); it != explicit_dates.rend(); ++it) {
      if ((*dates)[*it].date.kind == "relative") continue;
      if (context.IsBackground(*it)) continue;
      paragraph_date = *it;
      if (speaker) turn_date = *it;
      break;
    }
  }
  return events;
}

std::vector<Interlocutors> TurnInterlocutors(std::string_view text, const std::vector<Sentence>& sentences,
                                             const std::vector<FoundEntity>& entities, WorkCounter* work) {
  std::vector<std::vector<const FoundEntity*>> by_sentence(sentences.size());
  for (const FoundEntity& e : entities) by_sentence[static_cast<std::size_t>(e.sentence)].push_back(&e);
  CountWork(work, entities.size());
  // Pass 1: the speaker of every sentence and the turns in order, each turn
  // numbered with its transcript section (a heading starts a new one).
  std::vector<Interlocutors> out(sentences.size());
  std::vector<int> turn_of(sentences.size(), -1);
  std::vector<std::pair<int, std::string>> turns;  // (section, speaker)
  std::optional<std::string> speaker;
  int paragraph = -1, section = 0;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    CountWork(work);
    const Sentence& sentence = sentences[s];
    if (sentence.paragraph != paragraph) {
      paragraph = sentence.paragraph;
      if (text[sentence.begin] == '#') {
        speaker.reset();
        ++section;
      }
    }
    if (StartsLine(text, sentence)) {
      if (auto who = SpeakerOf(text, sentence, by_sentence[s])) {
        speaker = who;
        turns.emplace_back(section, *who);
        out[s].opens_turn = true;
      }
    }
    if (speaker) {
      out[s].speaker = *speaker;
      turn_of[s] = static_cast<int>(turns.size()) - 1;
    }
  }
  // Pass 2: each turn's addressee is the nearest earlier speaker of the same
  // section who is not its speaker, else the nearest later one. Scanning the
  // turns for every sentence made a one-speaker transcript quadratic; instead
  // one pass each way keeps the last speaker seen (last) and the last one
  // other than that (before_last): the nearest other speaker is last, or,
  // when last is the speaker, before_last. Turns of a section are
  // contiguous; an empty name is never an answer, as before.
  const auto nearest_others = [&](auto first, auto end, std::vector<std::string>* found) {
    int current_section = -1;
    std::string last, before_last;
    for (auto it = first; it != end; ++it) {
      CountWork(work);
      const auto& [turn_section, name] = *it;
      if (turn_section != current_section) {
        current_section = turn_section;
        last.clear();
        before_last.clear();
      }
      (*found)[static_cast<std::size_t>(it - first)] = last != name ? last : before_last;
      if (!name.empty() && name != last) {
        before_last = std::move(last);
        last = name;
      }
    }
  };
  std::vector<std::string> earlier(turns.size()), later(turns.size());
  nearest_others(turns.begin(), turns.end(), &earlier);
  nearest_others(turns.rbegin(), turns.rend(), &later);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    CountWork(work);
    if (turn_of[s] < 0) continue;
    const auto t = static_cast<std::size_t>(turn_of[s]);
    out[s].addressee = !earlier[t].empty() ? earlier[t] : later[turns.size() - 1 - t];
  }
  return out;
}

}  // namespace chronograph::extract
