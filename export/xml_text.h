// Text made safe for XML 1.0 (and for any UTF-8 consumer). Input: arbitrary
// bytes. Output: valid UTF-8 holding only XML 1.0 Chars: C0 controls other
// than \t \n \r, U+FFFE and U+FFFF are dropped; bytes that are not valid
// UTF-8 (stray continuation bytes, truncated or overlong sequences, encoded
// surrogates, code points above U+10FFFF) become U+FFFD, one per maximal
// invalid subpart as the Unicode standard recommends. Pure: thread-safe.
#ifndef CHRONOGRAPH_EXPORT_XML_TEXT_H_
#define CHRONOGRAPH_EXPORT_XML_TEXT_H_

#include <cstddef>
#include <ostream>
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

// XML escaping exactly as pugixml 1.13 saves a document with
// format_skip_control_chars: the writers used to build a pugixml DOM and now
// stream, and their bytes must not change (tests/export/xml_text_test.cc
// checks these against pugixml itself). Both append to `out`; `text` is
// meant to be SanitizeForXml10 output or ASCII we formatted.
// Character data: & < > become &amp; &lt; &gt;; " and ' stay; C0 controls
// other than \t \n \r are dropped.
void AppendXmlText(std::string_view text, std::string* out);
// An attribute value between double quotes: & < " become &amp; &lt; &quot;;
// > and ' stay; every C0 control is dropped, \t \n \r included (pugixml
// drops them under format_skip_control_chars instead of writing &#9;).
void AppendXmlAttribute(std::string_view text, std::string* out);

// The streaming XML writers gather this many bytes before writing them out:
// enough for a few hundred nodes or edges, so memory stays flat whatever
// the size of the graph.
inline constexpr std::size_t kXmlFlushBytes = 64 * 1024;

// Hands `buffer` to `out` once it holds kXmlFlushBytes. False when the
// stream has failed, so a full disk stops the writer early.
bool FlushWhenFull(std::string* buffer, std::ostream& out);

// The entity ids of `graph`, in vertex order, as every exporter writes them:
// sanitized, and made unique again if sanitizing merged two ids (the later
// vertex gets "~2", "~3", ... appended). Deterministic.
std::vector<std::string> ExportedEntityIds(const graph::KnowledgeGraph& graph);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_XML_TEXT_H_
