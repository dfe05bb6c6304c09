#include "export/extraction_json.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>
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

// --- Writing: straight into a string, no DOM (this runs once per document
// on the thread that builds the graph, so it must be cheap). ---

// A JSON string as nlohmann's dump writes it (json_output.h).
void AppendString(std::string* out, std::string_view s) { AppendJsonString(s, out); }

void AppendNumber(std::string* out, std::uint64_t n) { out->append(std::to_string(n)); }

// Interns strings that repeat across a record (entities' attributes, rule
// ids) into a table written once, in first-use order.
class Table {
 public:
  std::size_t Index(const std::string& key) {
    auto [it, inserted] = index_.emplace(key, keys_.size());
    if (inserted) keys_.push_back(&it->first);
    return it->second;
  }
  const std::vector<const std::string*>& keys() const { return keys_; }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<const std::string*> keys_;
};

// line, begin, end of a source; its document is the record's.
void AppendPlace(std::string* out, const extract::SourceRef& s) {
  AppendNumber(out, static_cast<std::uint64_t>(s.line));
  out->push_back(',');
  AppendNumber(out, s.begin);
  out->push_back(',');
  AppendNumber(out, s.end);
}

std::string RecordLine(const extract::ExtractionResult& r) {
  std::string out;
  out.reserve(256 + 96 * (r.mentions.size() + r.sentences.size()));
  out.append("{\"document\":");
  AppendString(&out, r.document);
  out.append(",\"content_hash\":");
  AppendString(&out, r.content_hash);
  out.append(",\"reference_date\":");
  AppendString(&out, r.reference_date);
  out.append(",\"reference_date_origin\":");
  AppendString(&out, r.reference_date_origin);

  out.append(",\"sentences\":[");
  for (std::size_t i = 0; i < r.sentences.size(); ++i) {
    out.append(i == 0 ? "[" : ",[");
    AppendPlace(&out, r.sentences[i]);
    out.push_back(',');
    AppendString(&out, i < r.sentence_texts.size() ? r.sentence_texts[i] : std::string());
    out.push_back(']');
  }

  Table entities, rules;
  std::vector<const extract::Mention*> first_of_entity;
  std::string mentions;
  for (std::size_t i = 0; i < r.mentions.size(); ++i) {
    const extract::Mention& m = r.mentions[i];
    // Keyed by every attribute, not the id alone: two rules may give one id
    // different types, and the record keeps what each mention said.
    const std::size_t e = entities.Index(m.entity_id + '\0' + m.canonical + '\0' + m.type + '\0' + m.wikidata);
    if (e == first_of_entity.size()) first_of_entity.push_back(&m);
    mentions.append(i == 0 ? "[" : ",[");
    AppendNumber(&mentions, e);
    mentions.push_back(',');
    AppendString(&mentions, m.surface);
    mentions.push_back(',');
    AppendNumber(&mentions, static_cast<std::uint64_t>(m.sentence));
    mentions.push_back(',');
    AppendPlace(&mentions, m.source);
    mentions.push_back(',');
    AppendNumber(&mentions, rules.Index(m.rule_id));
    mentions.push_back(']');
  }
  out.append("],\"entities\":[");
  for (std::size_t i = 0; i < first_of_entity.size(); ++i) {
    const extract::Mention& m = *first_of_entity[i];
    out.append(i == 0 ? "[" : ",[");
    AppendString(&out, m.entity_id);
    out.push_back(',');
    AppendString(&out, m.canonical);
    out.push_back(',');
    AppendString(&out, m.type);
    out.push_back(',');
    AppendString(&out, m.wikidata);
    out.push_back(']');
  }
  out.append("],\"mentions\":[");
  out.append(mentions);

  out.append("],\"dates\":[");
  for (std::size_t i = 0; i < r.dates.size(); ++i) {
    const extract::DateMention& d = r.dates[i];
    out.append(i == 0 ? "[" : ",[");
    for (const std::string* field : {&d.text, &d.value, &d.mod, &d.kind}) {
      AppendString(&out, *field);
      out.push_back(',');
    }
    AppendNumber(&out, static_cast<std::uint64_t>(d.sentence));
    out.push_back(',');
    AppendPlace(&out, d.source);
    out.push_back(',');
    AppendNumber(&out, rules.Index(d.rule_id));
    out.push_back(',');
    AppendString(&out, d.anchor);
    out.push_back(']');
  }

  out.append("],\"events\":[");
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    const extract::Event& e = r.events[i];
    out.append(i == 0 ? "[" : ",[");
    for (const std::string* field : {&e.date, &e.mod, &e.date_text}) {
      AppendString(&out, *field);
      out.push_back(',');
    }
    out.push_back('[');
    for (std::size_t k = 0; k < e.entity_ids.size(); ++k) {
      if (k > 0) out.push_back(',');
      AppendString(&out, e.entity_ids[k]);
    }
    out.append("],");
    AppendString(&out, e.text);
    out.push_back(',');
    AppendPlace(&out, e.source);
    out.append(",[");
    for (std::size_t k = 0; k < e.relations.size(); ++k) {
      out.append(k == 0 ? "[" : ",[");
      AppendString(&out, e.relations[k].type);
      out.push_back(',');
      AppendString(&out, e.relations[k].from_id);
      out.push_back(',');
      AppendString(&out, e.relations[k].to_id);
      out.push_back(']');
    }
    out.append("]]");
  }

  out.append("],\"relations\":[");
  for (std::size_t i = 0; i < r.relations.size(); ++i) {
    const extract::Relation& rel = r.relations[i];
    out.append(i == 0 ? "[" : ",[");
    for (const std::string* field : {&rel.type, &rel.from_id, &rel.to_id, &rel.date, &rel.evidence}) {
      AppendString(&out, *field);
      out.push_back(',');
    }
    AppendPlace(&out, rel.source);
    out.push_back(',');
    AppendNumber(&out, rules.Index(rel.rule_id));
    out.push_back(']');
  }

  out.append("],\"rule_ids\":[");
  for (std::size_t i = 0; i < rules.keys().size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendString(&out, *rules.keys()[i]);
  }
  out.append("]}");
  return out;
}

