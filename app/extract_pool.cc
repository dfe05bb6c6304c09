#include "app/extract_pool.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "extract/content_hash.h"
#include "extract/document.h"

namespace chronograph::app {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// One document, read and extracted; status is not ok when it could not be read.
struct Finished {
  Status status = Status::Ok();
  std::vector<DocumentNotice> notices;  // repaired or decoded
  std::size_t bytes = 0;
  extract::ExtractionResult result;
};

Finished ExtractOne(const std::string& path, const extract::Extractor& extractor, extract::ExtractOptions options,
                    const extract::LoadOptions& load, DocumentCache* cache, PoolProfile* profile) {
  Finished done;
  const Clock::time_point start = Clock::now();
  Result<extract::Document> document = extract::LoadDocument(path, load);
  if (profile != nullptr) profile->read_seconds += SecondsSince(start);
  if (!document.ok()) {
    done.status = document.status();
    return done;
  }
  const extract::Document& doc = document.value();
  if (!doc.repairs.empty()) done.notices.push_back({DocumentNotice::Kind::kRepaired, doc.repairs});
  if (!doc.encoding.empty()) {
    done.notices.push_back({DocumentNotice::Kind::kDecoded, doc.path + ": read as " + doc.encoding});
  }
  done.bytes = doc.text.size();
  if (cache != nullptr) {
    std::optional<extract::ExtractionResult> cached = cache->Lookup(doc.path, extract::ContentHash(doc.text));
    if (cached) {
      done.result = std::move(*cached);
      return done;
    }
  }
  options.profile = profile != nullptr ? &profile->stages : nullptr;
  // Extraction reports no errors; an exception here is a bug, and costs
  // this document only (skipped with the reason), not the run.
  try {
    done.result = extractor.Extract(document.value(), options);
  } catch (const std::exception& e) {
    done.status = Status::InvalidInput(path + ": internal error while extracting (please report): " + e.what());
    return done;
  }
  if (cache != nullptr) cache->Store(done.result);  // best effort: a miss next time at worst
  return done;
}

// Reports a skipped document (or returns its Status when nothing may be
// skipped) and the notices of a loaded one, then runs on_result; an exception from it (a temporary file that cannot be
// written) becomes a Status, so that the workers are stopped and joined.
Status Deliver(const std::function<Status(std::size_t, std::size_t, extract::ExtractionResult)>& on_result,
               const PoolOptions& options, std::size_t index, Finished& done) {
  if (!done.status.ok()) {
    if (!options.on_notice) return done.status;
    options.on_notice(index, {DocumentNotice::Kind::kSkipped, done.status.message()});
    return Status::Ok();
  }
  if (options.on_notice) {
    for (const DocumentNotice& n : done.notices) options.on_notice(index, n);
  }
  try {
    return on_result(index, done.bytes, std::move(done.result));
  } catch (const std::exception& e) {
    return Status::IoError(e.what());
  }
}

}  // namespace

unsigned DefaultThreadCount() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

Status ExtractAll(const std::vector<std::string>& paths, const extract::Extractor& extractor,
                  const PoolOptions& options,
                  const std::function<Status(std::size_t, std::size_t, extract::ExtractionResult)>& on_result,
                  PoolProfile* profile) {
  const unsigned threads = std::max(1u, std::min<unsigned>(options.threads, static_cast<unsigned>(paths.size())));
  if (threads <= 1) {
    for (std::size_t i = 0; i < paths.size(); ++i) {
      Finished done = ExtractOne(paths[i], extractor, options.extract, options.load, options.cache, profile);
      if (Status s = Deliver(on_result, options, i, done); !s.ok()) return s;
    }
    return Status::Ok();
  }

  // Workers take the next index; a worker waits while its index is more
  // than `window` ahead of the next one to deliver, so memory stays bounded.
  const std::size_t window = 2 * static_cast<std::size_t>(threads);
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, Finished> ready;
  std::size_t next_to_take = 0, next_to_deliver = 0;
  bool stop = false;
  std::vector<PoolProfile> profiles(threads);

  auto work = [&](unsigned worker) {
    while (true) {
      std::size_t index;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return stop || next_to_take < next_to_deliver + window; });
        if (stop || next_to_take >= paths.size()) return;
        index = next_to_take++;
      }
      Finished done = ExtractOne(paths[index], extractor, options.extract, options.load, options.cache,
                                 profile ? &profiles[worker] : nullptr);
      {
        std::lock_guard<std::mutex> lock(mutex);
        ready.emplace(index, std::move(done));
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t);

  Status status = Status::Ok();
  for (std::size_t i = 0; i < paths.size() && status.ok(); ++i) {
    Finished done;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return ready.count(i) > 0; });
      done = std::move(ready.at(i));
      ready.erase(i);
      ++next_to_deliver;
    }
    changed.notify_all();
    status = Deliver(on_result, options, i, done);
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (std::thread& t : pool) t.join();
  if (profile != nullptr) {
    for (const PoolProfile& p : profiles) {
      profile->stages.Add(p.stages);
      profile->read_seconds += p.read_seconds;
    }
  }
  return status;
}

}  // namespace chronograph::app
