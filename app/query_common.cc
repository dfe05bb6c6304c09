#include "app/query_common.h"

#include <filesystem>

#include "export/facts_json.h"
#include "graph/entity_resolver.h"

namespace chronograph::app {
namespace {

namespace fs = std::filesystem;

Status CheckDir(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::InvalidInput(dir + ": no such directory (make one with: chronograph build INPUT... --out " + dir + ")");
  }
  return Status::Ok();
}

}  // namespace

Result<OutputDir> OutputDir::Open(const std::string& dir) {
  if (Status s = CheckDir(dir); !s.ok()) return s;
  OutputDir out;
  out.dir_ = dir;
  const fs::path store = fs::path(dir) / "chronograph.sqlite";
  std::error_code ec;
  if (fs::exists(store, ec)) {
    // An older schema is no error: the other files answer the same.
    Result<std::unique_ptr<exporters::SqliteReader>> opened = exporters::SqliteReader::Open(store.string());
    if (opened.ok()) out.store_ = opened.take();
  }
  return out;
}

Result<exporters::GraphmlData> OutputDir::Graph(bool with_edges) const {
  if (store_) return store_->Graph(with_edges);
  return exporters::ReadGraphml((fs::path(dir_) / "graph.graphml").string());
}

Result<std::vector<graph::Evidence>> OutputDir::EdgeEvidence(const graph::RelationEdge& edge) const {
  if (store_) return store_->EdgeEvidence(edge);
  return edge.evidence;  // graph.graphml carries it
}

Result<std::vector<graph::Fact>> OutputDir::AllFacts() const {
  const std::string path = (fs::path(dir_) / "facts.json").string();
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return Status::InvalidInput(path + ": no such file (built by an older chronograph? build again)");
  }
  return exporters::ReadFactsJson(path);
}

Result<std::vector<graph::Fact>> OutputDir::FactsWhere(const std::function<bool(const graph::Fact&)>& keep) const {
  Result<std::vector<graph::Fact>> all = AllFacts();
  if (!all.ok()) return all.status();
  std::vector<graph::Fact> out;
  for (graph::Fact& f : all.value()) {
    if (keep(f)) out.push_back(std::move(f));
  }
  return out;
}

Result<std::vector<graph::Fact>> OutputDir::FactsAbout(const std::string& id) const {
  if (store_) return store_->FactsAbout(id);
  return FactsWhere([&id](const graph::Fact& f) { return f.from == id || f.to == id; });
}

Result<std::vector<graph::Fact>> OutputDir::RelationFacts() const {
  if (store_) return store_->RelationFacts();
  return FactsWhere([](const graph::Fact& f) { return f.kind == graph::FactKind::kRelation; });
}

Result<graph::Vertex> ResolveOrExplain(const exporters::GraphmlData& data, const std::string& query,
                                       const std::string& dir) {
  const graph::EntityMatch match = graph::ResolveEntity(data.graph, query);
  if (match.vertex) return *match.vertex;
  std::string message = "unknown entity '" + query + "' in " + dir;
  for (std::size_t i = 0; i < match.suggestions.size(); ++i) {
    const graph::EntityNode& n = data.graph[match.suggestions[i]];
    message += (i == 0 ? "; did you mean: " : ", ") + n.label + " (" + n.type + ")";
  }
  message += match.suggestions.empty() ? " (timeline.json lists every entity)" : "?";
  return Status::InvalidInput(message);
}

std::string OneLine(const std::string& text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if ((c & 0xC0) != 0x80) {
      if (chars == max_chars) return out + "\xE2\x80\xA6";
      if (space) {
        out.push_back(' ');
        ++chars;
      }
      ++chars;
      space = false;
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

void PrintSources(const std::vector<graph::FactSource>& sources, std::ostream& out, const char* indent) {
  for (const graph::FactSource& s : sources) {
    out << indent << s.document << ":" << s.line << ": " << OneLine(s.text) << "\n";
  }
}

std::string Plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace chronograph::app
