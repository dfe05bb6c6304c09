// graph.svg: a static picture of the knowledge graph for a quick look
// without Gephi. WriteGraphDot writes Graphviz DOT with Boost's
// write_graphviz: the `max_entities` entities with the most mentions (ties
// to the smaller id), filled in their type's colour (type_colors.h), font
// and outline growing with mentions, one line per connected pair (thicker
// for more sentences, labelled with a typed relation when there is one),
// and a legend of the types shown. RenderGraphSvg runs a Graphviz layout
// program (sfdp or neato) over that file. Deterministic for the same graph
// and Graphviz version. WriteGraphDot is thread-safe (reads the graph only).
#ifndef CHRONOGRAPH_EXPORT_GRAPH_PICTURE_H_
#define CHRONOGRAPH_EXPORT_GRAPH_PICTURE_H_

#include <cstddef>
#include <ostream>
#include <string>

#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

struct GraphPictureOptions {
  // Entities drawn (the most mentioned); the rest are left out so that the
  // picture stays readable. Default 60.
  std::size_t max_entities = 60;
  // Lines drawn among them: typed relations first, then by weight. Default 150.
  std::size_t max_edges = 150;
};

// Writes the DOT text of the picture. Returns IoError when the stream fails.
// "graph.dot and graph.svg show the 60 most mentioned of N entities" when
// the picture leaves entities out, else "": the note the build prints, so
// that a partial picture is never taken for the whole graph.
std::string GraphPictureNote(const graph::KnowledgeGraph& graph,
                             const GraphPictureOptions& options = GraphPictureOptions());

Status WriteGraphDot(const graph::KnowledgeGraph& graph, std::ostream& out,
                     const GraphPictureOptions& options = GraphPictureOptions());

// The first of "sfdp", "neato" found as an executable on PATH, as a full
// path; "" when Graphviz is not installed.
std::string FindGraphvizLayoutProgram();

// Runs `program -Tsvg dot_path -o svg_path.tmp` and renames the result to
// svg_path, so svg_path is either complete or untouched. Returns IoError
// with the program's exit status when it cannot be started or fails.
Status RenderGraphSvg(const std::string& program, const std::string& dot_path, const std::string& svg_path);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_GRAPH_PICTURE_H_
