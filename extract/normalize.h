// Normalisation: the one place where text is made uniform for the rules.
// Input: original UTF-8 bytes. Output: NFKC text (full-width digits, letters
// and punctuation become ASCII) with every dash folded to '-', every space
// separator to ' ', name dots (・•‧) to '·', and traditional Chinese characters
// to simplified ones (OpenCC t2s, character by character); newlines are kept, so lines
// and paragraphs survive. ToOriginal() maps any normalised byte offset back
// to the original text, so every match can be reported where it was read.
#ifndef CHRONOGRAPH_EXTRACT_NORMALIZE_H_
#define CHRONOGRAPH_EXTRACT_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chronograph::extract {

struct NormalizedText {
  std::string text;
  // origin[i] is the original offset of normalised byte i; origin[text.size()]
  // is the original length. A normalised span [b, e) came from the original
  // span [origin[b], origin[e]). 32 bits: four bytes a byte, not eight
  // (LoadDocument refuses inputs of 4 GiB and more).
  std::vector<std::uint32_t> origin;

  std::size_t ToOriginal(std::size_t offset) const { return origin[offset]; }
};

// Never fails: input must already be valid UTF-8 (see LoadDocument); a stray
// invalid byte is passed through unchanged.
NormalizedText Normalize(std::string_view original);

// The same folding for a short string (rule aliases, examples), no offsets.
std::string NormalizeString(std::string_view text);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_NORMALIZE_H_
