// Growth of the extract stage's work on long inputs, counted, not timed:
// each shape is fed at N and 4N and the WorkCounter steps must grow about 4
// times (at most 5: one logarithmic factor allowed), where a quadratic
// corner grows 16 times. Also checks that the linear rewrites give the same
// answers as the straightforward scans they replaced, on random inputs.
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "extract/events.h"
#include "extract/reference_date.h"
#include "extract/relations.h"
#include "extract/sentences.h"
#include "extract/work_counter.h"
#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

const std::set<std::string> kAbbreviations = {"Dr.", "Mr.", "e.g.", "i.e.", "et al.", "al.", "U.S."};

std::string Repeat(const std::string& unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// small and big are the steps at N and 4N; bytes_small is the input size at
// N, so a large constant per byte shows up as well as growth.
void ExpectLinear(std::uint64_t small, std::uint64_t big, std::uint64_t size_small, const std::string& shape) {
  EXPECT_GT(small, 0u) << shape;
  EXPECT_GE(big, 3 * small) << shape << ": work does not grow with the input?";
  EXPECT_LE(big, 5 * small) << shape << ": " << small << " steps at N, " << big << " at 4N";
  EXPECT_LE(small, 40 * size_small) << shape << ": " << small << " steps for " << size_small << " units";
}

// --- SplitSentences -----------------------------------------------------------

std::uint64_t SplitWork(const std::string& text, std::size_t* forced = nullptr) {
  SplitStats stats;
  SplitSentences(text, kAbbreviations, chronograph::testing::BuiltinPunctuation(), &stats);
  if (forced != nullptr) *forced = stats.forced_splits;
  return stats.work.steps;
}

TEST(LinearWorkTest, SplitSentencesShapes) {
  struct Shape {
    const char* name;
    std::string unit;  // repeated N or 4N times
  };
  const Shape shapes[] = {
      {"run of dots", "."},
      {"dots then a space", ". ."},
      {"letters and inner dots", "a.b"},
      {"one line, no end, latin words", "word "},
      {"one line, no end, one latin word", "w"},
      {"one line, no end, chinese", "中文字"},
      {"one line, commas", "甲,乙,"},
      {"digits before dots", "1."},
      {"short sentences", "AlexNet won. "},
      {"abbreviations", "Dr. "},
      {"list numbers", "\n1. x"},
      {"blank lines", "\n  \n"},
      {"spaces", "  "},
      {"wrapped english", "wrapped line\n"},
      {"closers", ".\")"},
  };
  const std::size_t n = 6000;
  for (const Shape& shape : shapes) {
    const std::string small = Repeat(shape.unit, n), big = Repeat(shape.unit, 4 * n);
    ExpectLinear(SplitWork(small), SplitWork(big), small.size(), shape.name);
  }
}

// The cap holds on one huge line: every piece within the limit, counted.
TEST(LinearWorkTest, HugeLineIsCutIntoBoundedPieces) {
  const std::string text = Repeat("深度学习 deep learning,", 40000);  // ~1 MB, no sentence end
  SplitStats stats;
  const std::vector<Sentence> sentences = SplitSentences(text, kAbbreviations, chronograph::testing::BuiltinPunctuation(), &stats);
  ASSERT_GT(sentences.size(), text.size() / kMaxSentenceBytes);
  std::size_t cut = 0;
  for (const Sentence& s : sentences) {
    EXPECT_LE(s.end - s.begin, kMaxSentenceBytes);
    if (s.cut) ++cut;
  }
  EXPECT_EQ(stats.forced_splits, sentences.size() - 1);
  EXPECT_EQ(cut, stats.forced_splits);
}

// --- TurnInterlocutors ----------------------------------------------------------

// A transcript of `turns` lines "<speaker>: 我们说了。", speakers taken in
// turn from `speakers`; a "# 节" heading line every `section_every` lines
// (0: never). Sentences and PERSON mentions built by hand.
struct Transcript {
  std::string text;
  std::vector<Sentence> sentences;
  std::vector<FoundEntity> entities;
};

Transcript MakeTranscript(const std::vector<std::string>& speakers, std::size_t turns, std::size_t section_every = 0) {
  Transcript t;
  int paragraph = 0;
  for (std::size_t i = 0; i < turns; ++i) {
    if (section_every != 0 && i % section_every == section_every - 1) {
      const std::size_t begin = t.text.size();
      t.text += "# 节\n";
      t.sentences.push_back({begin, t.text.size() - 1, ++paragraph});
      ++paragraph;
    }
    const std::string& who = speakers[i % speakers.size()];
    const std::size_t begin = t.text.size();
    t.text += who + ": 我们说了。\n";
    const int s = static_cast<int>(t.sentences.size());
    t.sentences.push_back({begin, t.text.size() - 1, paragraph});
    if (!who.empty()) t.entities.push_back({{begin, begin + who.size()}, who, "PERSON", "test", s});
  }
  return t;
}

std::uint64_t TurnWork(const Transcript& t) {
  WorkCounter work;
  TurnInterlocutors(t.text, t.sentences, t.entities, &work);
  return work.steps;
}

TEST(LinearWorkTest, TurnInterlocutorsShapes) {
  const std::size_t n = 5000;
  ExpectLinear(TurnWork(MakeTranscript({"甲"}, n)), TurnWork(MakeTranscript({"甲"}, 4 * n)), n, "one speaker");
  ExpectLinear(TurnWork(MakeTranscript({"甲", "乙"}, n)), TurnWork(MakeTranscript({"甲", "乙"}, 4 * n)), n,
               "two speakers");
  ExpectLinear(TurnWork(MakeTranscript({"甲", "甲", "甲", "乙"}, n, 7)),
               TurnWork(MakeTranscript({"甲", "甲", "甲", "乙"}, 4 * n, 7)), n, "sections");
}

// The scan the one-pass version replaced: for each sentence of a turn, the
// turns before it, nearest first, then the turns after it.
std::vector<std::string> AddresseesByScanning(const std::vector<std::pair<int, std::string>>& turns,
                                              const std::vector<int>& turn_of) {
  std::vector<std::string> out(turn_of.size());
  for (std::size_t s = 0; s < turn_of.size(); ++s) {
    if (turn_of[s] < 0) continue;
    const auto t = static_cast<std::size_t>(turn_of[s]);
    const auto other = [&](std::size_t u) {
      return turns[u].first == turns[t].first && turns[u].second != turns[t].second;
    };
    for (std::size_t u = t; u-- > 0 && out[s].empty();) {
      if (other(u)) out[s] = turns[u].second;
    }
    for (std::size_t u = t + 1; u < turns.size() && out[s].empty(); ++u) {
      if (other(u)) out[s] = turns[u].second;
    }
  }
  return out;
}

TEST(LinearWorkTest, TurnInterlocutorsSameAsScanning) {
  std::mt19937 random(20240601);
  const std::vector<std::string> names = {"甲", "乙", "丙"};
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> speakers;
    const std::size_t count = 1 + random() % 12;
    for (std::size_t i = 0; i < count; ++i) speakers.push_back(names[random() % (1 + random() % 3)]);
    const Transcript t = MakeTranscript(speakers, speakers.size(), 1 + random() % 6);
    const std::vector<Interlocutors> found = TurnInterlocutors(t.text, t.sentences, t.entities);
    // The turns as the first pass sees them: every sentence opening a turn.
    std::vector<std::pair<int, std::string>> turns;
    std::vector<int> turn_of(found.size(), -1);
    int section = 0;
    for (std::size_t s = 0; s < found.size(); ++s) {
      if (t.text[t.sentences[s].begin] == '#') ++section;
      if (found[s].opens_turn) turns.emplace_back(section, found[s].speaker);
      if (!found[s].speaker.empty()) turn_of[s] = static_cast<int>(turns.size()) - 1;
    }
    const std::vector<std::string> expected = AddresseesByScanning(turns, turn_of);
    for (std::size_t s = 0; s < found.size(); ++s) {
      EXPECT_EQ(found[s].addressee, expected[s]) << "round " << round << ", sentence " << s;
    }
  }
}

