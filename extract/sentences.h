// Sentence splitting over normalised text, for Chinese, English and both mixed.
// Input: NormalizedText and a set of English abbreviations ("Dr.", "e.g.").
// Output: sentences in text order, covering every non-blank stretch once,
// each with the index of its paragraph (blank-line separated block; a list
// item or heading also starts one). Ends: 。！？!?… always, ';' (NFKC of ；) next to Chinese; '.' before a
// space or line end unless it closes an abbreviation or an initial; a line
// end unless an English sentence obviously continues on the next line.
#ifndef CHRONOGRAPH_EXTRACT_SENTENCES_H_
#define CHRONOGRAPH_EXTRACT_SENTENCES_H_

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace chronograph::extract {

struct Sentence {
  std::size_t begin = 0;  // normalised byte offsets, trimmed of spaces
  std::size_t end = 0;
  int paragraph = 0;
};

std::vector<Sentence> SplitSentences(const std::string& normalized_text,
                                     const std::set<std::string>& abbreviations);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_SENTENCES_H_
