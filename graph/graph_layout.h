// Drawing hints for a finalized KnowledgeGraph: a position per node from
// Boost.Graph's Fruchterman-Reingold layout and a size by mentions, for the
// exporters that Gephi and other viewers read (colours by type are the
// exporters' business: export/type_colors.h).
// Each connected component is laid out on its own and the components are
// packed on shelves, largest first, so small components do not fly apart.
// Bounded work: repulsion only between nodes in neighbouring cells of a grid
// (Boost's grid_force_pairs, cut off at 4x the ideal edge length) and an
// iteration budget that shrinks as the graph grows (LayoutIterations), so
// the cost is linear in vertices + edges: 100,000 nodes take seconds.
// Deterministic: start positions come from a hash of the entity id and the
// layout's jitter generator has a fixed seed, so the same graph gives the
// same coordinates on one build. Pure function of the graph: thread-safe.
// Costs real time on big graphs: compute it once per build and hand the
// result to every writer that needs it (export/gephi_drawing.h).
#ifndef CHRONOGRAPH_GRAPH_GRAPH_LAYOUT_H_
#define CHRONOGRAPH_GRAPH_GRAPH_LAYOUT_H_

#include <cstddef>
#include <vector>

#include "graph/knowledge_graph.h"

namespace chronograph::graph {

// Distance the layout aims for between neighbouring nodes, in output units
// (Gephi's default node size is 10, so labels of size-10 nodes stay apart).
inline constexpr double kLayoutSpacing = 100.0;

struct NodeDrawing {
  double x = 0;
  double y = 0;
  double size = 0;  // MentionSize(mentions)
};

// 10 + 4 * ln(1 + mentions): 10 for an entity never mentioned (only named by
// an event or relation), about 19 for 10 mentions, 28 for 100.
double MentionSize(int mentions);

// Work done by one ComputeGraphLayout call, counted (not timed) so that
// tests can check that it grows linearly with the graph.
struct LayoutStats {
  std::size_t components = 0;        // connected components laid out (size >= 2)
  int iterations = 0;                // LayoutIterations(vertices, edges): per component
  std::size_t cooling_steps = 0;     // iterations run, summed over components (<=
                                     // components * iterations; fewer when stopped early)
  std::size_t repulsive_pairs = 0;   // (u, v) pairs the grid offered, all steps
  std::size_t attractive_edges = 0;  // edge force evaluations, all steps
};

// Iterations every component gets in a graph of `vertices` nodes and
// `edges` edges: 100 (as many as common force layouts run) up to 5,000
// nodes and 100,000 edges, then fewer
// (500,000 / vertices or 10,000,000 / edges, whichever is smaller), never
// under 5. A component also stops early once it has used 64 repulsive pairs
// per node and iteration on average, so the work stays linear even for a
// graph that contracts into a dense lump.
int LayoutIterations(std::size_t vertices, std::size_t edges);

// One NodeDrawing per vertex, indexed by vertex (the graph's id order).
// Coordinates are centred on (0, 0). An empty graph gives an empty vector.
// When `stats` is given, it receives the counts of the work done.
std::vector<NodeDrawing> ComputeGraphLayout(const KnowledgeGraph& graph, LayoutStats* stats = nullptr);

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_GRAPH_LAYOUT_H_
