#include "extract/extractor.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "extract/content_hash.h"
#include "extract/dates.h"
#include "extract/events.h"
#include "extract/markup.h"
#include "extract/normalize.h"
#include "extract/parallel_parts.h"
#include "extract/reference_date.h"
#include "extract/relations.h"
#include "extract/sentences.h"

namespace chronograph::extract {
namespace {

// The wikidata= attribute of the gazetteer entry named `canonical`, or "".
// Pattern-found entities have no entry and so no id.
std::string WikidataOf(const EntityFinder& finder, const std::string& canonical) {
  const GazetteerEntry* entry = finder.Lookup(canonical);
  if (entry == nullptr || entry->canonical != canonical) return "";
  const auto it = entry->attributes.find("wikidata");
  return it == entry->attributes.end() ? "" : it->second;
}

// The subject a paragraph hands to the next one: the first mention of its
// first sentence, unless that sentence opens with a quotation ("“I chose
// Caltech because of my adviser X …” she says" is not about X).
std::vector<const FoundEntity*> ParagraphSubject(std::string_view text, const Sentence& first,
                                                 const std::vector<const FoundEntity*>& mentions) {
  if (mentions.empty()) return {};
  std::string_view opening = text.substr(first.begin, mentions.front()->span.begin - first.begin);
  while (!opening.empty() && (opening.front() == ' ' || opening.front() == '\t')) opening.remove_prefix(1);
  for (const std::string_view quote : {"\"", "'", "\u201C", "\u2018", "\u300C", "\u300E"}) {
    if (opening.substr(0, quote.size()) == quote) return {};
  }
  return {mentions.front()};
}

// Adds the time since the last Lap() to a stage of the profile, if any.
class StageClock {
 public:
  explicit StageClock(StageProfile* profile) : profile_(profile), last_(std::chrono::steady_clock::now()) {}
  void Lap(double StageProfile::*stage) {
    if (profile_ == nullptr) return;
    const auto now = std::chrono::steady_clock::now();
    profile_->*stage += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  StageProfile* profile_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

void StageProfile::Add(const StageProfile& other) {
  for (double StageProfile::*stage : {&StageProfile::normalise, &StageProfile::sentences, &StageProfile::gazetteer,
                                      &StageProfile::entity_patterns, &StageProfile::dates, &StageProfile::events,
                                      &StageProfile::relations}) {
    this->*stage += other.*stage;
  }
}

Result<std::shared_ptr<const Extractor>> Extractor::Create(std::shared_ptr<const RuleSet> rules) {
  Result<std::shared_ptr<const EntityFinder>> finder = EntityFinder::Create(rules);
  if (!finder.ok()) return finder.status();
  return std::shared_ptr<const Extractor>(new Extractor(std::move(rules), finder.take()));
}

ExtractionResult Extractor::Extract(const Document& document, const ExtractOptions& options) const {
  StageClock clock(options.profile);
  NormalizedText normalized = Normalize(document.text);
  BlankMarkup(&normalized.text);  // addresses and link syntax are not prose
  JoinWrappedLines(&normalized, rules_->sentence_punctuation());  // hard-wrapped prose reads as one line
  const std::string& text = normalized.text;
  clock.Lap(&StageProfile::normalise);
  SplitStats split;
  const std::vector<Sentence> sentences = SplitSentences(text, rules_->abbreviations(), rules_->sentence_punctuation(), &split);
  clock.Lap(&StageProfile::sentences);

  // Offsets in provenance are byte offsets of the file as read (a decoded
  // or repaired document's text differs from it: Document::FileOffset).
  // A span's end in the original: where the next normalised byte came
  // from, less the line break and spaces of a wrapped line taken out just
  // after it (JoinWrappedLines): a span that does not end in a space never
  // ends in one in the original either.
  auto original_end = [&](Span span) {
    const std::size_t begin = normalized.ToOriginal(span.begin);
    std::size_t end = normalized.ToOriginal(span.end);
    if (span.end > span.begin && text[span.end - 1] != ' ' && text[span.end - 1] != '\n') {
      while (end > begin && (document.text[end - 1] == '\n' || document.text[end - 1] == ' ' ||
                             document.text[end - 1] == '\r' || document.text[end - 1] == '\t')) {
        --end;
      }
    }
    return end;
  };
  auto source = [&](Span span) {
    SourceRef ref;
    ref.document = document.path;
    const std::size_t begin = normalized.ToOriginal(span.begin);
    ref.begin = document.FileOffset(begin);
    ref.end = document.FileOffset(original_end(span));
    ref.line = document.LineOf(begin);
    return ref;
  };
  auto original = [&](Span span) {
    const std::size_t begin = normalized.ToOriginal(span.begin);
    return document.text.substr(begin, original_end(span) - begin);
  };

  ExtractionResult result;
  result.document = document.path;
  result.content_hash = ContentHash(document.text);
  result.sentences_cut = split.forced_splits;
  for (const Sentence& s : sentences) {
    if (s.cut && result.first_cut_line == 0) result.first_cut_line = source({s.begin, s.end}).line;
    result.sentences.push_back(source({s.begin, s.end}));
    result.sentence_texts.push_back(original({s.begin, s.end}));
  }

  // Sentence by sentence; a long text in parts on several threads.
  const unsigned threads = text.size() >= options.parallel_from_bytes ? options.threads : 1;
  auto sentence_bytes = [&](std::size_t s) { return sentences[s].end - sentences[s].begin; };
  std::vector<SentenceDate> dates;
  auto dates_of = [&](std::size_t first, std::size_t last) {
    std::vector<SentenceDate> part;
    for (std::size_t s = first; s < last; ++s) {
      for (FoundDate& d : FindDates(text, {sentences[s].begin, sentences[s].end}, *rules_, options.date_order)) {
        part.push_back({std::move(d), static_cast<int>(s)});
      }
    }
    return part;
  };
  for (std::vector<SentenceDate>& part :
       ParallelParts<std::vector<SentenceDate>>(sentences.size(), threads, sentence_bytes, dates_of)) {
    std::move(part.begin(), part.end(), std::back_inserter(dates));
  }
  clock.Lap(&StageProfile::dates);
  double alias_scan_seconds = 0;
  const std::vector<FoundEntity> entities = entities_->Find(text, sentences, &alias_scan_seconds, threads);
  clock.Lap(&StageProfile::entity_patterns);
  if (options.profile != nullptr) {  // the alias scan is its own stage
    options.profile->entity_patterns -= alias_scan_seconds;
    options.profile->gazetteer += alias_scan_seconds;
  }

  // Relative dates count from the reference date, the previous date or a
  // fact of the rules (released=, founded= of the entity an alias names).
  const FactLookup facts = [this](std::string_view alias, std::string_view attribute) -> std::optional<Fact> {
    const GazetteerEntry* entry = entities_->Lookup(alias);
    if (entry == nullptr) return std::nullopt;
    const auto it = entry->attributes.find(std::string(attribute));
    if (it == entry->attributes.end()) return std::nullopt;
    const auto source = entry->attributes.find(std::string(attribute) + "_source");
    return Fact{it->second, entry->canonical, source == entry->attributes.end() ? "" : source->second};
  };
  ReferenceDate reference;
  if (!options.reference_date.empty()) {
    reference = {options.reference_date, "flag", 0};
  } else if (std::optional<ReferenceDate> found = FindReferenceDate(text, *rules_)) {
    reference = *found;
  } else if (std::optional<std::string> inferred = InferReferenceDate(dates, facts)) {
    reference = {*inferred, "anchor", 0};
  }
  result.reference_date = reference.value;
  result.reference_date_origin = reference.origin;
  // Events rules: sentences in another time than their paragraph's
  // (no_carry), dates inside a modifier clause (background), dates next to a
  // birth or death trigger (personal: at most a
  // few bytes between them, either side: "born 28 June 1971", "1971 年出生于"),
  // sentences in the first person, and the pronoun words kept for
  // PronounMentions below.
  DateContext date_context{reference.value, facts, {}, {}, {}, &rules_->sentence_punctuation().ends, {}};
  std::vector<std::vector<PatternMatch>> person_words(sentences.size());
  if (!rules_->event_rules().empty()) {
    constexpr std::size_t kNextTo = 6;
    date_context.no_carry.resize(sentences.size());
    date_context.personal.resize(dates.size());
    date_context.first_person.resize(sentences.size());
    date_context.background.resize(dates.size());
    std::vector<std::vector<std::size_t>> dates_in(sentences.size());
    for (std::size_t d = 0; d < dates.size(); ++d) dates_in[static_cast<std::size_t>(dates[d].sentence)].push_back(d);
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      for (PatternMatch& m : rules_->event_index().Run(text, {sentences[s].begin, sentences[s].end})) {
        const std::string& action = m.rule->kind;
        if (action == "no_carry") {
          date_context.no_carry[s] = true;
          continue;
        }
        if (action == "first_person") {
          date_context.first_person[s] = true;
          continue;
        }
        if (action == "background") {
          for (std::size_t d : dates_in[s]) {
            const Span& span = dates[d].date.span;
            if (m.span.begin <= span.begin && span.end <= m.span.end) date_context.background[d] = true;
          }
          continue;
        }
        if (action != "personal") {
          person_words[s].push_back(std::move(m));
          continue;
        }
        for (std::size_t d : dates_in[s]) {
          const Span& span = dates[d].date.span;
          const bool before = m.span.end <= span.begin && span.begin - m.span.end <= kNextTo;
          const bool after = span.end <= m.span.begin && m.span.begin - span.end <= kNextTo;
          if (before || after) date_context.personal[d] = true;
        }
      }
    }
  }
  const std::vector<FoundEvent> events = BuildEvents(text, sentences, &dates, entities, date_context);

  std::unordered_map<std::string_view, std::string> wikidata_of;  // one gazetteer lookup per entity, not per mention
  for (const FoundEntity& e : entities) {
    const auto [wikidata, first] = wikidata_of.try_emplace(e.canonical);
    if (first) wikidata->second = WikidataOf(*entities_, e.canonical);
    result.mentions.push_back({EntityId(e.canonical), e.canonical, e.type, original(e.span), e.sentence, source(e.span),
                               e.rule_id, wikidata->second});
  }
  for (const SentenceDate& d : dates) {
    if (d.date.value.empty()) continue;  // an anaphor with nothing to refer to
    result.dates.push_back({original(d.date.span), d.date.value, d.date.mod, d.date.kind, d.sentence,
                            source(d.date.span), d.date.rule_id, d.date.anchor});
  }
  for (const FoundEvent& e : events) {
    const FoundDate& date = dates[e.date_index].date;
    const Sentence& sentence = sentences[static_cast<std::size_t>(e.sentence)];
    Event event;
    event.date = date.value;
    event.mod = date.mod;
    event.date_text = original(date.span);
    for (const std::string& canonical : e.canonicals) event.entity_ids.push_back(EntityId(canonical));
    event.text = original({sentence.begin, sentence.end});
    event.source = source({sentence.begin, sentence.end});
    result.events.push_back(std::move(event));
  }

  clock.Lap(&StageProfile::events);

  // Relations, paragraph by paragraph; a relation is dated by the date its
  // own clause states: of the dates written in the sentence where its
  // statement ends, the one nearest its later mention ("born in 1971, ...,
  // co-founded OpenAI in 2015"; "joined Facebook in 2013 and won the Turing
  // Award in 2018"). A sentence that writes no date lends the relation its
  // event date (carried through the paragraph), as before. The events of
  // that sentence with the same date carry it.
  // A birth or death date (personal) belongs to its person, never to a
  // relation: "Elon Musk, born 28 June 1971, co-founder of OpenAI" does not
  // date the founding.
  std::vector<std::string> sentence_dates(sentences.size());
  std::vector<std::vector<std::size_t>> events_of(sentences.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto s = static_cast<std::size_t>(events[i].sentence);
    if (sentence_dates[s].empty() && !date_context.IsPersonal(events[i].date_index) &&
        !date_context.IsBackground(events[i].date_index)) {
      sentence_dates[s] = dates[events[i].date_index].date.value;
    }
    events_of[s].push_back(i);
  }
  std::vector<std::vector<std::size_t>> written_dates(sentences.size());  // into dates, in text order
  for (std::size_t d = 0; d < dates.size(); ++d) {
    const FoundDate& date = dates[d].date;
    if (date.value.empty() || date.kind == "duration" || date.kind == "anaphoric" || date.approximate) continue;
    if (date_context.IsPersonal(d)) continue;
    written_dates[static_cast<std::size_t>(dates[d].sentence)].push_back(d);
  }
  auto relation_date = [&](const FoundRelation& r) -> std::string {
    const auto s = static_cast<std::size_t>(r.sentence);
    std::string best = r.own_date ? "" : sentence_dates[s];
    // Nearest date wins, but a date after the statement and past a clause
    // boundary ("他在 2013 年加入谷歌,2015 年辞职", "joined Google in 2013,
    // and left in 2015") dates the next clause: it is taken only when no
    // other date is written.
    constexpr std::size_t kNextClause = std::size_t{1} << 40;
    std::size_t best_distance = static_cast<std::size_t>(-1);
    for (std::size_t d : written_dates[s]) {
      const Span& span = dates[d].date.span;
      const bool between = span.begin >= r.first_mention.end && span.end <= r.last_mention.begin;
      if (r.own_date && !between) continue;
      // A modifier clause's date ("OpenAI, the lab founded in late 2015")
      // dates the clause, not a statement around it.
      if (date_context.IsBackground(d) && !between) continue;
      const Span& near = r.last_mention;
      std::size_t distance = span.end <= near.begin ? near.begin - span.end
                             : span.begin >= near.end ? span.begin - near.end
                                                      : 0;
      if (span.begin >= near.end &&
          std::string_view(text).substr(near.end, span.begin - near.end).find_first_of(",;") != std::string_view::npos) {
        distance += kNextClause;
      }
      if (distance < best_distance) {
        best_distance = distance;
        best = dates[d].date.value;
      }
    }
    return best;
  };
  const std::vector<Interlocutors> interlocutors = TurnInterlocutors(text, sentences, entities);
  std::vector<std::vector<const FoundEntity*>> by_sentence(sentences.size());
  for (const FoundEntity& e : entities) by_sentence[static_cast<std::size_t>(e.sentence)].push_back(&e);
  std::vector<std::vector<FoundEntity>> pronouns(sentences.size());
  // A paragraph that opens with "He …" or "2015 年,他…" speaks of the
  // subject the previous paragraph hands on (a biography told paragraph by
  // paragraph); within a paragraph a pronoun looks at the sentence before.
  std::size_t paragraph_start = 0;
  std::vector<const FoundEntity*> previous_paragraph_subject;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    // The speaker's label stays a mention: "Wojciech Zaremba: co-founder of
    // OpenAI." is a list entry that rules may read ("X: co-founder of Y");
    // what a turn says ("Ilya Sutskever: 我们开发了 GPT-1") is kept from its
    // label because no rule's gap crosses the colon (rules/*/relations.json).
    pronouns[s] = PronounMentions(sentences[s], static_cast<int>(s), interlocutors[s], by_sentence[s], person_words[s]);
    const bool continues_paragraph = s > 0 && sentences[s - 1].paragraph == sentences[s].paragraph;
    if (s > 0 && !continues_paragraph) {
      previous_paragraph_subject = ParagraphSubject(text, sentences[paragraph_start], by_sentence[paragraph_start]);
      paragraph_start = s;
    }
    const std::vector<const FoundEntity*>& antecedents =
        continues_paragraph ? by_sentence[s - 1] : previous_paragraph_subject;
    for (FoundEntity& subject :
         SubjectPronounMentions(sentences[s], static_cast<int>(s), by_sentence[s], antecedents, person_words[s])) {
      pronouns[s].push_back(std::move(subject));
    }
    if (pronouns[s].empty()) continue;
    for (const FoundEntity& p : pronouns[s]) by_sentence[s].push_back(&p);
    std::stable_sort(by_sentence[s].begin(), by_sentence[s].end(),
                     [](const FoundEntity* a, const FoundEntity* b) { return a->span.begin < b->span.begin; });
  }
  std::vector<std::pair<std::size_t, std::size_t>> paragraphs;  // [first, last) sentences
  for (std::size_t first = 0; first < sentences.size();) {
    std::size_t last = first + 1;
    while (last < sentences.size() && sentences[last].paragraph == sentences[first].paragraph) ++last;
    paragraphs.emplace_back(first, last);
    first = last;
  }
  auto relations_of = [&](std::size_t first_paragraph, std::size_t last_paragraph) {
    std::vector<FoundRelation> part;
    for (std::size_t p = first_paragraph; p < last_paragraph; ++p) {
      for (FoundRelation& r : FindRelations(text, sentences, paragraphs[p].first, paragraphs[p].second, by_sentence,
                                            *rules_)) {
        part.push_back(std::move(r));
      }
    }
    return part;
  };
  auto paragraph_bytes = [&](std::size_t p) {
    return sentences[paragraphs[p].second - 1].end - sentences[paragraphs[p].first].begin;
  };
  for (const std::vector<FoundRelation>& part :
       ParallelParts<std::vector<FoundRelation>>(paragraphs.size(), threads, paragraph_bytes, relations_of)) {
    for (const FoundRelation& r : part) {
      const auto s = static_cast<std::size_t>(r.sentence);
      const Span span{sentences[static_cast<std::size_t>(r.first_sentence)].begin, sentences[s].end};
      Relation relation{r.type, EntityId(r.from), EntityId(r.to), relation_date(r), original(span), source(span),
                        r.rule_id};
      for (std::size_t i : events_of[s]) {  // result.events[i] was built from events[i]
        if (result.events[i].date != relation.date) continue;  // a birth event carries no founding
        const std::vector<std::string>& ids = result.events[i].entity_ids;
        if (std::find(ids.begin(), ids.end(), relation.from_id) != ids.end() ||
            std::find(ids.begin(), ids.end(), relation.to_id) != ids.end()) {
          result.events[i].relations.push_back({relation.type, relation.from_id, relation.to_id});
        }
      }
      result.relations.push_back(std::move(relation));
    }
  }
  clock.Lap(&StageProfile::relations);
  return result;
}

}  // namespace chronograph::extract
