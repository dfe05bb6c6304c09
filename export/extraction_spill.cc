#include "export/extraction_spill.h"

#include <algorithm>

#include "export/extraction_json.h"
#include "export/json_output.h"

namespace chronograph::exporters {

void ExtractionSpill::Add(const extract::ExtractionResult& result) {
  if (!file_) file_ = std::make_unique<graph::TempFile>(dir_);
  std::string record;
  graph::RecordCodec<extract::ExtractionResult>::Encode(result, &record);
  const std::uint64_t offset = file_->Append(record);
  entries_.push_back(Entry{result.document, result.content_hash, offset, record.size()});
}

Result<extract::ExtractionResult> ExtractionSpill::Get(std::size_t i) const {
  std::string bytes;
  file_->Read(entries_[i].offset, entries_[i].length, &bytes);
  extract::ExtractionResult result;
  graph::RecordCodec<extract::ExtractionResult>::Decode(bytes, &result);
  return result;
}

std::vector<std::size_t> ExtractionSpill::Order() const {
  // Sorted by document and content, so that the file does not depend on input order.
  std::vector<std::size_t> order(entries_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [this](std::size_t a, std::size_t b) {
                     const Entry& x = entries_[a];
                     const Entry& y = entries_[b];
                     return x.document != y.document ? x.document < y.document : x.content_hash < y.content_hash;
                   });
  return order;
}

Status ExtractionSpill::ForEachInOrder(const std::function<Status(const extract::ExtractionResult&)>& each) const {
  for (std::size_t i : Order()) {
    Result<extract::ExtractionResult> record = Get(i);
    if (!record.ok()) return record.status();
    if (Status s = each(record.value()); !s.ok()) return s;
  }
  return Status::Ok();
}

Status ExtractionSpill::WriteExtractionJson(std::ostream& out) const {
  const std::vector<std::size_t> order = Order();
  JsonStreamWriter writer(out, "extraction.json");
  writer.BeginObject();
  writer.Key("schema");
  writer.Value(kExtractionSchema);
  writer.Key("rules");
  writer.Value(rules_);
  writer.Key("documents");
  writer.BeginArray();
  for (std::size_t i : order) {
    Result<extract::ExtractionResult> record = Get(i);
    if (!record.ok()) return record.status();
    writer.ValueText(DumpExtractionLine(record.value()));
  }
  writer.End();
  writer.End();
  return writer.Finish();
}

}  // namespace chronograph::exporters
