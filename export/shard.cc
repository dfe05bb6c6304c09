#include "export/shard.h"

#include <algorithm>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "export/extraction_json.h"

namespace chronograph::exporters {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kHeaderStart = "{\"schema\":";

std::string Describe(const ShardHeader& h) {
  return "chronograph " + (h.chronograph.empty() ? std::string("(unknown)") : h.chronograph) + ", rules " +
         (h.rules.empty() ? std::string("(unknown: written before rules were fingerprinted)") : h.rules);
}

}  // namespace

std::string ShardHeaderLine(const ShardHeader& header) {
  Json line = Json::object();
  line["schema"] = kShardSchema;
  line["chronograph"] = header.chronograph;
  line["rules"] = header.rules;
  return line.dump() + "\n";
}

std::string ShardRecordLine(const extract::ExtractionResult& result) { return DumpExtractionLine(result) + "\n"; }

Status ShardMerger::CheckHeader(const ShardHeader& header, const std::string& where) {
  if (!has_header_) {
    header_ = header;
    header_from_ = where;
    has_header_ = true;
    return Status::Ok();
  }
  if (header.rules == header_.rules && header.chronograph == header_.chronograph) return Status::Ok();
  return Status::InvalidInput(where + ": made with " + Describe(header) + ", but " + header_from_ + " with " +
                              Describe(header_) +
                              "; extract every input again with one chronograph and one rules directory");
}

Status ShardMerger::AddLine(std::string_view line, const std::string& where) {
  if (line.substr(0, kHeaderStart.size()) == kHeaderStart) {
    ShardHeader header;
    try {
      const Json j = Json::parse(line);
      if (j.at("schema").get<std::string>() != kShardSchema) {
        return Status::InvalidInput(where + ": not a " + std::string(kShardSchema) + " header (schema " +
                                    j.at("schema").dump() + ")");
      }
      header.chronograph = j.at("chronograph").get<std::string>();
      header.rules = j.at("rules").get<std::string>();
    } catch (const nlohmann::json::exception& e) {
      return Status::InvalidInput(where + ": malformed shard header: " + e.what());
    }
    return CheckHeader(header, where);
  }
  Result<extract::ExtractionResult> record = ParseExtractionRecord(line);
  if (!record.ok()) return Status::InvalidInput(where + ": " + record.status().message());
  if (!records_) records_ = std::make_unique<graph::TempFile>(dir_);
  const std::uint64_t offset = records_->Append(line);
  entries_.push_back(Entry{record.value().document, record.value().content_hash, offset, line.size()});
  ++records_read_;
  ordered_ = false;
  return Status::Ok();
}

Status ShardMerger::AddShard(const std::string& path) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return Status::InvalidInput(path + ": cannot open shard");
    in = &file;
  }
  const std::string name = path == "-" ? "(standard input)" : path;
  bool saw_header = false;
  std::string line;
  int number = 0;
  while (std::getline(*in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::string where = name + ":" + std::to_string(number);
    if (line.front() != '{') {
      return Status::InvalidInput(where + ": not a chronograph shard line (a shard is JSON lines; see docs/formats.md)");
    }
    if (line.compare(0, kHeaderStart.size(), kHeaderStart) == 0) saw_header = true;
    if (Status s = AddLine(line, where); !s.ok()) return s;
  }
  if (in->bad()) return Status::IoError(name + ": read error");
  if (number == 0) return Status::InvalidInput(name + ": empty, not a shard");
  if (!saw_header) {
    return Status::InvalidInput(name + ": no " + std::string(kShardSchema) +
                                " header line: not a shard written by chronograph extract or merge");
  }
  return Status::Ok();
}

Status ShardMerger::AddExtractionJson(const std::string& path, const std::string& chronograph_version) {
  std::string rules;
  bool checked = false;
  return ReadExtractionJson(
      path,
      [&](extract::ExtractionResult&& r) -> Status {
        if (!checked) {
          if (Status s = CheckHeader(ShardHeader{chronograph_version, rules}, path); !s.ok()) return s;
          checked = true;
        }
        const std::string line = DumpExtractionLine(r);
        if (!records_) records_ = std::make_unique<graph::TempFile>(dir_);
        const std::uint64_t offset = records_->Append(line);
        entries_.push_back(Entry{r.document, r.content_hash, offset, line.size()});
        ++records_read_;
        ordered_ = false;
        return Status::Ok();
      },
      &rules);
}

void ShardMerger::Order() {
  if (ordered_) return;
  // Stable: of two copies of one document, the first read is kept. The copies
  // hold the same record (same text, same rules), so which one does not matter.
  std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return a.document != b.document ? a.document < b.document : a.content_hash < b.content_hash;
  });
  entries_.erase(std::unique(entries_.begin(), entries_.end(),
                             [](const Entry& a, const Entry& b) {
                               return a.document == b.document && a.content_hash == b.content_hash;
                             }),
                 entries_.end());
  ordered_ = true;
}

std::size_t ShardMerger::documents() {
  Order();
  return entries_.size();
}

Status ShardMerger::WriteShard(std::ostream& out) {
  if (!has_header_) return Status::InvalidInput("merge: no shard was read");
  Order();
  out << ShardHeaderLine(header_);
  std::string line;
  for (const Entry& e : entries_) {
    records_->Read(e.offset, e.length, &line);
    out << line << '\n';
  }
  return out ? Status::Ok() : Status::IoError("cannot write the merged shard");
}

Status ShardMerger::ForEach(const std::function<Status(extract::ExtractionResult&&)>& each) {
  Order();
  std::string line;
  for (const Entry& e : entries_) {
    records_->Read(e.offset, e.length, &line);
    Result<extract::ExtractionResult> record = ParseExtractionRecord(line);
    if (!record.ok()) return record.status();  // it parsed when it was added: the temp file is damaged
    if (Status s = each(std::move(record.value())); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace chronograph::exporters
