// ExtractionSpill (records on disk, extraction.json streamed back with the
// bytes of WriteExtractionJson), the streaming extraction.json reader, and
// JsonStreamWriter (the same layout as nlohmann's dump(2)).
#include "export/extraction_spill.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "export/extraction_json.h"
#include "export/json_output.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

using Json = nlohmann::ordered_json;

std::vector<extract::ExtractionResult> Results() {
  std::vector<extract::ExtractionResult> results = testing::SampleCorpus();
  extract::ExtractionResult empty;
  empty.document = "a-empty.txt";  // sorts first: the file is in document order
  results.push_back(empty);
  results.back().sentence_texts.push_back("bad \xFF byte");  // replaced, never thrown
  results.back().sentences.push_back({"a-empty.txt", 1, 0, 10});
  return results;
}

TEST(JsonStreamWriterTest, LaysOutLikeDump) {
  const Json values[] = {
      Json::object(),
      Json::array(),
      Json::parse(R"({"a": [], "b": {}, "c": [1, [2, {"d": "\u00e9\n"}]], "e": null})"),
  };
  for (const Json& inner : values) {
    Json root = Json::object();
    root["schema"] = "x";
    root["list"] = Json::array({inner, inner});
    root["empty"] = Json::array();
    root["map"] = Json::object({{"k", inner}});
    std::ostringstream expected, streamed;
    ASSERT_TRUE(WriteJsonDocument(root, "t.json", expected).ok());
    JsonStreamWriter w(streamed, "t.json");
    w.BeginObject();
    w.Key("schema");
    w.Value("x");
    w.Key("list");
    w.BeginArray();
    w.Value(inner);
    w.ValueText(inner.dump(2));
    w.End();
    w.Key("empty");
    w.BeginArray();
    w.End();
    w.Key("map");
    w.BeginObject();
    w.Key("k");
    w.Value(inner);
    w.End();
    w.End();
    ASSERT_TRUE(w.Finish().ok());
    EXPECT_EQ(streamed.str(), expected.str()) << inner.dump();
  }
}

TEST(ExtractionSpillTest, FileDoesNotDependOnAddOrder) {
  const std::vector<extract::ExtractionResult> results = Results();
  ExtractionSpill spill;
  spill.set_rules("r1");
  for (auto r = results.rbegin(); r != results.rend(); ++r) spill.Add(*r);
  ASSERT_EQ(spill.size(), results.size());
  std::ostringstream from_ram, from_disk;
  ASSERT_TRUE(WriteExtractionJson(results, "r1", from_ram).ok());
  ASSERT_TRUE(spill.WriteExtractionJson(from_disk).ok());
  EXPECT_EQ(from_disk.str(), from_ram.str());
  EXPECT_NE(from_disk.str().find("\"document\": \"a-empty.txt\""), std::string::npos);
  EXPECT_NE(from_disk.str().find("\"rules\": \"r1\""), std::string::npos);

  Result<extract::ExtractionResult> back = spill.Get(results.size() - 1);  // Add order
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back.value().document, results[0].document);
  EXPECT_EQ(back.value().mentions.size(), results[0].mentions.size());
  EXPECT_EQ(back.value().events.size(), results[0].events.size());
}

TEST(ExtractionSpillTest, EmptySpillWritesAnEmptyList) {
  ExtractionSpill spill;
  std::ostringstream from_ram, from_disk;
  ASSERT_TRUE(WriteExtractionJson({}, "", from_ram).ok());
  ASSERT_TRUE(spill.WriteExtractionJson(from_disk).ok());
  EXPECT_EQ(from_disk.str(), from_ram.str());
}

TEST(ExtractionJsonTest, StreamingReadGivesEveryDocumentInFileOrder) {
  const std::vector<extract::ExtractionResult> results = Results();
  const std::string path = ::testing::TempDir() + "/extraction_stream.json";
  {
    std::ofstream out(path, std::ios::binary);
    ASSERT_TRUE(WriteExtractionJson(results, "", out).ok());
  }
  std::vector<std::string> documents;
  ASSERT_TRUE(ReadExtractionJson(path, [&](extract::ExtractionResult&& r) {
                documents.push_back(r.document);
                return Status::Ok();
              }).ok());
  ASSERT_EQ(documents.size(), results.size());
  EXPECT_EQ(documents.front(), "a-empty.txt");
  // Written again, what was read gives the same bytes.
  Result<std::vector<extract::ExtractionResult>> all = ReadExtractionJson(path);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  std::ostringstream first, second;
  ASSERT_TRUE(WriteExtractionJson(results, "", first).ok());
  ASSERT_TRUE(WriteExtractionJson(all.value(), "", second).ok());
  EXPECT_EQ(second.str(), first.str());

  // A callback error stops the read and comes back unchanged.
  int seen = 0;
  const Status stop = ReadExtractionJson(path, [&](extract::ExtractionResult&&) {
    ++seen;
    return Status::InvalidInput("stop here");
  });
  EXPECT_EQ(stop.message(), "stop here");
  EXPECT_EQ(seen, 1);
  std::remove(path.c_str());
}

TEST(ExtractionJsonTest, StreamingReadRefusesOtherFiles) {
  const struct {
    const char* text;
    const char* error;
  } cases[] = {
      {R"({"schema": "other/1", "documents": []})", "not a chronograph.extraction/1 file"},
      {R"({"schema": "chronograph.extraction/1", "documents": [)", "malformed extraction record"},
      {R"({"schema": "chronograph.extraction/1", "documents": [{"document": 1}]})", "malformed extraction record"},
      {R"({"schema": "chronograph.extraction/1"})", "malformed extraction record"},
  };
  const std::string path = ::testing::TempDir() + "/extraction_bad.json";
  for (const auto& c : cases) {
    {
      std::ofstream out(path, std::ios::binary);
      out << c.text;
    }
    const Status s = ReadExtractionJson(path, [](extract::ExtractionResult&&) { return Status::Ok(); });
    EXPECT_FALSE(s.ok()) << c.text;
    EXPECT_NE(s.message().find(c.error), std::string::npos) << c.text << " -> " << s.message();
    EXPECT_EQ(s.message().rfind(path, 0), 0u) << s.message();
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace chronograph::exporters