// --- InferReferenceDate ---------------------------------------------------------

SentenceDate Relative(const std::string& relative, std::size_t begin, std::size_t end, int sentence) {
  SentenceDate d;
  d.date.span = {begin, end};
  d.date.kind = "relative";
  d.date.relative = relative;
  d.sentence = sentence;
  return d;
}

// released= of "GPT-4" is a day; of "GPT-3" only a year (never a day).
std::optional<Fact> TestFacts(std::string_view alias, std::string_view attribute) {
  if (attribute != "released") return std::nullopt;
  if (alias == "GPT-4") return Fact{"2023-03-14", "GPT-4", ""};
  if (alias == "GPT-3") return Fact{"2020", "GPT-3", ""};
  return std::nullopt;
}

// n sentences, each with a "today" that nothing anchors, and a fact-counted
// date that is too far or resolves to no day.
std::vector<SentenceDate> ManyTodays(std::size_t n) {
  std::vector<SentenceDate> dates;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t base = i * 100;
    const int s = static_cast<int>(i);
    dates.push_back(Relative("DCT+0D", base, base + 6, s));
    dates.push_back(Relative("released(GPT-4)+1D", base + 60, base + 80, s));  // 54 bytes away
    dates.push_back(Relative("released(GPT-3)+1D", base + 10, base + 20, s));  // a year: no day
  }
  return dates;
}

