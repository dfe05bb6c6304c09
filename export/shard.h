// Shards: what `chronograph extract` writes and `chronograph merge` reads, so
// that documents can be extracted anywhere (threads, machines, a cluster)
// and combined exactly. A shard is JSON lines (docs/formats.md):
//   {"schema":"chronograph.shard/1","chronograph":"0.1.0","rules":"<fingerprint>"}
//   {"document":"a.txt","content_hash":"…", …one extraction record…}
// Lines are self-contained, so shards may be concatenated, and their lines
// reordered (as Hadoop's shuffle does): a stream holds header lines
// anywhere, all equal, and record lines. A document is identified by its
// name and content hash; a second copy of one counts once.
// ShardMerger indexes any number of shards (and extraction.json files)
// while copying their records to one temporary file, keeping a few dozen
// bytes per document in RAM; its output does not depend on the order or
// grouping of its inputs. Not thread-safe.
#ifndef CHRONOGRAPH_EXPORT_SHARD_H_
#define CHRONOGRAPH_EXPORT_SHARD_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "extract/extraction.h"
#include "extract/status.h"
#include "graph/record_file.h"

namespace chronograph::exporters {

inline constexpr char kShardSchema[] = "chronograph.shard/1";

// What a set of records was made with; shards are merged only when equal.
struct ShardHeader {
  std::string chronograph;  // program version
  std::string rules;        // RuleSet::fingerprint
};

// The header line and one document's record line, each ending in '\n'.
std::string ShardHeaderLine(const ShardHeader& header);
std::string ShardRecordLine(const extract::ExtractionResult& result);

class ShardMerger {
 public:
  // dir "" = $TMPDIR, else /tmp: where the records are copied.
  explicit ShardMerger(const std::string& dir = "") : dir_(dir) {}
  ShardMerger(const ShardMerger&) = delete;
  ShardMerger& operator=(const ShardMerger&) = delete;

  // Reads a shard file ("-" = standard input). Fails, naming the file and
  // line, on a line that is neither header nor record, a file without a
  // header, or a header unlike those already read (another rules version
  // or program version).
  Status AddShard(const std::string& path);
  // Reads an extraction.json (the file build and merge write beside the
  // graph); it counts as a shard with that file's rules fingerprint.
  Status AddExtractionJson(const std::string& path, const std::string& chronograph_version);

  // Records read so far, duplicates included; distinct documents (this
  // orders what was read, so call it once all inputs are added).
  std::size_t records_read() const { return records_read_; }
  std::size_t documents();
  const ShardHeader& header() const { return header_; }

  // The merged shard: one header line, then each distinct document's line,
  // sorted by name and content hash. Needs at least one input.
  Status WriteShard(std::ostream& out);
  // Each distinct document, in the same order, one in RAM at a time.
  Status ForEach(const std::function<Status(extract::ExtractionResult&&)>& each);

 private:
  struct Entry {
    std::string document;
    std::string content_hash;
    std::uint64_t offset = 0;
    std::size_t length = 0;  // of the line, without '\n'
  };
  Status AddLine(std::string_view line, const std::string& where);
  Status CheckHeader(const ShardHeader& header, const std::string& where);
  // Sorts entries_ and drops repeated documents (once).
  void Order();

  std::string dir_;
  std::unique_ptr<graph::TempFile> records_;
  std::vector<Entry> entries_;
  std::size_t records_read_ = 0;
  bool ordered_ = false;
  bool has_header_ = false;
  ShardHeader header_;
  std::string header_from_;  // the input that set header_, for messages
};

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_SHARD_H_
