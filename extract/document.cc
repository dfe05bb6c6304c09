#include "extract/document.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <utf8proc.h>

namespace chronograph::extract {

int Document::LineOf(std::size_t offset) const {
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<int>(it - line_starts.begin());
}

Result<Document> MakeDocument(std::string path, std::string bytes) {
  constexpr std::size_t kMaxBytes = 0xFFFFFFFFu;  // offsets are kept in 32 bits (normalize.h)
  if (bytes.size() >= kMaxBytes) return Status::InvalidInput(path + ": larger than 4 GiB; split it into smaller files");
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  Document doc;
  doc.path = std::move(path);
  doc.line_starts.push_back(0);
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(data + pos, static_cast<utf8proc_ssize_t>(bytes.size() - pos), &cp);
    if (n < 0) {
      const int line = static_cast<int>(doc.line_starts.size());
      const std::size_t column = pos - doc.line_starts.back() + 1;
      std::ostringstream msg;
      msg << doc.path << ":" << line << ":" << column << ": invalid UTF-8 (byte 0x" << std::hex
          << static_cast<int>(static_cast<unsigned char>(bytes[pos])) << ")";
      return Status::InvalidInput(msg.str());
    }
    if (cp == '\n') doc.line_starts.push_back(pos + 1);
    pos += static_cast<std::size_t>(n);
  }
  doc.text = std::move(bytes);
  return doc;
}

Result<Document> LoadDocument(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return Status::IoError("-: cannot read standard input");
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot open file");
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return Status::IoError(path + ": read error");
  }
  return MakeDocument(path, std::move(bytes));
}

}  // namespace chronograph::extract
