#include "extract/relations.h"

#include <algorithm>
#include <cctype>
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

bool StartsWithAt(std::string_view s, std::size_t pos, std::string_view word) {
  return pos <= s.size() && s.substr(pos).substr(0, word.size()) == word;
}
bool EndsWithAt(std::string_view s, std::size_t pos, std::string_view word) {
  return pos >= word.size() && s.substr(pos - word.size(), word.size()) == word;
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
                        std::max(a.sentence, b.sentence),
                        a.span.begin > b.span.begin ? a.span : b.span});
      }
    }
  }
}

}  // namespace

std::vector<FoundEntity> PronounMentions(std::string_view text, const Sentence& sentence, int sentence_index,
                                         const Interlocutors& who, const std::vector<const FoundEntity*>& mentions,
                                         WorkCounter* work) {
  struct Pronoun {
    std::string_view word;
    bool speaker;
  };
  // The Latin "I" needs word boundaries; the Han forms need their neighbours
  // checked for the plural, reflexive and generic uses.
  static const Pronoun kPronouns[] = {{"我", true}, {"I", true}, {"你", false}, {"您", false}};
  std::vector<FoundEntity> out;
  // Is [pos, end) inside a mention? The mentions sorted by begin, with the
  // furthest end among those begun before `end`: pronouns come in text
  // order, so one pointer walks them once instead of testing every mention
  // for every pronoun.
  std::vector<Span> spans;
  for (const FoundEntity* m : mentions) spans.push_back(m->span);
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  CountWork(work, spans.size());
  std::size_t begun = 0, furthest_end = 0;
  const std::string_view s = text.substr(0, sentence.end);
  for (std::size_t pos = sentence.begin; pos < sentence.end;) {
    CountWork(work);
    const Pronoun* found = nullptr;
    for (const Pronoun& p : kPronouns) {
      if (StartsWithAt(s, pos, p.word)) found = &p;
    }
    if (found == nullptr) {
      ++pos;
      continue;
    }
    const std::size_t end = pos + found->word.size();
    bool person = true;
    if (found->word == "I") {
      const bool left = pos == 0 || !std::isalnum(static_cast<unsigned char>(s[pos - 1]));
      bool right = end >= s.size() || (!std::isalnum(static_cast<unsigned char>(s[end])) && s[end] != '.' &&
                                       s[end] != '-' && s[end] != '\'');
      // The contractions of the pronoun ("I'll", "I've", "I'm", "I'd") are
      // the speaker too; other apostrophes are not ("Part I's").
      for (std::string_view tail : {"'ll", "'ve", "'m", "'d"}) {
        const std::size_t after = end + tail.size();
        if (StartsWithAt(s, end, tail) &&
            (after >= s.size() || !std::isalnum(static_cast<unsigned char>(s[after])))) {
          right = true;
        }
      }
      person = left && right;
    } else {
      for (std::string_view after : {"们", "国", "方", "司", "校"}) person = person && !StartsWithAt(s, end, after);
      for (std::string_view before : {"自", "忘", "本"}) person = person && !EndsWithAt(s, pos, before);
      if (!found->speaker) {
        std::size_t p = pos;
        while (p > sentence.begin && s[p - 1] == ' ') --p;
        for (std::string_view before : {"如果", "假如", "假设", "要是", "当", "如"}) {
          person = person && !EndsWithAt(s, p, before);
        }
      }
    }
    const std::string& name = found->speaker ? who.speaker : who.addressee;
    for (; begun < spans.size() && spans[begun].begin < end; ++begun) {
      CountWork(work);
      furthest_end = std::max(furthest_end, spans[begun].end);
    }
    const bool inside = begun > 0 && pos < furthest_end;
    if (person && !inside && !name.empty()) {
      out.push_back({{pos, end}, name, "PERSON", found->speaker ? "pronoun:speaker" : "pronoun:addressee",
                     sentence_index});
    }
    pos = end;
  }
  return out;
}

std::string Skeleton(std::string_view text, std::size_t begin, std::size_t end,
                     const std::vector<const FoundEntity*>& mentions) {
  std::string out;
  std::size_t pos = begin;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const FoundEntity& m = *mentions[k];
    if (m.span.begin < pos) continue;  // overlaps the previous mention (an expanded list)
    out.append(text.substr(pos, m.span.begin - pos));
    out += kOpen + m.type + "#" + std::to_string(k) + kClose;
    pos = m.span.end;
  }
  if (pos < end) out.append(text.substr(pos, end - pos));
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
