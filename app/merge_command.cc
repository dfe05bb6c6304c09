#include "app/merge_command.h"

#include <chrono>
#include <filesystem>
#include <set>

#include "export/extraction_json.h"
#include "export/graphml_reader.h"
#include "graph/knowledge_graph.h"

namespace chronograph::app {

Status RunMerge(const MergeOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.graphs.size() < 2) return Status::Usage("merge needs at least two graph.graphml files");
  graph::KnowledgeGraph graph;
  std::vector<extract::ExtractionResult> results;
  std::set<std::string> documents;
  for (const std::string& path : options.graphs) {
    // Read the graph back first: a file that is not our GraphML is refused
    // before anything is written.
    Result<exporters::GraphmlData> read = exporters::ReadGraphml(path);
    if (!read.ok()) return read.status();
    const std::string record = (std::filesystem::path(path).parent_path() / "extraction.json").string();
    Result<std::vector<extract::ExtractionResult>> run = exporters::ReadExtractionJson(record);
    if (!run.ok()) return run.status();
    for (extract::ExtractionResult& r : run.value()) {
      if (!documents.insert(r.document).second) continue;  // in an earlier run already
      graph.Add(r);
      results.push_back(std::move(r));
    }
  }
  graph.Finalize();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return WriteOutputs(graph, results, options.output, seconds);
}

}  // namespace chronograph::app
