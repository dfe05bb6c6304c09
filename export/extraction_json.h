// extraction.json: every document's full extraction result, written beside
// the graph so that runs can be merged exactly (`chronograph merge`). The
// graph files alone cannot give that: GraphML keeps counts and a few
// evidences, not the per-sentence mentions that co-occurrence is made of.
// Reading back what was written gives equal ExtractionResults, so adding
// them to a new KnowledgeGraph reproduces the run's graph.
#ifndef CHRONOGRAPH_EXPORT_EXTRACTION_JSON_H_
#define CHRONOGRAPH_EXPORT_EXTRACTION_JSON_H_

#include <ostream>
#include <string>
#include <vector>

#include "extract/extraction.h"
#include "extract/status.h"

namespace chronograph::exporters {

inline constexpr char kExtractionSchema[] = "chronograph.extraction/1";

Status WriteExtractionJson(const std::vector<extract::ExtractionResult>& results, std::ostream& out);

// Fails with the path and the reason (unreadable, malformed, other schema).
Result<std::vector<extract::ExtractionResult>> ReadExtractionJson(const std::string& path);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_EXTRACTION_JSON_H_
