// `chronograph extract INPUT... --out SHARD`: the map half of a scaled-out
// build. Extracts documents (files, directories, "-" for stdin, or the
// paths listed by --files-from) and writes one shard (export/shard.h) with
// each document's full extraction, in input order; `chronograph merge`
// turns any set of shards into build's outputs. With --out FILE the shard
// is written atomically (nothing is left on failure); with --out - it
// streams to standard output, for Hadoop Streaming, Spark's pipe and shell
// pipelines.
#ifndef CHRONOGRAPH_APP_EXTRACT_COMMAND_H_
#define CHRONOGRAPH_APP_EXTRACT_COMMAND_H_

#include <cstddef>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/status.h"

namespace chronograph::app {

struct ExtractCommandOptions {
  std::vector<std::string> inputs;  // files, directories, "-"
  std::string files_from;           // a file listing one input path per line ("-" = stdin); "" = none
  std::string out;                  // the shard to write; "-" = standard output
  std::string rules_dir;            // "" = built-in rules
  std::string reference_date;       // as build --date
  unsigned threads = 0;             // 0 = every core
  bool quiet = false;
  // --strict / --encoding, as for build: by default a document that cannot
  // be read cleanly is repaired or skipped with a warning (not in the shard).
  extract::LoadOptions load;
  // --list: print the documents the inputs expand to, one per line, and
  // write nothing else (how scripts/chronograph-dask cuts batches).
  bool list_only = false;
  std::string chronograph_version;  // written in the shard header
};

// *skipped (when given) receives the number of documents left out.
Status RunExtract(const ExtractCommandOptions& options, std::size_t* skipped = nullptr);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_EXTRACT_COMMAND_H_
