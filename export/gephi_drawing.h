// What Gephi needs to open the graph as a picture rather than a random
// scatter of black dots: a position (graph/graph_layout.h), a size by
// mentions and an RGB colour by entity type (export/type_colors.h, so the
// graph looks the same in Gephi as in the pictures). Shared by the GraphML
// and GEXF writers: compute it once per build (the layout is the costly
// part) and pass the same GephiDrawing to both. Deterministic; thread-safe
// (reads the graph only); a finished GephiDrawing is immutable and may be
// read by writers running concurrently.
#ifndef CHRONOGRAPH_EXPORT_GEPHI_DRAWING_H_
#define CHRONOGRAPH_EXPORT_GEPHI_DRAWING_H_

#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

struct GephiNode {
  double x = 0;
  double y = 0;
  double size = 0;
  int r = 0;  // 0-255
  int g = 0;
  int b = 0;
};

struct DrawingOptions {
  // Default true. false (`chronograph build --no-layout`) skips the layout:
  // nodes get no position at all. The writers then omit GraphML's x/y data
  // (the keys stay declared, which GraphML allows) and GEXF's
  // viz:position, rather than writing zeros: Gephi places nodes without a
  // position at random on import, and networkx simply has no x/y
  // attribute, whereas zeros would stack every node on one point.
  bool layout = true;
};

struct GephiDrawing {
  bool positioned = false;       // x, y are meaningful (options.layout)
  std::vector<GephiNode> nodes;  // one per vertex, in vertex order
};

// Sizes and colours always; positions when options.layout.
GephiDrawing ComputeGephiDrawing(const graph::KnowledgeGraph& graph, const DrawingOptions& options = {});

// A coordinate or size as written to XML: fixed, two decimals ("-12.50"),
// so that files stay short and diffable; never "-0.00".
std::string FormatCoordinate(double value);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_GEPHI_DRAWING_H_
