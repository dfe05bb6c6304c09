#include "export/gephi_drawing.h"

#include <cstdio>
#include <cstdlib>

#include "export/type_colors.h"
#include "graph/graph_layout.h"

namespace chronograph::exporters {
namespace {

// "#rrggbb" -> 0-255 channels; anything else -> grey.
void ParseHex(const std::string& hex, GephiNode& node) {
  node.r = node.g = node.b = 127;
  if (hex.size() != 7 || hex[0] != '#') return;
  char* end = nullptr;
  const long value = std::strtol(hex.c_str() + 1, &end, 16);
  if (end != hex.c_str() + 7) return;
  node.r = static_cast<int>((value >> 16) & 0xFF);
  node.g = static_cast<int>((value >> 8) & 0xFF);
  node.b = static_cast<int>(value & 0xFF);
}

}  // namespace

GephiDrawing ComputeGephiDrawing(const graph::KnowledgeGraph& kg, const DrawingOptions& options) {
  const graph::Graph& g = kg.graph();
  GephiDrawing out;
  out.positioned = options.layout;
  out.nodes.resize(boost::num_vertices(g));
  std::vector<graph::NodeDrawing> layout;
  if (options.layout) layout = graph::ComputeGraphLayout(kg);
  for (std::size_t v = 0; v < out.nodes.size(); ++v) {
    GephiNode& node = out.nodes[v];
    if (options.layout) {
      node.x = layout[v].x;
      node.y = layout[v].y;
    }
    node.size = graph::MentionSize(g[v].mentions);
    ParseHex(TypeColor(g[v].type), node);
  }
  return out;
}

std::string FormatCoordinate(double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof(buffer), "%.2f", value);
  std::string s = buffer;
  if (s == "-0.00") s = "0.00";
  return s;
}

}  // namespace chronograph::exporters
