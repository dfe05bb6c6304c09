#include "graph/graph_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>

#include <boost/graph/connected_components.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

namespace chronograph::graph {
namespace {

using Topology = boost::square_topology<boost::minstd_rand>;
using Point = Topology::point_type;
using Local = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

constexpr std::uint32_t kJitterSeed = 20120930;  // any fixed value
// Fruchterman-Reingold costs n^2 per iteration (every pair repels): big
// components get fewer iterations, within these bounds.
constexpr double kPairBudget = 4e7;
constexpr int kMaxIterations = 300;
constexpr int kMinIterations = 20;
// Gap between packed components, in units of kLayoutSpacing.
constexpr double kComponentGap = 1.0;

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

void LayOut(const Graph& g, Component& c) {
  const std::size_t n = c.vertices.size();
  c.positions.assign(n, Point());
  if (n == 1) return;  // at (0, 0)

  std::map<Vertex, std::size_t> local_index;
  for (std::size_t i = 0; i < n; ++i) local_index[c.vertices[i]] = i;
  // Parallel edges (co_occurs beside a typed relation) pull once.
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (Vertex v : c.vertices) {
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const std::size_t a = local_index.at(v);
      const std::size_t b = local_index.at(boost::target(e, g));
      if (a != b) pairs.emplace(std::min(a, b), std::max(a, b));
    }
  }
  Local local(n);
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, local);

  // square_topology(s) spans [-s, s]^2 and FR's ideal edge length is
  // s / sqrt(n): s = spacing * sqrt(n) aims for kLayoutSpacing.
  const double side = kLayoutSpacing * std::sqrt(static_cast<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& id = g[c.vertices[i]].id;
    c.positions[i][0] = HashUnit(id, 1) * side;
    c.positions[i][1] = HashUnit(id, 2) * side;
  }
  boost::minstd_rand jitter(kJitterSeed);
  Topology topology(jitter, side);
  const double n2 = static_cast<double>(n) * static_cast<double>(n);
  const int iterations =
      std::clamp(static_cast<int>(kPairBudget / n2), kMinIterations, kMaxIterations);
  std::vector<Topology::point_difference_type> displacement(n);
  auto index = boost::get(boost::vertex_index, local);
  boost::fruchterman_reingold_force_directed_layout(
      local, boost::make_iterator_property_map(c.positions.begin(), index), topology,
      boost::square_distance_attractive_force(), boost::square_distance_repulsive_force(),
      boost::all_force_pairs(), boost::linear_cooling<double>(iterations, side / 4),
      boost::make_iterator_property_map(displacement.begin(), index));
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

std::vector<NodeDrawing> ComputeGraphLayout(const KnowledgeGraph& kg) {
  const Graph& g = kg.graph();
  const std::size_t n = boost::num_vertices(g);
  std::vector<NodeDrawing> out(n);
  if (n == 0) return out;

  std::vector<int> component_of(n);
  const int count = boost::connected_components(
      g, boost::make_iterator_property_map(component_of.begin(), boost::get(boost::vertex_index, g)));
  std::vector<Component> components(static_cast<std::size_t>(count));
  for (Vertex v = 0; v < n; ++v) components[component_of[v]].vertices.push_back(v);
  for (Component& c : components) {
    LayOut(g, c);
    ComputeBox(c);
  }

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
