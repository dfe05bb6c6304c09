// RuleSet: every rule file, parsed, checked and compiled once.
// Input: the embedded default files (see embedded_rules.h), overlaid by the
// files under an optional --rules directory (same relative path replaces,
// a new path adds). Output: an immutable RuleSet, safe to share across
// threads. Any problem fails the whole load with "path:line:column: reason";
// unknown keys in a pattern rule are problems too (RuleKeys in rule_set.cc).
//
// File kinds, by path (documented in rules/README.md):
//   */gazetteer/*.tsv      canonical<TAB>TYPE<TAB>alias|~weak alias[<TAB>k=v;k=v]
//   */numerals.tsv         word<TAB>integer value
//   */abbreviations.tsv    one abbreviation per line ("Dr.")
//   */punctuation.tsv      end|closer<TAB>mark: a mark that ends a sentence
//                          ("。") or closes one and stays with it ("」")
//   */<dimension>.json     {"definitions": {...}, "rules": [{"id", "pattern", ...}]}
//                          dimension: dates, entities or relations
//   *.examples.tsv         text<TAB>expected, run by the test suite
#ifndef CHRONOGRAPH_EXTRACT_RULE_SET_H_
#define CHRONOGRAPH_EXTRACT_RULE_SET_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "extract/sentences.h"
#include "extract/status.h"

namespace re2 {
class RE2;
}

namespace chronograph::extract {

class PatternIndex;  // matcher.h

struct GazetteerAlias {
  std::string text;  // normalised (NormalizeString)
  bool weak = false; // written "~alias": needs the entity or its context in the document
};

struct GazetteerEntry {
  std::string canonical;
  std::string type;
  std::vector<GazetteerAlias> aliases;
  std::vector<std::string> context;  // canonical names that license weak aliases
  std::map<std::string, std::string> attributes;  // wikidata=, founded=, ...
  std::string file;
  int line = 0;
  std::string source;  // "file:line": the rule id of its mentions, made once
};

// A compiled pattern rule from a dates/entities JSON file.
struct PatternRule {
  std::string id;         // "<lang>.<dimension>.<slug>", unique across all files
  std::string dimension;  // "dates", "entities" or "relations"
  std::string file;
  int line = 0;
  std::shared_ptr<const re2::RE2> regex;
  std::string value;      // dates: value template ("${year}-${month}"); entities: canonical template
  std::string kind;       // dates: date|interval|duration|anaphoric; entities: unused
  std::string type;       // entities: PERSON, MODEL, ...; relations: "created", "founded", ...
  std::string mod;        // dates: START|MID|END or ""
  bool suppress = false;  // "action": "suppress": removes overlapping matches of its dimension
  bool expand_list = false;  // entities: one entity per number in the "versions" capture
  // dates: "approximate": true for a bound or a guess ("六个多月以前", "more
  // than a year ago"): listed among the dates, but it dates no event.
  bool approximate = false;
  // relations: "own_date": true: the relation takes only a date written
  // between its two ends ("由 X 于 1963 年创建的 Y"), never another date of
  // its sentence or paragraph: a relative clause ("向 C 创立的特斯拉投资")
  // tells a background fact, not what happened at the sentence's date.
  bool own_date = false;
  // dates: "yearless": "next": a date written without its year, with no
  // date stated before it, takes its next occurrence on or after the
  // reference date ("15th February" on 2012-08-10 is 2013-02-15); by
  // default it takes the reference date's year ("5月23日" is 2012-05-23).
  bool yearless_next = false;
  // dates: "ambiguous_order": true: the month and day captures are numbers
  // in an order the text does not tell (3/4/2015); the value template is
  // written month first (US), and ExtractOptions::date_order "dmy" swaps
  // them. A reading that is impossible (month 31) swaps in either order.
  bool ambiguous_order = false;
  // "reject": a match whose span contains a match of this pattern is dropped
  // (RE2 has no negative look-ahead; this plays its part).
  std::shared_ptr<const re2::RE2> reject;
};

// Relation patterns run over a sentence skeleton in which every entity
// mention is written ⟦TYPE#k⟧ (see relations.h). A slot {PERSON:from},
// {MODEL|CONCEPT:to}, {ANY:to} matches one mention of those types into the
// named group; {PERSON+:from} matches a list ("A, B 和 C"): items joined by
// `separator` (a pattern; the rule file's ${list_separator}), or by up to six
// characters when it is empty. `after_slot` (the file's ${after_slot}), when
// not empty, may follow a slot outside its capture: what a language writes
// after a name that is not another argument ("辛顿(Hinton)"). Exposed for
// tests.
std::string ExpandSlots(const std::string& pattern, const std::string& separator = "",
                        const std::string& after_slot = "");

class RuleSet {
 public:
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  // files: relative path -> content. Fails with "path:line:column: reason".
  static Result<std::shared_ptr<const RuleSet>> FromFiles(const std::map<std::string, std::string>& files);

