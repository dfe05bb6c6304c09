// CorpusSink: where each document's extraction goes. Add() folds the result
// into the KnowledgeGraph (entities and edges in RAM, dates and events to
// disk) and spills the full result for extraction.json, so nothing per
// document stays in RAM beyond the graph's aggregates. Build and merge both
// feed it, in input order, then Finalize() and hand graph() and
// extractions() to WriteOutputs. Temporary files live in $TMPDIR (or
// /tmp) and are unlinked at creation. Not thread-safe: one caller adds.
#ifndef CHRONOGRAPH_APP_CORPUS_SINK_H_
#define CHRONOGRAPH_APP_CORPUS_SINK_H_

#include <cstddef>

#include "export/extraction_spill.h"
#include "extract/extraction.h"
#include "graph/knowledge_graph.h"

namespace chronograph::app {

class CorpusSink {
 public:
  CorpusSink() = default;
  CorpusSink(const CorpusSink&) = delete;
  CorpusSink& operator=(const CorpusSink&) = delete;

  void Add(extract::ExtractionResult result) {
    graph_.Add(result);
    extractions_.Add(result);
  }
  // Sorts what was added (KnowledgeGraph::Finalize).
  void Finalize() { graph_.Finalize(); }

  std::size_t documents() const { return extractions_.size(); }
  const graph::KnowledgeGraph& graph() const { return graph_; }
  const exporters::ExtractionSpill& extractions() const { return extractions_; }

 private:
  graph::KnowledgeGraph graph_;
  exporters::ExtractionSpill extractions_;
};

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_CORPUS_SINK_H_
