#include "extract/relations.h"

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

}  // namespace

std::string SentenceSkeleton(std::string_view text, const Sentence& sentence,
                             const std::vector<const FoundEntity*>& mentions) {
  std::string out;
  std::size_t pos = sentence.begin;
  for (std::size_t k = 0; k < mentions.size(); ++k) {
    const FoundEntity& m = *mentions[k];
    if (m.span.begin < pos) continue;  // overlaps the previous mention (an expanded list)
    out.append(text.substr(pos, m.span.begin - pos));
    out += kOpen + m.type + "#" + std::to_string(k) + kClose;
    pos = m.span.end;
  }
  if (pos < sentence.end) out.append(text.substr(pos, sentence.end - pos));
  return out;
}

std::vector<FoundRelation> FindRelations(std::string_view text, const Sentence& sentence,
                                         const std::vector<const FoundEntity*>& mentions, const RuleSet& rules) {
  std::vector<FoundRelation> out;
  if (mentions.size() < 2 || rules.relation_rules().empty()) return out;
  const std::string skeleton = SentenceSkeleton(text, sentence, mentions);
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const PatternMatch& m : rules.relation_index().Run(skeleton, {0, skeleton.size()})) {
    if (m.rule->suppress) continue;
    const Span from = m.captures.at("from");
    const Span to = m.captures.at("to");
    for (std::size_t f : SlotIndexes(std::string_view(skeleton).substr(from.begin, from.size()))) {
      for (std::size_t t : SlotIndexes(std::string_view(skeleton).substr(to.begin, to.size()))) {
        if (f >= mentions.size() || t >= mentions.size()) continue;
        const std::string& a = mentions[f]->canonical;
        const std::string& b = mentions[t]->canonical;
        if (a == b || !seen.emplace(m.rule->type, a, b).second) continue;
        out.push_back({m.rule->type, a, b, m.rule->id});
      }
    }
  }
  return out;
}

}  // namespace chronograph::extract
