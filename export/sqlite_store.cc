#include "export/sqlite_store.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <sqlite3.h>
#include <xxhash.h>

#include "export/atomic_file.h"
#include "export/facts_json.h"
#include "export/xml_text.h"

namespace chronograph::exporters {
namespace {


// The schema, also documented in docs/formats.md. Indexes come after the
// data: building them once is faster than keeping them up to date.
constexpr char kSchema[] = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents(id INTEGER PRIMARY KEY, name TEXT NOT NULL, content_hash TEXT NOT NULL,
                       reference_date TEXT NOT NULL);
CREATE TABLE entities(id TEXT PRIMARY KEY, label TEXT NOT NULL, type TEXT NOT NULL, wikidata TEXT NOT NULL,
                      mentions INTEGER NOT NULL, first_date TEXT NOT NULL, last_date TEXT NOT NULL,
                      documents INTEGER NOT NULL);
CREATE TABLE aliases(entity_id TEXT NOT NULL, alias TEXT NOT NULL);
CREATE TABLE sentences(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, line INTEGER NOT NULL,
                       begin INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='trigram');
CREATE TABLE mentions(entity_id TEXT NOT NULL, document_id INTEGER NOT NULL, sentence_id INTEGER,
                      surface TEXT NOT NULL, line INTEGER NOT NULL, begin INTEGER NOT NULL, "end" INTEGER NOT NULL,
                      rule_id TEXT NOT NULL);
CREATE TABLE dates(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, sentence_id INTEGER, text TEXT NOT NULL,
                   value TEXT NOT NULL, mod TEXT NOT NULL, kind TEXT NOT NULL, line INTEGER NOT NULL,
                   begin INTEGER NOT NULL, "end" INTEGER NOT NULL, rule_id TEXT NOT NULL, anchor TEXT NOT NULL);
CREATE TABLE events(id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, sentence_id INTEGER,
                    date TEXT NOT NULL, mod TEXT NOT NULL, date_text TEXT NOT NULL, line INTEGER NOT NULL,
                    begin INTEGER NOT NULL, "end" INTEGER NOT NULL);
CREATE TABLE event_entities(event_id INTEGER NOT NULL, entity_id TEXT NOT NULL);
CREATE TABLE relations(id INTEGER PRIMARY KEY, type TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL,
                       date TEXT NOT NULL, document_id INTEGER NOT NULL, sentence_id INTEGER,
                       line INTEGER NOT NULL, begin INTEGER NOT NULL, "end" INTEGER NOT NULL,
                       rule_id TEXT NOT NULL);
CREATE TABLE edges(id TEXT PRIMARY KEY, relation TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL,
                   date TEXT NOT NULL, weight REAL NOT NULL, sources INTEGER NOT NULL);
CREATE TABLE edge_evidence_ref(edge_id TEXT NOT NULL, sentence_id INTEGER, document TEXT, line INTEGER,
                               text TEXT);
CREATE TABLE facts(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, relation TEXT NOT NULL, from_id TEXT NOT NULL,
                   from_label TEXT NOT NULL, to_id TEXT NOT NULL, to_label TEXT NOT NULL, date TEXT NOT NULL,
                   mod TEXT NOT NULL, sources INTEGER NOT NULL, conflict INTEGER NOT NULL);
CREATE TABLE fact_evidence_ref(fact_id INTEGER NOT NULL, sentence_id INTEGER, document TEXT, line INTEGER, text TEXT,
                               date TEXT NOT NULL, mod TEXT NOT NULL);
CREATE VIEW edge_evidence AS
  SELECT r.edge_id AS edge_id, r.sentence_id AS sentence_id, coalesce(d.name, r.document) AS document,
         coalesce(s.line, r.line) AS line, coalesce(s.text, r.text) AS text
    FROM edge_evidence_ref r LEFT JOIN sentences s ON s.id = r.sentence_id LEFT JOIN documents d ON d.id = s.document_id;
CREATE VIEW fact_evidence AS
  SELECT r.fact_id AS fact_id, r.sentence_id AS sentence_id, coalesce(d.name, r.document) AS document,
         coalesce(s.line, r.line) AS line, coalesce(s.text, r.text) AS text, r.date AS date, r.mod AS mod
    FROM fact_evidence_ref r LEFT JOIN sentences s ON s.id = r.sentence_id LEFT JOIN documents d ON d.id = s.document_id;
CREATE VIEW statements AS
  SELECT 'event' AS kind, ee.entity_id AS subject, NULL AS relation, NULL AS object, e.date AS date, e.mod AS mod,
         e.document_id AS document_id, e.sentence_id AS sentence_id, e.line AS line
    FROM events e JOIN event_entities ee ON ee.event_id = e.id
  UNION ALL
  SELECT 'relation', r.from_id, r.type, r.to_id, r.date, '', r.document_id, r.sentence_id, r.line FROM relations r;
)sql";

constexpr char kIndexes[] = R"sql(
CREATE INDEX aliases_by_entity ON aliases(entity_id);
CREATE INDEX aliases_by_alias ON aliases(alias);
CREATE INDEX sentences_by_document ON sentences(document_id);
CREATE INDEX mentions_by_entity ON mentions(entity_id);
CREATE INDEX mentions_by_sentence ON mentions(sentence_id);
CREATE INDEX dates_by_value ON dates(value);
CREATE INDEX events_by_date ON events(date);
CREATE INDEX event_entities_by_entity ON event_entities(entity_id);
CREATE INDEX event_entities_by_event ON event_entities(event_id);
CREATE INDEX relations_by_from ON relations(from_id);
CREATE INDEX relations_by_to ON relations(to_id);
CREATE INDEX edges_by_ends ON edges(from_id, to_id);
CREATE INDEX edge_evidence_by_edge ON edge_evidence_ref(edge_id);
CREATE INDEX facts_by_from ON facts(from_id);
CREATE INDEX facts_by_to ON facts(to_id);
CREATE INDEX fact_evidence_by_fact ON fact_evidence_ref(fact_id);
INSERT INTO sentences_fts(sentences_fts) VALUES('rebuild');
)sql";

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// Binds values by position and steps once; the first failure is kept.
// Text is bound without a copy (SQLITE_STATIC): callers bind and Run() in
// one full expression, so every bound string outlives the step.
class Inserter {
 public:
  Inserter(sqlite3* db, const char* sql, std::string* error) : db_(db), error_(error) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) Fail();
    statement_.reset(s);
  }
  Inserter& Text(std::string_view v) {
    // An empty view may have no data pointer, which SQLite binds as NULL.
    const char* data = v.data() != nullptr ? v.data() : "";
    if (statement_) sqlite3_bind_text(statement_.get(), ++at_, data, static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Inserter& Int(long long v) {
    if (statement_) sqlite3_bind_int64(statement_.get(), ++at_, v);
    return *this;
  }
  Inserter& Real(double v) {
    if (statement_) sqlite3_bind_double(statement_.get(), ++at_, v);
    return *this;
  }
  Inserter& Null() {
    if (statement_) sqlite3_bind_null(statement_.get(), ++at_);
    return *this;
  }
  Inserter& OptionalInt(std::optional<long long> v) {
    if (!v) return Null();
    return Int(*v);
  }
  void Run() {
    if (!statement_) return;
    if (sqlite3_step(statement_.get()) != SQLITE_DONE) Fail();
    sqlite3_reset(statement_.get());  // every parameter is bound again before the next step
    at_ = 0;
  }

 private:
  void Fail() {
    if (error_->empty()) *error_ = sqlite3_errmsg(db_);
  }
  sqlite3* db_;
  std::string* error_;
  Statement statement_;
  int at_ = 0;
};

// The sentence (global row id) holding byte `begin` of the document, if any.
std::optional<long long> SentenceAt(const extract::ExtractionResult& r, long long first_id, std::size_t begin) {
  auto it = std::upper_bound(r.sentences.begin(), r.sentences.end(), begin,
                             [](std::size_t b, const extract::SourceRef& s) { return b < s.begin; });
  if (it == r.sentences.begin()) return std::nullopt;
  --it;
  if (begin >= it->end && !(it->begin == it->end)) return std::nullopt;
  return first_id + (it - r.sentences.begin());
}

// The sentence rows by (document name, line, text), so that an evidence
// names its sentence instead of copying the text. A key is XXH3-128 of the
// three, length-prefixed: the identity the run cache already trusts for
// documents (a collision is not a practical concern). Holds 24 bytes per
// sentence that can be evidence (one with a mention, an event or a
// relation); an evidence not found keeps its own text.
class SentenceIndex {
 public:
  void Add(std::string_view document, int line, std::string_view text, long long id) {
    const XXH128_hash_t key = Key(document, line, text);
    entries_.push_back({key.high64, key.low64, id});
  }
  // Call once every sentence is added; equal keys keep the first sentence.
  void Seal() {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.high, a.low, a.id) < std::tie(b.high, b.low, b.id);
    });
  }
  std::optional<long long> Find(std::string_view document, int line, std::string_view text) {
    const XXH128_hash_t key = Key(document, line, text);
    const auto it = std::lower_bound(entries_.begin(), entries_.end(), key, [](const Entry& e, const XXH128_hash_t& k) {
      return std::tie(e.high, e.low) < std::tie(k.high64, k.low64);
    });
    if (it == entries_.end() || it->high != key.high64 || it->low != key.low64) return std::nullopt;
    return it->id;
  }

 private:
  struct Entry {
    std::uint64_t high, low;
    long long id;
  };
  XXH128_hash_t Key(std::string_view document, int line, std::string_view text) {
    buffer_.clear();
    const std::uint64_t size = document.size();
    const std::int64_t line64 = line;
    buffer_.append(reinterpret_cast<const char*>(&size), sizeof size).append(document);
    buffer_.append(reinterpret_cast<const char*>(&line64), sizeof line64).append(text);
    return XXH3_128bits(buffer_.data(), buffer_.size());
  }
  std::vector<Entry> entries_;
  std::string buffer_;
};

