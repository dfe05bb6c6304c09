// Text made safe for XML 1.0 (and for any UTF-8 consumer). Input: arbitrary
// bytes. Output: valid UTF-8 holding only XML 1.0 Chars: C0 controls other
// than \t \n \r, U+FFFE and U+FFFF are dropped; bytes that are not valid
// UTF-8 (stray continuation bytes, truncated or overlong sequences, encoded
// surrogates, code points above U+10FFFF) become U+FFFD, one per maximal
// invalid subpart as the Unicode standard recommends. Pure: thread-safe.
#ifndef CHRONOGRAPH_EXPORT_XML_TEXT_H_
#define CHRONOGRAPH_EXPORT_XML_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace chronograph::graph {
class KnowledgeGraph;
}  // namespace chronograph::graph

namespace chronograph::exporters {

std::string SanitizeForXml10(std::string_view text);

// SanitizeForXml10, then & < > " ' as HTML character references: for text
// that a browser will read as HTML (TimelineJS slide text, vis-timeline
// item content and title).
std::string EscapeHtml(std::string_view text);

// The entity ids of `graph`, in vertex order, as every exporter writes them:
// sanitized, and made unique again if sanitizing merged two ids (the later
// vertex gets "~2", "~3", ... appended). Deterministic.
std::vector<std::string> ExportedEntityIds(const graph::KnowledgeGraph& graph);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_XML_TEXT_H_