  // The embedded defaults overlaid by overlay_dir ("" for none).
  static Result<std::shared_ptr<const RuleSet>> Load(const std::string& overlay_dir);

  // The files Load would read (embedded + overlay), for the examples test.
  static Result<std::map<std::string, std::string>> CollectFiles(const std::string& overlay_dir);

  const std::vector<GazetteerEntry>& gazetteer() const { return gazetteer_; }
  const std::vector<PatternRule>& date_rules() const { return date_rules_; }
  const std::vector<PatternRule>& entity_rules() const { return entity_rules_; }
  const std::vector<PatternRule>& relation_rules() const { return relation_rules_; }
  // Relation rules with "scope": "paragraph": run over a whole paragraph's
  // skeleton, not sentence by sentence (relations.h). Not in relation_rules().
  const std::vector<PatternRule>& paragraph_relation_rules() const { return paragraph_relation_rules_; }
  // Prefiltered runners over the lists above (see PatternIndex).
  const PatternIndex& date_index() const { return *date_index_; }
  const PatternIndex& entity_index() const { return *entity_index_; }
  const PatternIndex& relation_index() const { return *relation_index_; }
  const PatternIndex& paragraph_relation_index() const { return *paragraph_relation_index_; }
  // Words about a sentence's time and person (rules/<lang>/events.json; the
  // "action" is in `kind`): no_carry, personal, first_person, speaker,
  // addressee, not_pronoun (rules/README.md).
  const std::vector<PatternRule>& event_rules() const { return event_rules_; }
  const PatternIndex& event_index() const { return *event_index_; }
  // Number words of every language ("十" -> 10, "march" -> 3), lower-cased.
  const std::map<std::string, int>& numerals() const { return numerals_; }
  const std::set<std::string>& abbreviations() const { return abbreviations_; }
  const SentencePunctuation& sentence_punctuation() const { return punctuation_; }
  // ContentHash of every file the engine read (path and bytes; examples and
  // docs excluded): two runs with equal fingerprints applied the same rules.
  // Shards and the build cache record it, and merge refuses to mix two.
  const std::string& fingerprint() const { return fingerprint_; }

 private:
  RuleSet() = default;
  Status AddGazetteer(const std::string& path, const std::string& content);
  Status AddNumerals(const std::string& path, const std::string& content);
  Status AddAbbreviations(const std::string& path, const std::string& content);
  Status AddPunctuation(const std::string& path, const std::string& content);
  Status AddPatterns(const std::string& path, const std::string& content, std::set<std::string>* ids);

  std::vector<GazetteerEntry> gazetteer_;
  std::vector<PatternRule> date_rules_;
  std::vector<PatternRule> entity_rules_;
  std::vector<PatternRule> relation_rules_;
  std::vector<PatternRule> paragraph_relation_rules_;
  std::shared_ptr<const PatternIndex> date_index_, entity_index_, relation_index_;
  std::shared_ptr<const PatternIndex> paragraph_relation_index_;
  std::vector<PatternRule> event_rules_;
  std::shared_ptr<const PatternIndex> event_index_;
  std::map<std::string, int> numerals_;
  std::string fingerprint_;
  std::set<std::string> abbreviations_;
  SentencePunctuation punctuation_;
};

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_RULE_SET_H_
