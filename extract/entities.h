// Entities: gazetteer and pattern matches -> entity mentions.
// EntityFinder is built once from a RuleSet (every gazetteer alias becomes a
// Hyperscan literal, all scanned in one pass per document, and an RE2
// pattern that checks each hit; short Latin aliases are case-sensitive, the
// rest ASCII-case-insensitive; the longest alias at each start position is a
// candidate) and is then immutable and thread-safe. Find() returns the mentions of one document in text order:
//   - Latin aliases need ASCII word boundaries; spaces, hyphens and name dots
//     in aliases match flexibly ("GPT-4" = "GPT 4" = "GPT4" = "GPT- 4");
//   - a weak alias ("~Ilya") counts only if the document also names the
//     entity by a strong alias or names one of its context entities;
//   - where the remaining matches overlap the longest wins, the gazetteer on
//     ties (every start position is tried, so a long alias starting inside
//     a shorter match still competes);
//   - a pattern match whose text is a gazetteer alias becomes that entity;
//   - pattern matches that differ only in case, spaces and hyphens ("GPT5",
//     "GPT-5") are one entity, named by the longest spelling;
//   - a name given once with its original ("安德烈·卡帕斯(Andrej
//     Karpathy)") is that entity wherever the document writes it alone;
//   - a person found by pattern ("James Martens") is also found later by
//     the last part of the name ("Martens", "卡帕斯"), a Han name found by
//     pattern ("王小明") by itself, within the same document.
#ifndef CHRONOGRAPH_EXTRACT_ENTITIES_H_
#define CHRONOGRAPH_EXTRACT_ENTITIES_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/matcher.h"
#include "extract/rule_set.h"
#include "extract/sentences.h"
#include "extract/status.h"

namespace re2 {
class RE2;
}

namespace chronograph::extract {

class MultiScanner;  // multi_scan.h

struct FoundEntity {
  Span span;              // normalised offsets
  std::string canonical;
  std::string type;
  std::string rule_id;    // gazetteer file:line or pattern rule id
  int sentence = 0;
};

class EntityFinder {
 public:
  // Fails if an alias pattern cannot be compiled (reported with file:line).
  static Result<std::shared_ptr<const EntityFinder>> Create(std::shared_ptr<const RuleSet> rules);
  ~EntityFinder();
  EntityFinder(const EntityFinder&) = delete;
  EntityFinder& operator=(const EntityFinder&) = delete;

  // alias_scan_seconds, when given, receives the time of the alias scan.
  // Pattern rules run on up to `threads` threads (parts of the sentence
  // list); the result is the same for any count.
  std::vector<FoundEntity> Find(std::string_view text, const std::vector<Sentence>& sentences,
                                double* alias_scan_seconds = nullptr, unsigned threads = 1) const;

  // The gazetteer entry a surface form names, or nullptr.
  const GazetteerEntry* Lookup(std::string_view surface) const;

  // Key under which surface forms are compared: ASCII lower-case (unless
  // exact), spaces, hyphens and name dots removed.
  static std::string AliasKey(std::string_view surface, bool exact_case);

 private:
  explicit EntityFinder(std::shared_ptr<const RuleSet> rules) : rules_(std::move(rules)) {}

  struct AliasTarget {
    const GazetteerEntry* entry = nullptr;
    bool weak = false;
  };

  std::shared_ptr<const RuleSet> rules_;
  // Every alias's key (AliasKey, case kept) as a Hyperscan literal, scanned
  // over the text's key form; alias_patterns_[i] then checks a hit of alias
  // i on the text itself (flexible spaces and hyphens, but not anywhere).
  struct AliasCheck {
    std::shared_ptr<const re2::RE2> pattern;
    bool exact = false;  // a short Latin alias: matches as written; else any case
    std::string text;    // the alias as written: a hit spelled so needs no RE2 run
  };
  std::shared_ptr<const MultiScanner> aliases_;
  std::vector<AliasCheck> alias_patterns_;
  // Hashed: looked up for every hit and every pattern-found name, never iterated.
  std::unordered_map<std::string, AliasTarget> exact_keys_;
  std::unordered_map<std::string, AliasTarget> folded_keys_;
};

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_ENTITIES_H_
