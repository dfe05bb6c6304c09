// Document: one input text, read whole and made valid UTF-8.
//
// LoadDocument reads a file (or standard input for "-") and decides how to
// read its bytes (docs/robustness.md, docs/formats.md "Input encodings"):
//   - UTF-8, with or without a BOM (the BOM is dropped): kept byte for byte;
//   - UTF-16 with a BOM (FF FE or FE FF): decoded to UTF-8;
//   - --encoding NAME (any name glibc iconv knows: GB18030, GBK, BIG5, ...):
//     decoded to UTF-8; bytes that do not decode are an error;
//   - bytes that are not UTF-8 but decode cleanly as GB18030 (which covers
//     GBK and GB2312) or Big5, and read as Chinese text: decoded, noted;
//   - UTF-8 with a few invalid bytes (at most 1 in 100, or 8): repaired,
//     each invalid byte becomes U+FFFD, and `repairs` says where and how many
//     (options.strict: refused instead, naming file, line and column);
//   - anything else (a binary file: many invalid bytes, or one NUL byte in
//     ten) is refused, so that the caller can skip it with a warning.
// Whatever the decoding, FileOffset() maps an offset into `text` back to the
// byte offset in the file as read (after its BOM, if any), so that
// provenance names original bytes.
#ifndef CHRONOGRAPH_EXTRACT_DOCUMENT_H_
#define CHRONOGRAPH_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/status.h"

namespace chronograph::extract {

struct LoadOptions {
  // Refuse (InvalidInput) instead of repairing invalid UTF-8 (--strict).
  bool strict = false;
  // Decode every input from this iconv encoding name (--encoding); "" =
  // detect as described above. "UTF-8" forces UTF-8 (no legacy detection).
  std::string encoding;
};

struct Document {
  std::string path;  // as given by the user; "-" means standard input
  std::string text;  // valid UTF-8 (a leading BOM is removed)
  std::vector<std::size_t> line_starts;  // byte offset in text of each line's start
  // "" when the file was UTF-8; else the encoding it was decoded from
  // ("UTF-16LE", "GB18030", "BIG5" or the --encoding name).
  std::string encoding;
  // Set when invalid UTF-8 bytes were replaced by U+FFFD: one message
  // "path:line:col: N invalid UTF-8 bytes replaced by U+FFFD (first byte 0x..)".
  std::string repairs;
  std::size_t repaired_bytes = 0;
  // (text offset, file offset) where the difference between the two changes;
  // empty when text holds the file's bytes (after a BOM) unchanged.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> offset_marks;
  std::size_t bom_bytes = 0;  // bytes of the BOM dropped from the start of the file

  // 1-based line of a byte offset into text.
  int LineOf(std::size_t offset) const;
  // The byte offset in the file (as read, counted after a BOM: a BOM shifts
  // nothing) of a character boundary in text.
  std::size_t FileOffset(std::size_t text_offset) const;
};

// Builds a Document from bytes already in memory (used for stdin and tests),
// following the rules above. Fails on inputs of 4 GiB or more, on binary
// data, on bytes that do not decode from options.encoding, and (strict) on
// invalid UTF-8.
Result<Document> MakeDocument(std::string path, std::string bytes, const LoadOptions& options = {});

// Reads path ("-" = stdin) and calls MakeDocument. Fails on I/O errors
// (IoError naming the file and the system's reason) and as MakeDocument.
Result<Document> LoadDocument(const std::string& path, const LoadOptions& options = {});

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_DOCUMENT_H_
