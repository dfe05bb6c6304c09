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

// A relation fact's two ends, as facts.json and conflicts.json name them.
void WriteEnds(const graph::Fact& f, JsonStreamWriter* w) {
  w->Key("from");
  w->String(f.from);
  w->Key("from_label");
  w->String(f.from_label);
  w->Key("to");
  w->String(f.to);
  w->Key("to_label");
  w->String(f.to_label);
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
    WriteEnds(f, w);
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

// One conflict as conflicts.json holds it; fact_id(k) is the id of
// facts[k].
void WriteConflict(const graph::Conflict& c, const std::vector<graph::Fact>& facts,
                   const std::function<std::string(std::size_t)>& fact_id, JsonStreamWriter* w) {
  w->BeginObject();
  w->Key("relation");
  w->String(c.relation);
  w->Key("scope");
  w->String(c.scope == graph::ConflictScope::kPair ? "pair" : "object");
  w->Key("object");
  w->String(c.object);
  w->Key("object_label");
  w->String(c.object_label);
  if (!c.subject.empty()) {
    w->Key("subject");
    w->String(c.subject);
    w->Key("subject_label");
    w->String(c.subject_label);
  }
  w->Key("claims");
  w->BeginArray();
  for (const graph::Claim& claim : c.claims) {
    w->BeginObject();
    w->Key("date");
    w->String(claim.date);
    w->Key("sources");
    w->Integer(claim.sources);
    w->Key("statements");
    w->BeginArray();
    for (const graph::ClaimStatement& s : claim.statements) {
      const graph::Fact& f = facts[s.fact];
      w->BeginObject();
      w->Key("fact");
      w->String(fact_id(s.fact));
      WriteEnds(f, w);
      w->Key("document");
      w->String(s.source.document);
      w->Key("line");
      w->Integer(s.source.line);
      w->Key("text");
      w->String(s.source.text);
      w->End();
    }
    w->End();
    w->End();
  }
  w->End();
  w->End();
}

// conflicts.json's members before the list, then the list: `each_conflict`
// writes every conflict with WriteConflict.
Status WriteConflictsDocument(std::ostream& out, const std::function<void(JsonStreamWriter*)>& each_conflict) {
  JsonStreamWriter writer(out, "conflicts.json");
  writer.BeginObject();
  writer.Key("schema");
  writer.String(kConflictsSchema);
  writer.Key("rule");
  writer.String(graph::kConflictRuleText);
  writer.Key("conflicts");
  writer.BeginArray();
  each_conflict(&writer);
  writer.End();
  writer.End();
  return writer.Finish();
}

}  // namespace

Status WriteConflictsJson(const std::vector<graph::Fact>& facts, std::ostream& out) {
  return WriteConflictsDocument(out, [&facts](JsonStreamWriter* w) {
    for (const graph::Conflict& c : graph::FindConflicts(facts)) WriteConflict(c, facts, FactId, w);
  });
}

Status WriteConflictsJson(const graph::KnowledgeGraph& kg, std::ostream& out) {
  // One conflict group at a time; only relation facts take part, and they
  // come first, so their ids are those of facts.json.
  const std::vector<std::string> ids = ExportedEntityIds(kg);
  return WriteConflictsDocument(out, [&](JsonStreamWriter* w) {
    graph::ForEachConflict(
        kg, [&](graph::Fact* f) { ExportFact(kg, ids, f); },
        [&](const graph::Conflict& c, const std::vector<graph::Fact>& facts, const graph::ConflictGroup& group) {
          WriteConflict(c, facts, [&group](std::size_t k) { return FactId(group[k].index); }, w);
        });
  });
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
