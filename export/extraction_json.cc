#include "export/extraction_json.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/extraction_spill.h"
#include "export/json_output.h"

namespace chronograph::exporters {
namespace {

using Json = nlohmann::ordered_json;

Json SourceJson(const extract::SourceRef& s) {
  return Json::array({s.document, s.line, s.begin, s.end});
}

extract::SourceRef SourceFrom(const Json& j) {
  return {j.at(0).get<std::string>(), j.at(1).get<int>(), j.at(2).get<std::size_t>(), j.at(3).get<std::size_t>()};
}

Json ResultJson(const extract::ExtractionResult& r) {
  Json doc = Json::object();
  doc["document"] = r.document;
  doc["content_hash"] = r.content_hash;
  doc["reference_date"] = r.reference_date;
  doc["reference_date_origin"] = r.reference_date_origin;
  Json sentences = Json::array();
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    sentences.push_back({{"source", SourceJson(r.sentences[i])},
                         {"text", i < r.sentence_texts.size() ? r.sentence_texts[i] : std::string()}});
  }
  doc["sentences"] = std::move(sentences);
  Json mentions = Json::array();
  for (const extract::Mention& m : r.mentions) {
    mentions.push_back({{"entity_id", m.entity_id}, {"canonical", m.canonical}, {"type", m.type},
                        {"surface", m.surface}, {"sentence", m.sentence}, {"source", SourceJson(m.source)},
                        {"rule_id", m.rule_id}, {"wikidata", m.wikidata}});
  }
  doc["mentions"] = std::move(mentions);
  Json dates = Json::array();
  for (const extract::DateMention& d : r.dates) {
    dates.push_back({{"text", d.text}, {"value", d.value}, {"mod", d.mod}, {"kind", d.kind},
                     {"sentence", d.sentence}, {"source", SourceJson(d.source)}, {"rule_id", d.rule_id},
                     {"anchor", d.anchor}});
  }
  doc["dates"] = std::move(dates);
  Json events = Json::array();
  for (const extract::Event& e : r.events) {
    Json relations = Json::array();
    for (const auto& s : e.relations) relations.push_back({{"type", s.type}, {"from", s.from_id}, {"to", s.to_id}});
    events.push_back({{"date", e.date}, {"mod", e.mod}, {"date_text", e.date_text}, {"entity_ids", e.entity_ids},
                      {"text", e.text}, {"source", SourceJson(e.source)}, {"relations", std::move(relations)}});
  }
  doc["events"] = std::move(events);
  Json relations = Json::array();
  for (const extract::Relation& rel : r.relations) {
    relations.push_back({{"type", rel.type}, {"from", rel.from_id}, {"to", rel.to_id}, {"date", rel.date},
                         {"evidence", rel.evidence}, {"source", SourceJson(rel.source)}, {"rule_id", rel.rule_id}});
  }
  doc["relations"] = std::move(relations);
  return doc;
}

extract::ExtractionResult ResultFrom(const Json& doc) {
  extract::ExtractionResult r;
  r.document = doc.at("document").get<std::string>();
  r.content_hash = doc.value("content_hash", std::string());  // absent in files of older versions
  r.reference_date = doc.at("reference_date").get<std::string>();
  r.reference_date_origin = doc.at("reference_date_origin").get<std::string>();
  for (const Json& s : doc.at("sentences")) {
    r.sentences.push_back(SourceFrom(s.at("source")));
    r.sentence_texts.push_back(s.at("text").get<std::string>());
  }
  for (const Json& m : doc.at("mentions")) {
    r.mentions.push_back({m.at("entity_id").get<std::string>(), m.at("canonical").get<std::string>(),
                          m.at("type").get<std::string>(), m.at("surface").get<std::string>(),
                          m.at("sentence").get<int>(), SourceFrom(m.at("source")), m.at("rule_id").get<std::string>(),
                          m.at("wikidata").get<std::string>()});
  }
  for (const Json& d : doc.at("dates")) {
    r.dates.push_back({d.at("text").get<std::string>(), d.at("value").get<std::string>(), d.at("mod").get<std::string>(),
                       d.at("kind").get<std::string>(), d.at("sentence").get<int>(), SourceFrom(d.at("source")),
                       d.at("rule_id").get<std::string>(), d.at("anchor").get<std::string>()});
  }
  for (const Json& e : doc.at("events")) {
    extract::Event event;
    event.date = e.at("date").get<std::string>();
    event.mod = e.at("mod").get<std::string>();
    event.date_text = e.at("date_text").get<std::string>();
    event.entity_ids = e.at("entity_ids").get<std::vector<std::string>>();
    event.text = e.at("text").get<std::string>();
    event.source = SourceFrom(e.at("source"));
    for (const Json& s : e.at("relations")) {
      event.relations.push_back({s.at("type").get<std::string>(), s.at("from").get<std::string>(),
                                 s.at("to").get<std::string>()});
    }
    r.events.push_back(std::move(event));
  }
  for (const Json& rel : doc.at("relations")) {
    r.relations.push_back({rel.at("type").get<std::string>(), rel.at("from").get<std::string>(),
                           rel.at("to").get<std::string>(), rel.at("date").get<std::string>(),
                           rel.at("evidence").get<std::string>(), SourceFrom(rel.at("source")),
                           rel.at("rule_id").get<std::string>()});
  }
  return r;
}

}  // namespace

