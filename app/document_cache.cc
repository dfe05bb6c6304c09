#include "app/document_cache.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "export/atomic_file.h"
#include "export/extraction_json.h"
#include "export/shard.h"
#include "extract/content_hash.h"

namespace chronograph::app {
namespace {

namespace fs = std::filesystem;

constexpr char kRunPrefix[] = "r-";
constexpr char kEntrySuffix[] = ".shard";

std::string DocumentKey(const std::string& document, const std::string& content_hash) {
  return extract::ContentHash({document, content_hash});
}

}  // namespace

Result<std::unique_ptr<DocumentCache>> DocumentCache::Open(const std::string& dir,
                                                           const std::string& chronograph_version,
                                                           const std::string& rules_fingerprint,
                                                           const std::string& reference_date) {
  const std::string run_key = extract::ContentHash({chronograph_version, rules_fingerprint, reference_date});
  const std::string run_dir = (fs::path(dir) / (kRunPrefix + run_key)).string();
  std::error_code ec;
  fs::create_directories(run_dir, ec);
  if (ec) return Status::IoError(dir + ": cannot create cache directory: " + ec.message());
  const std::string header = exporters::ShardHeaderLine({chronograph_version, rules_fingerprint});
  return std::unique_ptr<DocumentCache>(new DocumentCache(dir, run_dir, header));
}

std::string DocumentCache::EntryPath(const std::string& key) const {
  return (fs::path(run_dir_) / key.substr(0, 2) / (key + kEntrySuffix)).string();
}

void DocumentCache::Use(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  used_.insert(key);
}

std::optional<extract::ExtractionResult> DocumentCache::Lookup(const std::string& document,
                                                               const std::string& content_hash) {
  const std::string key = DocumentKey(document, content_hash);
  Use(key);
  std::ifstream in(EntryPath(key), std::ios::binary);
  std::string header, record;
  if (in && std::getline(in, header) && header + "\n" == header_line_ && std::getline(in, record)) {
    Result<extract::ExtractionResult> parsed = exporters::ParseExtractionRecord(record);
    if (parsed.ok() && parsed.value().document == document && parsed.value().content_hash == content_hash) {
      ++hits_;
      return parsed.take();
    }
  }
  ++misses_;
  return std::nullopt;
}

bool DocumentCache::Store(const extract::ExtractionResult& result) {
  const std::string key = DocumentKey(result.document, result.content_hash);
  Use(key);
  const fs::path path = EntryPath(key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return false;
  const Status s = exporters::WriteFileAtomically(path.string(), [&](std::ostream& os) {
    os << header_line_ << exporters::ShardRecordLine(result);
    return Status::Ok();
  });
  return s.ok();
}

std::size_t DocumentCache::Prune() {
  std::size_t removed = 0;
  std::error_code ec;
  // Other run keys: results of other rules, versions or --date.
  for (fs::directory_iterator it(dir_, ec), end; it != end && !ec; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && name.rfind(kRunPrefix, 0) == 0 && it->path() != fs::path(run_dir_)) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
  std::vector<fs::path> stale;
  for (fs::recursive_directory_iterator it(run_dir_, ec), end; it != end && !ec; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const fs::path& p = it->path();
    if (p.extension() != kEntrySuffix || !used_.count(p.stem().string())) stale.push_back(p);
  }
  for (const fs::path& p : stale) {
    std::error_code ignored;
    if (fs::remove(p, ignored)) ++removed;
  }
  return removed;
}

}  // namespace chronograph::app
