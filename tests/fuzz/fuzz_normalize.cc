// libFuzzer target: the normaliser on any bytes. Normalize never fails and
// its origin map must stay monotone and inside the original text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view original(reinterpret_cast<const char*>(data), size);
  const chronograph::extract::NormalizedText n = chronograph::extract::Normalize(original);
  if (n.origin.size() != n.text.size() + 1 || n.origin.back() != size) std::abort();
  for (std::size_t i = 1; i < n.origin.size(); ++i) {
    if (n.origin[i] < n.origin[i - 1] || n.origin[i] > size) std::abort();
  }
  (void)chronograph::extract::NormalizeString(original);
  return 0;
}
