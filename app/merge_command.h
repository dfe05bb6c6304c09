// `chronograph merge A/graph.graphml B/graph.graphml... --out DIR`: combines
// earlier runs into the result one run over all their inputs would give,
// without reading the texts again. Each graph.graphml is read back (checked
// to be ours) and the extraction.json beside it supplies the documents; a
// document present in several runs counts once (the first run's copy).
#ifndef CHRONOGRAPH_APP_MERGE_COMMAND_H_
#define CHRONOGRAPH_APP_MERGE_COMMAND_H_

#include <string>
#include <vector>

#include "app/build_command.h"
#include "extract/status.h"

namespace chronograph::app {

struct MergeOptions {
  std::vector<std::string> graphs;  // paths of graph.graphml files written by build or merge
  BuildOptions output;              // out_dir, quiet, --entity/--per-entity; inputs and rules unused
};

Status RunMerge(const MergeOptions& options);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_MERGE_COMMAND_H_
