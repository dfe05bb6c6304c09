// Sentence splitting over normalised text, for Chinese, English and both mixed.
// Input: NormalizedText, a set of English abbreviations ("Dr.", "e.g.") and
// the sentence punctuation of the rule files (SentencePunctuation).
// Output: sentences in text order, covering every non-blank stretch once,
// each with the index of its paragraph (blank-line separated block; a list
// item or heading also starts one). Ends: !? and the rules' end marks (。！？…) always, ';' (NFKC of ；) next to Chinese; '.' before a
// space or line end unless it closes an abbreviation or an initial, or
// follows a capitalised word and comes before a lower-case word, a '(' not
// followed by a capital, or a ',' ("Dai & Le. showed", "Le. (2015)"); a line
// end unless an English sentence obviously continues on the next line
// (JoinWrappedLines, below, first turns the breaks of hard-wrapped prose
// into spaces, so those end nothing).
// No sentence is longer than kMaxSentenceBytes: a longer one is cut (see
// there). Time and memory are linear in the text's length.
#ifndef CHRONOGRAPH_EXTRACT_SENTENCES_H_
#define CHRONOGRAPH_EXTRACT_SENTENCES_H_

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "extract/normalize.h"
#include "extract/work_counter.h"

namespace chronograph::extract {

// The longest sentence, in bytes of normalised text. Every later stage works
// sentence by sentence (dates, entities, relation skeletons), so without a
// cap one 19 MB line with no full stop is one 19 MB unit of work for each.
// A longer sentence is cut at every clause boundary (after , ; : 、, unless
// between two digits: "1,000", "10:30"), so that the pieces depend on the
// text alone (a line break after a comma gives the same pieces); a clause
// still too long is cut at its last space before the cap, else at the last
// character boundary that is not inside a Latin word or number, else at the
// last character boundary. Real sentences are shorter: the longest in the
// sample corpus is ~200 bytes, in encyclopedia pages and transcripts checked
// ~530. The cap is not larger because a piece of run-on text is a sentence
// to every later stage: a co-occurrence edge per pair of nearby names, its
// text copied as evidence; 1,000 bytes keeps those to a sentence's worth.
inline constexpr std::size_t kMaxSentenceBytes = 1000;

struct Sentence {
  std::size_t begin = 0;  // normalised byte offsets, trimmed of spaces
  std::size_t end = 0;
  int paragraph = 0;
  bool cut = false;  // ended by kMaxSentenceBytes, not by punctuation or a line end
};

// What SplitSentences did, for --verbose and for tests.
struct SplitStats {
  std::size_t forced_splits = 0;  // sentences cut at kMaxSentenceBytes (= those with cut set)
  WorkCounter work;               // bytes looked at, look-backs included
};

// Hard-wrapped prose: a line break inside a paragraph, where the line
// before it is full (at least kWrapColumns wide and at least 3/5 of the
// widest line of its block) or the next line starts in lower case (one
// phrase per line), and the line does not end a sentence or a clause that
// introduces lines (':', an end mark of `punctuation`), is where an editor wrapped the text, not where the
// author ended a line. It becomes a space, or is taken out between two
// Chinese/Japanese/Korean characters (with the spaces around it), so that
// "AlphaGo\nZero", "Google\nDeepMind" and "深度\n学习" read as one name and
// the break ends no sentence. Never joined: a blank line; a line that opens
// a paragraph (heading, list item, quote, numbered item); a table row
// ('|'); a code fence; a speaker label ("Name: ", "黄仁勋："); a heading.
// text->origin is kept in step, so offsets still map to the original text
// (and evidence shows the original line breaks). Linear in the text.
inline constexpr std::size_t kWrapColumns = 40;  // a CJK character counts two
struct SentencePunctuation;
void JoinWrappedLines(NormalizedText* text, const SentencePunctuation& punctuation);

// Punctuation beyond ASCII, from the rule files (*/punctuation.tsv): marks
// that always end a sentence ("。", "！", "…") and marks that close one and
// stay with it ("」", "”"). ASCII . ! ? ; " ' ) ] are handled here, with the
// abbreviation, initial and list-number checks they need.
struct SentencePunctuation {
  std::vector<std::string> ends;
  std::vector<std::string> closers;
};

// Never fails. stats, when not null, is added to.
std::vector<Sentence> SplitSentences(const std::string& normalized_text,
                                     const std::set<std::string>& abbreviations,
                                     const SentencePunctuation& punctuation, SplitStats* stats = nullptr);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_SENTENCES_H_
