// GraphML 1.0 export of a finalized KnowledgeGraph (the output contract,
// "graph.graphml"; fields in docs/formats.md). Output: UTF-8 XML 1.0 in the GraphML
// namespace, one undirected <graph>, a typed <key> per field; every string
// goes through SanitizeForXml10, so no input byte can make the file
// ill-formed. Node ids are the entity ids (ExportedEntityIds), edge ids
// e0, e1, ... in the graph's Finalize order: the same graph gives the same
// bytes. Thread-safe (reads the graph only).
//
// Node data: label, type, aliases (sorted, " | "), mentions (int),
// first_date, last_date (omitted when undated), documents (int: distinct
// documents). Edge data: relation, weight (double), from, to, date (omitted
// when none), evidence ("doc:line: sentence" joined with " || ", each
// sentence cut at kMaxEvidenceChars code points, then "(+N more)" when the
// edge was stated more often than it keeps evidence), sources (int).
// For Gephi, whose importer maps these names itself: node x, y, size
// (double) and r, g, b (int 0-255) from a GephiDrawing, and an edge "label"
// (key id edge_label) holding the relation. Without a layout
// (DrawingOptions::layout false) the x and y data are left out; their keys
// stay declared.
// Cross-referencing: node wikidata (string, omitted when the rules give
// none); edge conflict (boolean, written "true" only on typed relations
// that are part of a conflict, graph/facts.h). A typed relation keeps every
// evidence; only co_occurs edges are cut to kMaxEvidencePerEdge.
#ifndef CHRONOGRAPH_EXPORT_GRAPHML_WRITER_H_
#define CHRONOGRAPH_EXPORT_GRAPHML_WRITER_H_

#include <cstddef>
#include <ostream>

#include "export/gephi_drawing.h"
#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

inline constexpr char kGraphmlNamespace[] = "http://graphml.graphdrawing.org/xmlns";
inline constexpr std::size_t kMaxEvidenceChars = 200;

// Writes `graph` as GraphML to `out` with `drawing` (ComputeGephiDrawing of
// the same graph). The text is streamed in pieces of about 64 KB, with no
// document tree, so memory does not grow with the file. Returns IoError when
// the stream fails (it stops at the first failed piece, leaving a partial
// file for the caller to discard), InvalidInput when the drawing does not
// have one node per vertex.
Status WriteGraphml(const graph::KnowledgeGraph& graph, const GephiDrawing& drawing, std::ostream& out);
// The same, computing the drawing (with its layout) itself.
Status WriteGraphml(const graph::KnowledgeGraph& graph, std::ostream& out);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_GRAPHML_WRITER_H_
