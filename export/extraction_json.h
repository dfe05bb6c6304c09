// extraction.json: every document's full extraction result, written beside
// the graph so that runs can be merged exactly (`chronograph merge`). The
// graph files alone cannot give that: GraphML keeps counts and a few
// evidences, not the per-sentence mentions that co-occurrence is made of.
// Reading back what was written gives equal ExtractionResults, so adding
// them to a new KnowledgeGraph reproduces the run's graph.
#ifndef CHRONOGRAPH_EXPORT_EXTRACTION_JSON_H_
#define CHRONOGRAPH_EXPORT_EXTRACTION_JSON_H_

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extraction.h"
#include "extract/status.h"

namespace chronograph::exporters {

inline constexpr char kExtractionSchema[] = "chronograph.extraction/2";

// The whole file from results in RAM (tests, small runs), through an
// ExtractionSpill (extraction_spill.h) as build and merge do. rules: the
// RuleSet::fingerprint the results were extracted with.
Status WriteExtractionJson(const std::vector<extract::ExtractionResult>& results, const std::string& rules,
                           std::ostream& out);

// One document's record on one line, as extraction.json and shards
// (export/shard.h) hold it: compact JSON whose lists are arrays of fixed
// fields, sources without the document (it is the record's), entity
// attributes and rule ids stored once per record (docs/formats.md). Written
// without a DOM. ParseExtractionRecord fails on text that is not a record.
std::string DumpExtractionLine(const extract::ExtractionResult& result);
Result<extract::ExtractionResult> ParseExtractionRecord(std::string_view text);

// Streams the documents of extraction.json to `each`, in file order, one
// document in RAM at a time. Stops at, and returns, the first non-ok Status
// of `each`. Fails with the path and the reason (unreadable, malformed,
// other schema). *rules, when given, receives the file's rules fingerprint
// ("" in files of older versions) before the first document.
Status ReadExtractionJson(const std::string& path,
                          const std::function<Status(extract::ExtractionResult&&)>& each,
                          std::string* rules = nullptr);
// The same, collected (tests, small files).
Result<std::vector<extract::ExtractionResult>> ReadExtractionJson(const std::string& path);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_EXTRACTION_JSON_H_
