#include "graph/graph_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include <boost/graph/connected_components.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

namespace chronograph::graph {
namespace {

// Boost's grid_force_pairs sizes its cells as 2 * volume / sqrt(n), which
// is twice the ideal edge length only for a unit area, and buckets positions
// as if they were centred on (0, 0) within extent / 2. A unit square centred
// on the origin meets both conditions; square_topology (which spans
// [-s, s]^2 but reports an extent of s) meets neither and collapses the grid
// into one cell, i.e. all pairs. The layout therefore runs in this frame
// and is scaled to output units afterwards.
using Topology = boost::rectangle_topology<boost::minstd_rand>;
using Point = Topology::point_type;
using Local = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
constexpr double kFrameHalf = 0.5;

constexpr std::uint32_t kJitterSeed = 20120930;  // any fixed value
// Iterations per component: the smaller of kNodeIterationBudget / vertices
// and kEdgeIterationBudget / edges (of the whole graph), within the bounds
// below. Each iteration costs O(vertices + edges) with the grid (a node's
// repulsion, up to 64 pairs, costs far more than an edge's pull), so a
// whole layout costs O(max(budgets, (vertices + edges) * minimum)). A dense
// co-occurrence graph has a hundred edges per node: a budget counted in
// nodes alone let its layout outlast the extraction.
constexpr double kNodeIterationBudget = 5e5;
constexpr double kEdgeIterationBudget = 1e7;
constexpr int kMaxIterations = 100;
constexpr int kMinIterations = 5;
// And at most this many repulsive pairs per node and iteration on average
// over a component's layout (a spread-out layout offers about 10-40; a
// contracted one hundreds): the hard bound on the work, see CountedCooling.
constexpr std::size_t kMaxPairsPerNodeIteration = 64;
// Gap between packed components, in units of kLayoutSpacing.
constexpr double kComponentGap = 1.0;

// Fruchterman-Reingold forces (Boost's square_distance_* forces) with our
// own ideal edge length k rather than Boost's sqrt(area / n): k is half of
// that, so a component has room to spread over twice its ideal width, as
// the layout always had. Each call is counted for LayoutStats.
struct Repulsion {
  double k;
  template <typename V, typename G>
  double operator()(V, V, double, double d, const G&) const {
    return k * k / d;
  }
};
struct Attraction {
  double k;
  std::size_t* count;
  template <typename E, typename G>
  double operator()(E, double, double d, const G&) const {
    ++*count;
    return d * d / k;
  }
};
// grid_force_pairs, counting the pairs it offers.
struct CountedGridPairs {
  boost::grid_force_pairs<Topology, boost::iterator_property_map<std::vector<Point>::iterator,
                                                                 boost::property_map<Local, boost::vertex_index_t>::type>>
      grid;
  std::size_t* count;
  template <typename G, typename ApplyForce>
  void operator()(const G& g, ApplyForce apply_force) {
    grid(g, [&](auto u, auto v) {
      ++*count;
      apply_force(u, v);
    });
  }
};
// Linear cooling that also stops (returns 0) once the pairs offered so far
// exceed `max_pairs`: a graph that contracts into a dense lump (a random,
// expander-like co-occurrence graph does) puts many nodes in each grid cell,
// and the iteration budget alone would then not bound the work.
struct CountedCooling {
  boost::linear_cooling<double> cooling;
  const std::size_t* pairs;
  std::size_t max_pairs;
  std::size_t* steps;
  double operator()() {
    const double t = *pairs > max_pairs ? 0 : cooling();
    if (t > 0) ++*steps;
    return t;
  }
};

std::uint64_t Fnv1a64(std::string_view text, std::uint64_t seed) {
  std::uint64_t h = 1469598103934665603ull ^ seed;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// A stable pseudo-random number in [-0.5, 0.5) from an id.
double HashUnit(std::string_view id, std::uint64_t seed) {
  return static_cast<double>(Fnv1a64(id, seed) >> 11) / 9007199254740992.0 - 0.5;
}

struct Box {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  double width() const { return max_x - min_x; }
  double height() const { return max_y - min_y; }
};

struct Component {
  std::vector<Vertex> vertices;  // ascending
  std::vector<Point> positions;  // same order, after layout
  Box box;
};

// Lays out component `c`; local_of maps graph vertices to indexes in c
// (only c's entries are read).
void LayOut(const Graph& g, Component& c, int iterations, std::vector<std::size_t>& local_of, LayoutStats& stats) {
  const std::size_t n = c.vertices.size();
  c.positions.assign(n, Point());
  if (n == 1) return;  // at (0, 0)
  ++stats.components;

  for (std::size_t i = 0; i < n; ++i) local_of[c.vertices[i]] = i;
  // Parallel edges (co_occurs beside a typed relation) pull once.
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (Vertex v : c.vertices) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const std::size_t a = local_of[v];
      const std::size_t b = local_of[boost::target(e, g)];
      if (a < b) pairs.emplace_back(a, b);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  Local local(n);
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, local);

  // Frame [-0.5, 0.5]^2; ideal edge length k = frame / (2 sqrt(n)); start
  // positions spread over the whole frame (about 4 per grid cell).
  const double k = 2 * kFrameHalf / (2 * std::sqrt(static_cast<double>(n)));
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& id = g[c.vertices[i]].id;
    c.positions[i][0] = HashUnit(id, 1) * 2 * kFrameHalf;
    c.positions[i][1] = HashUnit(id, 2) * 2 * kFrameHalf;
  }
  boost::minstd_rand jitter(kJitterSeed);
  Topology topology(jitter, -kFrameHalf, -kFrameHalf, kFrameHalf, kFrameHalf);
  std::vector<Topology::point_difference_type> displacement(n);
  auto index = boost::get(boost::vertex_index, local);
  auto position = boost::make_iterator_property_map(c.positions.begin(), index);
  std::size_t pairs_here = 0;
  CountedGridPairs force_pairs{boost::make_grid_force_pairs(topology, position, local), &pairs_here};
  const std::size_t max_pairs = kMaxPairsPerNodeIteration * n * static_cast<std::size_t>(iterations);
  boost::fruchterman_reingold_force_directed_layout(
      local, position, topology, Attraction{k, &stats.attractive_edges}, Repulsion{k}, force_pairs,
      CountedCooling{boost::linear_cooling<double>(iterations, kFrameHalf / 4), &pairs_here, max_pairs,
                     &stats.cooling_steps},
      boost::make_iterator_property_map(displacement.begin(), index));
  stats.repulsive_pairs += pairs_here;
  // To output units: k becomes kLayoutSpacing.
  for (Point& p : c.positions) {
    p[0] *= kLayoutSpacing / k;
    p[1] *= kLayoutSpacing / k;
  }
}

void ComputeBox(Component& c) {
  Box b{c.positions[0][0], c.positions[0][1], c.positions[0][0], c.positions[0][1]};
  for (const Point& p : c.positions) {
    b.min_x = std::min(b.min_x, p[0]);
    b.max_x = std::max(b.max_x, p[0]);
    b.min_y = std::min(b.min_y, p[1]);
    b.max_y = std::max(b.max_y, p[1]);
  }
  c.box = b;
}

}  // namespace

