#include "export/graphml_reader.h"

#include <cctype>
#include <cstdlib>
#include <utility>

#include <pugixml.hpp>

#include "extract/parse_number.h"

namespace chronograph::exporters {
namespace {

constexpr std::string_view kEvidenceSeparator = " || ";

std::string Get(const std::map<std::string, std::string>& data, const char* name) {
  const auto it = data.find(name);
  return it == data.end() ? "" : it->second;
}

// Splits "a | b | c" (the aliases field).
std::set<std::string> SplitAliases(const std::string& text) {
  std::set<std::string> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find(" | ", begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) out.insert(text.substr(begin, end - begin));
    begin = end + 3;
  }
  return out;
}

Result<GraphmlData> Read(const pugi::xml_document& doc, const std::string& name) {
  GraphmlData data;
  const pugi::xml_node root = doc.child("graphml");
  if (!root) return Status::InvalidInput(name + ": not GraphML (no <graphml> element)");
  std::map<std::string, const GraphmlKey*> by_id;
  for (pugi::xml_node key : root.children("key")) {
    GraphmlKey k;
    k.id = key.attribute("id").value();
    k.domain = key.attribute("for") ? key.attribute("for").value() : "all";
    k.name = key.attribute("attr.name") ? key.attribute("attr.name").value() : k.id;
    k.type = key.attribute("attr.type") ? key.attribute("attr.type").value() : "string";
    if (pugi::xml_node d = key.child("default")) k.default_value = d.text().get();
    data.keys.push_back(std::move(k));
  }
  for (const GraphmlKey& k : data.keys) by_id[k.id] = &k;

  const pugi::xml_node g = root.child("graph");
  if (!g) return Status::InvalidInput(name + ": no <graph> element");
  data.directed = std::string(g.attribute("edgedefault").value()) == "directed";

  auto read_data = [&](pugi::xml_node element, const char* domain) {
    std::map<std::string, std::string> fields;
    for (const GraphmlKey& k : data.keys) {
      if ((k.domain == domain || k.domain == "all") && !k.default_value.empty()) fields[k.name] = k.default_value;
    }
    for (pugi::xml_node d : element.children("data")) {
      const std::string key = d.attribute("key").value();
      const auto it = by_id.find(key);
      fields[it != by_id.end() ? it->second->name : key] = d.text().get();
    }
    return fields;
  };

  for (pugi::xml_node node : g.children("node")) {
    const std::string id = node.attribute("id").value();
    if (data.index.count(id)) return Status::InvalidInput(name + ": duplicate node id '" + id + "'");
    std::map<std::string, std::string> fields = read_data(node, "node");
    graph::EntityNode n;
    n.id = id;
    n.label = Get(fields, "label");
    if (n.label.empty()) n.label = id;
    n.type = Get(fields, "type");
    if (n.type.empty()) n.type = graph::kUnknownType;
    n.aliases = SplitAliases(Get(fields, "aliases"));
    n.aliases.insert(n.label);
    n.mentions = ParseInteger<int>(Get(fields, "mentions")).value_or(0);
    n.first_date = Get(fields, "first_date");
    n.last_date = Get(fields, "last_date");
    n.wikidata = Get(fields, "wikidata");
    data.index.emplace(id, boost::add_vertex(std::move(n), data.graph));
    data.node_data.push_back(std::move(fields));
  }
  for (pugi::xml_node edge : g.children("edge")) {
    const std::string source = edge.attribute("source").value(), target = edge.attribute("target").value();
    const auto s = data.index.find(source), t = data.index.find(target);
    if (s == data.index.end() || t == data.index.end()) {
      return Status::InvalidInput(name + ": edge '" + edge.attribute("id").value() + "' names an unknown node '" +
                                  (s == data.index.end() ? source : target) + "'");
    }
    std::map<std::string, std::string> fields = read_data(edge, "edge");
    graph::RelationEdge e;
    graph::StringPool& text = *data.text;
    e.relation = text.Keep(Get(fields, "relation"));
    if (e.relation.empty()) e.relation = graph::kCoOccurs;
    e.from = text.Keep(Get(fields, "from"));
    e.to = text.Keep(Get(fields, "to"));
    if (e.from.empty() || data.index.find(e.from) == data.index.end()) e.from = text.Keep(source);
    if (e.to.empty() || data.index.find(e.to) == data.index.end()) e.to = text.Keep(target);
    e.date = text.Keep(Get(fields, "date"));
    const std::string weight = Get(fields, "weight");
    // strtod, not atof: an out-of-range weight is HUGE_VAL, not undefined behaviour.
    e.weight = weight.empty() ? 1.0 : std::strtod(weight.c_str(), nullptr);
    e.sources = ParseInteger<int>(Get(fields, "sources")).value_or(0);
    e.evidence = ParseEvidence(text.Keep(Get(fields, "evidence")));
    boost::add_edge(s->second, t->second, std::move(e), data.graph);
    data.edge_data.push_back(std::move(fields));
  }
  return data;
}

}  // namespace

bool GraphmlData::Find(std::string_view id, graph::Vertex* v) const {
  const auto it = index.find(id);
  if (it == index.end()) return false;
  *v = it->second;
  return true;
}

std::vector<graph::Edge> GraphmlData::Edges() const {
  // An undirected adjacency_list lists its edges in insertion order.
  const auto range = boost::edges(graph);
  return std::vector<graph::Edge>(range.first, range.second);
}

std::vector<graph::Evidence> ParseEvidence(std::string_view text) {
  std::vector<graph::Evidence> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find(kEvidenceSeparator, begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view item = text.substr(begin, end - begin);
    begin = end + kEvidenceSeparator.size();
    if (item.size() > 3 && item.substr(0, 2) == "(+" && item.back() == ')') continue;
    // "document:line: text": the first ":<digits>: " ends the document.
    graph::Evidence e;
    bool parsed = false;
    for (std::size_t colon = item.find(':'); colon != std::string_view::npos; colon = item.find(':', colon + 1)) {
      std::size_t digits = colon + 1;
      while (digits < item.size() && std::isdigit(static_cast<unsigned char>(item[digits]))) ++digits;
      if (digits == colon + 1 || digits >= item.size() || item[digits] != ':') continue;
      e.document = item.substr(0, colon);
      e.line = ParseInteger<int>(item.substr(colon + 1, digits - colon - 1)).value_or(0);
      e.text = item.substr(std::min(item.size(), digits + 2));
      parsed = true;
      break;
    }
    if (!parsed) e.text = item;
    out.push_back(std::move(e));
  }
  return out;
}

Result<GraphmlData> ReadGraphmlText(std::string_view text, const std::string& name) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed) {
    return Status::InvalidInput(name + ": byte " + std::to_string(parsed.offset) + ": " + parsed.description());
  }
  return Read(doc, name);
}

Result<GraphmlData> ReadGraphml(const std::string& path) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_file(path.c_str());
  if (parsed.status == pugi::status_file_not_found) return Status::InvalidInput(path + ": no such file");
  if (parsed.status == pugi::status_io_error || parsed.status == pugi::status_out_of_memory) {
    return Status::IoError(path + ": cannot read: " + parsed.description());
  }
  if (!parsed) {
    return Status::InvalidInput(path + ": byte " + std::to_string(parsed.offset) + ": " + parsed.description());
  }
  return Read(doc, path);
}

}  // namespace chronograph::exporters
