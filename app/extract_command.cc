#include "app/extract_command.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/build_command.h"
#include "app/extract_pool.h"
#include "export/atomic_file.h"
#include "export/shard.h"
#include "extract/extractor.h"

namespace chronograph::app {
namespace {

using Clock = std::chrono::steady_clock;

// One path per line; blank lines and trailing '\r' ignored.
Status ReadFileList(const std::string& list, std::vector<std::string>* inputs) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (list != "-") {
    file.open(list, std::ios::binary);
    if (!file) return Status::InvalidInput(list + ": cannot open the --files-from list");
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) inputs->push_back(line);
  }
  if (in->bad()) return Status::IoError(list + ": read error");
  return Status::Ok();
}

}  // namespace

Status RunExtract(const ExtractCommandOptions& options, std::size_t* skipped) {
  const Clock::time_point start = Clock::now();
  std::vector<std::string> inputs = options.inputs;
  if (!options.files_from.empty()) {
    if (Status s = ReadFileList(options.files_from, &inputs); !s.ok()) return s;
  }
  if (inputs.empty()) return Status::Usage("extract needs inputs (arguments or --files-from)");
  Result<std::vector<std::string>> files = ExpandInputPaths(inputs);
  if (!files.ok()) return files.status();
  if (options.list_only) {
    for (const std::string& f : files.value()) std::cout << f << '\n';
    std::cout.flush();
    return std::cout ? Status::Ok() : Status::IoError("standard output: write error");
  }
  if (options.out.empty()) return Status::Usage("extract needs --out SHARD (or --list)");
  Result<std::shared_ptr<const extract::RuleSet>> rules = extract::RuleSet::Load(options.rules_dir);
  if (!rules.ok()) return rules.status();
  Result<std::shared_ptr<const extract::Extractor>> extractor = extract::Extractor::Create(rules.value());
  if (!extractor.ok()) return extractor.status();

  PoolOptions pool;
  pool.threads = options.threads == 0 ? DefaultThreadCount() : options.threads;
  pool.extract.reference_date = options.reference_date;
  pool.extract.threads = pool.threads;
  pool.load = options.load;
  std::size_t left_out = 0;
  if (!options.load.strict) {  // the same policy as build (docs/robustness.md)
    pool.on_notice = [&](std::size_t, const DocumentNotice& notice) {
      if (notice.kind == DocumentNotice::Kind::kDecoded) {
        if (!options.quiet) std::cerr << "chronograph: note: " << notice.message << "\n";
        return;
      }
      const bool skip = notice.kind == DocumentNotice::Kind::kSkipped;
      std::cerr << "chronograph: warning: " << notice.message << (skip ? "; document skipped" : "") << "\n";
      if (skip) ++left_out;
    };
  }
  std::size_t bytes = 0, written_documents = 0;
  auto write_shard = [&](std::ostream& out) {
    out << exporters::ShardHeaderLine({options.chronograph_version, rules.value()->fingerprint()});
    Status s = ExtractAll(files.value(), *extractor.value(), pool,
                          [&](std::size_t, std::size_t document_bytes, extract::ExtractionResult result) {
                            bytes += document_bytes;
                            ++written_documents;
                            out << exporters::ShardRecordLine(result);
                            return out ? Status::Ok() : Status::IoError(options.out + ": write error");
                          });
    if (!s.ok()) return s;
    out.flush();
    return out ? Status::Ok() : Status::IoError(options.out + ": write error");
  };
  Status written = options.out == "-" ? write_shard(std::cout) : exporters::WriteFileAtomically(options.out, write_shard);
  if (!written.ok()) return written;
  if (skipped != nullptr) *skipped = left_out;
  if (!options.quiet) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f", std::chrono::duration<double>(Clock::now() - start).count());
    std::cerr << "chronograph: extract: " << written_documents
              << (written_documents == 1 ? " document, " : " documents, ") << (bytes >> 10) << " KiB in "
              << seconds << " s -> " << (options.out == "-" ? "standard output" : options.out) << "\n";
  }
  return Status::Ok();
}

}  // namespace chronograph::app