double MentionSize(int mentions) {
  return 10.0 + 4.0 * std::log1p(static_cast<double>(std::max(0, mentions)));
}

int LayoutIterations(std::size_t vertices, std::size_t edges) {
  const double budget = std::min(kNodeIterationBudget / static_cast<double>(std::max<std::size_t>(vertices, 1)),
                                 kEdgeIterationBudget / static_cast<double>(std::max<std::size_t>(edges, 1)));
  return static_cast<int>(std::clamp(budget, static_cast<double>(kMinIterations), static_cast<double>(kMaxIterations)));
}

std::vector<NodeDrawing> ComputeGraphLayout(const KnowledgeGraph& kg, LayoutStats* stats_out) {
  const Graph& g = kg.graph();
  const std::size_t n = boost::num_vertices(g);
  std::vector<NodeDrawing> out(n);
  LayoutStats stats;
  stats.iterations = LayoutIterations(n, boost::num_edges(g));
  if (stats_out != nullptr) *stats_out = stats;
  if (n == 0) return out;

  std::vector<int> component_of(n);
  const int count = boost::connected_components(
      g, boost::make_iterator_property_map(component_of.begin(), boost::get(boost::vertex_index, g)));
  std::vector<Component> components(static_cast<std::size_t>(count));
  for (Vertex v = 0; v < n; ++v) components[component_of[v]].vertices.push_back(v);
  std::vector<std::size_t> local_of(n);
  for (Component& c : components) {
    LayOut(g, c, stats.iterations, local_of, stats);
    ComputeBox(c);
  }
  if (stats_out != nullptr) *stats_out = stats;

  // Shelf packing, largest component first (ties: smallest first vertex),
  // rows about as wide as the square root of the total area.
  std::vector<std::size_t> order(components.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Component& ca = components[a];
    const Component& cb = components[b];
    if (ca.vertices.size() != cb.vertices.size()) return ca.vertices.size() > cb.vertices.size();
    return ca.vertices.front() < cb.vertices.front();
  });
  const double gap = kComponentGap * kLayoutSpacing;
  double area = 0, widest = 0;
  for (const Component& c : components) {
    area += (c.box.width() + gap) * (c.box.height() + gap);
    widest = std::max(widest, c.box.width() + gap);
  }
  const double row_width = std::max(widest, std::sqrt(area));
  double x = 0, y = 0, row_height = 0, max_x = 0;
  for (std::size_t i : order) {
    const Component& c = components[i];
    const double w = c.box.width() + gap, h = c.box.height() + gap;
    if (x > 0 && x + w > row_width) {
      x = 0;
      y += row_height;
      row_height = 0;
    }
    for (std::size_t k = 0; k < c.vertices.size(); ++k) {
      NodeDrawing& d = out[c.vertices[k]];
      d.x = x + (c.positions[k][0] - c.box.min_x);
      d.y = y + (c.positions[k][1] - c.box.min_y);
    }
    x += w;
    max_x = std::max(max_x, x);
    row_height = std::max(row_height, h);
  }
  // Centre on (0, 0); y grows downwards in the packing, upwards in Gephi,
  // which only mirrors the picture.
  const double cx = (max_x - gap) / 2, cy = (y + row_height - gap) / 2;
  for (Vertex v = 0; v < n; ++v) {
    out[v].x -= cx;
    out[v].y -= cy;
    out[v].size = MentionSize(g[v].mentions);
  }
  return out;
}

}  // namespace chronograph::graph
