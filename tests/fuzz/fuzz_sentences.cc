// libFuzzer target: the sentence splitter over normalised text. Sentences
// must be in order, inside the text, not overlapping, and no longer than
// kMaxSentenceBytes (plus one character: the cut lands on a boundary).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "extract/normalize.h"
#include "extract/sentences.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronograph::extract;
  static const std::set<std::string> kAbbreviations = {"Dr.", "Mr.", "e.g.", "i.e.", "U.S.", "Inc."};
  static const SentencePunctuation kPunctuation = {{"。", "！", "？", "；", "…"}, {"」", "』", "”", "》", "）"}};
  const NormalizedText n = Normalize(std::string_view(reinterpret_cast<const char*>(data), size));
  SplitStats stats;
  const std::vector<Sentence> sentences = SplitSentences(n.text, kAbbreviations, kPunctuation, &stats);
  std::size_t last_end = 0;
  for (const Sentence& s : sentences) {
    if (s.begin < last_end || s.end < s.begin || s.end > n.text.size()) std::abort();
    if (s.end - s.begin > kMaxSentenceBytes + 4) std::abort();
    last_end = s.end;
  }
  return 0;
}
