#include "extract/normalize.h"

#include <cstdlib>

#include <utf8proc.h>

namespace chronograph::extract {
namespace {

// Folds applied after NFKC: one code point in, one ASCII or '·' out.
// Returns 0 when the code point is kept as NFKC made it.
utf8proc_int32_t Fold(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    case 0x30FB: case 0xFF65: case 0x2022: case 0x2027: case 0x2219:
      return 0x00B7;
    case '\t': case '\r':
      return ' ';
    default:
      break;
  }
  if (cp != '\n' && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) return ' ';
  return 0;
}

void AppendCodePoint(utf8proc_int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// Normalises one segment (a starter and its combining marks) into out.
void NormalizeSegment(std::string_view segment, std::string* out) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(segment.data()),
                                          static_cast<utf8proc_ssize_t>(segment.size()), &mapped,
                                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                                         UTF8PROC_COMPAT));
  if (n < 0) {  // invalid bytes: keep them, the loader already reported them
    out->append(segment);
    return;
  }
  const auto* p = mapped;
  utf8proc_ssize_t left = n;
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len <= 0) break;
    const utf8proc_int32_t folded = Fold(cp);
    AppendCodePoint(folded ? folded : cp, out);
    p += len;
    left -= len;
  }
  std::free(mapped);
}

}  // namespace

NormalizedText Normalize(std::string_view original) {
  NormalizedText result;
  result.text.reserve(original.size());
  result.origin.reserve(original.size() + 1);
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(original.data());
  const auto size = static_cast<utf8proc_ssize_t>(original.size());
  utf8proc_ssize_t pos = 0;
  while (pos < size) {
    // A segment is a code point plus the combining marks that follow it, so
    // that NFKC composition ("e" + U+0301) stays inside one segment.
    const utf8proc_ssize_t start = pos;
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(data + pos, size - pos, &cp);
    pos += len > 0 ? len : 1;
    while (pos < size) {
      utf8proc_int32_t next = 0;
      const utf8proc_ssize_t next_len = utf8proc_iterate(data + pos, size - pos, &next);
      if (next_len <= 0 || utf8proc_get_property(next)->combining_class == 0) break;
      pos += next_len;
    }
    const std::size_t before = result.text.size();
    if (len > 0 && cp < 0x80 && pos - start == 1) {
      const utf8proc_int32_t folded = Fold(cp);  // ASCII fast path
      result.text.push_back(static_cast<char>(folded ? folded : cp));
    } else {
      NormalizeSegment(original.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(pos - start)),
                       &result.text);
    }
    result.origin.insert(result.origin.end(), result.text.size() - before, static_cast<std::uint32_t>(start));
  }
  result.origin.push_back(static_cast<std::uint32_t>(original.size()));
  return result;
}

std::string NormalizeString(std::string_view text) { return Normalize(text).text; }

}  // namespace chronograph::extract
