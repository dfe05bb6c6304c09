#include "export/xml_text.h"

#include <string>

#include <gtest/gtest.h>

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
