// CorpusSink: where each document's extraction goes. Add() folds the result
// into the KnowledgeGraph (entities and edges in RAM, dates and events to
// disk) and spills the full result for extraction.json, so nothing per
// document stays in RAM beyond the graph's aggregates. Build and merge both
// feed it, in input order, then Finalize() and hand graph() and
// extractions() to WriteOutputs. A document whose name and content hash
// were added before counts once (the same file given twice, or found in two
// shards). Temporary files live in $TMPDIR (or /tmp) and are unlinked at
// creation. Not thread-safe: one caller adds.
#ifndef CHRONOGRAPH_APP_CORPUS_SINK_H_
#define CHRONOGRAPH_APP_CORPUS_SINK_H_

#include <cstddef>
#include <string>
#include <unordered_set>

#include "export/extraction_spill.h"
#include "extract/extraction.h"
#include "graph/knowledge_graph.h"

namespace chronograph::app {

class CorpusSink {
 public:
  CorpusSink(const CorpusSink&) = delete;
  CorpusSink& operator=(const CorpusSink&) = delete;

  explicit CorpusSink(const std::string& rules_fingerprint) { extractions_.set_rules(rules_fingerprint); }

  // Returns false (and adds nothing) for a document already added.
  bool Add(extract::ExtractionResult result) {
    if (!seen_.insert(result.document + '\n' + result.content_hash).second) return false;
    graph_.Add(result);
    extractions_.Add(result);
    return true;
  }
  // Sorts what was added (KnowledgeGraph::Finalize).
  void Finalize() { graph_.Finalize(); }

  std::size_t documents() const { return extractions_.size(); }
  const graph::KnowledgeGraph& graph() const { return graph_; }
  const exporters::ExtractionSpill& extractions() const { return extractions_; }

 private:
  graph::KnowledgeGraph graph_;
  exporters::ExtractionSpill extractions_;
  std::unordered_set<std::string> seen_;  // document '\n' content hash
};

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_CORPUS_SINK_H_
