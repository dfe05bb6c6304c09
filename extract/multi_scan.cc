#include "extract/multi_scan.h"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <set>

namespace chronograph::extract {
namespace {

std::atomic<std::uint64_t> next_generation{1};

// One scratch space per thread, grown to suit every database it has met.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<std::uint64_t> fitted;  // generations the scratch suits
  ~ThreadScratch() { hs_free_scratch(scratch); }
};

thread_local ThreadScratch thread_scratch;

hs_scratch_t* ScratchFor(const hs_database_t* database, std::uint64_t generation) {
  ThreadScratch& t = thread_scratch;
  if (std::find(t.fitted.begin(), t.fitted.end(), generation) != t.fitted.end()) return t.scratch;
  if (hs_alloc_scratch(database, &t.scratch) != HS_SUCCESS) return nullptr;
  t.fitted.push_back(generation);
  return t.scratch;
}

unsigned FlagsOf(const ScanPattern& p) {
  unsigned flags = HS_FLAG_UTF8 | HS_FLAG_ALLOWEMPTY;
  if (p.caseless) flags |= HS_FLAG_CASELESS;
  if (p.start_of_match) flags |= HS_FLAG_SOM_LEFTMOST;
  if (p.prefilter) flags |= HS_FLAG_PREFILTER;
  if (p.single_match) flags |= HS_FLAG_SINGLEMATCH;
  return flags;
}

struct ScanContext {
  const MultiScanner::OnMatch* on_match;
  const std::vector<unsigned>* ids;
  const std::vector<std::size_t>* literal_lengths;  // empty for patterns
};

int OnHyperscanMatch(unsigned id, unsigned long long from, unsigned long long to, unsigned /*flags*/, void* context) {
  const auto* c = static_cast<const ScanContext*>(context);
  if (!c->literal_lengths->empty()) from = to - (*c->literal_lengths)[id];
  (*c->on_match)((*c->ids)[id], static_cast<std::size_t>(from), static_cast<std::size_t>(to));
  return 0;
}

}  // namespace

MultiScanner::~MultiScanner() { hs_free_database(database_); }

std::vector<std::size_t> MultiScanner::Compile(const std::vector<ScanPattern>& patterns) {
  std::set<std::size_t> rejected;
  // Hyperscan names the first pattern it cannot compile; drop it and try
  // again with the rest (rare: the loop runs once per rejected pattern).
  while (true) {
    std::vector<const char*> expressions;
    std::vector<unsigned> flags, hs_ids;
    ids_.clear();
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      if (rejected.count(i)) continue;
      expressions.push_back(patterns[i].expression.c_str());
      flags.push_back(FlagsOf(patterns[i]));
      hs_ids.push_back(static_cast<unsigned>(ids_.size()));
      ids_.push_back(static_cast<unsigned>(i));
    }
    if (expressions.empty()) break;
    hs_compile_error_t* error = nullptr;
    hs_database_t* database = nullptr;
    const hs_error_t status = hs_compile_multi(expressions.data(), flags.data(), hs_ids.data(),
                                               static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
                                               &database, &error);
    if (status == HS_SUCCESS) {
      database_ = database;
      generation_ = next_generation++;
      break;
    }
    const int bad = error != nullptr ? error->expression : -1;
    hs_free_compile_error(error);
    if (bad < 0) {  // not one pattern's fault (e.g. too large): no database
      for (std::size_t i = 0; i < patterns.size(); ++i) rejected.insert(i);
      ids_.clear();
      break;
    }
    rejected.insert(ids_[static_cast<std::size_t>(bad)]);
  }
  return std::vector<std::size_t>(rejected.begin(), rejected.end());
}

bool MultiScanner::CompileLiterals(const std::vector<ScanLiteral>& literals) {
  std::vector<const char*> expressions;
  std::vector<unsigned> flags, hs_ids;
  std::vector<std::size_t> lengths;
  ids_.clear();
  literal_lengths_.clear();
  for (std::size_t i = 0; i < literals.size(); ++i) {
    if (literals[i].bytes.empty()) continue;
    expressions.push_back(literals[i].bytes.data());
    lengths.push_back(literals[i].bytes.size());
    flags.push_back(literals[i].caseless ? HS_FLAG_CASELESS : 0);
    hs_ids.push_back(static_cast<unsigned>(ids_.size()));
    ids_.push_back(static_cast<unsigned>(i));
  }
  literal_lengths_ = lengths;
  if (expressions.empty()) return true;
  hs_compile_error_t* error = nullptr;
  hs_database_t* database = nullptr;
  const hs_error_t status =
      hs_compile_lit_multi(expressions.data(), flags.data(), hs_ids.data(), lengths.data(),
                           static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &database, &error);
  hs_free_compile_error(error);
  if (status != HS_SUCCESS) return false;
  database_ = database;
  generation_ = next_generation++;
  return true;
}

bool MultiScanner::Scan(std::string_view text, const OnMatch& on_match) const {
  if (database_ == nullptr) return true;
  hs_scratch_t* scratch = ScratchFor(database_, generation_);
  if (scratch == nullptr) return false;
  ScanContext context{&on_match, &ids_, &literal_lengths_};
  const char* data = text.empty() ? "" : text.data();  // Hyperscan refuses a null buffer
  const hs_error_t status = hs_scan(database_, data, static_cast<unsigned>(text.size()), 0, scratch,
                                    OnHyperscanMatch, &context);
  return status == HS_SUCCESS;
}

}  // namespace chronograph::extract
