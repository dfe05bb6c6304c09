// Whole-or-nothing file output. WriteFileAtomically streams `writer`'s
// output into DIR/.NAME.tmp beside `path`, flushes and closes it, checks the
// stream, and renames it over `path`. On any failure (writer Status, stream
// error, exception from the writer, rename) it removes the temp file and
// leaves an earlier `path` untouched. Thread-safe for distinct paths.
#ifndef CHRONOGRAPH_EXPORT_ATOMIC_FILE_H_
#define CHRONOGRAPH_EXPORT_ATOMIC_FILE_H_

#include <functional>
#include <ostream>
#include <string>

#include "extract/status.h"

namespace chronograph::exporters {

// The temp file used for `path`: "out/graph.graphml" -> "out/.graph.graphml.tmp".
std::string TempPathFor(const std::string& path);

// Returns Ok once `path` holds exactly what `writer` wrote. Otherwise
// returns the writer's Status unchanged, or IoError("PATH: reason") when the
// temp file cannot be created, written or renamed, or the writer threw.
// While an OutputSet is open, the rename waits for OutputSet::Commit.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& writer);

// A set of outputs replaced as a whole or not at all. While one is open
// (one per process; build and merge open it around their writers),
// WriteFileAtomically and Stage() leave each finished temp file in place
// and record it; Commit renames them all, Abandon (or the destructor, when
// not committed) removes them and every earlier output stays as it was.
// Every temp file in flight is also removed when the process is stopped by
// SIGINT, SIGTERM or SIGHUP (see InstallInterruptCleanup). Thread-safe.
class OutputSet {
 public:
  OutputSet();
  ~OutputSet();
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  // Renames every staged temp file over its path, removes the paths given to
  // RemoveAtCommit; IoError naming the first file that could not be renamed.
  Status Commit();
  void Abandon();
};

// Records a finished temp file for `path` in the open OutputSet, or renames
// it at once when none is open. IoError if the rename fails.
Status StageTempFile(const std::string& tmp, const std::string& path);
// A path the open OutputSet removes when it commits (an output that this
// run could not make, e.g. graph.svg when Graphviz failed, so that no stale
// copy stays beside the new files). Without an open set: removed at once.
void RemoveAtCommit(const std::string& path);
// Temp files not yet finished are registered too, so that an interrupt
// removes them: Track before creating, Untrack once staged or removed.
void TrackTempFile(const std::string& tmp);
void UntrackTempFile(const std::string& tmp);

// Blocks SIGINT, SIGTERM and SIGHUP in the calling thread (and the threads
// it creates later) and starts a thread that waits for them: on one it
// removes every tracked temp file and lock file and exits with 128 + the
// signal number. Call once, first thing in main, before other threads.
// Child processes must unblock the signals (posix_spawnattr_setsigmask).
void InstallInterruptCleanup();

// An exclusive lock on an output directory (DIR/.chronograph.lock, flock):
// a second run writing to the same directory at the same time is refused.
// The lock file is removed when released.
class DirectoryLock {
 public:
  // InvalidInput "DIR: another chronograph run is writing to this directory"
  // when the lock is held; IoError when the lock file cannot be made.
  static Status Acquire(const std::string& dir, DirectoryLock* lock);
  DirectoryLock() = default;
  ~DirectoryLock();
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_ATOMIC_FILE_H_