// --- Reading (merge, the cache): nlohmann, which checks every byte. ---

extract::SourceRef PlaceFrom(const Json& a, std::size_t at, const std::string& document) {
  extract::SourceRef s;
  s.document = document;
  s.line = a.at(at).get<int>();
  s.begin = a.at(at + 1).get<std::size_t>();
  s.end = a.at(at + 2).get<std::size_t>();
  return s;
}

std::string RuleAt(const std::vector<std::string>& rule_ids, const Json& index) {
  return rule_ids.at(index.get<std::size_t>());
}

extract::ExtractionResult ResultFrom(const Json& doc) {
  extract::ExtractionResult r;
  r.document = doc.at("document").get<std::string>();
  r.content_hash = doc.at("content_hash").get<std::string>();
  r.reference_date = doc.at("reference_date").get<std::string>();
  r.reference_date_origin = doc.at("reference_date_origin").get<std::string>();
  const std::string& document = r.document;
  const std::vector<std::string> rule_ids = doc.at("rule_ids").get<std::vector<std::string>>();
  for (const Json& s : doc.at("sentences")) {
    r.sentences.push_back(PlaceFrom(s, 0, document));
    r.sentence_texts.push_back(s.at(3).get<std::string>());
  }
  const Json& entities = doc.at("entities");
  for (const Json& m : doc.at("mentions")) {
    const Json& entity = entities.at(m.at(0).get<std::size_t>());
    extract::Mention mention;
    mention.entity_id = entity.at(0).get<std::string>();
    mention.canonical = entity.at(1).get<std::string>();
    mention.type = entity.at(2).get<std::string>();
    mention.wikidata = entity.at(3).get<std::string>();
    mention.surface = m.at(1).get<std::string>();
    mention.sentence = m.at(2).get<int>();
    mention.source = PlaceFrom(m, 3, document);
    mention.rule_id = RuleAt(rule_ids, m.at(6));
    r.mentions.push_back(std::move(mention));
  }
  for (const Json& d : doc.at("dates")) {
    r.dates.push_back({d.at(0).get<std::string>(), d.at(1).get<std::string>(), d.at(2).get<std::string>(),
                       d.at(3).get<std::string>(), d.at(4).get<int>(), PlaceFrom(d, 5, document),
                       RuleAt(rule_ids, d.at(8)), d.at(9).get<std::string>()});
  }
  for (const Json& e : doc.at("events")) {
    extract::Event event;
    event.date = e.at(0).get<std::string>();
    event.mod = e.at(1).get<std::string>();
    event.date_text = e.at(2).get<std::string>();
    event.entity_ids = e.at(3).get<std::vector<std::string>>();
    event.text = e.at(4).get<std::string>();
    event.source = PlaceFrom(e, 5, document);
    for (const Json& s : e.at(8)) {
      event.relations.push_back({s.at(0).get<std::string>(), s.at(1).get<std::string>(), s.at(2).get<std::string>()});
    }
    r.events.push_back(std::move(event));
  }
  for (const Json& rel : doc.at("relations")) {
    r.relations.push_back({rel.at(0).get<std::string>(), rel.at(1).get<std::string>(), rel.at(2).get<std::string>(),
                           rel.at(3).get<std::string>(), rel.at(4).get<std::string>(), PlaceFrom(rel, 5, document),
                           RuleAt(rule_ids, rel.at(8))});
  }
  return r;
}

}  // namespace

std::string DumpExtractionLine(const extract::ExtractionResult& result) { return RecordLine(result); }

Result<extract::ExtractionResult> ParseExtractionRecord(std::string_view text) {
  try {
    return ResultFrom(Json::parse(text));
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(std::string("malformed extraction record: ") + e.what());
  } catch (const std::out_of_range& e) {  // an index past its table
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
      } catch (const std::out_of_range& e) {
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
