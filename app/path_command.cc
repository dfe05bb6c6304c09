#include "app/path_command.h"

#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/query_common.h"
#include "graph/paths.h"

namespace chronograph::app {
namespace {

using Json = nlohmann::ordered_json;

std::string FormatWeight(double w) {
  const long long n = static_cast<long long>(w);
  return static_cast<double>(n) == w ? std::to_string(n) : std::to_string(w);
}

}  // namespace

Status RunPath(const PathOptions& options, std::ostream& out) {
  Result<OutputDir> dir = OutputDir::Open(options.from_dir);
  if (!dir.ok()) return dir.status();
  Result<exporters::GraphmlData> loaded = dir.value().Graph(/*with_edges=*/true);
  if (!loaded.ok()) return loaded.status();
  const exporters::GraphmlData& data = loaded.value();
  Result<graph::Vertex> a = ResolveOrExplain(data, options.from_entity, options.from_dir);
  if (!a.ok()) return a.status();
  Result<graph::Vertex> b = ResolveOrExplain(data, options.to_entity, options.from_dir);
  if (!b.ok()) return b.status();
  const graph::Graph& g = data.graph;
  if (a.value() == b.value()) {
    return Status::InvalidInput("'" + options.from_entity + "' and '" + options.to_entity + "' are the same entity (" +
                                g[a.value()].label + ")");
  }
  graph::PathOptions path_options;
  path_options.max_paths = options.max_paths;
  // Split in halves over the two edges that touch an entity: even.
  path_options.concept_cost = options.concept_cost + options.concept_cost % 2;
  path_options.skip_types.insert(options.skip_types.begin(), options.skip_types.end());
  const std::vector<graph::FoundPath> paths = graph::ShortestPaths(g, a.value(), b.value(), path_options);
  // Evidence of the edges shown, read for them only.
  std::map<graph::Edge, std::vector<graph::Evidence>> evidence_of;
  for (const graph::FoundPath& p : paths) {
    for (const graph::PathLink& link : p.links) {
      for (const graph::Edge& e : link.edges) {
        if (evidence_of.count(e) != 0) continue;
        Result<std::vector<graph::Evidence>> evidence = dir.value().EdgeEvidence(g[e]);
        if (!evidence.ok()) return evidence.status();
        evidence_of[e] = evidence.take();
      }
    }
  }
  auto label = [&](std::string_view id) {
    graph::Vertex v;
    return data.Find(id, &v) ? g[v].label : std::string(id);
  };

  if (options.json) {
    Json root = Json::object();
    root["from"] = g[a.value()].id;
    root["to"] = g[b.value()].id;
    root["costs"] = {{"typed", path_options.typed_cost},
                     {"co_occurs", path_options.co_occurs_cost},
                     {"through_concept", path_options.concept_cost}};
    if (!options.skip_types.empty()) root["skipped_types"] = path_options.skip_types;
    Json list = Json::array();
    for (const graph::FoundPath& p : paths) {
      Json pj = Json::object();
      pj["cost"] = p.cost;
      Json entities = Json::array({g[p.links.front().from].id});
      Json links = Json::array();
      for (const graph::PathLink& link : p.links) {
        entities.push_back(g[link.to].id);
        Json lj = Json::object();
        lj["from"] = g[link.from].id;
        lj["to"] = g[link.to].id;
        Json edges = Json::array();
        for (const graph::Edge& e : link.edges) {
          const graph::RelationEdge& r = g[e];
          Json ej = Json::object();
          ej["relation"] = r.relation;
          ej["from"] = r.from;
          ej["to"] = r.to;
          if (!r.date.empty()) ej["date"] = r.date;
          ej["weight"] = r.weight;
          ej["sources"] = r.sources;
          Json evidence = Json::array();
          for (const graph::Evidence& ev : evidence_of[e]) {
            evidence.push_back({{"document", ev.document}, {"line", ev.line}, {"text", ev.text}});
          }
          ej["evidence"] = std::move(evidence);
          edges.push_back(std::move(ej));
        }
        lj["edges"] = std::move(edges);
        links.push_back(std::move(lj));
      }
      pj["entities"] = std::move(entities);
      pj["links"] = std::move(links);
      list.push_back(std::move(pj));
    }
    root["paths"] = std::move(list);
    out << root.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return Status::Ok();
  }

  const std::string& from_label = g[a.value()].label;
  const std::string& to_label = g[b.value()].label;
  if (paths.empty()) {
    out << "no chain of facts links " << from_label << " and " << to_label << " in " << options.from_dir << "\n";
    return Status::Ok();
  }
  out << Plural(static_cast<int>(paths.size()), "shortest path", "shortest paths") << " from " << from_label << " to "
      << to_label << " (" << paths.front().links.size() << (paths.front().links.size() == 1 ? " link" : " links")
      << ", cost " << paths.front().cost << ": a typed relation costs " << path_options.typed_cost
      << ", a co-occurrence " << path_options.co_occurs_cost << ", passing through a concept "
      << path_options.concept_cost << " more)\n";
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const graph::FoundPath& p = paths[i];
    out << "\nPath " << (i + 1) << ": " << g[p.links.front().from].label;
    for (const graph::PathLink& link : p.links) out << " -> " << g[link.to].label;
    out << "\n";
    for (const graph::PathLink& link : p.links) {
      for (const graph::Edge& e : link.edges) {
        const graph::RelationEdge& r = g[e];
        if (r.relation == graph::kCoOccurs) {
          out << "  " << g[link.from].label << " -- named in the same sentence as -- " << g[link.to].label << "  ["
              << FormatWeight(r.weight) << (r.weight == 1 ? " sentence" : " sentences") << ", "
              << Plural(r.sources, "source", "sources") << "]\n";
        } else {
          out << "  " << label(r.from) << " --" << r.relation << "--> " << label(r.to) << "  ["
              << (r.date.empty() ? "" : std::string(r.date) + "; ") << Plural(r.sources, "source", "sources") << "]\n";
        }
        for (const graph::Evidence& ev : evidence_of[e]) {
          out << "      " << ev.document << ":" << ev.line << ": " << OneLine(std::string(ev.text)) << "\n";
        }
      }
    }
  }
  return Status::Ok();
}

}  // namespace chronograph::app
