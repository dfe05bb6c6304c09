#include "extract/content_hash.h"

#include <cstdint>
#include <cstdio>

#include <xxhash.h>

namespace chronograph::extract {
namespace {

std::string Hex(XXH128_hash_t hash) {
  char text[33];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return std::string(text, 32);
}

}  // namespace

std::string ContentHash(std::string_view bytes) { return Hex(XXH3_128bits(bytes.data(), bytes.size())); }

std::string ContentHash(const std::vector<std::string_view>& fields) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  for (std::string_view field : fields) {
    const std::uint64_t size = field.size();
    XXH3_128bits_update(state, &size, sizeof size);
    XXH3_128bits_update(state, field.data(), field.size());
  }
  const XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return Hex(hash);
}

}  // namespace chronograph::extract
