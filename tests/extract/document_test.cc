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
    auto doc = MakeDocument("t.txt", e.bytes);
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
  auto bad = LoadDocument(invalid);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), invalid + ":3:9: invalid UTF-8 (byte 0xe9)");

  auto missing = LoadDocument("/nonexistent/chronograph/input.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kIoError);
  EXPECT_EQ(missing.status().message(), "/nonexistent/chronograph/input.txt: cannot open file");

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

}  // namespace
}  // namespace chronograph::extract
