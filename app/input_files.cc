#include "app/input_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

#include "extract/document.h"

namespace chronograph::app {
namespace {

namespace fs = std::filesystem;

bool IsTextFile(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".txt" || ext == ".md" || ext == ".markdown";
}

bool ValidUtf8(const std::string& s) {
  return extract::MakeDocument("", s, {/*strict=*/true, "UTF-8"}).ok();
}

// Adds the .txt/.md files under dir to found, recursively. What cannot be
// walked or read is reported in skipped and left out, never followed
// blindly: unreadable directories, symlink loops (a directory seen before,
// by device and inode), dangling links, FIFOs, sockets and devices (opening
// one could block forever), names that are not UTF-8 (they would reach the
// outputs).
void WalkDirectory(const fs::path& dir, std::set<std::pair<dev_t, ino_t>>& seen, std::vector<std::string>& found,
                   std::vector<std::string>& skipped) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    skipped.push_back(dir.generic_string() + ": cannot read directory: " + std::strerror(errno));
    return;
  }
  if (!seen.insert({st.st_dev, st.st_ino}).second) {
    skipped.push_back(dir.generic_string() + ": directory already read (a symbolic link loop?); skipped");
    return;
  }
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    skipped.push_back(dir.generic_string() + ": cannot read directory: " + ec.message());
    return;
  }
  std::vector<fs::path> entries;
  for (fs::directory_iterator end; it != end; it.increment(ec)) {
    entries.push_back(it->path());
  }
  if (ec) skipped.push_back(dir.generic_string() + ": cannot read directory to the end: " + ec.message());
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    const std::string name = p.generic_string();
    const fs::file_status link = fs::symlink_status(p, ec);
    const fs::file_status target = fs::status(p, ec);
    if (ec) {
      if (fs::is_symlink(link) && IsTextFile(p)) skipped.push_back(name + ": " + ec.message() + "; skipped");
      if (!fs::is_symlink(link)) skipped.push_back(name + ": " + ec.message() + "; skipped");
      ec.clear();
      continue;
    }
    if (fs::is_directory(target)) {
      WalkDirectory(p, seen, found, skipped);
      continue;
    }
    if (!IsTextFile(p)) continue;
    if (!ValidUtf8(name)) {
      std::string shown;  // the bytes that are not UTF-8 as \xNN, so that the warning is readable
      for (unsigned char c : name) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02X", c);
        shown += c < 0x80 ? std::string(1, static_cast<char>(c)) : std::string(hex);
      }
      skipped.push_back(shown + ": file name is not UTF-8; skipped (rename it)");
    } else if (!fs::is_regular_file(target)) {
      skipped.push_back(name + ": not a regular file (FIFO, socket or device); skipped");
    } else {
      found.push_back(name);
    }
  }
}

}  // namespace

Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs,
                                              std::vector<std::string>& skipped) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-" || fs::is_regular_file(input, ec)) {
      files.push_back(input);
      continue;
    }
    if (!fs::is_directory(input, ec)) {
      if (fs::exists(input, ec)) return Status::InvalidInput(input + ": not a regular file or directory");
      return Status::InvalidInput(input + ": no such file or directory");
    }
    std::vector<std::string> found;
    std::set<std::pair<dev_t, ino_t>> seen;
    WalkDirectory(input, seen, found, skipped);
    std::sort(found.begin(), found.end());
    if (found.empty() && skipped.empty()) {
      return Status::InvalidInput(input + ": directory holds no .txt or .md file");
    }
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace chronograph::app
