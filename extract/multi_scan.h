// MultiScanner: many literals (or patterns) compiled once into one Hyperscan
// database and run over a text in a single pass. Input: literal byte strings,
// each case-sensitive or ASCII-caseless (CompileLiterals: fast to compile
// and to scan, the common case), or patterns in Hyperscan/PCRE syntax,
// UTF-8, with per-pattern flags (Compile). Output: every (pattern, begin, end) the
// database reports, handed to a callback in the order Hyperscan finds them
// (by end offset). Immutable after Compile(); Scan() may run on many threads
// at once (each thread keeps its own scratch space).
//
// Patterns that Hyperscan cannot compile are not an error here: Compile()
// returns their indices so that the caller can fall back to another engine
// for them (the rules are checked by RE2 when they are loaded).
#ifndef CHRONOGRAPH_EXTRACT_MULTI_SCAN_H_
#define CHRONOGRAPH_EXTRACT_MULTI_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct hs_database;

namespace chronograph::extract {

struct ScanPattern {
  std::string expression;
  bool caseless = false;
  // Report where each match starts (leftmost start for each end). Costs
  // speed; without it `begin` is always 0.
  bool start_of_match = false;
  // Compile an approximation that matches at least everything the pattern
  // matches (Hyperscan's prefilter mode), for patterns with constructs
  // Hyperscan cannot run exactly. Only whether and where it ends is reported.
  bool prefilter = false;
  // Report one match per scan at most (enough to learn "may match here").
  bool single_match = false;
};

struct ScanLiteral {
  std::string bytes;     // non-empty
  bool caseless = false; // ASCII letters in any case
};

class MultiScanner {
 public:
  MultiScanner() = default;
  ~MultiScanner();
  MultiScanner(const MultiScanner&) = delete;
  MultiScanner& operator=(const MultiScanner&) = delete;

  // Compiles every pattern that Hyperscan accepts; ids are indices into
  // patterns. Returns the indices it could not compile (each is retried
  // alone so that one bad pattern does not cost the others).
  std::vector<std::size_t> Compile(const std::vector<ScanPattern>& patterns);

  // Compiles literals; ids are indices into literals and matches report
  // their exact begin. Fails (false) only if Hyperscan refuses the set.
  bool CompileLiterals(const std::vector<ScanLiteral>& literals);

  bool empty() const { return database_ == nullptr; }

  // Calls on_match(id, begin, end) for each match in text. Returns false if
  // Hyperscan failed (out of memory for scratch space): the caller must not
  // trust a partial result.
  using OnMatch = std::function<void(unsigned id, std::size_t begin, std::size_t end)>;
  bool Scan(std::string_view text, const OnMatch& on_match) const;

 private:
  hs_database* database_ = nullptr;
  std::vector<unsigned> ids_;  // Hyperscan id -> index into the patterns given
  std::vector<std::size_t> literal_lengths_;  // literals: the length of each, to report begins
  std::uint64_t generation_ = 0;  // tells thread-local scratch spaces apart
};

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_MULTI_SCAN_H_
