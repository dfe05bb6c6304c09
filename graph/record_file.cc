#include "graph/record_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace chronograph::graph {
namespace {

constexpr std::size_t kWriteBuffer = 1 << 20;

[[noreturn]] void Fail(const std::string& where, const char* what) {
  throw std::runtime_error(where + ": " + what + ": " + std::strerror(errno));
}

// Encoding: unsigned LEB128 varints; strings as length + bytes.
void PutVarint(std::uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
void PutInt(int v, std::string* out) {  // zigzag: lines are never negative, but be safe
  PutVarint((static_cast<std::uint64_t>(static_cast<std::uint32_t>(v)) << 1) ^ (v < 0 ? ~std::uint64_t{0} : 0), out);
}
void PutString(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

class Decoder {
 public:
  explicit Decoder(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t Varint() {
    std::uint64_t v = 0;
    for (int shift = 0; pos_ < bytes_.size(); shift += 7) {
      const auto c = static_cast<unsigned char>(bytes_[pos_++]);
      v |= static_cast<std::uint64_t>(c & 0x7F) << shift;
      if ((c & 0x80) == 0) break;
    }
    return v;
  }
  int Int() {
    const std::uint64_t z = Varint();
    return static_cast<int>(static_cast<std::uint32_t>((z >> 1) ^ (~(z & 1) + 1)));
  }
  std::string String() {
    const std::size_t n = static_cast<std::size_t>(Varint());
    std::string s(bytes_.substr(pos_, n));
    pos_ += n;
    return s;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

void PutSource(const extract::SourceRef& s, std::string* out) {
  PutString(s.document, out);
  PutInt(s.line, out);
  PutVarint(s.begin, out);
  PutVarint(s.end, out);
}
// A source whose document is known from context (the record's own).
void PutPlace(const extract::SourceRef& s, std::string* out) {
  PutInt(s.line, out);
  PutVarint(s.begin, out);
  PutVarint(s.end, out);
}
extract::SourceRef GetPlace(Decoder* d, const std::string& document) {
  extract::SourceRef s;
  s.document = document;
  s.line = d->Int();
  s.begin = static_cast<std::size_t>(d->Varint());
  s.end = static_cast<std::size_t>(d->Varint());
  return s;
}

extract::SourceRef GetSource(Decoder* d) {
  extract::SourceRef s;
  s.document = d->String();
  s.line = d->Int();
  s.begin = static_cast<std::size_t>(d->Varint());
  s.end = static_cast<std::size_t>(d->Varint());
  return s;
}

}  // namespace

TempFile::TempFile(const std::string& dir) {
  std::string base = dir;
  if (base.empty()) {
    const char* env = std::getenv("TMPDIR");
    base = env != nullptr && *env != '\0' ? env : "/tmp";
  }
  std::string path = base + "/.chronograph-spill-XXXXXX";
  fd_ = ::mkstemp(path.data());
  where_ = path;
  if (fd_ < 0) Fail(where_, "cannot create a temporary file");
  ::unlink(path.c_str());  // nameless from now on: gone when closed
}

TempFile::~TempFile() {
  if (fd_ >= 0) ::close(fd_);
}

TempFile::TempFile(TempFile&& other) noexcept
    : fd_(other.fd_), where_(std::move(other.where_)), buffer_(std::move(other.buffer_)),
      flushed_(other.flushed_), size_(other.size_) {
  other.fd_ = -1;
}

TempFile& TempFile::operator=(TempFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    where_ = std::move(other.where_);
    buffer_ = std::move(other.buffer_);
    flushed_ = other.flushed_;
    size_ = other.size_;
    other.fd_ = -1;
  }
  return *this;
}

std::uint64_t TempFile::Append(std::string_view bytes) {
  const std::uint64_t at = size_;
  buffer_.append(bytes);
  size_ += bytes.size();
  if (buffer_.size() >= kWriteBuffer) Flush();
  return at;
}

void TempFile::Flush() const {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::pwrite(fd_, buffer_.data() + done, buffer_.size() - done,
                               static_cast<off_t>(flushed_ + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      Fail(where_, "cannot write the temporary file");
    }
    done += static_cast<std::size_t>(n);
  }
  flushed_ += buffer_.size();
  buffer_.clear();
}

void TempFile::Read(std::uint64_t offset, std::size_t length, std::string* out) const {
  if (!buffer_.empty()) Flush();
  out->resize(length);
  std::size_t done = 0;
  while (done < length) {
    const ssize_t n = ::pread(fd_, out->data() + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) Fail(where_, "cannot read the temporary file");
    done += static_cast<std::size_t>(n);
  }
}

void TempFile::Clear() {
  buffer_.clear();
  buffer_.shrink_to_fit();
  if (::ftruncate(fd_, 0) != 0) Fail(where_, "cannot truncate the temporary file");
  flushed_ = 0;
  size_ = 0;
}

std::string_view SequentialReader::Get(std::uint64_t offset, std::size_t length) {
  const std::uint64_t buffer_end = buffer_start_ + buffer_.size();
  if (offset < buffer_start_ || offset + length > buffer_end) {
    // A chunk when reading on (the first read, or a record close after the
    // buffer): the next records are probably there too. A record far away
    // is read alone, so that scattered reads copy no chunk each.
    const bool reading_on = buffer_.empty() || (offset >= buffer_end && offset - buffer_end < chunk_);
    const std::uint64_t available = file_->size() - offset;
    const std::size_t want =
        static_cast<std::size_t>(std::min<std::uint64_t>(available, reading_on ? std::max(chunk_, length) : length));
    file_->Read(offset, want, &buffer_);
    buffer_start_ = offset;
  }
  return std::string_view(buffer_).substr(static_cast<std::size_t>(offset - buffer_start_), length);
}

namespace {

// A record's source: with its document (records on their own), or without
// it when the enclosing ExtractionResult names it (`document` not null).
void PutSourceOf(const extract::SourceRef& s, bool with_document, std::string* out) {
  if (with_document) {
    PutSource(s, out);
  } else {
    PutPlace(s, out);
  }
}
extract::SourceRef GetSourceOf(Decoder* d, const std::string* document) {
  return document != nullptr ? GetPlace(d, *document) : GetSource(d);
}

void PutEvent(const extract::Event& e, bool with_document, std::string* out) {
  PutString(e.date, out);
  PutString(e.mod, out);
  PutString(e.date_text, out);
  PutVarint(e.entity_ids.size(), out);
  for (const std::string& id : e.entity_ids) PutString(id, out);
  PutString(e.text, out);
  PutSourceOf(e.source, with_document, out);
  PutVarint(e.relations.size(), out);
  for (const extract::Event::StatedRelation& r : e.relations) {
    PutString(r.type, out);
    PutString(r.from_id, out);
    PutString(r.to_id, out);
  }
}
void GetEvent(Decoder* d, const std::string* document, extract::Event* e) {
  e->date = d->String();
  e->mod = d->String();
  e->date_text = d->String();
  e->entity_ids.resize(static_cast<std::size_t>(d->Varint()));
  for (std::string& id : e->entity_ids) id = d->String();
  e->text = d->String();
  e->source = GetSourceOf(d, document);
  e->relations.resize(static_cast<std::size_t>(d->Varint()));
  for (extract::Event::StatedRelation& r : e->relations) {
    r.type = d->String();
    r.from_id = d->String();
    r.to_id = d->String();
  }
}

void PutDate(const extract::DateMention& m, bool with_document, std::string* out) {
  PutString(m.text, out);
  PutString(m.value, out);
  PutString(m.mod, out);
  PutString(m.kind, out);
  PutInt(m.sentence, out);
  PutSourceOf(m.source, with_document, out);
  PutString(m.rule_id, out);
  PutString(m.anchor, out);
}
void GetDate(Decoder* d, const std::string* document, extract::DateMention* m) {
  m->text = d->String();
  m->value = d->String();
  m->mod = d->String();
  m->kind = d->String();
  m->sentence = d->Int();
  m->source = GetSourceOf(d, document);
  m->rule_id = d->String();
  m->anchor = d->String();
}

}  // namespace

void RecordCodec<extract::Event>::Encode(const extract::Event& e, std::string* out) { PutEvent(e, true, out); }

void RecordCodec<extract::Event>::Decode(std::string_view bytes, extract::Event* e) {
  Decoder d(bytes);
  GetEvent(&d, nullptr, e);
}

void RecordCodec<extract::DateMention>::Encode(const extract::DateMention& m, std::string* out) {
  PutDate(m, true, out);
}

void RecordCodec<extract::DateMention>::Decode(std::string_view bytes, extract::DateMention* m) {
  Decoder d(bytes);
  GetDate(&d, nullptr, m);
}

void RecordCodec<extract::ExtractionResult>::Encode(const extract::ExtractionResult& r, std::string* out) {
  PutString(r.document, out);
  PutString(r.content_hash, out);
  PutString(r.reference_date, out);
  PutString(r.reference_date_origin, out);
  PutVarint(r.sentences.size(), out);
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    PutPlace(r.sentences[i], out);
    PutString(i < r.sentence_texts.size() ? std::string_view(r.sentence_texts[i]) : std::string_view(), out);
  }
  PutVarint(r.mentions.size(), out);
  for (const extract::Mention& m : r.mentions) {
    PutString(m.entity_id, out);
    PutString(m.canonical, out);
    PutString(m.type, out);
    PutString(m.surface, out);
    PutInt(m.sentence, out);
    PutPlace(m.source, out);
    PutString(m.rule_id, out);
    PutString(m.wikidata, out);
  }
  PutVarint(r.dates.size(), out);
  for (const extract::DateMention& m : r.dates) PutDate(m, false, out);
  PutVarint(r.events.size(), out);
  for (const extract::Event& e : r.events) PutEvent(e, false, out);
  PutVarint(r.relations.size(), out);
  for (const extract::Relation& rel : r.relations) {
    PutString(rel.type, out);
    PutString(rel.from_id, out);
    PutString(rel.to_id, out);
    PutString(rel.date, out);
    PutString(rel.evidence, out);
    PutPlace(rel.source, out);
    PutString(rel.rule_id, out);
  }
}

void RecordCodec<extract::ExtractionResult>::Decode(std::string_view bytes, extract::ExtractionResult* r) {
  Decoder d(bytes);
  r->document = d.String();
  r->content_hash = d.String();
  r->reference_date = d.String();
  r->reference_date_origin = d.String();
  const std::string& document = r->document;
  const auto count = [&d] { return static_cast<std::size_t>(d.Varint()); };
  r->sentences.resize(count());
  r->sentence_texts.resize(r->sentences.size());
  for (std::size_t i = 0; i < r->sentences.size(); ++i) {
    r->sentences[i] = GetPlace(&d, document);
    r->sentence_texts[i] = d.String();
  }
  r->mentions.resize(count());
  for (extract::Mention& m : r->mentions) {
    m.entity_id = d.String();
    m.canonical = d.String();
    m.type = d.String();
    m.surface = d.String();
    m.sentence = d.Int();
    m.source = GetPlace(&d, document);
    m.rule_id = d.String();
    m.wikidata = d.String();
  }
  r->dates.resize(count());
  for (extract::DateMention& m : r->dates) GetDate(&d, &document, &m);
  r->events.resize(count());
  for (extract::Event& e : r->events) GetEvent(&d, &document, &e);
  r->relations.resize(count());
  for (extract::Relation& rel : r->relations) {
    rel.type = d.String();
    rel.from_id = d.String();
    rel.to_id = d.String();
    rel.date = d.String();
    rel.evidence = d.String();
    rel.source = GetPlace(&d, document);
    rel.rule_id = d.String();
  }
}

}  // namespace chronograph::graph
