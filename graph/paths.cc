#include "graph/paths.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <tuple>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/function_property_map.hpp>

namespace chronograph::graph {

int EdgeCost(const RelationEdge& edge, const PathOptions& options) {
  return edge.relation == kCoOccurs ? options.co_occurs_cost : options.typed_cost;
}

std::vector<FoundPath> ShortestPaths(const Graph& full, Vertex from, Vertex to, const PathOptions& options) {
  std::vector<FoundPath> paths;
  const std::size_t n = boost::num_vertices(full);
  if (from == to || from >= n || to >= n || options.max_paths == 0) return paths;

  // Skipped types leave the graph (but for the two ends).
  auto kept = [&full, &options, from, to](Vertex v) {
    return v == from || v == to || options.skip_types.count(full[v].type) == 0;
  };
  const boost::filtered_graph<Graph, boost::keep_all, std::function<bool(Vertex)>> g(full, boost::keep_all(), kept);
  // A vertex's passing cost, half on each edge that touches it: along a
  // path every inner vertex is paid in full, the two ends by half each, the
  // same for every path, so they are taken off the reported cost below.
  auto half_passing = [&](Vertex v) { return full[v].type == kConceptType ? options.concept_cost / 2 : 0; };
  auto cost = [&](const Edge& e) {
    return EdgeCost(full[e], options) + half_passing(boost::source(e, full)) + half_passing(boost::target(e, full));
  };
  constexpr int kInfinity = std::numeric_limits<int>::max();
  std::vector<int> distance(n, kInfinity);
  auto weight = boost::make_function_property_map<Edge, int>(cost);
  boost::dijkstra_shortest_paths(
      g, from,
      boost::weight_map(weight).distance_map(
          boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, full))));
  if (distance[to] == kInfinity) return paths;
  const int ends = half_passing(from) + half_passing(to);

  // Walk back from `to` over tight edges (distance[u] + cost == distance[v]):
  // exactly the edges on some shortest path. Costs are positive, so the
  // tight edges form a DAG and the walk ends at `from`.
  auto tight_predecessors = [&](Vertex v) {
    std::map<Vertex, std::vector<Edge>> by_vertex;
    for (Edge e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const Vertex u = boost::target(e, g);
      if (distance[u] != kInfinity && distance[u] + cost(e) == distance[v]) {
        by_vertex[u].push_back(e);
      }
    }
    for (auto& [u, edges] : by_vertex) {
      std::sort(edges.begin(), edges.end(), [&full](const Edge& a, const Edge& b) {
        return std::tie(full[a].relation, full[a].from, full[a].to) <
               std::tie(full[b].relation, full[b].from, full[b].to);
      });
    }
    return by_vertex;
  };

  std::vector<PathLink> reversed;  // links from `to` backwards
  std::function<void(Vertex)> walk = [&](Vertex v) {
    if (paths.size() >= options.max_paths) return;
    if (v == from) {
      FoundPath p;
      p.links.assign(reversed.rbegin(), reversed.rend());
      p.cost = distance[to] - ends;
      paths.push_back(std::move(p));
      return;
    }
    for (auto& [u, edges] : tight_predecessors(v)) {
      reversed.push_back({u, v, edges});
      walk(u);
      reversed.pop_back();
      if (paths.size() >= options.max_paths) return;
    }
  };
  walk(to);
  return paths;
}

}  // namespace chronograph::graph
