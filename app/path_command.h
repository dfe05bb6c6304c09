// `chronograph path A B --from DIR`: the shortest chains of facts linking
// two entities of a built output directory (graph.graphml read back; no
// re-extraction), found with Boost.Graph's dijkstra_shortest_paths
// (graph/paths.h: typed relations cost less than co-occurrence, so chains of
// stated facts are preferred). Ties give several paths, up to max_paths.
// Each link lists its edges with direction, date, sources and evidence.
// Text by default, JSON with `json`. No path is an answer, not an error.
#ifndef CHRONOGRAPH_APP_PATH_COMMAND_H_
#define CHRONOGRAPH_APP_PATH_COMMAND_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "extract/status.h"

namespace chronograph::app {

struct PathOptions {
  std::string from_entity;  // required: label, id or alias
  std::string to_entity;    // required
  std::string from_dir;     // required
  std::size_t max_paths = 5;
  // Entity types never passed through (--skip-type; the two ends may be of
  // them), and the extra cost of passing through a CONCEPT (--concept-cost).
  std::vector<std::string> skip_types;
  int concept_cost = 10;
  bool json = false;
};

// Returns InvalidInput for a missing directory or file, an unknown entity
// (with near matches), or A and B naming the same entity.
Status RunPath(const PathOptions& options, std::ostream& out);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_PATH_COMMAND_H_
