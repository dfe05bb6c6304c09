#include "app/show_command.h"

#include <cstdlib>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/query_common.h"
#include "extract/parse_number.h"

namespace chronograph::app {
namespace {

using Json = nlohmann::ordered_json;

Json SourcesJson(const std::vector<graph::FactSource>& sources) {
  Json list = Json::array();
  for (const graph::FactSource& s : sources) {
    Json j = Json::object();
    j["document"] = s.document;
    j["line"] = s.line;
    if (!s.date.empty()) j["date"] = s.date;
    j["text"] = s.text;
    list.push_back(std::move(j));
  }
  return list;
}

}  // namespace

Status RunShow(const ShowOptions& options, std::ostream& out) {
  Result<OutputDir> dir = OutputDir::Open(options.from_dir);
  if (!dir.ok()) return dir.status();
  Result<exporters::GraphmlData> data = dir.value().Graph(/*with_edges=*/false);
  if (!data.ok()) return data.status();
  Result<graph::Vertex> vertex = ResolveOrExplain(data.value(), options.entity, options.from_dir);
  if (!vertex.ok()) return vertex.status();
  const graph::EntityNode& node = data.value().graph[vertex.value()];
  Result<std::vector<graph::Fact>> facts = dir.value().FactsAbout(node.id);
  if (!facts.ok()) return facts.status();

  const auto& fields = data.value().node_data[vertex.value()];
  const auto documents = fields.find("documents");
  std::vector<const graph::Fact*> timeline, relations;
  for (const graph::Fact& f : facts.value()) {
    if (f.kind == graph::FactKind::kDated && f.from == node.id) timeline.push_back(&f);
    if (f.kind == graph::FactKind::kRelation && (f.from == node.id || f.to == node.id)) relations.push_back(&f);
  }

  if (options.json) {
    Json root = Json::object();
    Json e = Json::object();
    e["id"] = node.id;
    e["label"] = node.label;
    e["type"] = node.type;
    if (!node.wikidata.empty()) e["wikidata"] = node.wikidata;
    e["aliases"] = Json(std::vector<std::string>(node.aliases.begin(), node.aliases.end()));
    e["mentions"] = node.mentions;
    if (documents != fields.end()) e["documents"] = ParseInteger<int>(documents->second).value_or(0);
    if (!node.first_date.empty()) e["first_date"] = node.first_date;
    if (!node.last_date.empty()) e["last_date"] = node.last_date;
    root["entity"] = std::move(e);
    Json t = Json::array();
    for (const graph::Fact* f : timeline) {
      Json j = Json::object();
      j["date"] = f->date;
      if (!f->mod.empty()) j["mod"] = f->mod;
      j["sources"] = f->sources;
      j["evidence"] = SourcesJson(f->statements);
      t.push_back(std::move(j));
    }
    root["timeline"] = std::move(t);
    Json r = Json::array();
    for (const graph::Fact* f : relations) {
      Json j = Json::object();
      j["relation"] = f->relation;
      j["direction"] = f->from == node.id ? "out" : "in";
      j["from"] = f->from;
      j["from_label"] = f->from_label;
      j["to"] = f->to;
      j["to_label"] = f->to_label;
      if (!f->date.empty()) j["date"] = f->date;
      j["sources"] = f->sources;
      j["conflict"] = f->conflict;
      j["evidence"] = SourcesJson(f->statements);
      r.push_back(std::move(j));
    }
    root["relations"] = std::move(r);
    out << root.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return Status::Ok();
  }

  out << node.label << " (" << node.type << ")\n";
  out << "  id:        " << node.id << "\n";
  out << "  wikidata:  " << (node.wikidata.empty() ? "-" : node.wikidata) << "\n";
  std::string aliases;
  for (const std::string& a : node.aliases) aliases += (aliases.empty() ? "" : " | ") + a;
  out << "  aliases:   " << aliases << "\n";
  out << "  mentions:  " << node.mentions;
  if (documents != fields.end()) out << " in " << Plural(ParseInteger<int>(documents->second).value_or(0),
                                                         "document", "documents");
  out << "\n";
  if (!node.first_date.empty()) out << "  dated:     " << node.first_date << " .. " << node.last_date << "\n";

  out << "\nTimeline (" << Plural(static_cast<int>(timeline.size()), "dated fact", "dated facts")
      << ", in date order)\n";
  if (timeline.empty()) out << "  (none)\n";
  for (const graph::Fact* f : timeline) {
    out << "  " << f->date << (f->mod.empty() ? "" : " (" + f->mod + ")") << "  ["
        << Plural(f->sources, "source", "sources") << ", " << Plural(static_cast<int>(f->statements.size()), "sentence", "sentences")
        << "]\n";
    PrintSources(f->statements, out);
  }

  out << "\nRelations (" << Plural(static_cast<int>(relations.size()), "typed fact", "typed facts") << ")\n";
  if (relations.empty()) out << "  (none)\n";
  for (const graph::Fact* f : relations) {
    out << "  " << (f->from == node.id ? "-> " : "<- ") << f->from_label << " --" << f->relation << "--> " << f->to_label
        << "  [" << (f->date.empty() ? "" : f->date + "; ") << Plural(f->sources, "source", "sources")
        << (f->conflict ? "; CONFLICT: sources disagree on the date (chronograph conflicts)" : "") << "]\n";
    for (const graph::FactSource& s : f->statements) {
      out << "      " << s.document << ":" << s.line << ": " << (s.date.empty() ? "" : "(" + s.date + ") ")
          << OneLine(s.text) << "\n";
    }
  }
  return Status::Ok();
}

}  // namespace chronograph::app
