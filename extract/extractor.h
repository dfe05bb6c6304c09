// Extractor: the one call that runs every extraction stage on a document:
// normalise -> sentences -> dates and entities -> events and relations. Built once from a
// RuleSet, then immutable; Extract() may run on several threads at once.
// Output offsets and lines refer to the original document bytes.
#ifndef CHRONOGRAPH_EXTRACT_EXTRACTOR_H_
#define CHRONOGRAPH_EXTRACT_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <string>

#include "extract/dates.h"
#include "extract/document.h"
#include "extract/entities.h"
#include "extract/extraction.h"
#include "extract/rule_set.h"
#include "extract/status.h"

namespace chronograph::extract {

// Seconds spent in each stage, summed over the documents of a run
// (chronograph build --profile). One per thread; Add() folds them.
struct StageProfile {
  double normalise = 0, sentences = 0, gazetteer = 0, entity_patterns = 0, dates = 0, events = 0, relations = 0;
  void Add(const StageProfile& other);
};

// Options of one Extract call; the defaults read everything from the text.
struct ExtractOptions {
  // The document's reference date, "YYYY-MM-DD" (chronograph build --date):
  // relative dates ("去年", "yesterday") count from it. "" (default): find it
  // in the document (reference_date.h); with none, they stay unresolved.
  std::string reference_date;
  // How numeric dates whose order the text does not tell (3/4/2015) read:
  // month first (US, default) or day first (chronograph build --date-order).
  DateOrder date_order = DateOrder::kMonthFirst;
  // When set, the time of each stage is added to it.
  StageProfile* profile = nullptr;
  // Threads for the sentence-by-sentence stages (dates, entity patterns,
  // relations) of a document of parallel_from_bytes or more; the result is
  // the same for any count. Smaller documents run on one thread: splitting
  // them costs more than it saves, and documents already run in parallel
  // with each other (chronograph build --threads).
  unsigned threads = 1;
  std::size_t parallel_from_bytes = 4 << 20;
};

class Extractor {
 public:
  static Result<std::shared_ptr<const Extractor>> Create(std::shared_ptr<const RuleSet> rules);

  ExtractionResult Extract(const Document& document, const ExtractOptions& options = {}) const;

  const RuleSet& rules() const { return *rules_; }

 private:
  Extractor(std::shared_ptr<const RuleSet> rules, std::shared_ptr<const EntityFinder> entities)
      : rules_(std::move(rules)), entities_(std::move(entities)) {}

  std::shared_ptr<const RuleSet> rules_;
  std::shared_ptr<const EntityFinder> entities_;
};

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_EXTRACTOR_H_
