#include "extract/normalize.h"

#include <cstdlib>
#include <unordered_map>

#include <opencc.h>
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

bool IsHan(utf8proc_int32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

// Traditional -> simplified, character by character with OpenCC's t2s
// tables, so that one set of Chinese rules reads both (黃仁勳 = 黄仁勋).
// Character by character keeps the offset map exact; phrase-level
// conversions are given up. Without OpenCC's data the text stays as it is.
utf8proc_int32_t Simplified(utf8proc_int32_t cp) {
  // One converter and memo per thread: sharing an opencc_t is not documented
  // as safe. Closed when the thread ends: every worker thread opened one and
  // leaked it (LeakSanitizer, scripts/asan-check.sh).
  struct Converter {
    opencc_t handle = opencc_open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
    ~Converter() {
      if (handle != reinterpret_cast<opencc_t>(-1)) opencc_close(handle);
    }
  };
  thread_local const Converter owned;
  const opencc_t converter = owned.handle;
  thread_local std::unordered_map<utf8proc_int32_t, utf8proc_int32_t> memo;
  if (converter == reinterpret_cast<opencc_t>(-1)) return cp;
  if (auto it = memo.find(cp); it != memo.end()) return it->second;
  utf8proc_uint8_t buf[5] = {0};
  utf8proc_encode_char(cp, buf);
  utf8proc_int32_t result = cp;
  if (char* converted = opencc_convert_utf8(converter, reinterpret_cast<const char*>(buf), static_cast<size_t>(-1))) {
    utf8proc_int32_t first = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(converted);
    const utf8proc_ssize_t n = utf8proc_iterate(p, -1, &first);
    if (n > 0 && p[n] == 0) result = first;  // only one-to-one conversions
    opencc_convert_utf8_free(converted);
  }
  memo.emplace(cp, result);
  return result;
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
    AppendCodePoint(folded ? folded : IsHan(cp) ? Simplified(cp) : cp, out);
    p += len;
    left -= len;
  }
  std::free(mapped);
}

// A segment of one code point (nearly every CJK character), normalised once
// per thread and remembered: utf8proc_map allocates on every call. The memo
// holds at most one entry per distinct code point seen.
const std::string& NormalizedCodePoint(utf8proc_int32_t cp, std::string_view segment) {
  thread_local std::unordered_map<utf8proc_int32_t, std::string> memo;
  auto it = memo.find(cp);
  if (it == memo.end()) {
    std::string normalized;
    NormalizeSegment(segment, &normalized);
    it = memo.emplace(cp, std::move(normalized)).first;
  }
  return it->second;
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
    } else if (len > 0 && pos - start == len) {
      result.text += NormalizedCodePoint(cp, original.substr(static_cast<std::size_t>(start),
                                                             static_cast<std::size_t>(len)));
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
