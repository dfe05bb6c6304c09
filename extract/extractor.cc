#include "extract/extractor.h"

#include "extract/dates.h"
#include "extract/events.h"
#include "extract/normalize.h"
#include "extract/relations.h"
#include "extract/sentences.h"

namespace chronograph::extract {

Result<std::shared_ptr<const Extractor>> Extractor::Create(std::shared_ptr<const RuleSet> rules) {
  Result<std::shared_ptr<const EntityFinder>> finder = EntityFinder::Create(rules);
  if (!finder.ok()) return finder.status();
  return std::shared_ptr<const Extractor>(new Extractor(std::move(rules), finder.take()));
}

ExtractionResult Extractor::Extract(const Document& document) const {
  const NormalizedText normalized = Normalize(document.text);
  const std::string& text = normalized.text;
  const std::vector<Sentence> sentences = SplitSentences(text, rules_->abbreviations());

  auto source = [&](Span span) {
    SourceRef ref;
    ref.document = document.path;
    ref.begin = normalized.ToOriginal(span.begin);
    ref.end = normalized.ToOriginal(span.end);
    ref.line = document.LineOf(ref.begin);
    return ref;
  };
  auto original = [&](Span span) {
    const SourceRef ref = source(span);
    return document.text.substr(ref.begin, ref.end - ref.begin);
  };

  ExtractionResult result;
  result.document = document.path;
  for (const Sentence& s : sentences) {
    result.sentences.push_back(source({s.begin, s.end}));
    result.sentence_texts.push_back(original({s.begin, s.end}));
  }

  std::vector<SentenceDate> dates;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (FoundDate& d : FindDates(text, {sentences[s].begin, sentences[s].end}, *rules_)) {
      dates.push_back({std::move(d), static_cast<int>(s)});
    }
  }
  const std::vector<FoundEntity> entities = entities_->Find(text, sentences);
  const std::vector<FoundEvent> events = BuildEvents(text, sentences, &dates, entities);

  for (const FoundEntity& e : entities) {
    result.mentions.push_back({EntityId(e.canonical), e.canonical, e.type, original(e.span), e.sentence, source(e.span),
                               e.rule_id});
  }
  for (const SentenceDate& d : dates) {
    if (d.date.value.empty()) continue;  // an anaphor with nothing to refer to
    result.dates.push_back({original(d.date.span), d.date.value, d.date.mod, d.date.kind, d.sentence,
                            source(d.date.span), d.date.rule_id});
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

  // Relations, sentence by sentence, dated like the sentence's first event.
  std::vector<std::string> sentence_dates(sentences.size());
  for (const FoundEvent& e : events) {
    std::string& d = sentence_dates[static_cast<std::size_t>(e.sentence)];
    if (d.empty()) d = dates[e.date_index].date.value;
  }
  std::vector<std::vector<const FoundEntity*>> by_sentence(sentences.size());
  for (const FoundEntity& e : entities) by_sentence[static_cast<std::size_t>(e.sentence)].push_back(&e);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (const FoundRelation& r : FindRelations(text, sentences[s], by_sentence[s], *rules_)) {
      const Span span{sentences[s].begin, sentences[s].end};
      result.relations.push_back(
          {r.type, EntityId(r.from), EntityId(r.to), sentence_dates[s], original(span), source(span), r.rule_id});
    }
  }
  return result;
}

}  // namespace chronograph::extract
