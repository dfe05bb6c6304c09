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
  EXPECT_NE(from_disk.str().find("\"document\":\"a-empty.txt\""), std::string::npos);
  EXPECT_NE(from_disk.str().find("\"rules\": \"r1\""), std::string::npos);

  Result<extract::ExtractionResult> back = spill.Get(results.size() - 1);  // Add order
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back.value().document, results[0].document);
  EXPECT_EQ(back.value().mentions.size(), results[0].mentions.size());
  EXPECT_EQ(back.value().events.size(), results[0].events.size());
}

// String/Integer/Bool write what Value() of the same JSON value writes,
// escapes and bad bytes included, as keys too.
TEST(JsonStreamWriterTest, ScalarsWriteTheBytesOfValue) {
  const std::string strings[] = {
      "", "plain", "quote \" and backslash \\", "\b\f\n\r\t", std::string("nul \0 byte", 10), "\x01\x1f\x7f",
      "深度学习 café 🙂", "bad \xFF byte", "cut \xE6\xB7", "surrogate \xED\xA0\x80", "overlong \xC0\xAF",
  };
  for (const std::string& text : strings) {
    Json root = Json::object();
    root[text] = text;
    root["n"] = -1234567890123LL;
    root["t"] = false;
    std::ostringstream expected, streamed;
    ASSERT_TRUE(WriteJsonDocument(root, "a.json", expected).ok());
    JsonStreamWriter w(streamed, "b.json");
    w.BeginObject();
    w.Key(text);
    w.String(text);
    w.Key("n");
    w.Integer(-1234567890123LL);
    w.Key("t");
    w.Bool(false);
    w.End();
    ASSERT_TRUE(w.Finish().ok());
    EXPECT_EQ(streamed.str(), expected.str()) << Json(text).dump(-1, ' ', true, Json::error_handler_t::replace);
  }
}

// The spill keeps binary records, not JSON: it reads back the bytes that
// were added (a JSON line would have replaced the invalid byte), and the
// sources' document is the record's, as when extraction.json is parsed.
TEST(ExtractionSpillTest, BinaryRecordReadsBackAsTheJsonLineDoes) {
  std::vector<extract::ExtractionResult> results = Results();
  results[0].reference_date = "2013-02-12";
  results[0].reference_date_origin = "flag";
  if (!results[0].mentions.empty()) results[0].mentions[0].wikidata = "Q42";
  ExtractionSpill spill;
  for (const extract::ExtractionResult& r : results) spill.Add(r);
  for (std::size_t i = 0; i < results.size(); ++i) {
    Result<extract::ExtractionResult> from_spill = spill.Get(i);
    Result<extract::ExtractionResult> from_json = ParseExtractionRecord(DumpExtractionLine(results[i]));
    ASSERT_TRUE(from_spill.ok() && from_json.ok());
    EXPECT_EQ(DumpExtractionLine(from_spill.value()), DumpExtractionLine(results[i]));
    const extract::ExtractionResult& a = from_spill.value();
    const extract::ExtractionResult& b = from_json.value();
    ASSERT_EQ(a.sentences.size(), b.sentences.size());
    for (std::size_t s = 0; s < a.sentences.size(); ++s) {
      EXPECT_EQ(a.sentences[s].document, b.sentences[s].document);  // the record's, not stored per source
      EXPECT_EQ(a.sentence_texts[s], results[i].sentence_texts[s]);
    }
    ASSERT_EQ(a.mentions.size(), b.mentions.size());
    for (std::size_t m = 0; m < a.mentions.size(); ++m) {
      EXPECT_EQ(a.mentions[m].source.document, b.mentions[m].source.document);
      EXPECT_EQ(a.mentions[m].wikidata, b.mentions[m].wikidata);
    }
  }
}

