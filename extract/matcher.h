// Runs compiled pattern rules over a stretch of normalised text.
// Output: every non-overlapping match of every rule (per rule, left to right),
// with its named captures as absolute offsets. A rule whose pattern carries a
// group named "name" advances past that group rather than the whole match, so
// context characters a pattern needs (RE2 has no look-around) can be shared
// by neighbouring matches. ResolveOverlaps then applies suppressors and keeps
// the longest match wherever matches overlap (ties: the earlier rule).
// A match containing a match of its rule's "reject" pattern is dropped.
#ifndef CHRONOGRAPH_EXTRACT_MATCHER_H_
#define CHRONOGRAPH_EXTRACT_MATCHER_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/rule_set.h"

namespace chronograph::extract {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return begin == end; }
  std::size_t size() const { return end - begin; }
  bool Overlaps(const Span& other) const { return begin < other.end && other.begin < end; }
};

// A set of pairwise disjoint spans with a logarithmic overlap test, for the
// "longest match wins" passes (a linear scan made them quadratic).
class DisjointSpans {
 public:
  bool Overlaps(const Span& s) const;
  void Insert(const Span& s);  // s must not overlap a span already held

 private:
  std::map<std::size_t, std::size_t> spans_;  // begin -> end
};

// The spans of "suppress" matches ("100 个人", "三星杯"), merged into
// disjoint sorted ones. Cuts(s): s overlaps one without holding it whole, so
// "三星" in "三星杯" is cut and "机器人世界杯" (RoboCup) is not. A logarithmic
// test: a text full of suppressed spans ("10:30" timestamps) stays linear.
class SuppressedSpans {
 public:
  explicit SuppressedSpans(std::vector<Span> spans);
  bool Cuts(const Span& s) const;

 private:
  std::vector<Span> merged_;  // disjoint, sorted: ends grow with begins
};

struct PatternMatch {
  const PatternRule* rule = nullptr;
  std::size_t rule_index = 0;  // order in the rule list: earlier wins ties
  Span span;                   // the "name" group if the pattern has one, else the whole match
  std::map<std::string, Span> captures;  // named groups that took part in the match
};

// Matches of every rule in rules over text[range.begin, range.end); the
// range is the whole input to RE2, so ^ and $ match at its ends.
std::vector<PatternMatch> RunPatterns(const std::vector<PatternRule>& rules, std::string_view text, Span range);

// The size of a rule's compiled RE2 program. RE2 never backtracks: matching
// costs at most (program size) steps per byte of text, so this is the work
// bound per byte that tests check for pathological patterns ((a+)+$).
int PatternProgramSize(const PatternRule& rule);

// A prefilter over one rule list: RE2's FilteredRE2 reduces every rule to
// the literal "atoms" a match must contain (年, 月, month names, trigger
// words); one Hyperscan pass finds the atoms in the range, and only the
// rules whose atoms are there run in RE2 (most sentences hold no date, most
// hold no relation). Rules without atoms always run. Same result as
// RunPatterns. Immutable and thread-safe; the rules must outlive the index.
class PatternIndex {
 public:
  explicit PatternIndex(const std::vector<PatternRule>& rules);
  ~PatternIndex();
  PatternIndex(const PatternIndex&) = delete;
  PatternIndex& operator=(const PatternIndex&) = delete;

  std::vector<PatternMatch> Run(std::string_view text, Span range) const;

  // How many rules run on every range because Hyperscan could not compile
  // them (for tests and --verbose).
  std::size_t always_run_count() const;

 private:
  struct Prefilter;
  const std::vector<PatternRule>& rules_;
  std::unique_ptr<Prefilter> prefilter_;  // null if the set could not be built: every rule runs
};

// Drops matches a suppressor cuts (SuppressedSpans), then matches
// overlapping a longer match.
// Result is in text order and holds no suppressors.
std::vector<PatternMatch> ResolveOverlaps(std::vector<PatternMatch> matches);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_MATCHER_H_
