#include "export/sqlite_reader.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <sqlite3.h>

#include "export/sqlite_store.h"

namespace chronograph::exporters {
namespace {

// One prepared statement, finalized on scope exit.
class Query {
 public:
  Query(sqlite3* db, const std::string& sql) { ok_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr) == SQLITE_OK; }
  ~Query() { sqlite3_finalize(s_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  bool ok() const { return ok_; }
  void Bind(int at, std::string_view v) {
    // An empty view may have no data pointer, which SQLite binds as NULL.
    sqlite3_bind_text(s_, at, v.data() != nullptr ? v.data() : "", static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Bind(int at, long long v) { sqlite3_bind_int64(s_, at, v); }
  // Back to the first row, for binding new values.
  void Reset() {
    sqlite3_reset(s_);
    done_ = false;
  }
  // True while there is a row; false at the end or on an error (see Done).
  bool Next() {
    const int rc = sqlite3_step(s_);
    done_ = rc == SQLITE_DONE;
    return rc == SQLITE_ROW;
  }
  bool Done() const { return done_; }
  std::string Text(int column) const {
    const unsigned char* t = sqlite3_column_text(s_, column);
    return t == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(t),
                                                      static_cast<std::size_t>(sqlite3_column_bytes(s_, column)));
  }
  long long Int(int column) const { return sqlite3_column_int64(s_, column); }
  double Real(int column) const { return sqlite3_column_double(s_, column); }

 private:
  sqlite3_stmt* s_ = nullptr;
  bool ok_ = false;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<SqliteReader>> SqliteReader::Open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    const std::string why = db != nullptr ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close(db);
    return Status::InvalidInput(path + ": " + why);
  }
  std::unique_ptr<SqliteReader> reader(new SqliteReader(db, path));
  const std::string expected = "chronograph.sqlite/" + std::to_string(kSqliteSchemaVersion);
  Query schema(db, "SELECT value FROM meta WHERE key = 'schema'");
  std::string found;
  if (schema.ok() && schema.Next()) found = schema.Text(0);
  if (found != expected) {
    return Status::InvalidInput(path + ": schema '" + (found.empty() ? "none" : found) + "', not '" + expected + "'");
  }
  return reader;
}

SqliteReader::~SqliteReader() { sqlite3_close(db_); }

Result<GraphmlData> SqliteReader::Graph(bool with_edges) const {
  auto failed = [this] { return Status::InvalidInput(path_ + ": " + sqlite3_errmsg(db_)); };
  GraphmlData data;
  Query entities(db_, "SELECT id, label, type, wikidata, mentions, first_date, last_date, documents FROM entities "
                      "ORDER BY rowid");
  if (!entities.ok()) return failed();
  while (entities.Next()) {
    graph::EntityNode node;
    node.id = entities.Text(0);
    node.label = entities.Text(1);
    node.type = entities.Text(2);
    node.wikidata = entities.Text(3);
    node.mentions = static_cast<int>(entities.Int(4));
    node.first_date = entities.Text(5);
    node.last_date = entities.Text(6);
    const std::string documents = std::to_string(entities.Int(7));
    const graph::Vertex v = boost::add_vertex(std::move(node), data.graph);
    data.index.emplace(data.graph[v].id, v);
    data.node_data.push_back({{"documents", documents}});
  }
  if (!entities.Done()) return failed();
  Query aliases(db_, "SELECT entity_id, alias FROM aliases ORDER BY rowid");
  if (!aliases.ok()) return failed();
  while (aliases.Next()) {
    graph::Vertex v;
    if (data.Find(aliases.Text(0), &v)) data.graph[v].aliases.insert(aliases.Text(1));
  }
  if (!aliases.Done()) return failed();
  if (!with_edges) return data;

  // A hash index for the edges' ends: a million edges look up two million ids.
  std::unordered_map<std::string_view, graph::Vertex> vertex_of;
  vertex_of.reserve(data.index.size());
  for (const auto& [id, v] : data.index) vertex_of.emplace(id, v);
  auto find = [&vertex_of](std::string_view id, graph::Vertex* v) {
    const auto it = vertex_of.find(id);
    if (it == vertex_of.end()) return false;
    *v = it->second;
    return true;
  };
  Query edges(db_, "SELECT relation, from_id, to_id, date, weight, sources FROM edges ORDER BY rowid");
  if (!edges.ok()) return failed();
  while (edges.Next()) {
    graph::RelationEdge edge;
    edge.relation = data.text->Keep(edges.Text(0));
    edge.from = data.text->Keep(edges.Text(1));
    edge.to = data.text->Keep(edges.Text(2));
    edge.date = data.text->Keep(edges.Text(3));
    edge.weight = edges.Real(4);
    edge.sources = static_cast<int>(edges.Int(5));
    graph::Vertex a, b;
    if (!find(edge.from, &a) || !find(edge.to, &b)) {
      return Status::InvalidInput(path_ + ": edge names an unknown entity ('" + std::string(edge.from) + "', '" +
                                  std::string(edge.to) + "')");
    }
    // As graph.graphml: an undirected edge from the smaller id.
    boost::add_edge(std::min(a, b), std::max(a, b), std::move(edge), data.graph);
  }
  if (!edges.Done()) return failed();
  return data;
}

Result<std::vector<graph::Evidence>> SqliteReader::EdgeEvidence(const graph::RelationEdge& edge) const {
  Query q(db_, "SELECT coalesce(d.name, ev.document), coalesce(s.line, ev.line), coalesce(s.text, ev.text) "
               "FROM edges e JOIN edge_evidence_ref ev ON ev.edge_id = e.id "
               "LEFT JOIN sentences s ON s.id = ev.sentence_id LEFT JOIN documents d ON d.id = s.document_id "
               "WHERE e.from_id = ?1 AND e.to_id = ?2 AND e.relation = ?3 ORDER BY ev.rowid");
  if (!q.ok()) return Status::InvalidInput(path_ + ": " + sqlite3_errmsg(db_));
  q.Bind(1, edge.from);
  q.Bind(2, edge.to);
  q.Bind(3, edge.relation);
  std::vector<graph::Evidence> out;
  while (q.Next()) {
    graph::Evidence ev;
    ev.document = evidence_text_.emplace_back(q.Text(0));
    ev.line = static_cast<int>(q.Int(1));
    ev.text = evidence_text_.emplace_back(q.Text(2));
    out.push_back(std::move(ev));
  }
  if (!q.Done()) return Status::InvalidInput(path_ + ": " + sqlite3_errmsg(db_));
  return out;
}

Result<std::vector<graph::Fact>> SqliteReader::Facts(const std::string& where,
                                                     const std::vector<std::string>& values) const {
  auto failed = [this] { return Status::InvalidInput(path_ + ": " + sqlite3_errmsg(db_)); };
  Query facts(db_, "SELECT id, kind, relation, from_id, from_label, to_id, to_label, date, mod, sources, conflict "
                   "FROM facts WHERE " + where + " ORDER BY id");
  if (!facts.ok()) return failed();
  for (std::size_t i = 0; i < values.size(); ++i) facts.Bind(static_cast<int>(i + 1), values[i]);
  Query evidence(db_, "SELECT coalesce(d.name, ev.document), coalesce(s.line, ev.line), coalesce(s.text, ev.text), "
                      "ev.date, ev.mod FROM fact_evidence_ref ev LEFT JOIN sentences s ON s.id = ev.sentence_id "
                      "LEFT JOIN documents d ON d.id = s.document_id WHERE ev.fact_id = ?1 ORDER BY ev.rowid");
  if (!evidence.ok()) return failed();
  std::vector<graph::Fact> out;
  while (facts.Next()) {
    graph::Fact f;
    f.kind = facts.Text(1) == kSqliteRelationFact ? graph::FactKind::kRelation : graph::FactKind::kDated;
    f.relation = facts.Text(2);
    f.from = facts.Text(3);
    f.from_label = facts.Text(4);
    f.to = facts.Text(5);
    f.to_label = facts.Text(6);
    f.date = facts.Text(7);
    f.mod = facts.Text(8);
    f.sources = static_cast<int>(facts.Int(9));
    f.conflict = facts.Int(10) != 0;
    evidence.Reset();
    evidence.Bind(1, facts.Int(0));
    while (evidence.Next()) {
      graph::FactSource source;
      source.document = evidence.Text(0);
      source.line = static_cast<int>(evidence.Int(1));
      source.text = evidence.Text(2);
      source.date = evidence.Text(3);
      source.mod = evidence.Text(4);
      f.statements.push_back(std::move(source));
    }
    if (!evidence.Done()) return failed();
    out.push_back(std::move(f));
  }
  if (!facts.Done()) return failed();
  return out;
}

Result<std::vector<graph::Fact>> SqliteReader::FactsAbout(const std::string& id) const {
  return Facts("from_id = ?1 OR to_id = ?1", {id});
}

Result<std::vector<graph::Fact>> SqliteReader::RelationFacts() const {
  return Facts("kind = ?1", {kSqliteRelationFact});
}

}  // namespace chronograph::exporters
