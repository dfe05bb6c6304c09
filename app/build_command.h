// `chronograph build`: inputs -> extraction -> one graph -> output files.
// Inputs are files, directories (searched recursively for .txt and .md, in
// sorted order) or "-" for standard input. Every input is read and checked
// before anything is written, so bad input leaves earlier outputs intact;
// each output file is written to a temporary name and renamed into place.
#ifndef CHRONOGRAPH_APP_BUILD_COMMAND_H_
#define CHRONOGRAPH_APP_BUILD_COMMAND_H_

#include <string>
#include <vector>

#include "extract/status.h"

namespace chronograph::app {

struct BuildOptions {
  std::vector<std::string> inputs;  // required
  std::string out_dir;              // required; created if missing
  std::string rules_dir;            // "" = the rules built into the binary
  bool quiet = false;               // no summary
  bool verbose = false;             // per-document details on stderr
};

// Returns ok, or InvalidInput/IoError/InvalidRule with a message naming the
// file and place. Summary and progress go to stderr.
Status RunBuild(const BuildOptions& options);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_BUILD_COMMAND_H_
