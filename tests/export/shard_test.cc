// Shards (export/shard.h): record lines round-trip, merging does not depend
// on input order or grouping, a document (name + content hash) counts once
// while two texts under one name both count, and foreign or damaged input
// is refused with the file and line.
#include "export/shard.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

const ShardHeader kHeader{"9.9.9", "rules-a"};

std::vector<extract::ExtractionResult> Documents() {
  std::vector<extract::ExtractionResult> results = testing::SampleCorpus();
  for (std::size_t i = 0; i < results.size(); ++i) results[i].content_hash = "hash" + std::to_string(i);
  return results;
}

std::string WriteShardFile(const std::string& name, const std::vector<extract::ExtractionResult>& results,
                           const ShardHeader& header = kHeader) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream out(path, std::ios::binary);
  out << ShardHeaderLine(header);
  for (const auto& r : results) out << ShardRecordLine(r);
  return path;
}

std::string Merged(const std::vector<std::string>& paths) {
  ShardMerger merger;
  for (const std::string& p : paths) {
    const Status s = merger.AddShard(p);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  std::ostringstream out;
  EXPECT_TRUE(merger.WriteShard(out).ok());
  return out.str();
}

TEST(ShardTest, RecordLineRoundTrips) {
  for (const extract::ExtractionResult& r : Documents()) {
    const std::string line = ShardRecordLine(r);
    ASSERT_EQ(line.find('\n'), line.size() - 1) << "one line per record";
    ShardMerger merger;
    const std::string path = WriteShardFile("one.shard", {r});
    ASSERT_TRUE(merger.AddShard(path).ok());
    int seen = 0;
    ASSERT_TRUE(merger.ForEach([&](extract::ExtractionResult&& back) {
                  ++seen;
                  EXPECT_EQ(ShardRecordLine(back), line);
                  return Status::Ok();
                }).ok());
    EXPECT_EQ(seen, 1);
  }
}

TEST(ShardTest, MergeIgnoresOrderGroupingAndRepeats) {
  const std::vector<extract::ExtractionResult> docs = Documents();
  ASSERT_GE(docs.size(), 2u);
  const std::string a = WriteShardFile("a.shard", {docs[0]});
  const std::string b = WriteShardFile("b.shard", {docs[1], docs[0]});  // docs[0] twice across shards
  const std::string ab = WriteShardFile("ab.shard", {docs[0], docs[1]});
  const std::string expected = Merged({a, b});
  EXPECT_EQ(Merged({b, a}), expected);
  EXPECT_EQ(Merged({ab}), expected);
  // A merge of merges.
  const std::string first = ::testing::TempDir() + "/first.shard";
  std::ofstream(first, std::ios::binary) << Merged({b});
  EXPECT_EQ(Merged({first, a}), expected);
  // One header and one line per distinct document.
  std::istringstream lines(expected);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) ++count;
  EXPECT_EQ(count, 3);
}

TEST(ShardTest, SameNameOtherTextCountsTwice) {
  std::vector<extract::ExtractionResult> docs = Documents();
  extract::ExtractionResult edited = docs[0];
  edited.content_hash = "edited";
  ShardMerger merger;
  ASSERT_TRUE(merger.AddShard(WriteShardFile("x.shard", {docs[0]})).ok());
  ASSERT_TRUE(merger.AddShard(WriteShardFile("y.shard", {edited, docs[0]})).ok());
  EXPECT_EQ(merger.records_read(), 3u);
  EXPECT_EQ(merger.documents(), 2u);
}

TEST(ShardTest, RefusesForeignAndDamagedInput) {
  const std::vector<extract::ExtractionResult> docs = Documents();
  const std::string good = WriteShardFile("good.shard", {docs[0]});
  struct Case {
    const char* name;
    std::string content;
    const char* error;
  } cases[] = {
      {"other_rules.shard", ShardHeaderLine({"9.9.9", "rules-b"}), "rules rules-b"},
      {"other_version.shard", ShardHeaderLine({"1.0.0", "rules-a"}), "chronograph 1.0.0"},
      {"no_header.shard", ShardRecordLine(docs[1]), "no chronograph.shard/1 header line"},
      {"not_json.shard", ShardHeaderLine(kHeader) + "hello\n", "not_json.shard:2: not a chronograph shard line"},
      {"cut.shard", ShardHeaderLine(kHeader) + ShardRecordLine(docs[1]).substr(0, 40) + "\n",
       "cut.shard:2: malformed extraction record"},
      {"other_schema.shard", "{\"schema\":\"other/1\"}\n", "not a chronograph.shard/1 header"},
      {"empty.shard", "", "empty, not a shard"},
  };
  for (const Case& c : cases) {
    const std::string path = ::testing::TempDir() + "/" + c.name;
    std::ofstream(path, std::ios::binary) << c.content;
    ShardMerger merger;
    ASSERT_TRUE(merger.AddShard(good).ok());
    const Status s = merger.AddShard(path);
    EXPECT_FALSE(s.ok()) << c.name;
    EXPECT_NE(s.message().find(c.error), std::string::npos) << c.name << ": " << s.ToString();
  }
}

}  // namespace
}  // namespace chronograph::exporters
