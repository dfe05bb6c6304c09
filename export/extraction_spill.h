// ExtractionSpill: every document's ExtractionResult, kept on disk as it
// arrives so that a run holds no whole-corpus list of results. Add()
// appends the document's binary record (graph::RecordCodec, no JSON to
// parse when the writers read it back) to an unlinked temporary file (graph::TempFile: it vanishes when the spill
// is destroyed or the process ends, also on failure) and keeps only the
// document name and the record's place in RAM. WriteExtractionJson then
// streams the records back in document order, each turned into its JSON
// line: the same bytes as exporters::WriteExtractionJson of the same results. Not thread-safe while
// adding; I/O failures throw std::runtime_error (graph/record_file.h).
#ifndef CHRONOGRAPH_EXPORT_EXTRACTION_SPILL_H_
#define CHRONOGRAPH_EXPORT_EXTRACTION_SPILL_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "extract/extraction.h"
#include "extract/status.h"
#include "graph/record_file.h"

namespace chronograph::exporters {

class ExtractionSpill {
 public:
  // dir "" = $TMPDIR, else /tmp.
  explicit ExtractionSpill(const std::string& dir = "") : dir_(dir) {}
  ExtractionSpill(const ExtractionSpill&) = delete;
  ExtractionSpill& operator=(const ExtractionSpill&) = delete;

  void Add(const extract::ExtractionResult& result);
  std::size_t size() const { return entries_.size(); }
  // The RuleSet::fingerprint written in extraction.json's header.
  void set_rules(const std::string& rules) { rules_ = rules; }
  const std::string& rules() const { return rules_; }

  // extraction.json: documents sorted by name and content hash (so the file
  // does not depend on input order), equal keys in Add order.
  Status WriteExtractionJson(std::ostream& out) const;

  // Record i, in Add order, read back.
  Result<extract::ExtractionResult> Get(std::size_t i) const;
  // Writes out buffered records so that several threads may read at once
  // (WriteExtractionJson, ForEachInOrder, Get). Call when adding is over.
  void PrepareConcurrentReads() const {
    if (file_) file_->Flush();
  }
  // Every record, read back one at a time, in extraction.json's order.
  Status ForEachInOrder(const std::function<Status(const extract::ExtractionResult&)>& each) const;

 private:
  std::vector<std::size_t> Order() const;  // indexes of entries_ in file order
  struct Entry {
    std::string document;
    std::string content_hash;
    std::uint64_t offset = 0;
    std::size_t length = 0;
  };
  std::string dir_;
  std::string rules_;
  std::unique_ptr<graph::TempFile> file_;  // created by the first Add
  std::vector<Entry> entries_;
};

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_EXTRACTION_SPILL_H_
