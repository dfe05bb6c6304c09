#include "export/extraction_json.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

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

Status WriteExtractionJson(const std::vector<extract::ExtractionResult>& results, std::ostream& out) {
  Json root = Json::object();
  root["schema"] = kExtractionSchema;
  // Sorted by document, so that the file does not depend on input order.
  std::vector<const extract::ExtractionResult*> sorted;
  for (const extract::ExtractionResult& r : results) sorted.push_back(&r);
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->document < b->document; });
  Json documents = Json::array();
  for (const extract::ExtractionResult* r : sorted) documents.push_back(ResultJson(*r));
  root["documents"] = std::move(documents);
  return WriteJsonDocument(root, "extraction.json", out);
}

Result<std::vector<extract::ExtractionResult>> ReadExtractionJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput(path + ": cannot open (merge needs the extraction.json that build writes)");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    const Json root = Json::parse(bytes);
    if (root.value("schema", std::string()) != kExtractionSchema) {
      return Status::InvalidInput(path + ": not a " + std::string(kExtractionSchema) + " file");
    }
    std::vector<extract::ExtractionResult> results;
    for (const Json& doc : root.at("documents")) results.push_back(ResultFrom(doc));
    return results;
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(path + ": malformed extraction record: " + e.what());
  }
}

}  // namespace chronograph::exporters
