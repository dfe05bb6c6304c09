#include "graph/entity_resolver.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace chronograph::graph {
namespace {

std::string Fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Trim surrounding spaces: a quoted "Ilya Sutskever " still finds him.
  const auto first = out.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return out.substr(first, out.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::size_t EditDistance(std::string_view a_in, std::string_view b_in) {
  const std::string a = Fold(a_in), b = Fold(b_in);
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

EntityMatch ResolveEntity(const Graph& g, std::string_view query) {
  EntityMatch match;
  const std::string q = Fold(query);
  if (q.empty()) return match;
  // level 0: label, 1: id, 2: alias.
  std::optional<std::tuple<int, int, Vertex>> best;  // (level, -mentions, vertex)
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const EntityNode& n = g[v];
    int level = -1;
    if (Fold(n.label) == q) {
      level = 0;
    } else if (Fold(n.id) == q) {
      level = 1;
    } else if (std::any_of(n.aliases.begin(), n.aliases.end(), [&](const std::string& a) { return Fold(a) == q; })) {
      level = 2;
    }
    if (level < 0) continue;
    const std::tuple<int, int, Vertex> key{level, -n.mentions, v};
    if (!best || key < *best) best = key;
  }
  if (best) {
    match.vertex = std::get<2>(*best);
    return match;
  }

  // Near misses: (distance, -mentions, vertex) over label, id and aliases;
  // a name containing the query (or contained in it) counts as distance 1.
  const std::size_t allowed = std::max<std::size_t>(2, q.size() / 4);
  std::map<Vertex, std::size_t> closest;
  for (Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    const EntityNode& n = g[v];
    std::vector<std::string> names(n.aliases.begin(), n.aliases.end());
    names.push_back(n.label);
    names.push_back(n.id);
    for (const std::string& name : names) {
      const std::string f = Fold(name);
      std::size_t d = EditDistance(f, q);
      if (d > allowed && q.size() >= 3 && (f.find(q) != std::string::npos || (f.size() >= 3 && q.find(f) != std::string::npos))) {
        d = allowed;
      }
      if (d > allowed) continue;
      auto it = closest.find(v);
      if (it == closest.end() || d < it->second) closest[v] = d;
    }
  }
  std::vector<std::tuple<std::size_t, int, Vertex>> ranked;
  for (const auto& [v, d] : closest) ranked.emplace_back(d, -g[v].mentions, v);
  std::sort(ranked.begin(), ranked.end());
  for (std::size_t i = 0; i < ranked.size() && i < kMaxSuggestions; ++i) match.suggestions.push_back(std::get<2>(ranked[i]));
  return match;
}

}  // namespace chronograph::graph
