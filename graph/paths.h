// Shortest chains of facts between two entities of a graph::Graph (a
// finalized KnowledgeGraph's graph() or one read back by
// export/graphml_reader.h). Uses Boost.Graph's dijkstra_shortest_paths with
// integer edge costs: a typed relation costs PathOptions::typed_cost, a
// co_occurs edge co_occurs_cost, so two typed hops (4) beat one
// co-occurrence (5) by default. Passing through a CONCEPT (Deep learning,
// Artificial intelligence: hubs that co-occur with everything) costs
// concept_cost more, and entities of a skip_types type are not passed
// through at all, so that chains of people, organisations and works come
// first. Ties give several paths: every path of the minimal total cost, up
// to max_paths, in a deterministic order (vertex index order at each step).
// Pure function of its inputs; thread-safe.
#ifndef CHRONOGRAPH_GRAPH_PATHS_H_
#define CHRONOGRAPH_GRAPH_PATHS_H_

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "graph/knowledge_graph.h"

namespace chronograph::graph {

struct PathOptions {
  int typed_cost = 2;        // cost of a typed relation edge
  int co_occurs_cost = 5;    // cost of a co_occurs edge
  std::size_t max_paths = 5; // at most this many shortest paths
  int concept_cost = 10;     // extra cost of passing through a CONCEPT; even
  std::set<std::string> skip_types;  // never passed through (the ends may be of them)
};

// Type whose entities cost PathOptions::concept_cost to pass through.
inline constexpr char kConceptType[] = "CONCEPT";

// One step of a path: from `from` to `to` through `edges`, every edge of
// the step's (minimal) cost between the two, sorted by relation then from.
struct PathLink {
  Vertex from = 0;
  Vertex to = 0;
  std::vector<Edge> edges;
};

struct FoundPath {
  std::vector<PathLink> links;  // links[0].from is the start, back().to the goal
  int cost = 0;
};

// The cost of one edge under `options`.
int EdgeCost(const RelationEdge& edge, const PathOptions& options);

// Every shortest path from `from` to `to` (at most options.max_paths).
// Empty when `to` cannot be reached or from == to.
std::vector<FoundPath> ShortestPaths(const Graph& graph, Vertex from, Vertex to,
                                     const PathOptions& options = PathOptions());

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_PATHS_H_
