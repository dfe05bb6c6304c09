// Drawing hints for a finalized KnowledgeGraph: a position per node from
// Boost.Graph's Fruchterman-Reingold layout and a size by mentions, for the
// exporters that Gephi and other viewers read (colours by type are the
// exporters' business: export/type_colors.h).
// Each connected component is laid out on its own and the components are
// packed on shelves, largest first, so small components do not fly apart.
// Deterministic: start positions come from a hash of the entity id and the
// layout's jitter generator has a fixed seed, so the same graph gives the
// same coordinates on one build. Pure function of the graph: thread-safe.
#ifndef CHRONOGRAPH_GRAPH_GRAPH_LAYOUT_H_
#define CHRONOGRAPH_GRAPH_GRAPH_LAYOUT_H_

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

// One NodeDrawing per vertex, indexed by vertex (the graph's id order).
// Coordinates are centred on (0, 0). An empty graph gives an empty vector.
std::vector<NodeDrawing> ComputeGraphLayout(const KnowledgeGraph& graph);

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_GRAPH_LAYOUT_H_
