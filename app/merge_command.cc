#include "app/merge_command.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/corpus_sink.h"
#include "export/atomic_file.h"
#include "export/extraction_json.h"
#include "export/graphml_reader.h"
#include "export/shard.h"
#include "graph/knowledge_graph.h"

namespace chronograph::app {
namespace {

namespace fs = std::filesystem;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// extraction.json is pretty-printed JSON whose schema comes first; a shard
// is JSON lines. The first bytes tell them apart.
bool LooksLikeExtractionJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[128] = {};
  in.read(head, sizeof head - 1);
  return std::string(head, static_cast<std::size_t>(in.gcount())).find(exporters::kExtractionSchema) !=
         std::string::npos;
}

Status AddInput(const std::string& path, const std::string& version, exporters::ShardMerger& merger) {
  if (path == "-") return merger.AddShard(path);
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Status::InvalidInput(path + ": no such file");
  if (EndsWith(path, ".graphml")) {
    // Read the graph back first: a file that is not our GraphML is refused
    // before anything is written.
    Result<exporters::GraphmlData> read = exporters::ReadGraphml(path);
    if (!read.ok()) return read.status();
    return merger.AddExtractionJson((fs::path(path).parent_path() / "extraction.json").string(), version);
  }
  if (LooksLikeExtractionJson(path)) return merger.AddExtractionJson(path, version);
  return merger.AddShard(path);
}

}  // namespace

Status RunMerge(const MergeOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.inputs.empty()) return Status::Usage("merge needs at least one input");
  if (options.output.out_dir.empty() && options.shard_out.empty()) {
    return Status::Usage("merge needs --out DIR, --shard FILE, or both");
  }
  exporters::ShardMerger merger;
  for (const std::string& input : options.inputs) {
    if (Status s = AddInput(input, options.chronograph_version, merger); !s.ok()) return s;
  }
  if (!options.output.quiet) {
    std::cerr << "chronograph: merge: " << merger.records_read() << " records from " << options.inputs.size()
              << (options.inputs.size() == 1 ? " input, " : " inputs, ") << merger.documents()
              << " distinct documents\n";
  }
  if (!options.shard_out.empty()) {
    Status s = options.shard_out == "-"
                   ? merger.WriteShard(std::cout)
                   : exporters::WriteFileAtomically(options.shard_out,
                                                    [&](std::ostream& os) { return merger.WriteShard(os); });
    if (!s.ok()) return s;
    if (options.shard_out == "-") std::cout.flush();
  }
  if (options.output.out_dir.empty()) return Status::Ok();
  CorpusSink sink(merger.header().rules);
  if (Status s = merger.ForEach([&](extract::ExtractionResult&& r) {
        sink.Add(std::move(r));
        return Status::Ok();
      });
      !s.ok()) {
    return s;
  }
  sink.Finalize();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return WriteOutputs(sink.graph(), sink.extractions(), options.output, seconds);
}

}  // namespace chronograph::app
