// Shared by the commands that read a built output directory (show, path,
// conflicts): loading its files through the readers in chronograph_export,
// resolving an entity name with a "did you mean" message, and the text
// layout of a fact's sources. No re-extraction happens here.
#ifndef CHRONOGRAPH_APP_QUERY_COMMON_H_
#define CHRONOGRAPH_APP_QUERY_COMMON_H_

#include <ostream>
#include <string>
#include <vector>

#include "export/graphml_reader.h"
#include "extract/status.h"
#include "graph/facts.h"

namespace chronograph::app {

// DIR/graph.graphml read back; InvalidInput when DIR or the file is missing.
Result<exporters::GraphmlData> LoadGraph(const std::string& dir);
// DIR/facts.json read back; InvalidInput when DIR or the file is missing.
Result<std::vector<graph::Fact>> LoadFacts(const std::string& dir);

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
