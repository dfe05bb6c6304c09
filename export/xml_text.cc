#include "export/xml_text.h"

#include <cstdint>
#include <set>

#include "graph/knowledge_graph.h"

namespace chronograph::exporters {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

bool IsXmlChar(std::uint32_t cp) {
  if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp == 0xFFFE || cp == 0xFFFF) return false;
  return cp <= 0x10FFFF;
}

}  // namespace

std::string SanitizeForXml10(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Valid text is copied in runs; only what is dropped or replaced breaks one.
  std::size_t run = 0;
  auto cut = [&](std::size_t begin, std::size_t end, bool replace) {
    out.append(text, run, begin - run);
    if (replace) out += kReplacement;
    run = end;
  };
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      if (!IsXmlChar(b0)) cut(i, i + 1, false);
      ++i;
      continue;
    }
    // Expected length and the allowed range of the second byte (Unicode
    // Table 3-7), which rules out overlongs, surrogates and > U+10FFFF.
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    std::uint32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
      cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      cp = b0 & 0x0F;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      cp = b0 & 0x07;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      cut(i, i + 1, true);  // stray continuation byte or invalid lead byte
      ++i;
      continue;
    }
    std::size_t j = 1;
    for (; j < len && i + j < n; ++j) {
      const auto b = static_cast<unsigned char>(text[i + j]);
      const unsigned char min = j == 1 ? lo : 0x80, max = j == 1 ? hi : 0xBF;
      if (b < min || b > max) break;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (j < len) {
      cut(i, i + j, true);  // maximal invalid subpart: the bytes read so far
      i += j;
      continue;
    }
    if (!IsXmlChar(cp)) cut(i, i + len, false);
    i += len;
  }
  out.append(text, run, n - run);
  return out;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  for (char c : SanitizeForXml10(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

void AppendXmlText(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out->push_back(c);
    }
  }
}

void AppendXmlAttribute(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '"': *out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out->push_back(c);
    }
  }
}

std::vector<std::string> ExportedEntityIds(const graph::KnowledgeGraph& kg) {
  std::vector<std::string> ids;
  std::set<std::string> used;
  const graph::Graph& g = kg.graph();
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    std::string id = SanitizeForXml10(g[v].id);
    if (id.empty()) id = "entity";
    if (used.count(id) != 0) {
      for (int k = 2;; ++k) {
        std::string candidate = id + "~" + std::to_string(k);
        if (used.count(candidate) == 0) {
          id = std::move(candidate);
          break;
        }
      }
    }
    used.insert(id);
    ids.push_back(std::move(id));
  }
  return ids;
}

bool FlushWhenFull(std::string* buffer, std::ostream& out) {
  if (buffer->size() < kXmlFlushBytes) return true;
  out.write(buffer->data(), static_cast<std::streamsize>(buffer->size()));
  buffer->clear();
  return static_cast<bool>(out);
}

}  // namespace chronograph::exporters