TEST(LinearWorkTest, InferReferenceDateShapes) {
  const FactLookup facts = TestFacts;
  const std::size_t n = 2000;
  WorkCounter small, big;
  EXPECT_EQ(InferReferenceDate(ManyTodays(n), facts, &small), std::nullopt);
  EXPECT_EQ(InferReferenceDate(ManyTodays(4 * n), facts, &big), std::nullopt);
  ExpectLinear(small.steps, big.steps, 3 * n, "todays without anchor");

  // Only todays: nothing to pair them with.
  std::vector<SentenceDate> todays_small, todays_big;
  for (std::size_t i = 0; i < 4 * n; ++i) {
    (i < n ? todays_small : todays_big).push_back(Relative("DCT-1D", i * 10, i * 10 + 6, static_cast<int>(i)));
    if (i < n) todays_big.push_back(Relative("DCT-1D", i * 10, i * 10 + 6, static_cast<int>(i)));
  }
  WorkCounter only_small, only_big;
  InferReferenceDate(todays_small, facts, &only_small);
  InferReferenceDate(todays_big, facts, &only_big);
  ExpectLinear(only_small.steps, only_big.steps, n, "only todays");
}

// The scan the indexed version replaced: every "today", every date.
std::optional<std::string> InferByScanning(const std::vector<SentenceDate>& dates, const FactLookup& facts) {
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (dates[i].date.kind != "relative") continue;
    const std::optional<RelativeTemplate> today = ParseRelativeTemplate(dates[i].date.relative);
    if (!today || today->anchor != RelativeTemplate::Anchor::kReference || today->Granularity() != 'D') continue;
    for (std::size_t j = 0; j < dates.size(); ++j) {
      const SentenceDate& other = dates[j];
      if (other.sentence != dates[i].sentence || other.date.kind != "relative") continue;
      const Span a = dates[i].date.span, b = other.date.span;
      const std::size_t gap = a.end <= b.begin ? b.begin - a.end : b.end <= a.begin ? a.begin - b.end : 25;
      if (gap > 24) continue;
      const std::optional<RelativeTemplate> fact = ParseRelativeTemplate(other.date.relative);
      if (!fact || fact->anchor != RelativeTemplate::Anchor::kFact) continue;
      const std::string day = ResolveRelative(*fact, {"", "", &facts}, nullptr);
      if (!IsCalendarDate(day)) continue;
      const std::string reference = ApplyOffsets(day, Reversed(*today));
      if (IsCalendarDate(reference)) return reference;
    }
  }
  return std::nullopt;
}

