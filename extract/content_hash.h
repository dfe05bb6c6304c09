// ContentHash: a 128-bit fingerprint (XXH3-128, lower-case hex, 32 chars)
// of bytes. It identifies a document by what it says rather than by its
// path (shards and the --cache of `chronograph build`), and a rule set by
// its files (RuleSet::fingerprint). Not cryptographic: it guards against
// accidents, not against someone forging a collision. Thread-safe.
#ifndef CHRONOGRAPH_EXTRACT_CONTENT_HASH_H_
#define CHRONOGRAPH_EXTRACT_CONTENT_HASH_H_

#include <string>
#include <string_view>
#include <vector>

namespace chronograph::extract {

std::string ContentHash(std::string_view bytes);

// The hash of several fields, each length-prefixed so that ("ab","c") and
// ("a","bc") differ.
std::string ContentHash(const std::vector<std::string_view>& fields);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_CONTENT_HASH_H_
