// Shared by the commands that read a built output directory (show, path,
// conflicts): reading it (OutputDir), resolving an entity name with a "did
// you mean" message, and the text layout of a fact's sources. No
// re-extraction happens here.
#ifndef CHRONOGRAPH_APP_QUERY_COMMON_H_
#define CHRONOGRAPH_APP_QUERY_COMMON_H_

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "export/graphml_reader.h"
#include "export/sqlite_reader.h"
#include "extract/status.h"
#include "graph/facts.h"

namespace chronograph::app {

// A built output directory, read through DIR/chronograph.sqlite when it is
// there and of this build's schema (its indexes let a question read only
// what it needs: a graph of 100,000 entities answers at once), else through
// DIR/graph.graphml and DIR/facts.json, read whole. Both give the same
// answers. InvalidInput names DIR or the missing file.
class OutputDir {
 public:
  static Result<OutputDir> Open(const std::string& dir);

  // Every entity; with `with_edges` every edge too. Edge evidence may be
  // left out: EdgeEvidence gives it.
  Result<exporters::GraphmlData> Graph(bool with_edges) const;
  Result<std::vector<graph::Evidence>> EdgeEvidence(const graph::RelationEdge& edge) const;
  // facts.json's facts naming entity `id`, in its order.
  Result<std::vector<graph::Fact>> FactsAbout(const std::string& id) const;
  // facts.json's relation facts (the first ones, so positions are fact ids).
  Result<std::vector<graph::Fact>> RelationFacts() const;

 private:
  Result<std::vector<graph::Fact>> AllFacts() const;  // facts.json, read whole
  Result<std::vector<graph::Fact>> FactsWhere(const std::function<bool(const graph::Fact&)>& keep) const;
  std::string dir_;
  std::shared_ptr<const exporters::SqliteReader> store_;  // null: read the files
};

// The vertex `query` names (graph::ResolveEntity), or InvalidInput:
// "unknown entity 'X' in DIR; did you mean: A, B?".
Result<graph::Vertex> ResolveOrExplain(const exporters::GraphmlData& data, const std::string& query,
                                       const std::string& dir);

// One line: text collapsed to one line and cut at `max_chars` code points.
std::string OneLine(const std::string& text, std::size_t max_chars = 240);

// "      document:line: sentence" lines, one per source.
void PrintSources(const std::vector<graph::FactSource>& sources, std::ostream& out, const char* indent = "      ");

// "1 source" / "3 sources".
std::string Plural(int n, const char* one, const char* many);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_QUERY_COMMON_H_
