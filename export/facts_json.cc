#include "export/facts_json.h"

#include <exception>
#include <fstream>
#include <iterator>
#include <utility>

#include <nlohmann/json.hpp>

#include "export/json_output.h"
#include "export/xml_text.h"

namespace chronograph::exporters {
namespace {

using Json = nlohmann::ordered_json;

std::string FactId(std::size_t i) { return "f" + std::to_string(i); }

std::string String(const Json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

namespace {

// Rewrites a fact of the graph as the files hold it: exported entity ids,
// sanitized strings.
void ExportFact(const graph::KnowledgeGraph& kg, const std::vector<std::string>& ids, graph::Fact* f) {
  auto exported = [&](const std::string& id) {
    const std::optional<graph::Vertex> v = kg.FindVertex(id);
    return v ? ids[*v] : SanitizeForXml10(id);
  };
  f->from = exported(f->from);
  if (!f->to.empty()) f->to = exported(f->to);
  f->relation = SanitizeForXml10(f->relation);
  f->from_label = SanitizeForXml10(f->from_label);
  f->to_label = SanitizeForXml10(f->to_label);
  f->date = SanitizeForXml10(f->date);
  f->mod = SanitizeForXml10(f->mod);
  for (graph::FactSource& s : f->statements) {
    s.document = SanitizeForXml10(s.document);
    s.text = SanitizeForXml10(s.text);
    s.date = SanitizeForXml10(s.date);
    s.mod = SanitizeForXml10(s.mod);
  }
}

// One fact as facts.json holds it, written member by member (a corpus has
// hundreds of thousands: no JSON value is built for them).
void WriteFact(const graph::Fact& f, std::size_t i, JsonStreamWriter* w) {
  const bool relation = f.kind == graph::FactKind::kRelation;
  w->BeginObject();
  w->Key("id");
  w->String(FactId(i));
  w->Key("kind");
  if (relation) {
    w->String("relation");
    w->Key("relation");
    w->String(f.relation);
    w->Key("from");
    w->String(f.from);
    w->Key("from_label");
    w->String(f.from_label);
    w->Key("to");
    w->String(f.to);
    w->Key("to_label");
    w->String(f.to_label);
    if (!f.date.empty()) {
      w->Key("date");
      w->String(f.date);
    }
    w->Key("sources");
    w->Integer(f.sources);
    w->Key("conflict");
    w->Bool(f.conflict);
  } else {
    w->String("dated");
    w->Key("entity");
    w->String(f.from);
    w->Key("label");
    w->String(f.from_label);
    w->Key("date");
    w->String(f.date);
    if (!f.mod.empty()) {
      w->Key("mod");
      w->String(f.mod);
    }
    w->Key("sources");
    w->Integer(f.sources);
  }
  w->Key("evidence");
  w->BeginArray();
  for (const graph::FactSource& source : f.statements) {
    w->BeginObject();
    w->Key("document");
    w->String(source.document);
    w->Key("line");
    w->Integer(source.line);
    if (!source.date.empty()) {
      w->Key("date");
      w->String(source.date);
    }
    if (!relation && !source.mod.empty()) {
      w->Key("mod");
      w->String(source.mod);
    }
    w->Key("text");
    w->String(source.text);
    w->End();
  }
  w->End();
  w->End();
}

}  // namespace

std::vector<graph::Fact> ExportedFacts(const graph::KnowledgeGraph& kg) {
  std::vector<graph::Fact> facts;
  ForEachExportedFact(kg, [&facts](std::size_t, const graph::Fact& f) { facts.push_back(f); });
  return facts;
}

Status WriteFactsJson(const std::vector<graph::Fact>& facts, std::ostream& out) {
  JsonStreamWriter writer(out, "facts.json");
  writer.BeginObject();
  writer.Key("schema");
  writer.Value(kFactsSchema);
  writer.Key("facts");
  writer.BeginArray();
  for (std::size_t i = 0; i < facts.size(); ++i) WriteFact(facts[i], i, &writer);
  writer.End();
  writer.End();
  return writer.Finish();
}

void ForEachExportedFact(const graph::KnowledgeGraph& kg,
                         const std::function<void(std::size_t index, const graph::Fact&)>& each) {
  const std::vector<std::string> ids = ExportedEntityIds(kg);
  std::size_t i = 0;
  graph::ForEachRelationFact(kg, [&](std::size_t index, graph::Fact&& f) {
    ExportFact(kg, ids, &f);
    each(index, f);
    i = index + 1;
  });
  graph::ForEachDatedFact(kg, [&](graph::Fact&& f) {
    ExportFact(kg, ids, &f);
    each(i, f);
    ++i;
  });
}

Status WriteFactsJson(const graph::KnowledgeGraph& kg, std::ostream& out) {
  JsonStreamWriter writer(out, "facts.json");
  writer.BeginObject();
  writer.Key("schema");
  writer.Value(kFactsSchema);
  writer.Key("facts");
  writer.BeginArray();
  ForEachExportedFact(kg, [&](std::size_t i, const graph::Fact& f) { WriteFact(f, i, &writer); });
  writer.End();
  writer.End();
  return writer.Finish();
}

namespace {

// conflicts.json from `facts`; fact_index[k] is the position (the N of "fN")
// of facts[k] among all facts.
Status WriteConflicts(const std::vector<graph::Fact>& facts, const std::vector<std::size_t>& fact_index,
                      std::ostream& out) {
  Json root = Json::object();
  root["schema"] = kConflictsSchema;
  root["rule"] = std::string(graph::kConflictRuleText);
  Json list = Json::array();
  for (const graph::Conflict& c : graph::FindConflicts(facts)) {
    Json j = Json::object();
    j["relation"] = c.relation;
    j["scope"] = c.scope == graph::ConflictScope::kPair ? "pair" : "object";
    j["object"] = c.object;
    j["object_label"] = c.object_label;
    if (!c.subject.empty()) {
      j["subject"] = c.subject;
      j["subject_label"] = c.subject_label;
    }
    Json claims = Json::array();
    for (const graph::Claim& claim : c.claims) {
      Json cj = Json::object();
      cj["date"] = claim.date;
      cj["sources"] = claim.sources;
      Json statements = Json::array();
      for (const graph::ClaimStatement& s : claim.statements) {
        const graph::Fact& f = facts[s.fact];
        Json sj = Json::object();
        sj["fact"] = FactId(fact_index[s.fact]);
        sj["from"] = f.from;
        sj["from_label"] = f.from_label;
        sj["to"] = f.to;
        sj["to_label"] = f.to_label;
        sj["document"] = s.source.document;
        sj["line"] = s.source.line;
        sj["text"] = s.source.text;
        statements.push_back(std::move(sj));
      }
      cj["statements"] = std::move(statements);
      claims.push_back(std::move(cj));
    }
    j["claims"] = std::move(claims);
    list.push_back(std::move(j));
  }
  root["conflicts"] = std::move(list);
  return WriteJsonDocument(root, "conflicts.json", out);
}

}  // namespace

Status WriteConflictsJson(const std::vector<graph::Fact>& facts, std::ostream& out) {
  std::vector<std::size_t> positions(facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) positions[i] = i;
  return WriteConflicts(facts, positions, out);
}

Status WriteConflictsJson(const graph::KnowledgeGraph& kg, std::ostream& out) {
  // Only relation facts take part in conflicts, and they come first, so
  // their ids are the same without the dated facts; only the candidates
  // are built.
  const std::vector<std::string> ids = ExportedEntityIds(kg);
  std::vector<graph::Fact> facts;
  std::vector<std::size_t> positions;
  for (auto& [index, fact] : graph::ConflictCandidateFacts(kg)) {
    ExportFact(kg, ids, &fact);
    facts.push_back(std::move(fact));
    positions.push_back(index);
  }
  return WriteConflicts(facts, positions, out);
}

Result<std::vector<graph::Fact>> ReadFactsJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput(path + ": no such file");
  Json root;
  try {
    root = Json::parse(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::exception& e) {
    return Status::InvalidInput(path + ": not JSON: " + e.what());
  }
  if (!root.is_object() || String(root, "schema") != kFactsSchema || !root.contains("facts") ||
      !root["facts"].is_array()) {
    return Status::InvalidInput(path + ": not a " + std::string(kFactsSchema) + " document");
  }
  std::vector<graph::Fact> facts;
  for (const Json& j : root["facts"]) {
    if (!j.is_object()) return Status::InvalidInput(path + ": fact " + std::to_string(facts.size()) + " is no object");
    graph::Fact f;
    const bool relation = String(j, "kind") == "relation";
    f.kind = relation ? graph::FactKind::kRelation : graph::FactKind::kDated;
    if (relation) {
      f.relation = String(j, "relation");
      f.from = String(j, "from");
      f.from_label = String(j, "from_label");
      f.to = String(j, "to");
      f.to_label = String(j, "to_label");
      f.conflict = j.value("conflict", false);
    } else {
      f.from = String(j, "entity");
      f.from_label = String(j, "label");
      f.mod = String(j, "mod");
    }
    f.date = String(j, "date");
    f.sources = j.value("sources", 0);
    if (j.contains("evidence") && j["evidence"].is_array()) {
      for (const Json& e : j["evidence"]) {
        if (!e.is_object()) continue;
        graph::FactSource s;
        s.document = String(e, "document");
        s.line = e.value("line", 0);
        s.text = String(e, "text");
        s.date = String(e, "date");
        s.mod = String(e, "mod");
        f.statements.push_back(std::move(s));
      }
    }
    facts.push_back(std::move(f));
  }
  return facts;
}

}  // namespace chronograph::exporters
