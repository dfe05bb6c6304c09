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

std::vector<GephiNode> GephiDrawing(const graph::KnowledgeGraph& kg) {
  const std::vector<graph::NodeDrawing> layout = graph::ComputeGraphLayout(kg);
  std::vector<GephiNode> out(layout.size());
  for (std::size_t v = 0; v < layout.size(); ++v) {
    out[v].x = layout[v].x;
    out[v].y = layout[v].y;
    out[v].size = layout[v].size;
    ParseHex(TypeColor(kg.graph()[v].type), out[v]);
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
