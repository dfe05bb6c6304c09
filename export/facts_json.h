// facts.json and conflicts.json: every fact of a finalized KnowledgeGraph
// with all of its sources, and the conflicts among them (graph/facts.h has
// the definitions and the conflict rule). Output, UTF-8 JSON, dump(2):
//   facts.json: {"schema": "chronograph.facts/1", "facts": [
//     {"id": "f0", "kind": "relation", "relation", "from", "from_label",
//      "to", "to_label", "date"?, "sources" (documents), "conflict" (bool),
//      "evidence": [{document, line, date?, text}]},
//     {"id": "fN", "kind": "dated", "entity", "label", "date", "mod"?,
//      "sources", "evidence": [{document, line, date, mod?, text}]}]}
//   conflicts.json: {"schema": "chronograph.conflicts/1", "rule": text,
//     "conflicts": [{"relation", "scope": "object"|"pair", "object",
//      "object_label", "subject"?, "subject_label"?, "claims": [{"date",
//      "sources", "statements": [{fact ("fN"), from, from_label, to,
//      to_label, document, line, text}]}]}]}
// Fact ids are positions ("f" + index); entity ids are ExportedEntityIds;
// every string goes through SanitizeForXml10. Deterministic; thread-safe.
// ReadFactsJson reads facts.json back (for commands over an output dir).
#ifndef CHRONOGRAPH_EXPORT_FACTS_JSON_H_
#define CHRONOGRAPH_EXPORT_FACTS_JSON_H_

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "extract/status.h"
#include "graph/facts.h"
#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

inline constexpr char kFactsSchema[] = "chronograph.facts/1";
inline constexpr char kConflictsSchema[] = "chronograph.conflicts/1";

// graph::BuildFacts with exported entity ids and sanitized strings: the
// facts exactly as facts.json holds them.
std::vector<graph::Fact> ExportedFacts(const graph::KnowledgeGraph& graph);

// The same facts, in the same order, one at a time (index = position, the
// N of "fN"), so a corpus's facts are never all held at once.
void ForEachExportedFact(const graph::KnowledgeGraph& graph,
                         const std::function<void(std::size_t index, const graph::Fact&)>& each);

Status WriteFactsJson(const graph::KnowledgeGraph& graph, std::ostream& out);
Status WriteFactsJson(const std::vector<graph::Fact>& facts, std::ostream& out);

// Conflicts of `facts` (graph::FindConflicts).
Status WriteConflictsJson(const graph::KnowledgeGraph& graph, std::ostream& out);
Status WriteConflictsJson(const std::vector<graph::Fact>& facts, std::ostream& out);

// Reads facts.json. Fails with "PATH: reason" when the file is missing,
// not JSON, or not of kFactsSchema.
Result<std::vector<graph::Fact>> ReadFactsJson(const std::string& path);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_FACTS_JSON_H_
