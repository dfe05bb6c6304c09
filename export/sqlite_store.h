// chronograph.sqlite: the corpus as a queryable fact database (SQLite).
// Input: a finalized KnowledgeGraph and the run's extraction records.
// Output: one SQLite file with documents, entities, aliases, sentences (and
// an FTS5 trigram index over them), mentions with byte offsets, dates,
// events with their entities, every statement of a typed relation, the
// graph's edges and facts with their evidence (a reference to the sentence
// row, the text itself only when no stored sentence matches it; views give
// it resolved), and a `statements` view joining dated events and typed
// relations; schema in docs/formats.md. Entity ids are the graph's (ids that
// Finalize merged are resolved). Written to a temporary file and renamed,
// so a failure leaves an earlier file intact; the same input gives the same
// bytes. Records are read one document at a time.
#ifndef CHRONOGRAPH_EXPORT_SQLITE_STORE_H_
#define CHRONOGRAPH_EXPORT_SQLITE_STORE_H_

#include <string>

#include "export/extraction_spill.h"
#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

inline constexpr int kSqliteSchemaVersion = 3;
// facts.kind values.
inline constexpr char kSqliteRelationFact[] = "relation";
inline constexpr char kSqliteDatedFact[] = "dated";

// Returns Ok, or IoError naming `path` and SQLite's message.
Status WriteSqliteStore(const graph::KnowledgeGraph& graph, const ExtractionSpill& extractions,
                        const std::string& path);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_SQLITE_STORE_H_
