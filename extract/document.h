// Document: one input text, read whole, checked to be UTF-8.
// LoadDocument reads a file (or standard input for "-") and fails with a
// Status naming the file, line and column of the first invalid byte. The
// text is kept byte-for-byte; line_starts maps byte offsets to 1-based lines.
#ifndef CHRONOGRAPH_EXTRACT_DOCUMENT_H_
#define CHRONOGRAPH_EXTRACT_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "extract/status.h"

namespace chronograph::extract {

struct Document {
  std::string path;  // as given by the user; "-" means standard input
  std::string text;  // original bytes (a leading UTF-8 BOM is removed)
  std::vector<std::size_t> line_starts;  // byte offset of each line's start

  // 1-based line of a byte offset into text.
  int LineOf(std::size_t offset) const;
};

// Builds a Document from bytes already in memory (used for stdin and tests).
// Fails on invalid UTF-8 and on inputs of 4 GiB or more.
Result<Document> MakeDocument(std::string path, std::string bytes);

// Reads path ("-" = stdin). Fails on I/O errors and on invalid UTF-8.
Result<Document> LoadDocument(const std::string& path);

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_DOCUMENT_H_