TEST(LinearWorkTest, InferReferenceDateSameAsScanning) {
  const FactLookup facts = TestFacts;
  std::mt19937 random(7);
  const char* templates[] = {"DCT+0D", "DCT-1D", "DCT-2D", "DCT-1Y", "released(GPT-4)+1D", "released(GPT-4)-3D",
                             "released(GPT-3)+1D", "released(GPT-5)+1D", "PREV+1D"};
  int found = 0;
  for (int round = 0; round < 500; ++round) {
    std::vector<SentenceDate> dates;
    const std::size_t count = 1 + random() % 10;
    std::size_t pos = 0;
    int sentence = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (random() % 3 == 0) ++sentence;
      // Spans may touch, nest or overlap: the scan's gap rule decides.
      pos = random() % 4 == 0 && pos >= 10 ? pos - random() % 10 : pos + random() % 30;
      const std::size_t length = random() % 12;
      SentenceDate d = Relative(templates[random() % std::size(templates)], pos, pos + length, sentence);
      if (random() % 8 == 0) d.date.kind = "date";
      dates.push_back(d);
    }
    const std::optional<std::string> expected = InferByScanning(dates, facts);
    if (expected) ++found;
    EXPECT_EQ(InferReferenceDate(dates, facts), expected) << "round " << round;
  }
  EXPECT_GT(found, 20);  // the random inputs do exercise the pairing
}

// --- BuildEvents -----------------------------------------------------------------

// One sentence naming n entities, each after its own date ("2012 年 Hinton, "
// n times): every entity goes with the date just before it.
std::uint64_t EventWork(std::size_t n, std::size_t* events = nullptr) {
  std::string text;
  std::vector<SentenceDate> dates;
  std::vector<FoundEntity> entities;
  for (std::size_t i = 0; i < n; ++i) {
    SentenceDate d;
    d.date.span = {text.size(), text.size() + 4};
    d.date.kind = "date";
    d.date.value = std::to_string(1000 + i % 1000);
    dates.push_back(d);
    text += "2012 年 ";
    entities.push_back({{text.size(), text.size() + 6}, "E" + std::to_string(i), "PERSON", "test", 0});
    text += "Hinton, ";
  }
  const std::vector<Sentence> sentences = {{0, text.size(), 0}};
  WorkCounter work;
  const std::vector<FoundEvent> found = BuildEvents(text, sentences, &dates, entities, {}, &work);
  if (events != nullptr) *events = found.size();
  return work.steps;
}

TEST(LinearWorkTest, BuildEventsManyDatesAndNamesInOneSentence) {
  const std::size_t n = 2000;
  std::size_t events = 0;
  const std::uint64_t small = EventWork(n, &events);
  EXPECT_EQ(events, n);  // one event per date: its own entity
  ExpectLinear(small, EventWork(4 * n), n, "dates and names in one sentence");
}

// --- PronounMentions ------------------------------------------------------------

std::uint64_t PronounWork(std::size_t n) {
  // "我和⟨mention⟩" n times: one pronoun and one mention each.
  std::string text;
  std::vector<FoundEntity> entities;
  for (std::size_t i = 0; i < n; ++i) {
    text += "我和";
    entities.push_back({{text.size(), text.size() + 5}, "Hinton", "PERSON", "test", 0});
    text += "Hintn";
    text += ",";
  }
  std::vector<const FoundEntity*> mentions;
  for (const FoundEntity& e : entities) mentions.push_back(&e);
  const Sentence sentence{0, text.size(), 0};
  const std::vector<PatternMatch> words = chronograph::testing::EmbeddedRules()->event_index().Run(text, {0, text.size()});
  WorkCounter work;
  const std::vector<FoundEntity> found = PronounMentions(sentence, 0, {"甲", "乙", false}, mentions, words, &work);
  EXPECT_EQ(found.size(), n);
  return work.steps;
}

TEST(LinearWorkTest, PronounMentionsShape) {
  const std::size_t n = 5000;
  ExpectLinear(PronounWork(n), PronounWork(4 * n), n * 15, "pronouns and mentions");
}

}  // namespace
}  // namespace chronograph::extract