std::string DumpExtractionRecord(const extract::ExtractionResult& result) {
  return ResultJson(result).dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

std::string DumpExtractionLine(const extract::ExtractionResult& result) {
  return ResultJson(result).dump(-1, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

Result<extract::ExtractionResult> ParseExtractionRecord(std::string_view text) {
  try {
    return ResultFrom(Json::parse(text));
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(std::string("malformed extraction record: ") + e.what());
  }
}

Status WriteExtractionJson(const std::vector<extract::ExtractionResult>& results, const std::string& rules,
                           std::ostream& out) {
  ExtractionSpill spill;
  spill.set_rules(rules);
  for (const extract::ExtractionResult& r : results) spill.Add(r);
  return spill.WriteExtractionJson(out);
}

namespace {

// SAX handler: checks the schema and builds one DOM per element of
// "documents" (depth 3), handing each over as soon as it is complete.
class DocumentsSax : public nlohmann::json_sax<Json> {
 public:
  explicit DocumentsSax(const std::function<Status(extract::ExtractionResult&&)>& each) : each_(each) {}

  bool null() override { return Put(Json(nullptr)); }
  bool boolean(bool v) override { return Put(Json(v)); }
  bool number_integer(number_integer_t v) override { return Put(Json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Put(Json(v)); }
  bool number_float(number_float_t v, const string_t&) override { return Put(Json(v)); }
  bool string(string_t& v) override {
    if (depth_ == 1 && key_ == "schema") schema_ = v;
    if (depth_ == 1 && key_ == "rules") rules_ = v;
    return Put(Json(std::move(v)));
  }
  bool binary(binary_t&) override { return Put(Json()); }
  bool start_object(std::size_t) override { return Open(Json::object()); }
  bool start_array(std::size_t) override { return Open(Json::array()); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& k) override {
    if (depth_ == 1) key_ = k;
    if (!stack_.empty()) pending_key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error_ = Status::InvalidInput(std::string("malformed extraction record: ") + e.what());
    return false;
  }

  const Status& error() const { return error_; }
  const std::string& schema() const { return schema_; }
  const std::string& rules() const { return rules_; }
  bool saw_documents() const { return saw_documents_; }

 private:
  bool InDocuments() const { return depth_ >= 2 && documents_depth_ == 2; }
  // A scalar or a finished container at the current place.
  bool Put(Json value) {
    if (stack_.empty()) return true;  // outside a document: only the schema matters
    Json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
    } else {
      parent[pending_key_] = std::move(value);
    }
    return true;
  }
  bool Open(Json empty) {
    ++depth_;
    if (depth_ == 2 && key_ == "documents" && empty.is_array()) {
      documents_depth_ = 2;
      saw_documents_ = true;
      return true;
    }
    if (depth_ == 3 && documents_depth_ == 2) {
      current_ = std::move(empty);
      stack_.push_back(&current_);
      return true;
    }
    if (stack_.empty()) return true;
    Json& parent = *stack_.back();
    Json* child;
    if (parent.is_array()) {
      parent.push_back(std::move(empty));
      child = &parent.back();
    } else {
      child = &(parent[pending_key_] = std::move(empty));
    }
    stack_.push_back(child);
    return true;
  }
  bool Close() {
    if (!stack_.empty()) stack_.pop_back();
    if (depth_ == 3 && documents_depth_ == 2) {
      try {
        extract::ExtractionResult r = ResultFrom(current_);
        current_ = Json();
        error_ = each_(std::move(r));
      } catch (const nlohmann::json::exception& e) {
        error_ = Status::InvalidInput(std::string("malformed extraction record: ") + e.what());
      }
      if (!error_.ok()) return false;
    }
    if (depth_ == 2 && documents_depth_ == 2) documents_depth_ = 0;
    --depth_;
    return true;
  }

  const std::function<Status(extract::ExtractionResult&&)>& each_;
  int depth_ = 0;
  int documents_depth_ = 0;
  std::string key_;          // the last key of the root object
  std::string pending_key_;  // the last key inside a document
  std::string schema_;
  std::string rules_;
  bool saw_documents_ = false;
  Json current_;
  std::vector<Json*> stack_;
  Status error_;
};

}  // namespace

Status ReadExtractionJson(const std::string& path,
                          const std::function<Status(extract::ExtractionResult&&)>& each, std::string* rules) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput(path + ": cannot open (merge needs the extraction.json that build writes)");
  // The schema comes first in our files: hold back documents until it has
  // been seen, so that another file's content is refused, not half read.
  bool checked = false;
  Status schema_error;
  const std::string want = kExtractionSchema;
  DocumentsSax* sax_ptr = nullptr;
  const std::function<Status(extract::ExtractionResult&&)> guarded = [&](extract::ExtractionResult&& r) -> Status {
    if (!checked) {
      if (sax_ptr->schema() != want) return Status::InvalidInput(path + ": not a " + want + " file");
      if (rules != nullptr) *rules = sax_ptr->rules();
      checked = true;
    }
    return each(std::move(r));
  };
  DocumentsSax sax(guarded);
  sax_ptr = &sax;
  bool ok = false;
  try {
    ok = Json::sax_parse(in, &sax);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(path + ": malformed extraction record: " + e.what());
  }
  if (!ok) {
    const Status& e = sax.error();
    if (e.ok()) return Status::InvalidInput(path + ": malformed extraction record");
    // Errors of `each` pass through; parse errors get the path.
    if (e.message().rfind("malformed", 0) == 0) return Status::InvalidInput(path + ": " + e.message());
    return e;
  }
  if (sax.schema() != want) return Status::InvalidInput(path + ": not a " + want + " file");
  if (rules != nullptr) *rules = sax.rules();
  if (!sax.saw_documents()) {
    return Status::InvalidInput(path + ": malformed extraction record: no \"documents\" list");
  }
  return Status::Ok();
}

Result<std::vector<extract::ExtractionResult>> ReadExtractionJson(const std::string& path) {
  std::vector<extract::ExtractionResult> results;
  Status s = ReadExtractionJson(path, [&results](extract::ExtractionResult&& r) {
    results.push_back(std::move(r));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return results;
}

}  // namespace chronograph::exporters
