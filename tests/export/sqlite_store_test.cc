// chronograph.sqlite written and read back (sqlite_store.h, sqlite_reader.h):
// evidence that is a stored sentence is kept as a sentence_id, other
// evidence keeps its own text, and the reader gives the facts and edge
// evidence the graph has either way.
#include "export/sqlite_store.h"

#include <cstdio>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "export/facts_json.h"
#include "export/sqlite_reader.h"
#include "export/xml_text.h"
#include "tests/graph/sample_corpus.h"

namespace chronograph::exporters {
namespace {

auto Key(const graph::FactSource& s) { return std::tie(s.document, s.line, s.text, s.date, s.mod); }

long long Count(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* s = nullptr;
  long long n = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
    n = sqlite3_column_int64(s, 0);
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return n;
}

TEST(SqliteStoreTest, EvidenceNamesItsSentenceOrKeepsItsText) {
  std::vector<extract::ExtractionResult> docs = testing::SampleCorpus();
  // notes.md gets its sentences (its evidence then names them); talk.txt
  // has none, so its evidence keeps the text.
  extract::ExtractionResult& notes = docs[1];
  ASSERT_EQ(notes.document, "notes.md");
  notes.sentence_texts = {notes.events[0].text, notes.events[1].text};
  notes.sentences = {notes.events[0].source, notes.events[1].source};

  graph::KnowledgeGraph kg;
  ExtractionSpill spill;
  for (const extract::ExtractionResult& d : docs) {
    kg.Add(d);
    spill.Add(d);
  }
  kg.Finalize();
  const std::string path = (std::filesystem::temp_directory_path() / "chronograph_sqlite_store_test.sqlite").string();
  std::filesystem::remove(path);
  ASSERT_TRUE(WriteSqliteStore(kg, spill, path).ok());

  EXPECT_GT(Count(path, "SELECT count(*) FROM fact_evidence_ref WHERE sentence_id IS NOT NULL AND text IS NULL"), 0);
  EXPECT_GT(Count(path, "SELECT count(*) FROM fact_evidence_ref WHERE sentence_id IS NULL AND text IS NOT NULL"), 0);
  EXPECT_GT(Count(path, "SELECT count(*) FROM edge_evidence_ref WHERE sentence_id IS NOT NULL"), 0);
  EXPECT_GT(Count(path, "SELECT count(*) FROM edge_evidence_ref WHERE sentence_id IS NULL"), 0);
  EXPECT_EQ(Count(path, "SELECT count(*) FROM fact_evidence WHERE document IS NULL OR text IS NULL OR line IS NULL"),
            0);

  Result<std::unique_ptr<SqliteReader>> reader = SqliteReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  const std::vector<graph::Fact> expected = ExportedFacts(kg);
  const std::vector<std::string> ids = ExportedEntityIds(kg);
  std::size_t seen = 0;
  for (const std::string& id : ids) {
    Result<std::vector<graph::Fact>> facts = reader.value()->FactsAbout(id);
    ASSERT_TRUE(facts.ok());
    for (const graph::Fact& f : facts.value()) {
      bool found = false;
      for (const graph::Fact& e : expected) {
        if (e.kind != f.kind || e.from != f.from || e.to != f.to || e.relation != f.relation || e.date != f.date ||
            e.mod != f.mod || e.statements.size() != f.statements.size()) {
          continue;
        }
        bool same = true;
        for (std::size_t i = 0; i < e.statements.size(); ++i) same = same && Key(e.statements[i]) == Key(f.statements[i]);
        found = found || same;
      }
      EXPECT_TRUE(found) << f.from << " " << f.relation << " " << f.to << " " << f.date;
      ++seen;
    }
  }
  EXPECT_GT(seen, 0u);

  const graph::Graph& g = kg.graph();
  for (const graph::Edge& e : kg.edges()) {
    graph::RelationEdge edge = g[e];
    edge.from = ids[*kg.FindVertex(edge.from)];
    edge.to = ids[*kg.FindVertex(edge.to)];
    Result<std::vector<graph::Evidence>> evidence = reader.value()->EdgeEvidence(edge);
    ASSERT_TRUE(evidence.ok());
    ASSERT_EQ(evidence.value().size(), g[e].evidence.size()) << edge.from << " " << edge.to;
    for (std::size_t i = 0; i < evidence.value().size(); ++i) {
      EXPECT_EQ(evidence.value()[i].document, g[e].evidence[i].document);
      EXPECT_EQ(evidence.value()[i].line, g[e].evidence[i].line);
      EXPECT_EQ(evidence.value()[i].text, g[e].evidence[i].text);
    }
  }
  reader.value().reset();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace chronograph::exporters