Status Fill(sqlite3* db, const graph::KnowledgeGraph& graph, const ExtractionSpill& extractions) {
  std::string error;
  auto exec = [&](const char* sql) {
    char* message = nullptr;
    if (error.empty() && sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      error = message != nullptr ? message : "sqlite3_exec failed";
    }
    sqlite3_free(message);
  };
  // A file written in one go, renamed only when complete: no journal needed.
  // 16 MiB of page cache (it also bounds the sorters of the index builds):
  // 64 MiB was no faster on a 20 MB corpus and cost 85 MB more peak memory.
  exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-16384;");
  exec("BEGIN");
  exec(kSchema);
  if (!error.empty()) return Status::IoError(error);

  Inserter meta(db, "INSERT INTO meta VALUES(?,?)", &error);
  meta.Text("schema").Text("chronograph.sqlite/" + std::to_string(kSqliteSchemaVersion)).Run();
  meta.Text("rules").Text(extractions.rules()).Run();

  // Entity ids as every other output names them (GraphML node ids).
  const graph::Graph& g = graph.graph();
  const std::vector<std::string> ids = ExportedEntityIds(graph);
  Inserter entity(db, "INSERT INTO entities VALUES(?,?,?,?,?,?,?,?)", &error);
  Inserter alias(db, "INSERT INTO aliases VALUES(?,?)", &error);
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& n = g[v];
    entity.Text(ids[v]).Text(n.label).Text(n.type).Text(n.wikidata).Int(n.mentions).Text(n.first_date)
        .Text(n.last_date).Int(static_cast<long long>(n.documents.size())).Run();
    for (const std::string& a : n.aliases) alias.Text(ids[v]).Text(a).Run();
  }
  // The entity a record's id now names (Finalize may have merged it).
  auto resolve = [&graph, &ids](std::string_view id) -> std::string_view {
    const std::optional<graph::Vertex> v = graph.ResolveVertex(id);
    return v ? std::string_view(ids[*v]) : id;
  };
  Inserter document(db, "INSERT INTO documents VALUES(?,?,?,?)", &error);
  Inserter sentence(db, "INSERT INTO sentences VALUES(?,?,?,?,?,?)", &error);
  Inserter mention(db, "INSERT INTO mentions VALUES(?,?,?,?,?,?,?,?)", &error);
  Inserter date(db, "INSERT INTO dates VALUES(NULL,?,?,?,?,?,?,?,?,?,?,?)", &error);
  Inserter event(db, "INSERT INTO events VALUES(?,?,?,?,?,?,?,?,?)", &error);
  Inserter event_entity(db, "INSERT INTO event_entities VALUES(?,?)", &error);
  Inserter relation(db, "INSERT INTO relations VALUES(NULL,?,?,?,?,?,?,?,?,?,?)", &error);
  long long document_id = 0, sentence_id = 1, event_id = 0;
  SentenceIndex sentence_index;
  const std::string empty;
  Status read = extractions.ForEachInOrder([&](const extract::ExtractionResult& r) {
    ++document_id;
    document.Int(document_id).Text(r.document).Text(r.content_hash).Text(r.reference_date).Run();
    const long long first_sentence = sentence_id;
    // The sentences an evidence can be: those with a mention, an event or a relation.
    std::vector<bool> cited(r.sentences.size(), false);
    for (const extract::Mention& m : r.mentions) {
      const auto at = static_cast<std::size_t>(m.sentence);
      if (m.sentence >= 0 && at < cited.size()) cited[at] = true;
    }
    auto cite = [&](std::size_t begin) {
      if (const std::optional<long long> at = SentenceAt(r, 0, begin)) cited[static_cast<std::size_t>(*at)] = true;
    };
    for (const extract::Event& e : r.events) cite(e.source.begin);
    for (const extract::Relation& rel : r.relations) cite(rel.source.begin);
    for (std::size_t i = 0; i < r.sentences.size(); ++i) {
      const extract::SourceRef& s = r.sentences[i];
      const std::string& text = i < r.sentence_texts.size() ? r.sentence_texts[i] : empty;
      if (cited[i]) sentence_index.Add(r.document, s.line, text, sentence_id);
      sentence.Int(sentence_id++).Int(document_id).Int(s.line).Int(static_cast<long long>(s.begin))
          .Int(static_cast<long long>(s.end)).Text(text).Run();
    }
    auto sentence_of = [&](int index) -> std::optional<long long> {
      if (index < 0 || static_cast<std::size_t>(index) >= r.sentences.size()) return std::nullopt;
      return first_sentence + index;
    };
    for (const extract::Mention& m : r.mentions) {
      mention.Text(resolve(m.entity_id)).Int(document_id).OptionalInt(sentence_of(m.sentence)).Text(m.surface)
          .Int(m.source.line).Int(static_cast<long long>(m.source.begin)).Int(static_cast<long long>(m.source.end))
          .Text(m.rule_id).Run();
    }
    for (const extract::DateMention& d : r.dates) {
      date.Int(document_id).OptionalInt(sentence_of(d.sentence)).Text(d.text).Text(d.value).Text(d.mod).Text(d.kind)
          .Int(d.source.line).Int(static_cast<long long>(d.source.begin)).Int(static_cast<long long>(d.source.end))
          .Text(d.rule_id).Text(d.anchor).Run();
    }
    for (const extract::Event& e : r.events) {
      ++event_id;
      event.Int(event_id).Int(document_id).OptionalInt(SentenceAt(r, first_sentence, e.source.begin)).Text(e.date)
          .Text(e.mod).Text(e.date_text).Int(e.source.line).Int(static_cast<long long>(e.source.begin))
          .Int(static_cast<long long>(e.source.end)).Run();
      std::vector<std::string> ids;
      for (const std::string& id : e.entity_ids) ids.emplace_back(resolve(id));
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      for (const std::string& id : ids) event_entity.Int(event_id).Text(id).Run();
    }
    for (const extract::Relation& rel : r.relations) {
      relation.Text(rel.type).Text(resolve(rel.from_id)).Text(resolve(rel.to_id)).Text(rel.date).Int(document_id)
          .OptionalInt(SentenceAt(r, first_sentence, rel.source.begin)).Int(rel.source.line)
          .Int(static_cast<long long>(rel.source.begin)).Int(static_cast<long long>(rel.source.end)).Text(rel.rule_id)
          .Run();
    }
    return error.empty() ? Status::Ok() : Status::IoError(error);
  });
  if (!read.ok()) return read;
  // Evidence rows name their sentence (sentence_id) when it is stored;
  // document, line and text are kept only otherwise.
  sentence_index.Seal();
  auto evidence_row = [&](Inserter& insert, std::string_view document, int line, std::string_view text) {
    const std::optional<long long> sentence = sentence_index.Find(document, line, text);
    if (sentence) {
      insert.Int(*sentence).Null().Null().Null();
    } else {
      insert.Null().Text(document).Int(line).Text(text);
    }
  };
  Inserter edge(db, "INSERT INTO edges VALUES(?,?,?,?,?,?,?)", &error);
  Inserter edge_evidence(db, "INSERT INTO edge_evidence_ref VALUES(?,?,?,?,?)", &error);
  for (std::size_t i = 0; i < graph.edges().size(); ++i) {
    const graph::RelationEdge& e = g[graph.edges()[i]];
    const std::string id = "e" + std::to_string(i);
    edge.Text(id).Text(e.relation).Text(resolve(e.from)).Text(resolve(e.to)).Text(e.date).Real(e.weight)
        .Int(e.sources).Run();
    for (const graph::Evidence& ev : e.evidence) {
      evidence_row(edge_evidence.Text(id), ev.document, ev.line, ev.text);
      edge_evidence.Run();
    }
  }
  // facts.json's facts, with its ids and order (fact N is "fN").
  Inserter fact(db, "INSERT INTO facts VALUES(?,?,?,?,?,?,?,?,?,?,?)", &error);
  Inserter fact_evidence(db, "INSERT INTO fact_evidence_ref VALUES(?,?,?,?,?,?,?)", &error);
  ForEachExportedFact(graph, [&](std::size_t i, const graph::Fact& f) {
    const bool relation = f.kind == graph::FactKind::kRelation;
    fact.Int(static_cast<long long>(i)).Text(relation ? kSqliteRelationFact : kSqliteDatedFact).Text(f.relation).Text(f.from)
        .Text(f.from_label).Text(f.to).Text(f.to_label).Text(f.date).Text(f.mod).Int(f.sources).Int(f.conflict ? 1 : 0)
        .Run();
    for (const graph::FactSource& source : f.statements) {
      evidence_row(fact_evidence.Int(static_cast<long long>(i)), source.document, source.line, source.text);
      fact_evidence.Text(source.date).Text(source.mod).Run();
    }
  });
  exec(kIndexes);
  exec("COMMIT");
  return error.empty() ? Status::Ok() : Status::IoError(error);
}

}  // namespace

Status WriteSqliteStore(const graph::KnowledgeGraph& graph, const ExtractionSpill& extractions,
                        const std::string& path) {
  const std::string temp = TempPathFor(path);
  std::error_code ec;
  std::filesystem::remove(temp, ec);  // a leftover of a killed run
  TrackTempFile(temp);                 // removed if the run is interrupted
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(temp.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Db db(raw);
  Status status = opened == SQLITE_OK ? Fill(db.get(), graph, extractions)
                                      : Status::IoError(raw != nullptr ? sqlite3_errmsg(raw) : "cannot open");
  db.reset();  // close before renaming
  if (status.ok()) return StageTempFile(temp, path);  // renamed with the other outputs
  std::filesystem::remove(temp, ec);
  UntrackTempFile(temp);
  return Status::IoError(path + ": " + status.message());
}

}  // namespace chronograph::exporters
