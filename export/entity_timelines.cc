#include "export/entity_timelines.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "export/timelinejs_json.h"
#include "export/xml_text.h"
#include "graph/entity_resolver.h"

namespace chronograph::exporters {
namespace {

constexpr std::size_t kMaxStemBytes = 80;

std::string FoldAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsWindowsDeviceName(const std::string& stem) {
  static const std::set<std::string> kNames = {"con", "prn", "aux", "nul"};
  if (kNames.count(stem) != 0) return true;
  return stem.size() == 4 && (stem.compare(0, 3, "com") == 0 || stem.compare(0, 3, "lpt") == 0) &&
         stem[3] >= '0' && stem[3] <= '9';
}

// The stem of one (already sanitized, valid UTF-8) id, before collisions.
std::string NaturalStem(const std::string& id) {
  std::string stem;
  bool pending_dash = false;
  for (char ch : FoldAscii(id)) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c >= 0x80;
    if (!keep) {
      pending_dash = true;
      continue;
    }
    if (pending_dash && !stem.empty()) stem += '-';
    pending_dash = false;
    stem += ch;
  }
  // Leading dots would hide the file; trailing dots vanish on Windows.
  const std::size_t first = stem.find_first_not_of("-.");
  stem = first == std::string::npos ? "" : stem.substr(first);
  if (stem.size() > kMaxStemBytes) {
    std::size_t cut = kMaxStemBytes;
    while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80) --cut;  // code point start
    stem.resize(cut);
  }
  while (!stem.empty() && (stem.back() == '-' || stem.back() == '.')) stem.pop_back();
  if (stem.empty()) return "entity";
  if (IsWindowsDeviceName(stem)) stem += "-entity";
  return stem;
}

}  // namespace

std::vector<std::string> EntityFileStems(const graph::KnowledgeGraph& kg) {
  std::vector<std::string> natural;
  for (const std::string& id : ExportedEntityIds(kg)) natural.push_back(NaturalStem(id));
  const std::set<std::string> all_natural(natural.begin(), natural.end());
  std::set<std::string> used;
  std::vector<std::string> stems;
  for (const std::string& stem : natural) {
    std::string candidate = stem;
    for (int k = 2; used.count(candidate) != 0 || (candidate != stem && all_natural.count(candidate) != 0); ++k) {
      candidate = stem + "-" + std::to_string(k);
    }
    used.insert(candidate);
    stems.push_back(std::move(candidate));
  }
  return stems;
}

std::vector<graph::Vertex> FindEntitiesByName(const graph::KnowledgeGraph& kg, std::string_view name) {
  const std::string wanted = FoldAscii(name);
  std::vector<graph::Vertex> found;
  const graph::Graph& g = kg.graph();
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& node = g[v];
    bool match = FoldAscii(node.label) == wanted || FoldAscii(node.id) == wanted;
    for (auto it = node.aliases.begin(); !match && it != node.aliases.end(); ++it) match = FoldAscii(*it) == wanted;
    if (match) found.push_back(v);
  }
  return found;
}

std::vector<std::string> NearEntityNames(const graph::KnowledgeGraph& kg, std::string_view name, std::size_t limit) {
  const std::string wanted = FoldAscii(name);
  if (wanted.empty()) return {};
  const std::size_t max_distance = std::max<std::size_t>(2, wanted.size() / 3);
  std::map<std::string, std::size_t> best;  // label -> score (lower is closer)
  const graph::Graph& g = kg.graph();
  for (graph::Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const graph::EntityNode& node = g[v];
    std::vector<std::string> names(node.aliases.begin(), node.aliases.end());
    names.push_back(node.label);
    names.push_back(node.id);
    // and each word of the label ("Hintn" is near "Geoffrey Hinton").
    std::string word;
    for (char c : node.label + " ") {
      if (c == ' ' || c == '-' || c == '.') {
        if (word.size() >= 3) names.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
    std::size_t score = SIZE_MAX;
    for (const std::string& n : names) {
      const std::string folded = FoldAscii(n);
      if (folded.empty()) continue;
      if (folded.find(wanted) != std::string::npos || wanted.find(folded) != std::string::npos) {
        score = std::min(score, std::size_t{0});
        continue;
      }
      const std::size_t d = graph::EditDistance(folded, wanted);
      if (d <= max_distance) score = std::min(score, d);
    }
    if (score == SIZE_MAX) continue;
    auto [it, inserted] = best.emplace(node.label, score);
    if (!inserted) it->second = std::min(it->second, score);
  }
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& [label, score] : best) ranked.emplace_back(score, label);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < limit; ++i) out.push_back(ranked[i].second);
  return out;
}

Status WriteEntityTimelineJs(const graph::KnowledgeGraph& kg, graph::Vertex vertex, const std::string& file_name,
                             std::ostream& out) {
  // Only this entity's events are read (KnowledgeGraph::EventsOf): writing
  // every entity's file reads each (event, entity) pair once, not the
  // whole corpus per entity.
  TimelineJsOptions options;
  options.headline = kg.graph()[vertex].label;
  options.file_name = file_name;
  options.events = &kg.EventsOf(vertex);
  return WriteTimelineJsJson(kg, out, options);
}

}  // namespace chronograph::exporters
