// What Gephi needs to open the graph as a picture rather than a random
// scatter of black dots: a position (graph/graph_layout.h), a size by
// mentions and an RGB colour by entity type (export/type_colors.h, so the
// graph looks the same in Gephi as in the pictures). Shared by the GraphML
// and GEXF writers. Deterministic; thread-safe (reads the graph only).
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

// One GephiNode per vertex, in vertex order.
std::vector<GephiNode> GephiDrawing(const graph::KnowledgeGraph& graph);

// A coordinate or size as written to XML: fixed, two decimals ("-12.50"),
// so that files stay short and diffable; never "-0.00".
std::string FormatCoordinate(double value);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_GEPHI_DRAWING_H_
