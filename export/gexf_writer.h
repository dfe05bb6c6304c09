// GEXF 1.3 export of a finalized KnowledgeGraph for Gephi's timeline: the
// same nodes (ids, labels) and edges (ids e0, e1, ...) as graph.graphml, in
// namespace http://gexf.net/1.3 with viz elements in http://gexf.net/1.3/viz.
// Output: UTF-8 XML 1.0, every string through SanitizeForXml10; the same
// graph gives the same bytes (no modification date is written).
// Thread-safe (reads the graph only).
//
// Time: <graph mode="dynamic" timeformat="date" timerepresentation=
// "interval">; every node and edge has one <spell start=".." end=".."/>
// from the first day of its first dated statement to the last day the
// corpus covers (ComputeGexfSpans), as xs:date values YYYY-MM-DD: a TIMEX
// value is never copied ("2002/2003" starts 2002-01-01, "201X" 2010-01-01,
// "2016-Q2" 2016-04-01). Undated nodes and edges start on the corpus's first
// day, so they stay visible all along. A corpus without any dated event
// gives a static graph (no time at all), which GEXF allows.
// Nodes: attvalues type, aliases (" | "), mentions, documents, first_date and
// last_date (the TIMEX values, as strings, when dated); viz:color by type,
// viz:position (left out without a layout) and viz:size from a GephiDrawing. Edges: weight, label and
// kind = the relation (Gephi keeps parallel edges of different kinds apart),
// attvalues relation, date (TIMEX string, typed relations), sources.
#ifndef CHRONOGRAPH_EXPORT_GEXF_WRITER_H_
#define CHRONOGRAPH_EXPORT_GEXF_WRITER_H_

#include <optional>
#include <ostream>
#include <vector>

#include "export/gephi_drawing.h"
#include "extract/status.h"
#include "graph/knowledge_graph.h"
#include "graph/timeline.h"

namespace chronograph::exporters {

inline constexpr char kGexfNamespace[] = "http://gexf.net/1.3";
inline constexpr char kGexfVizNamespace[] = "http://gexf.net/1.3/viz";

// When each node and edge appears.
struct GexfSpans {
  // The first and last day any dated event or typed relation covers;
  // nullopt when nothing in the corpus has a parseable date (then every
  // vector below is empty).
  std::optional<graph::CivilDay> corpus_first;
  std::optional<graph::CivilDay> corpus_last;
  // Per vertex: the first day of the earliest event naming the entity or of
  // the earliest dated typed relation touching it; corpus_first if none.
  std::vector<graph::CivilDay> node_start;
  // Per edge (KnowledgeGraph::edges() order): a typed relation's own date,
  // else the earliest event naming both ends, else the later of the two
  // node starts; never before either node's start.
  std::vector<graph::CivilDay> edge_start;
};

// Dates that ParseDateValue rejects, durations and years before 0001
// (which xs:date cannot write) are ignored.
GexfSpans ComputeGexfSpans(const graph::KnowledgeGraph& graph);

// Writes `graph` as GEXF 1.3 to `out` with `drawing` (ComputeGephiDrawing
// of the same graph). The text is streamed in pieces of about 64 KB, with no
// document tree, so memory does not grow with the file. Returns IoError when
// the stream fails (it stops at the first failed piece, leaving a partial
// file for the caller to discard), InvalidInput when the drawing does not
// have one node per vertex.
Status WriteGexf(const graph::KnowledgeGraph& graph, const GephiDrawing& drawing, std::ostream& out);
// The same, computing the drawing (with its layout) itself.
Status WriteGexf(const graph::KnowledgeGraph& graph, std::ostream& out);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_GEXF_WRITER_H_