// Every field of every list comes back from a record line.
TEST(ExtractionRecordTest, LineKeepsEveryField) {
  std::vector<extract::ExtractionResult> results = Results();
  results[0].content_hash = "0123abcd";
  results[0].reference_date = "2013-02-12";
  results[0].reference_date_origin = "flag";
  if (!results[0].mentions.empty()) results[0].mentions[0].wikidata = "Q42";
  for (const extract::ExtractionResult& r : results) {
    const std::string line = DumpExtractionLine(r);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    Result<extract::ExtractionResult> back = ParseExtractionRecord(line);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    const extract::ExtractionResult& b = back.value();
    EXPECT_EQ(b.document, r.document);
    EXPECT_EQ(b.content_hash, r.content_hash);
    EXPECT_EQ(b.reference_date, r.reference_date);
    EXPECT_EQ(b.reference_date_origin, r.reference_date_origin);
    auto same_place = [](const extract::SourceRef& x, const extract::SourceRef& y) {
      return x.document == y.document && x.line == y.line && x.begin == y.begin && x.end == y.end;
    };
    ASSERT_EQ(b.sentences.size(), r.sentences.size());
    for (std::size_t i = 0; i < r.sentences.size(); ++i) EXPECT_TRUE(same_place(b.sentences[i], r.sentences[i]));
    ASSERT_EQ(b.mentions.size(), r.mentions.size());
    for (std::size_t i = 0; i < r.mentions.size(); ++i) {
      const extract::Mention& x = b.mentions[i];
      const extract::Mention& y = r.mentions[i];
      EXPECT_EQ(x.entity_id + x.canonical + x.type + x.surface + x.rule_id + x.wikidata,
                y.entity_id + y.canonical + y.type + y.surface + y.rule_id + y.wikidata);
      EXPECT_EQ(x.sentence, y.sentence);
      EXPECT_TRUE(same_place(x.source, y.source));
    }
    ASSERT_EQ(b.dates.size(), r.dates.size());
    for (std::size_t i = 0; i < r.dates.size(); ++i) {
      const extract::DateMention& x = b.dates[i];
      const extract::DateMention& y = r.dates[i];
      EXPECT_EQ(x.text + "|" + x.value + "|" + x.mod + "|" + x.kind + "|" + x.rule_id + "|" + x.anchor,
                y.text + "|" + y.value + "|" + y.mod + "|" + y.kind + "|" + y.rule_id + "|" + y.anchor);
      EXPECT_TRUE(same_place(x.source, y.source));
    }
    ASSERT_EQ(b.events.size(), r.events.size());
    for (std::size_t i = 0; i < r.events.size(); ++i) {
      EXPECT_EQ(b.events[i].date + b.events[i].mod + b.events[i].date_text + b.events[i].text,
                r.events[i].date + r.events[i].mod + r.events[i].date_text + r.events[i].text);
      EXPECT_EQ(b.events[i].entity_ids, r.events[i].entity_ids);
      EXPECT_EQ(b.events[i].relations.size(), r.events[i].relations.size());
    }
    ASSERT_EQ(b.relations.size(), r.relations.size());
    for (std::size_t i = 0; i < r.relations.size(); ++i) {
      const extract::Relation& x = b.relations[i];
      const extract::Relation& y = r.relations[i];
      EXPECT_EQ(x.type + x.from_id + x.to_id + x.date + x.evidence + x.rule_id,
                y.type + y.from_id + y.to_id + y.date + y.evidence + y.rule_id);
      EXPECT_TRUE(same_place(x.source, y.source));
    }
    EXPECT_EQ(DumpExtractionLine(b), line);
  }
}

TEST(ExtractionRecordTest, EscapesLikeJsonAndReplacesBadBytes) {
  extract::ExtractionResult r;
  r.document = "q\"uote\\ tab\t nl\n \x01 \xC3\xA9 \xFF \xE4\xB8 end";
  const std::string line = DumpExtractionLine(r);
  const Json parsed = Json::parse(line);  // valid JSON
  // As nlohmann's error_handler_t::replace: one U+FFFD for the bad byte,
  // one for the cut sequence.
  EXPECT_EQ(parsed.at("document").get<std::string>(), "q\"uote\\ tab\t nl\n \x01 \xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD end");
  Json bad = Json::parse(line);
  bad["mentions"] = Json::array({Json::array({7, "x", 0, 1, 0, 1, 0})});  // entity 7 of none
  EXPECT_FALSE(ParseExtractionRecord(bad.dump()).ok());
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
      {R"({"schema": "other/1", "documents": []})", "not a chronograph.extraction/2 file"},
      {R"({"schema": "chronograph.extraction/2", "documents": [)", "malformed extraction record"},
      {R"({"schema": "chronograph.extraction/2", "documents": [{"document": 1}]})", "malformed extraction record"},
      {R"({"schema": "chronograph.extraction/2"})", "malformed extraction record"},
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
