// `chronograph merge INPUT... --out DIR | --shard FILE`: combines earlier
// work into exactly what one `build` over all its documents writes, without
// reading the texts again. An INPUT is a shard (`chronograph extract`, or
// `merge --shard`; "-" reads one from standard input), an extraction.json,
// or a graph.graphml (checked to be ours; the extraction.json beside it
// supplies the documents). A document (name and content hash) found in
// several inputs counts once, and the result does not depend on the order
// or grouping of the inputs, so merges may run as a tree. Inputs made with
// other rules or another chronograph are refused before anything is written.
#ifndef CHRONOGRAPH_APP_MERGE_COMMAND_H_
#define CHRONOGRAPH_APP_MERGE_COMMAND_H_

#include <string>
#include <vector>

#include "app/build_command.h"
#include "extract/status.h"

namespace chronograph::app {

struct MergeOptions {
  std::vector<std::string> inputs;  // shards, extraction.json or graph.graphml files; "-" = stdin
  std::string shard_out;            // --shard: write the merged shard here ("-" = stdout)
  BuildOptions output;              // --out (out_dir), quiet, --entity/--per-entity, layout; inputs and rules unused
  std::string chronograph_version;  // of this program, checked against the inputs'
};

// Needs out_dir or shard_out (or both). Returns ok, InvalidInput naming the
// input and line, or IoError.
Status RunMerge(const MergeOptions& options);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_MERGE_COMMAND_H_
