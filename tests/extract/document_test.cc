// Documents: UTF-8 checking with "path:line:column: invalid UTF-8", BOM
// removal, line starts and LineOf, reading files.
#include "extract/document.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "tests/extract/test_rules.h"

namespace chronograph::extract {
namespace {

TEST(DocumentTest, InvalidUtf8) {
  struct Error {
    const char* name;
    std::string bytes;
    std::string message;
  };
  const Error errors[] = {
      {"latin-1 byte", "caf\xE9", "t.txt:1:4: invalid UTF-8 (byte 0xe9)"},
      {"second line", "ok\nab\xFF", "t.txt:2:3: invalid UTF-8 (byte 0xff)"},
      {"after CJK on line 3", "一\n二\n三\x80", "t.txt:3:4: invalid UTF-8 (byte 0x80)"},
      {"truncated sequence at end", "2012 年\xE5\xB9", "t.txt:1:9: invalid UTF-8 (byte 0xe5)"},
      {"overlong encoding", "a\xC0\xAF", "t.txt:1:2: invalid UTF-8 (byte 0xc0)"},
      {"encoded surrogate", "a\xED\xA0\x80", "t.txt:1:2: invalid UTF-8 (byte 0xed)"},
      {"after BOM", "\xEF\xBB\xBF" "x\xFE", "t.txt:1:2: invalid UTF-8 (byte 0xfe)"},
  };
  for (const Error& e : errors) {
    LoadOptions strict;
    strict.strict = true;
    auto doc = MakeDocument("t.txt", e.bytes, strict);
    ASSERT_FALSE(doc.ok()) << e.name;
    EXPECT_EQ(doc.status().code(), Status::Code::kInvalidInput) << e.name;
    EXPECT_EQ(doc.status().message(), e.message) << e.name;
  }
}

TEST(DocumentTest, ValidTextKeptAndBomStripped) {
  struct Case {
    const char* name;
    std::string bytes;
    std::string text;
  };
  const Case cases[] = {
      {"ascii", "hello", "hello"},
      {"cjk and emoji", "辛顿 \xF0\x9F\x98\x80", "辛顿 \xF0\x9F\x98\x80"},
      {"bom stripped", "\xEF\xBB\xBF" "辛顿", "辛顿"},
      {"only the first bom", "\xEF\xBB\xBF\xEF\xBB\xBF" "x", "\xEF\xBB\xBF" "x"},
      {"crlf kept", "a\r\nb", "a\r\nb"},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    auto doc = MakeDocument("t.txt", c.bytes);
    ASSERT_TRUE(doc.ok()) << c.name << ": " << doc.status().ToString();
    EXPECT_EQ(doc.value().text, c.text) << c.name;
    EXPECT_EQ(doc.value().path, "t.txt");
  }
}

TEST(DocumentTest, LineOf) {
  // Offsets are into the text after the BOM is removed.
  auto doc = MakeDocument("t.txt", "\xEF\xBB\xBF" "ab\n辛顿\n\nlast");
  ASSERT_TRUE(doc.ok());
  const Document& d = doc.value();
  EXPECT_EQ(d.line_starts, (std::vector<std::size_t>{0, 3, 10, 11}));
  struct Case {
    std::size_t offset;
    int line;
  };
  const Case cases[] = {{0, 1}, {1, 1}, {2, 1}, {3, 2}, {6, 2}, {9, 2}, {10, 3}, {11, 4}, {14, 4}, {15, 4}};
  for (const Case& c : cases) EXPECT_EQ(d.LineOf(c.offset), c.line) << "offset " << c.offset;
}

TEST(DocumentTest, LoadDocument) {
  const std::string invalid = chronograph::testing::SourcePath("tests/data/invalid_utf8.txt");
  LoadOptions strict;
  strict.strict = true;
  auto bad = LoadDocument(invalid, strict);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), invalid + ":3:9: invalid UTF-8 (byte 0xe9)");

  auto missing = LoadDocument("/nonexistent/chronograph/input.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kIoError);
  EXPECT_EQ(missing.status().message(), "/nonexistent/chronograph/input.txt: cannot open file: No such file or directory");

  const std::filesystem::path tmp = std::filesystem::temp_directory_path() / "chronograph_document_test.txt";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << "\xEF\xBB\xBF" "第一行\n第二行\n";
  }
  auto good = LoadDocument(tmp.string());
  std::filesystem::remove(tmp);
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(good.value().text, "第一行\n第二行\n");
  EXPECT_EQ(good.value().path, tmp.string());
  EXPECT_EQ(good.value().line_starts.size(), 3u);
}

