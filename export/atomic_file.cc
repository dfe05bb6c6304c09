#include "export/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace chronograph::exporters {
namespace {

// What is in flight, for OutputSet and for the interrupt thread.
struct Registry {
  std::mutex mutex;
  bool set_open = false;
  std::vector<std::pair<std::string, std::string>> staged;  // (tmp, path)
  std::vector<std::string> removals;
  std::set<std::string> tracked;  // temp and lock files to remove on interrupt
};

Registry& TheRegistry() {
  static Registry* registry = new Registry();  // never destroyed: the interrupt thread may use it at exit
  return *registry;
}

}  // namespace

void TrackTempFile(const std::string& tmp) {
  Registry& r = TheRegistry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.tracked.insert(tmp);
}

void UntrackTempFile(const std::string& tmp) {
  Registry& r = TheRegistry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.tracked.erase(tmp);
}

Status StageTempFile(const std::string& tmp, const std::string& path) {
  Registry& r = TheRegistry();
  {
    std::lock_guard<std::mutex> lock(r.mutex);
    if (r.set_open) {
      r.staged.emplace_back(tmp, path);
      return Status::Ok();
    }
  }
  Status status = Status::Ok();
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    status = Status::IoError(path + ": cannot rename " + tmp + ": " + std::strerror(errno));
    std::remove(tmp.c_str());
  }
  UntrackTempFile(tmp);
  return status;
}

void RemoveAtCommit(const std::string& path) {
  Registry& r = TheRegistry();
  {
    std::lock_guard<std::mutex> lock(r.mutex);
    if (r.set_open) {
      r.removals.push_back(path);
      return;
    }
  }
  std::remove(path.c_str());
}

OutputSet::OutputSet() {
  Registry& r = TheRegistry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.set_open = true;
  r.staged.clear();
  r.removals.clear();
}

OutputSet::~OutputSet() { Abandon(); }

Status OutputSet::Commit() {
  Registry& r = TheRegistry();
  std::lock_guard<std::mutex> lock(r.mutex);
  if (!r.set_open) return Status::Ok();
  // Renames are quick and, within one directory, each atomic: the set is
  // replaced as a whole unless the file system fails in between (reported).
  Status status = Status::Ok();
  for (const auto& [tmp, path] : r.staged) {
    if (status.ok() && std::rename(tmp.c_str(), path.c_str()) != 0) {
      status = Status::IoError(path + ": cannot rename " + tmp + ": " + std::strerror(errno));
    }
    if (!status.ok()) std::remove(tmp.c_str());
    r.tracked.erase(tmp);
  }
  if (status.ok()) {
    for (const std::string& path : r.removals) std::remove(path.c_str());
  }
  r.staged.clear();
  r.removals.clear();
  r.set_open = false;
  return status;
}

void OutputSet::Abandon() {
  Registry& r = TheRegistry();
  std::lock_guard<std::mutex> lock(r.mutex);
  if (!r.set_open) return;
  for (const auto& [tmp, path] : r.staged) {
    std::remove(tmp.c_str());
    r.tracked.erase(tmp);
  }
  r.staged.clear();
  r.removals.clear();
  r.set_open = false;
}

void InstallInterruptCleanup() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  if (pthread_sigmask(SIG_BLOCK, &signals, nullptr) != 0) return;
  std::thread([signals] {
    int number = 0;
    if (sigwait(&signals, &number) != 0) return;
    Registry& r = TheRegistry();
    {
      std::lock_guard<std::mutex> lock(r.mutex);
      for (const std::string& path : r.tracked) ::unlink(path.c_str());
      for (const auto& [tmp, path] : r.staged) ::unlink(tmp.c_str());
    }
    static const char kMessage[] = "\nchronograph: interrupted; temporary files removed, earlier outputs unchanged\n";
    (void)!::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    ::_exit(128 + number);
  }).detach();
}

Status DirectoryLock::Acquire(const std::string& dir, DirectoryLock* lock) {
  const std::string path = (dir.empty() || dir.back() == '/' ? dir : dir + "/") + ".chronograph.lock";
  for (int attempt = 0; attempt < 5; ++attempt) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return Status::IoError(path + ": cannot create lock file: " + std::strerror(errno));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd);
      if (error == EWOULDBLOCK) {
        return Status::InvalidInput(dir + ": another chronograph run is writing to this directory (" + path +
                                    " is locked); wait for it or choose another --out");
      }
      return Status::IoError(path + ": cannot lock: " + std::strerror(error));
    }
    // The holder before us may have removed the file after we opened it:
    // then our lock is on a nameless file, and we try again.
    struct stat held {}, named {};
    if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
      lock->fd_ = fd;
      lock->path_ = path;
      TrackTempFile(path);
      return Status::Ok();
    }
    ::close(fd);
  }
  return Status::IoError(path + ": cannot lock (the lock file keeps changing)");
}

DirectoryLock::~DirectoryLock() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());  // before unlocking: a waiter then sees a nameless file and retries
  UntrackTempFile(path_);
  ::close(fd_);
}

std::string TempPathFor(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "." + path + ".tmp";
  return path.substr(0, slash + 1) + "." + path.substr(slash + 1) + ".tmp";
}

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& writer) {
  if (path.empty() || path.back() == '/') return Status::IoError(path + ": not a file name");
  const std::string tmp = TempPathFor(path);
  TrackTempFile(tmp);
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) {
    UntrackTempFile(tmp);
    return Status::IoError(path + ": cannot create " + tmp + ": " + std::strerror(errno));
  }
  Status status;
  try {
    status = writer(out);
  } catch (const std::exception& e) {
    status = Status::IoError(path + ": writer failed: " + e.what());
  } catch (...) {
    status = Status::IoError(path + ": writer failed");
  }
  if (status.ok()) {
    out.flush();
    if (!out) status = Status::IoError(path + ": write to " + tmp + " failed");
  }
  out.close();
  if (status.ok() && out.fail()) status = Status::IoError(path + ": closing " + tmp + " failed");
  if (status.ok()) return StageTempFile(tmp, path);
  std::remove(tmp.c_str());
  UntrackTempFile(tmp);
  return status;
}

}  // namespace chronograph::exporters
