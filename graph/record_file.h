// Disk-backed storage for what grows with the corpus (dates, events,
// extraction records), so that RAM holds only aggregates.
//   TempFile: an anonymous file in TMPDIR (or a given directory), created
//     with mkstemp and unlinked at once: it vanishes when closed, whether
//     the process ends normally, on an error path or by a crash.
//   RecordFile<T>: an append-only sequence of T in a TempFile, keeping 8
//     bytes of RAM per record (its offset) for random access; sequential
//     scans read through a buffer. RecordCodec<T> turns a T into bytes.
// I/O failures (disk full, no TMPDIR) throw std::runtime_error naming the
// file: Add paths cannot return a Status, and main() reports exceptions.
// Not thread-safe for writing; const reads (operator[], scans) may run from
// many threads once writing is over (they use pread, never a shared offset).
#ifndef CHRONOGRAPH_GRAPH_RECORD_FILE_H_
#define CHRONOGRAPH_GRAPH_RECORD_FILE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extraction.h"

namespace chronograph::graph {

class TempFile {
 public:
  // dir "" = $TMPDIR, else /tmp. Throws std::runtime_error when no file
  // can be created there.
  explicit TempFile(const std::string& dir = "");
  ~TempFile();
  TempFile(TempFile&& other) noexcept;
  TempFile& operator=(TempFile&& other) noexcept;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  // Appends bytes (buffered); returns the offset they start at.
  std::uint64_t Append(std::string_view bytes);
  // Bytes written so far (buffered ones included).
  std::uint64_t size() const { return size_; }
  // Reads [offset, offset + length) into *out; flushes pending writes first
  // (hence not const-thread-safe while writing).
  void Read(std::uint64_t offset, std::size_t length, std::string* out) const;
  // Drops all content (truncates the file).
  void Clear();
  // Writes the buffer out; reads call it, so callers rarely need to.
  void Flush() const;

 private:
  int fd_ = -1;
  std::string where_;  // for messages
  mutable std::string buffer_;
  mutable std::uint64_t flushed_ = 0;
  std::uint64_t size_ = 0;
};

// Specialised below for the record types that go to disk.
template <class T>
struct RecordCodec;

template <>
struct RecordCodec<extract::Event> {
  static void Encode(const extract::Event& e, std::string* out);
  static void Decode(std::string_view bytes, extract::Event* e);  // bytes from Encode
};
template <>
struct RecordCodec<extract::DateMention> {
  static void Encode(const extract::DateMention& d, std::string* out);
  static void Decode(std::string_view bytes, extract::DateMention* d);
};
// A whole document's extraction, as ExtractionSpill keeps it: every field
// that extraction.json holds (sources without their document: it is the
// result's), so that decoding gives what ParseExtractionRecord gives for
// the same result's extraction.json record, without parsing JSON.
template <>
struct RecordCodec<extract::ExtractionResult> {
  static void Encode(const extract::ExtractionResult& r, std::string* out);
  static void Decode(std::string_view bytes, extract::ExtractionResult* r);
};

// Reads a TempFile through a buffer of `chunk` bytes: front to back (every
// read after the first is a memory copy until the chunk is used up), or
// forward with gaps (a record within `chunk` of the buffer's end brings a
// new chunk; one farther away is read alone).
class SequentialReader {
 public:
  SequentialReader(const TempFile* file, std::size_t chunk = 256 << 10) : file_(file), chunk_(chunk) {}
  // The bytes [offset, offset + length); valid until the next call.
  std::string_view Get(std::uint64_t offset, std::size_t length);

 private:
  const TempFile* file_;
  std::size_t chunk_;
  std::string buffer_;
  std::uint64_t buffer_start_ = 0;
};

template <class T, class Codec = RecordCodec<T>>
class RecordFile {
 public:
  // A change made to each record as it is read (e.g. by ExternalSort).
  using Transform = std::function<void(T*)>;