// Default policy: a few invalid bytes are each replaced by U+FFFD, reported
// once with the first place and the count; file offsets still name the
// original bytes.
TEST(DocumentTest, InvalidBytesRepairedWithFileOffsets) {
  auto doc = MakeDocument("t.txt", "ok\ncaf\xE9 x\xFF y\n");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc.value().text, "ok\ncaf\xEF\xBF\xBD x\xEF\xBF\xBD y\n");
  EXPECT_EQ(doc.value().repaired_bytes, 2u);
  EXPECT_EQ(doc.value().repairs, "t.txt:2:4: 2 invalid UTF-8 bytes replaced by U+FFFD (first byte 0xe9)");
  // "x" is at text offset 10, file offset 8; "y" at 15 / 11; the end 17 / 13.
  EXPECT_EQ(doc.value().FileOffset(0), 0u);
  EXPECT_EQ(doc.value().FileOffset(6), 6u);
  EXPECT_EQ(doc.value().FileOffset(10), 8u);
  EXPECT_EQ(doc.value().FileOffset(15), 11u);
  EXPECT_EQ(doc.value().FileOffset(17), 13u);
  EXPECT_EQ(doc.value().LineOf(10), 2);
}

TEST(DocumentTest, BinaryRefused) {
  std::string png = "\x89PNG\r\n\x1A\n";
  for (int i = 0; i < 200; ++i) png += static_cast<char>(0x80 + (i * 37) % 128);
  auto doc = MakeDocument("p.txt", png);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("p.txt:1:1: binary file"), std::string::npos) << doc.status().message();
  auto nul = MakeDocument("n.txt", std::string("a\0b\0c\0d\0", 8));
  ASSERT_FALSE(nul.ok());
  EXPECT_NE(nul.status().message().find("n.txt: binary file (4 NUL bytes"), std::string::npos);
  // A stray NUL in text is text.
  auto one = MakeDocument("o.txt", std::string("2012 年\0 AlexNet 夺冠。", 27));
  EXPECT_TRUE(one.ok()) << one.status().ToString();
}

TEST(DocumentTest, Utf16WithBomDecoded) {
  // "AI\n年" in UTF-16LE and UTF-16BE, each after its BOM.
  const std::string le("\xFF\xFE" "A\0I\0\n\0\x74\x5E", 10);
  const std::string be("\xFE\xFF" "\0A\0I\0\n\x5E\x74", 10);
  for (const std::string& bytes : {le, be}) {
    auto doc = MakeDocument("u.txt", bytes);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc.value().text, "AI\n年");
    EXPECT_EQ(doc.value().FileOffset(0), 0u);  // counted after the BOM
    EXPECT_EQ(doc.value().FileOffset(3), 6u);  // 年
    EXPECT_EQ(doc.value().FileOffset(6), 8u);
    EXPECT_EQ(doc.value().line_starts.size(), 2u);
  }
}

TEST(DocumentTest, LegacyChineseDetected) {
  // "2012 年，我们的模型" in GBK (= GB18030) and "我們的模型發布了" in Big5.
  const std::string gbk = "2012 \xC4\xEA\xA3\xAC\xCE\xD2\xC3\xC7\xB5\xC4\xC4\xA3\xD0\xCD";
  auto g = MakeDocument("g.txt", gbk);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g.value().encoding, "GB18030");
  EXPECT_EQ(g.value().text, "2012 年，我们的模型");
  EXPECT_EQ(g.value().FileOffset(5), 5u);
  EXPECT_EQ(g.value().FileOffset(8), 7u);  // after 年: 3 bytes in UTF-8, 2 in GBK
  const std::string big5 = "\xA7\xDA\xAD\xCC\xAA\xBA\xBC\xD2\xAB\xAC\xB5\x6F\xA5\xAC\xA4\x46";
  auto b = MakeDocument("b.txt", big5);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b.value().encoding, "BIG5");
  EXPECT_EQ(b.value().text, "我們的模型發布了");
  // --encoding chooses; bytes that do not decode are named.
  LoadOptions gb;
  gb.encoding = "GB18030";
  auto forced = MakeDocument("f.txt", std::string("ok\n\x80"), gb);
  ASSERT_FALSE(forced.ok());
  EXPECT_EQ(forced.status().message(), "f.txt:2:1: not GB18030 (byte 0x80)");
  LoadOptions unknown;
  unknown.encoding = "NO-SUCH-ENCODING";
  EXPECT_EQ(MakeDocument("f.txt", "x", unknown).status().code(), Status::Code::kUsage);
}

// Result::value() of an error is a defined, loud failure (status.h), not
// undefined behaviour.
TEST(StatusDeathTest, ValueOfAFailedResultAbortsWithItsMessage) {
  const Result<int> failed(Status::InvalidInput("x.txt:3: boom"));
  EXPECT_DEATH((void)failed.value(), "value\\(\\) of a failed Result: x.txt:3: boom");
}

}  // namespace
}  // namespace chronograph::extract
