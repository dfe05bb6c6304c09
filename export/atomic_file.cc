#include "export/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>

namespace chronograph::exporters {

std::string TempPathFor(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "." + path + ".tmp";
  return path.substr(0, slash + 1) + "." + path.substr(slash + 1) + ".tmp";
}

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(std::ostream&)>& writer) {
  if (path.empty() || path.back() == '/') return Status::IoError(path + ": not a file name");
  const std::string tmp = TempPathFor(path);
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) {
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
  if (status.ok() && std::rename(tmp.c_str(), path.c_str()) != 0) {
    status = Status::IoError(path + ": cannot rename " + tmp + ": " + std::strerror(errno));
  }
  if (!status.ok()) std::remove(tmp.c_str());
  return status;
}

}  // namespace chronograph::exporters
