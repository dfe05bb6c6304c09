// Reads a GraphML file back into a graph::Graph: chronograph's own
// graph.graphml first of all, but written to be general, for any command
// that works over a built output directory (show, path, and merge):
//   - keys are matched by attr.name (key ids may be anything, as in files
//     written by networkx or Gephi); <default> values apply;
//   - every <data> of every node and edge is also kept as text by attr.name
//     (node_data/edge_data), so fields this reader does not know survive;
//   - the known fields fill the bundles (graph/knowledge_graph.h): node
//     label (else the id), type (else UNKNOWN), aliases (" | "), mentions,
//     first_date, last_date, wikidata; edge relation (else co_occurs),
//     weight, from/to (else source/target), date, sources, evidence (parsed
//     back from "doc:line: sentence || ..."; "(+N more)" is dropped; the
//     writer shortens sentences, so texts may end in "…"). The edges'
//     string views point into GraphmlData::text.
// EntityNode::documents cannot be rebuilt from a count: it stays empty and
// node_data["documents"] keeps the count. Vertices and edges are in file
// order. Fails with "PATH: reason" (offset for XML errors) on unreadable or
// ill-formed files, a missing <graph>, duplicate node ids or edges naming
// unknown nodes. Thread-safe (no shared state).
#ifndef CHRONOGRAPH_EXPORT_GRAPHML_READER_H_
#define CHRONOGRAPH_EXPORT_GRAPHML_READER_H_

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph::exporters {

struct GraphmlKey {
  std::string id;
  std::string domain;  // "node", "edge", "graph" or "all"
  std::string name;    // attr.name (the id when absent)
  std::string type;    // attr.type ("string" when absent)
  std::string default_value;
};

struct GraphmlData {
  graph::Graph graph;
  std::map<std::string, graph::Vertex, std::less<>> index;    // node id -> vertex
  std::vector<std::map<std::string, std::string>> node_data;  // by vertex, attr.name -> text
  std::vector<std::map<std::string, std::string>> edge_data;  // by edge (file order)
  std::vector<GraphmlKey> keys;                               // file order
  bool directed = false;  // edgedefault="directed"
  // The text the edges' string views (relation, from, to, date, evidence)
  // point into (graph/knowledge_graph.h): shared, so that a copy of this
  // GraphmlData keeps it too.
  std::shared_ptr<graph::StringPool> text = std::make_shared<graph::StringPool>();

  // The vertex of a node id in *v; false when the id is unknown.
  bool Find(std::string_view id, graph::Vertex* v) const;
  // The edges in file order (edge_data's order). Computed on each call
  // rather than stored: Boost edge descriptors point into the graph and do
  // not survive a copy or move of GraphmlData.
  std::vector<graph::Edge> Edges() const;
};

// Reads the file at `path`.
Result<GraphmlData> ReadGraphml(const std::string& path);
// Reads GraphML text; `name` is used in messages.
Result<GraphmlData> ReadGraphmlText(std::string_view text, const std::string& name);

// Parses an evidence field as GraphmlWriter writes it. The Evidence views
// point into `text`, which must outlive them.
std::vector<graph::Evidence> ParseEvidence(std::string_view text);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_GRAPHML_READER_H_
