// Relations: typed, directed facts stated by relation rules.
// Input: one paragraph's sentences and the entity mentions inside them. Each
// sentence is rewritten as a skeleton where every mention becomes ⟦TYPE#k⟧
// (k = index into that sentence's mentions) and every sentence-scope rule
// runs over it (see ExpandSlots in rule_set.h); a rule with "scope":
// "paragraph" runs once over the skeleton of the whole paragraph instead, for
// statements that span sentences ("一方面 A …;另一方面 B …。这种组合给了我们 C").
// Every entity in a from-slot is related to every entity in a to-slot.
// In a transcript turn the pronouns of the speaker (我, I) and of the person
// addressed (你, 您; words in rules/<lang>/events.json) are mentions too
// (PronounMentions), so "Jeff Hinton
// 是我所在大学的一名教授,我找到了他" relates the speaker to Hinton.
// Output: relations in paragraph order, without self-relations or duplicates.
// Thread-safe; no state.
#ifndef CHRONOGRAPH_EXTRACT_RELATIONS_H_
#define CHRONOGRAPH_EXTRACT_RELATIONS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/events.h"
#include "extract/matcher.h"
#include "extract/rule_set.h"
#include "extract/sentences.h"
#include "extract/work_counter.h"

namespace chronograph::extract {

struct FoundRelation {
  std::string type;
  std::string from;  // canonical names
  std::string to;
  std::string rule_id;
  int first_sentence = 0;  // the evidence is sentences [first_sentence, sentence]
  int sentence = 0;        // where the statement ends: it takes this sentence's date
  Span last_mention;       // the later of its two mentions (normalised text): its date is the one nearest it
  Span first_mention;      // the earlier one
  bool own_date = false;   // PatternRule::own_date: dated only by a date between the two mentions
};

// Mentions written as pronouns in `sentence` (index `sentence_index`).
// person_words: the events rules' matches in the sentence (any order; rules
// of other actions are ignored): a "speaker" match (我, I, I'll) is the turn's
// speaker, an "addressee" match (你, 您) the person addressed, unless a
// "not_pronoun" match overlaps it (我们 is a group the speaker belongs to:
// relating the speaker to what "we" did would credit one person with a
// team's work; 自我 is "self"; 如果你 is anyone) or it lies inside an entity
// mention in `mentions`. Returned with type PERSON and rule_id
// "pronoun:speaker" or "pronoun:addressee"; for relations only, never
// reported as mentions of the document. O(w log w + m log m) for w words and
// m mentions; work, when not null, counts the steps.
std::vector<FoundEntity> PronounMentions(const Sentence& sentence, int sentence_index, const Interlocutors& who,
                                         const std::vector<const FoundEntity*>& mentions,
                                         const std::vector<PatternMatch>& person_words, WorkCounter* work = nullptr);

// A subject pronoun at the start of a sentence ("It was founded by …", "He
// joined …", "该公司于…成立"): an events rule's "subject" word (its pattern
// matches only at a sentence start; its "type" lists what it may stand for,
// "ORG|MODEL"). It stands for the subject of the sentence before it in the
// same paragraph, taken as that sentence's first mention of one of those
// types, so a chain "X … . It … . It …" keeps X. `previous` is that
// sentence's mentions in text order, its own subject pronoun included (the
// turn's speaker and addressee are not subjects here); for a sentence that
// starts a paragraph, the mentions of the previous paragraph's first
// sentence (its topic: "X was born … .\n\nIn 2015 he joined …"); empty at
// the start of a document. Returned with the antecedent's name and type
// and rule_id "pronoun:subject"; for relations only, like PronounMentions.
// O(w·m + p) for w words, m mentions and p previous mentions.
std::vector<FoundEntity> SubjectPronounMentions(const Sentence& sentence, int sentence_index,
                                                const std::vector<const FoundEntity*>& mentions,
                                                const std::vector<const FoundEntity*>& previous,
                                                const std::vector<PatternMatch>& person_words);

// The skeleton of text[range): mentions (sorted; a mention overlapping the
// previous one is skipped) replaced by ⟦TYPE#k⟧, runs of spaces as one and
// none before , . ; : (what blanked markup leaves). Exposed for tests and
// --verbose.
std::string Skeleton(std::string_view text, std::size_t begin, std::size_t end,
                     const std::vector<const FoundEntity*>& mentions);

// Relations of one paragraph, sentences[first, last). by_sentence[s] holds
// the mentions of sentence s in text order (pronoun mentions included).
std::vector<FoundRelation> FindRelations(std::string_view text, const std::vector<Sentence>& sentences,
                                         std::size_t first, std::size_t last,
                                         const std::vector<std::vector<const FoundEntity*>>& by_sentence,
                                         const RuleSet& rules);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_RELATIONS_H_
