// ExtractPool: loads and extracts documents on a pool of worker threads and
// hands the results to the caller in input order, so that what is built
// from them does not depend on the thread count. At most a small window of
// finished results waits in memory (a few per thread): a slow document
// holds the later ones back rather than letting them pile up.
// A document that cannot be loaded stops the run (its Status is returned
// once every earlier document has been delivered), unless on_notice is set:
// then it is skipped with a notice and the run goes on (docs/robustness.md).
#ifndef CHRONOGRAPH_APP_EXTRACT_POOL_H_
#define CHRONOGRAPH_APP_EXTRACT_POOL_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "app/document_cache.h"
#include "extract/document.h"
#include "extract/extraction.h"
#include "extract/extractor.h"
#include "extract/status.h"

namespace chronograph::app {

// What happened to a document on its way in: repaired (invalid UTF-8 bytes
// replaced), decoded (read from another encoding) or skipped (unreadable,
// binary, vanished: not delivered at all). message names the file.
struct DocumentNotice {
  enum class Kind { kRepaired, kDecoded, kSkipped };
  Kind kind;
  std::string message;
};

struct PoolOptions {
  unsigned threads = 1;  // worker threads; 1 runs everything on the calling thread
  extract::ExtractOptions extract;  // its profile pointer is ignored: see ExtractAll's profile
  // When set (build --cache), a document whose name and text the cache
  // holds is not extracted again, and every new result is stored in it.
  DocumentCache* cache = nullptr;
  extract::LoadOptions load;        // --strict, --encoding
  // Runs on the calling thread, in index order, before the document's
  // result is delivered (or instead of it, when skipped). Null: a document
  // that cannot be loaded stops the run, and repairs go unreported.
  std::function<void(std::size_t index, const DocumentNotice& notice)> on_notice;
};

// on_result(index, bytes, result) runs on the calling thread, in index
// order; bytes is the size of the document read. A non-ok Status from it
// stops the run and is returned. profile, when given, receives the sum of
// every document's stage times plus "read" (loading documents) in read_seconds.
struct PoolProfile {
  extract::StageProfile stages;
  double read_seconds = 0;
};
Status ExtractAll(const std::vector<std::string>& paths, const extract::Extractor& extractor,
                  const PoolOptions& options,
                  const std::function<Status(std::size_t, std::size_t, extract::ExtractionResult)>& on_result,
                  PoolProfile* profile = nullptr);

// The default thread count: every core the machine reports (at least 1).
unsigned DefaultThreadCount();

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_EXTRACT_POOL_H_
