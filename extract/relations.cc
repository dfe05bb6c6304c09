#include "extract/relations.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "extract/matcher.h"

namespace chronograph::extract {
namespace {

const char kOpen[] = "\xE2\x9F\xA6";   // ⟦
const char kClose[] = "\xE2\x9F\xA7";  // ⟧

// Mention indexes written inside a captured slot ("⟦PERSON#0⟧、⟦PERSON#2⟧").
std::vector<std::size_t> SlotIndexes(std::string_view slot) {
  std::vector<std::size_t> out;
  for (std::size_t hash = slot.find('#'); hash != std::string_view::npos; hash = slot.find('#', hash + 1)) {
    std::size_t n = 0, p = hash + 1;
    while (p < slot.size() && slot[p] >= '0' && slot[p] <= '9') n = n * 10 + static_cast<std::size_t>(slot[p++] - '0');
    out.push_back(n);
  }
  return out;
}

// Slot captures are named "from" or "to", optionally numbered ("to2") when a
// statement names its ends in several places.
bool IsSlot(const std::string& name, std::string_view role) {
  if (name.compare(0, role.size(), role) != 0) return false;
  return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(role.size()), name.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

// Runs `index` over `skeleton` and turns its matches into relations between
// `mentions`; `seen` drops duplicates across the paragraph.
void Collect(const PatternIndex& index, const std::string& skeleton, const std::vector<const FoundEntity*>& mentions,
             std::set<std::tuple<std::string, std::string, std::string>>* seen, std::vector<FoundRelation>* out) {
  for (const PatternMatch& m : index.Run(skeleton, {0, skeleton.size()})) {
    if (m.rule->suppress) continue;
    std::vector<std::size_t> from, to;
    for (const auto& [name, span] : m.captures) {
      std::vector<std::size_t>* into = IsSlot(name, "from") ? &from : IsSlot(name, "to") ? &to : nullptr;
      if (into == nullptr) continue;
      for (std::size_t k : SlotIndexes(std::string_view(skeleton).substr(span.begin, span.size()))) {
        if (k < mentions.size()) into->push_back(k);
      }
    }
    for (std::size_t f : from) {
      for (std::size_t t : to) {
        const FoundEntity& a = *mentions[f];
        const FoundEntity& b = *mentions[t];
        if (a.canonical == b.canonical || !seen->emplace(m.rule->type, a.canonical, b.canonical).second) continue;
        out->push_back({m.rule->type, a.canonical, b.canonical, m.rule->id, std::min(a.sentence, b.sentence),
                        std::max(a.sentence, b.sentence), a.span.begin > b.span.begin ? a.span : b.span,
                        a.span.begin > b.span.begin ? b.span : a.span, m.rule->own_date});
      }
    }
  }
}

}  // namespace

std::vector<FoundEntity> PronounMentions(const Sentence& sentence, int sentence_index, const Interlocutors& who,
                                         const std::vector<const FoundEntity*>& mentions,
                                         const std::vector<PatternMatch>& person_words, WorkCounter* work) {
  std::vector<const PatternMatch*> pronouns;
  std::vector<Span> not_pronouns;  // entity mentions and "not_pronoun" words
  for (const PatternMatch& w : person_words) {
    if (w.rule->kind == "speaker" || w.rule->kind == "addressee") pronouns.push_back(&w);
    if (w.rule->kind == "not_pronoun") not_pronouns.push_back(w.span);
  }
  std::vector<FoundEntity> out;
  if (pronouns.empty()) return out;
  for (const FoundEntity* m : mentions) not_pronouns.push_back(m->span);
  const auto by_begin = [](const Span& a, const Span& b) { return a.begin < b.begin; };
  std::sort(not_pronouns.begin(), not_pronouns.end(), by_begin);
  std::stable_sort(pronouns.begin(), pronouns.end(),
                   [&](const PatternMatch* a, const PatternMatch* b) { return by_begin(a->span, b->span); });
  CountWork(work, not_pronouns.size() + pronouns.size());
  // Does a pronoun overlap a span of not_pronouns? Pronouns come in text
  // order, so one pointer walks the sorted spans once, keeping the furthest
  // end among those begun before the pronoun's end.
  std::size_t begun = 0, furthest_end = 0, last_end = 0;
  for (const PatternMatch* p : pronouns) {
    CountWork(work);
    const Span& span = p->span;
    if (span.begin < last_end || span.begin < sentence.begin || span.end > sentence.end) continue;
    for (; begun < not_pronouns.size() && not_pronouns[begun].begin < span.end; ++begun) {
      CountWork(work);
      furthest_end = std::max(furthest_end, not_pronouns[begun].end);
    }
    last_end = span.end;
    const bool speaker = p->rule->kind == "speaker";
    const std::string& name = speaker ? who.speaker : who.addressee;
    if (span.begin < furthest_end || name.empty()) continue;
    out.push_back({span, name, "PERSON", speaker ? "pronoun:speaker" : "pronoun:addressee", sentence_index});
  }
  return out;
}

namespace {

// Does a "subject" word's type list ("ORG|MODEL") hold `type`?
bool StandsFor(std::string_view types, std::string_view type) {
  for (std::size_t begin = 0; begin <= types.size();) {
    std::size_t end = types.find('|', begin);
    if (end == std::string_view::npos) end = types.size();
    if (types.substr(begin, end - begin) == type) return true;
    begin = end + 1;
  }
  return false;
}

}  // namespace

std::vector<FoundEntity> SubjectPronounMentions(const Sentence& sentence, int sentence_index,
                                                const std::vector<const FoundEntity*>& mentions,
                                                const std::vector<const FoundEntity*>& previous,
                                                const std::vector<PatternMatch>& person_words) {
  std::vector<FoundEntity> out;
  if (previous.empty()) return out;
  for (const PatternMatch& w : person_words) {
    if (w.rule->kind != "subject" || w.span.begin < sentence.begin || w.span.end > sentence.end) continue;
    const bool inside_mention = std::any_of(mentions.begin(), mentions.end(), [&](const FoundEntity* m) {
      return m->span.begin < w.span.end && w.span.begin < m->span.end;
    });
    if (inside_mention) continue;
    for (const FoundEntity* m : previous) {
      if (m->rule_id == "pronoun:speaker" || m->rule_id == "pronoun:addressee") continue;
      if (!StandsFor(w.rule->type, m->type)) continue;
      out.push_back({w.span, m->canonical, m->type, "pronoun:subject", sentence_index});
      break;
    }
    break;  // one subject per sentence
  }
  return out;
}

namespace {

// Appends `piece` with every run of spaces read as one space, and none
// before a comma or stop: blanked markup leaves them ("Winograd's
// [SHRDLU](…)" reads "Winograd's  SHRDLU", "[Max Little](…), Professor"
// reads "Max Little , Professor").
void AppendOneSpaced(std::string_view piece, std::string* out) {
  for (const char c : piece) {
    if (c == ' ' && !out->empty() && out->back() == ' ') continue;
    if ((c == ',' || c == '.' || c == ';' || c == ':') && !out->empty() && out->back() == ' ') out->pop_back();
    out->push_back(c);
  }
}

}  // namespace

std::string Skeleton(std::string_view text, std::size_t begin, std::size_t end,
                     const std::vector<const FoundEntity*>& mentions) {
  std::string out;
  std::size_t pos = begin;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const FoundEntity& m = *mentions[k];
    if (m.span.begin < pos) continue;  // overlaps the previous mention (an expanded list)
    AppendOneSpaced(text.substr(pos, m.span.begin - pos), &out);
    out += kOpen + m.type + "#" + std::to_string(k) + kClose;
    pos = m.span.end;
  }
  if (pos < end) AppendOneSpaced(text.substr(pos, end - pos), &out);
  return out;
}

std::vector<FoundRelation> FindRelations(std::string_view text, const std::vector<Sentence>& sentences,
                                         std::size_t first, std::size_t last,
                                         const std::vector<std::vector<const FoundEntity*>>& by_sentence,
                                         const RuleSet& rules) {
  std::vector<FoundRelation> out;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::vector<const FoundEntity*> paragraph;
  std::size_t with_mentions = 0;
  for (std::size_t s = first; s < last; ++s) {
    const std::vector<const FoundEntity*>& mentions = by_sentence[s];
    paragraph.insert(paragraph.end(), mentions.begin(), mentions.end());
    if (!mentions.empty()) ++with_mentions;
    if (mentions.size() < 2 || rules.relation_rules().empty()) continue;
    Collect(rules.relation_index(), Skeleton(text, sentences[s].begin, sentences[s].end, mentions), mentions, &seen,
            &out);
  }
  // A statement over several sentences needs mentions in at least two.
  if (with_mentions >= 2 && !rules.paragraph_relation_rules().empty()) {
    Collect(rules.paragraph_relation_index(),
            Skeleton(text, sentences[first].begin, sentences[last - 1].end, paragraph), paragraph, &seen, &out);
  }
  return out;
}

}  // namespace chronograph::extract
