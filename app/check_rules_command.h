// `chronograph check-rules DIR`: loads the built-in rules overlaid by DIR
// exactly as `build --rules DIR` would (every problem named by file, line,
// column and reason), builds the extractor (alias conflicts, with both
// places), then runs every example of DIR's *.examples.tsv files with the
// document date 2013-02-12: dates as value[@MOD], entities as TYPE:Canonical,
// relations as relation:From>To; the set found must equal the expected set
// (rules/README.md). Prints one line per failing example and a summary.
#ifndef CHRONOGRAPH_APP_CHECK_RULES_COMMAND_H_
#define CHRONOGRAPH_APP_CHECK_RULES_COMMAND_H_

#include <ostream>
#include <string>

#include "extract/status.h"

namespace chronograph::app {

struct CheckRulesOptions {
  std::string rules_dir;  // required
};

// ok when the rules load and every example gives what it expects;
// InvalidRule otherwise (the failures are printed to out first).
Status RunCheckRules(const CheckRulesOptions& options, std::ostream& out);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_CHECK_RULES_COMMAND_H_
