// `chronograph show ENTITY --from DIR`: one entity of a built output
// directory (graph.graphml and facts.json, read back; nothing is
// re-extracted): its type, id, Wikidata id, aliases, its timeline (dated
// facts in date order, each with every sentence that states it, document
// and line) and its typed relations (direction, date, sources, evidence).
// Text by default, JSON with `json`. ENTITY is a label, id or alias in any
// ASCII case; an unknown one is InvalidInput with near matches.
#ifndef CHRONOGRAPH_APP_SHOW_COMMAND_H_
#define CHRONOGRAPH_APP_SHOW_COMMAND_H_

#include <ostream>
#include <string>

#include "extract/status.h"

namespace chronograph::app {

struct ShowOptions {
  std::string entity;    // required
  std::string from_dir;  // required: a `chronograph build` output directory
  bool json = false;     // JSON instead of text
};

// Writes the report to `out`. Returns InvalidInput for a missing directory
// or file or an unknown entity (the message says what to do).
Status RunShow(const ShowOptions& options, std::ostream& out);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_SHOW_COMMAND_H_
