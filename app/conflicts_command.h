// `chronograph conflicts --from DIR`: the facts of a built output directory
// whose sources disagree on the date (the rule is in graph/facts.h), each
// conflict with its claims side by side: every date, and under it every
// statement (subject, object, document, line, sentence). Reads facts.json
// back and recomputes the conflicts with the library, so the result always
// matches DIR/conflicts.json. Text by default, JSON (conflicts.json's
// format) with `json`. No conflict is not an error.
#ifndef CHRONOGRAPH_APP_CONFLICTS_COMMAND_H_
#define CHRONOGRAPH_APP_CONFLICTS_COMMAND_H_

#include <ostream>
#include <string>

#include "extract/status.h"

namespace chronograph::app {

struct ConflictsOptions {
  std::string from_dir;  // required
  bool json = false;
};

// Returns InvalidInput for a missing directory or facts.json.
Status RunConflicts(const ConflictsOptions& options, std::ostream& out);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_CONFLICTS_COMMAND_H_