  explicit RecordFile(const std::string& dir = "") : dir_(dir) {}
  RecordFile(RecordFile&&) noexcept = default;
  RecordFile& operator=(RecordFile&&) noexcept = default;

  void Append(const T& record) {
    scratch_.clear();
    Codec::Encode(record, &scratch_);
    AppendEncoded(scratch_);
  }
  // Appends bytes that Codec::Encode made.
  void AppendEncoded(std::string_view bytes) {
    if (!file_) file_ = std::make_unique<TempFile>(dir_);
    offsets_.push_back(file_->Append(bytes));
  }
  void Clear() {
    offsets_.clear();
    offsets_.shrink_to_fit();
    if (file_) file_->Clear();
  }
  std::size_t size() const { return offsets_.size(); }
  bool empty() const { return offsets_.empty(); }
  std::uint64_t bytes() const { return file_ ? file_->size() : 0; }
  const std::string& dir() const { return dir_; }

  // Record i, decoded (one pread). Precondition: i < size().
  T operator[](std::size_t i) const {
    std::string bytes;
    file_->Read(offsets_[i], Length(i), &bytes);
    T record;
    Codec::Decode(bytes, &record);
    return record;
  }

  // Record i read through `window` (Window()): when successive reads are
  // near each other and in file order, as one entity's events are, most
  // are memory copies instead of one pread each.
  void ReadThrough(std::size_t i, SequentialReader* window, T* out) const {
    *out = T();
    Codec::Decode(window->Get(offsets_[i], Length(i)), out);
  }
  // A window of `chunk` bytes over the file, for ReadThrough; one per thread.
  SequentialReader Window(std::size_t chunk = 64 << 10) const { return SequentialReader(file_.get(), chunk); }

  // Sequential cursor: Next() decodes the next record into *out.
  class Cursor {
   public:
    explicit Cursor(const RecordFile* file) : file_(file), reader_(file->file_.get()) {}
    bool Next(T* out) {
      if (next_ >= file_->size()) return false;
      *out = T();
      Codec::Decode(NextBytes(), out);
      return true;
    }
    // The next record's encoded bytes, valid until the next call.
    std::string_view NextBytes() {
      const std::size_t i = next_++;
      return reader_.Get(file_->offsets_[i], file_->Length(i));
    }
    bool Done() const { return next_ >= file_->size(); }

   private:
    const RecordFile* file_;
    SequentialReader reader_;
    std::size_t next_ = 0;
  };
  Cursor Scan() const { return Cursor(this); }

  // Input iterator over the records in order, for range-for loops. Copies
  // share one cursor (as input iterators may).
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    Iterator() = default;
    explicit Iterator(const RecordFile* file) : state_(std::make_shared<State>(file)) { Advance(); }
    const T& operator*() const { return state_->current; }
    const T* operator->() const { return &state_->current; }
    Iterator& operator++() {
      Advance();
      return *this;
    }
    void operator++(int) { Advance(); }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.AtEnd() == b.AtEnd(); }
    friend bool operator!=(const Iterator& a, const Iterator& b) { return !(a == b); }

   private:
    struct State {
      explicit State(const RecordFile* file) : cursor(file) {}
      Cursor cursor;
      T current;
      bool done = false;
    };
    void Advance() {
      if (state_ && !state_->cursor.Next(&state_->current)) state_->done = true;
    }
    bool AtEnd() const { return !state_ || state_->done; }
    std::shared_ptr<State> state_;
  };
  Iterator begin() const { return empty() ? Iterator() : Iterator(this); }
  Iterator end() const { return Iterator(); }

 private:
  std::size_t Length(std::size_t i) const {
    const std::uint64_t end = i + 1 < offsets_.size() ? offsets_[i + 1] : file_->size();
    return static_cast<std::size_t>(end - offsets_[i]);
  }

  std::string dir_;
  std::unique_ptr<TempFile> file_;
  std::vector<std::uint64_t> offsets_;
  std::string scratch_;
};

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_RECORD_FILE_H_
