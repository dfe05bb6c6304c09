#include "export/xml_text.h"

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "graph/knowledge_graph.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(XmlTextTest, SanitizeForXml10) {
  struct Case {
    const char* name;
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"plain ascii", "AlexNet & <ImageNet>", "AlexNet & <ImageNet>"},
      {"tab newline cr kept", "a\tb\nc\rd", "a\tb\nc\rd"},
      {"C0 dropped", std::string("a\x01") + "b\x08" + "c\x1f" + "d", "abcd"},
      {"NUL dropped", std::string("a\0b", 3), "ab"},
      {"DEL and C1 kept (XML 1.0 Chars)", "a\x7f" "b\xC2\x85", "a\x7f" "b\xC2\x85"},
      {"CJK kept", "黄仁勋 英伟达", "黄仁勋 英伟达"},
      {"astral kept", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
      {"U+FFFE dropped", "a\xEF\xBF\xBE" "b", "ab"},
      {"U+FFFF dropped", "a\xEF\xBF\xBF" "b", "ab"},
      {"U+FFFD kept", kFffd, kFffd},
      {"stray continuation", "a\x80" "b", "a" + kFffd + "b"},
      {"invalid lead byte", "a\xFF" "b", "a" + kFffd + "b"},
      {"overlong 2-byte", "\xC0\xAF", kFffd + kFffd},
      {"overlong 3-byte", "\xE0\x80\xAF", kFffd + kFffd + kFffd},
      {"encoded surrogate", "\xED\xA0\x80", kFffd + kFffd + kFffd},
      {"above U+10FFFF", "\xF4\x90\x80\x80", kFffd + kFffd + kFffd + kFffd},
      {"truncated 3-byte at end", "a\xE9\xBB", "a" + kFffd},
      {"truncated 3-byte before ascii", "\xE9\xBB" "b", kFffd + "b"},
      {"truncated 4-byte", "\xF0\x9F\x98" "x", kFffd + "x"},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SanitizeForXml10(c.in), c.out) << c.name;
    EXPECT_EQ(SanitizeForXml10(c.out), c.out) << c.name << " (idempotent)";
  }
}

TEST(XmlTextTest, EscapeHtml) {
  EXPECT_EQ(EscapeHtml("a & <b> \"c\" 'd'"), "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;");
  EXPECT_EQ(EscapeHtml("x\x01y"), "xy");
}

// What pugixml writes for `value` as an attribute and as the text of one
// element, with the flags our writers used when they built a DOM.
std::pair<std::string, std::string> PugixmlEscapes(const std::string& value) {
  pugi::xml_document doc;
  pugi::xml_node x = doc.append_child("x");
  x.append_attribute("v").set_value(value.c_str());
  x.text().set(value.c_str());
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_skip_control_chars | pugi::format_no_declaration,
           pugi::encoding_utf8);
  const std::string s = out.str();  // <x v="ATTR">TEXT</x>
  const std::size_t attr_end = s.find("\">");
  return {s.substr(6, attr_end - 6), s.substr(attr_end + 2, s.size() - attr_end - 2 - 4)};
}

TEST(XmlTextTest, EscapingMatchesPugixml) {
  std::vector<std::string> cases = {
      "",
      "plain",
      "a & b < c > d \" e ' f",
      "&amp; already escaped &lt;",
      "tab\there\nnewline\rcr\r\n",
      "]]> and ]]&gt;",
      "\xF0\x9F\x98\x80 emoji, \xE2\x80\xA6 ellipsis, \xC2\x85 NEL, \xE2\x80\xA8 LS, DEL \x7f",
      "黄仁勋 & 英伟达 <DGX>",
  };
  for (int c = 1; c < 0x80; ++c) cases.push_back("a" + std::string(1, static_cast<char>(c)) + "b");
  for (const std::string& value : cases) {
    const auto [attribute, text] = PugixmlEscapes(value);
    std::string ours_attribute, ours_text;
    AppendXmlAttribute(value, &ours_attribute);
    AppendXmlText(value, &ours_text);
    EXPECT_EQ(ours_attribute, attribute) << "attribute of \"" << value << "\"";
    EXPECT_EQ(ours_text, text) << "text of \"" << value << "\"";
  }
  std::string out = "kept ";
  AppendXmlText("<&>", &out);
  EXPECT_EQ(out, "kept &lt;&amp;&gt;");  // appends
}

TEST(XmlTextTest, ExportedEntityIdsAreSanitizedAndUnique) {
  using chronograph::testing::MakeMention;
  using chronograph::testing::Src;
  extract::ExtractionResult r;
  r.document = "d.txt";
  for (const char* id : {"a\xFF", "a\xFE", "b", "a\xEF\xBF\xBD"}) {
    extract::Mention m = MakeMention("X", "CONCEPT", "X", 0, Src("d.txt", 1, 0, 1));
    m.entity_id = id;
    r.mentions.push_back(m);
  }
  graph::KnowledgeGraph kg;
  kg.Add(r);
  kg.Finalize();
  const std::vector<std::string> ids = ExportedEntityIds(kg);
  // Vertex order is byte order: "a\xEF\xBF\xBD" < "a\xFE" < "a\xFF" < "b".
  const std::vector<std::string> expected = {"a" + kFffd, "a" + kFffd + "~2", "a" + kFffd + "~3", "b"};
  EXPECT_EQ(ids, expected);
}

}  // namespace
}  // namespace chronograph::exporters
