// Finds an entity of a graph::Graph from what a person types: its label,
// id or one of its aliases, case-insensitively (ASCII case; other scripts
// compare as written). When nothing matches exactly, offers near misses
// ("did you mean"): names within a small edit distance, or containing the
// query. Pure function of the graph; thread-safe.
#ifndef CHRONOGRAPH_GRAPH_ENTITY_RESOLVER_H_
#define CHRONOGRAPH_GRAPH_ENTITY_RESOLVER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace chronograph::graph {

struct EntityMatch {
  std::optional<Vertex> vertex;       // the entity, when one matches
  std::vector<Vertex> suggestions;    // near misses when none does, best first
};

inline constexpr std::size_t kMaxSuggestions = 5;

// Exact matches are tried in order label, id, alias; among several
// entities matching at one level, the one with the most mentions wins
// (ties: lower vertex index).
EntityMatch ResolveEntity(const Graph& graph, std::string_view query);

// Levenshtein distance over bytes of ASCII-lower-cased strings.
std::size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_ENTITY_RESOLVER_H_
