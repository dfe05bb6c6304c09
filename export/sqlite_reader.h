// Reads chronograph.sqlite (export/sqlite_store.h) back for the commands
// that answer questions over a built output directory (show, path,
// conflicts), so that they touch only what a question needs through the
// store's indexes instead of parsing graph.graphml and facts.json whole.
// Input: a file of the current schema (kSqliteSchemaVersion); an older or
// foreign file is refused with a message, and the callers then read the
// other files. Output: the same values those files give: entities as a
// GraphmlData (node ids, labels, types, aliases, mentions, dates, wikidata,
// node_data["documents"]), edges with their evidence, and facts exactly as
// facts.json holds them (ids, order, sources, conflict flags). One reader
// per thread (an SQLite connection is not shared).
#ifndef CHRONOGRAPH_EXPORT_SQLITE_READER_H_
#define CHRONOGRAPH_EXPORT_SQLITE_READER_H_

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "export/graphml_reader.h"
#include "extract/status.h"
#include "graph/facts.h"

struct sqlite3;

namespace chronograph::exporters {

class SqliteReader {
 public:
  // Opens `path` read-only. InvalidInput naming the file when it cannot be
  // opened or its schema is not this build's.
  static Result<std::unique_ptr<SqliteReader>> Open(const std::string& path);
  ~SqliteReader();
  SqliteReader(const SqliteReader&) = delete;
  SqliteReader& operator=(const SqliteReader&) = delete;

  // Every entity as a vertex (in id order, as graph.graphml lists them);
  // with `with_edges`, every edge too, in graph.graphml's order, without
  // evidence (EdgeEvidence fetches it for the edges a caller shows).
  Result<GraphmlData> Graph(bool with_edges) const;
  // The evidence of the edge (from, to, relation), as graph.graphml keeps it.
  // The Evidence views point into text this reader keeps until it is
  // destroyed.
  Result<std::vector<graph::Evidence>> EdgeEvidence(const graph::RelationEdge& edge) const;
  // The facts that name entity `id` (as subject, object or dated entity),
  // in facts.json's order.
  Result<std::vector<graph::Fact>> FactsAbout(const std::string& id) const;
  // Every relation fact (they come first in facts.json, so their positions
  // are their fact ids).
  Result<std::vector<graph::Fact>> RelationFacts() const;

 private:
  SqliteReader(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Result<std::vector<graph::Fact>> Facts(const std::string& where, const std::vector<std::string>& values) const;
  sqlite3* db_;
  std::string path_;
  // EdgeEvidence's documents and sentences (a deque never moves its
  // elements, so the views it returned stay valid).
  mutable std::deque<std::string> evidence_text_;
};

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_SQLITE_READER_H_
