// DocumentCache: `chronograph build --cache DIR`. Keeps each document's
// extraction as a one-document shard (export/shard.h) under
//   DIR/r-<run key>/<2 hex>/<document key>.shard
// where the run key hashes the program version, the rules fingerprint and
// --date (everything besides the text that changes a result), and the
// document key hashes the document's name and content. A rerun extracts
// only documents that are new or changed; Prune() then deletes entries no
// longer used and the directories of other run keys, so the cache follows
// the archive instead of growing with every edit. A damaged or unreadable
// entry is a miss, never an error. Lookup and Store are thread-safe.
#ifndef CHRONOGRAPH_APP_DOCUMENT_CACHE_H_
#define CHRONOGRAPH_APP_DOCUMENT_CACHE_H_

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>

#include "extract/extraction.h"
#include "extract/status.h"

namespace chronograph::app {

class DocumentCache {
 public:
  // Creates DIR/r-<run key>/ if missing; fails with IoError when it cannot.
  static Result<std::unique_ptr<DocumentCache>> Open(const std::string& dir, const std::string& chronograph_version,
                                                     const std::string& rules_fingerprint,
                                                     const std::string& reference_date);

  // The result stored for this document name and text, or nothing.
  std::optional<extract::ExtractionResult> Lookup(const std::string& document, const std::string& content_hash);
  // Stores a result (atomically); returns false when it could not be written.
  bool Store(const extract::ExtractionResult& result);
  // Deletes the entries this run did not look up or store, and other run
  // keys' directories. Returns how many entries were deleted.
  std::size_t Prune();

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }
  const std::string& dir() const { return dir_; }

 private:
  DocumentCache(std::string dir, std::string run_dir, std::string header)
      : dir_(std::move(dir)), run_dir_(std::move(run_dir)), header_line_(std::move(header)) {}
  std::string EntryPath(const std::string& key) const;
  void Use(const std::string& key);

  std::string dir_;          // as given
  std::string run_dir_;      // DIR/r-<run key>
  std::string header_line_;  // the shard header every entry starts with
  std::atomic<std::size_t> hits_{0}, misses_{0};
  std::mutex mutex_;
  std::unordered_set<std::string> used_;  // document keys of this run
};

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_DOCUMENT_CACHE_H_
