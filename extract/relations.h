// Relations: typed, directed facts stated by relation rules.
// Input: one sentence, the entity mentions inside it, the sentence's date
// (its own or inherited; "" if none). The sentence is rewritten as a
// skeleton where every mention becomes ⟦TYPE#k⟧ (k = index into mentions),
// and each relation rule runs over it (see ExpandSlots in rule_set.h);
// every entity in a {..:from} slot is related to every entity in the
// {..:to} slot. Output: relations in rule order, without self-relations or
// duplicates. Thread-safe; no state.
#ifndef CHRONOGRAPH_EXTRACT_RELATIONS_H_
#define CHRONOGRAPH_EXTRACT_RELATIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/rule_set.h"
#include "extract/sentences.h"

namespace chronograph::extract {

struct FoundRelation {
  std::string type;
  std::string from;  // canonical names
  std::string to;
  std::string rule_id;
};

// The skeleton of a sentence: mentions (sorted, non-overlapping are used)
// replaced by ⟦TYPE#k⟧. Exposed for tests and --verbose.
std::string SentenceSkeleton(std::string_view text, const Sentence& sentence,
                             const std::vector<const FoundEntity*>& mentions);

std::vector<FoundRelation> FindRelations(std::string_view text, const Sentence& sentence,
                                         const std::vector<const FoundEntity*>& mentions, const RuleSet& rules);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_RELATIONS_H_
