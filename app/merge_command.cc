#include "app/merge_command.h"

#include <chrono>
#include <filesystem>
#include <set>

#include "app/corpus_sink.h"
#include "export/extraction_json.h"
#include "export/graphml_reader.h"
#include "graph/knowledge_graph.h"

namespace chronograph::app {

Status RunMerge(const MergeOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.graphs.size() < 2) return Status::Usage("merge needs at least two graph.graphml files");
  CorpusSink sink;
  std::set<std::string> documents;
  for (const std::string& path : options.graphs) {
    // Read the graph back first: a file that is not our GraphML is refused
    // before anything is written.
    Result<exporters::GraphmlData> read = exporters::ReadGraphml(path);
    if (!read.ok()) return read.status();
    const std::string record = (std::filesystem::path(path).parent_path() / "extraction.json").string();
    // One document in RAM at a time.
    Status s = exporters::ReadExtractionJson(record, [&](extract::ExtractionResult&& r) {
      if (documents.insert(r.document).second) sink.Add(std::move(r));  // else in an earlier run already
      return Status::Ok();
    });
    if (!s.ok()) return s;
  }
  sink.Finalize();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return WriteOutputs(sink.graph(), sink.extractions(), options.output, seconds);
}

}  // namespace chronograph::app
