#include "export/graph_picture.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include <boost/graph/graphviz.hpp>

#include "export/atomic_file.h"
#include "export/type_colors.h"
#include "export/xml_text.h"

extern char** environ;

namespace chronograph::exporters {
namespace {

namespace fs = std::filesystem;

struct DotNode {
  std::string label;
  std::string type;
  int mentions = 0;
};
struct DotEdge {
  std::string relation;  // a typed relation, or "" for co-occurrence only
  double weight = 0;
};
using DotGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, DotNode, DotEdge>;

// A DOT double-quoted string: valid UTF-8 XML text, no line breaks, with
// the two characters DOT treats specially inside quotes escaped.
std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : SanitizeForXml10(text)) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out + "\"";
}

std::string FormatNumber(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.2f", x);
  return buffer;
}

}  // namespace

std::string GraphPictureNote(const graph::KnowledgeGraph& kg, const GraphPictureOptions& options) {
  if (kg.entity_count() <= options.max_entities) return "";
  return "graph.dot and graph.svg show the " + std::to_string(options.max_entities) + " most mentioned of " +
         std::to_string(kg.entity_count()) + " entities";
}

Status WriteGraphDot(const graph::KnowledgeGraph& kg, std::ostream& out, const GraphPictureOptions& options) {
  const graph::Graph& g = kg.graph();
  std::vector<graph::Vertex> chosen(boost::vertices(g).first, boost::vertices(g).second);
  std::stable_sort(chosen.begin(), chosen.end(), [&g](graph::Vertex a, graph::Vertex b) {
    if (g[a].mentions != g[b].mentions) return g[a].mentions > g[b].mentions;
    return g[a].id < g[b].id;
  });
  if (chosen.size() > options.max_entities) chosen.resize(options.max_entities);
  std::sort(chosen.begin(), chosen.end());  // vertex (id) order in the file

  DotGraph dot;
  std::map<graph::Vertex, std::size_t> index;
  int max_mentions = 1;
  std::set<std::string> types;
  for (graph::Vertex v : chosen) {
    index[v] = boost::add_vertex(DotNode{g[v].label, g[v].type, g[v].mentions}, dot);
    max_mentions = std::max(max_mentions, g[v].mentions);
    types.insert(g[v].type);
  }

  // One line per pair: its typed relations (first in relation order) and
  // the total weight of every edge between the two.
  std::map<std::pair<std::size_t, std::size_t>, DotEdge> pairs;
  for (graph::Edge e : kg.edges()) {
    const auto s = index.find(boost::source(e, g));
    const auto t = index.find(boost::target(e, g));
    if (s == index.end() || t == index.end()) continue;
    DotEdge& pair = pairs[std::minmax(s->second, t->second)];
    pair.weight += g[e].weight;
    if (g[e].relation != graph::kCoOccurs && pair.relation.empty()) pair.relation = g[e].relation;
  }
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, DotEdge>> ranked(pairs.begin(), pairs.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.relation.empty() != b.second.relation.empty()) return !a.second.relation.empty();
    return a.second.weight > b.second.weight;
  });
  if (ranked.size() > options.max_edges) ranked.resize(options.max_edges);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  double max_weight = 1;
  for (const auto& [ends, edge] : ranked) {
    boost::add_edge(ends.first, ends.second, edge, dot);
    max_weight = std::max(max_weight, edge.weight);
  }

  const auto vertex_writer = [&](std::ostream& os, std::size_t v) {
    const DotNode& n = dot[v];
    const double scale = std::sqrt(static_cast<double>(n.mentions) / max_mentions);  // area ~ mentions
    os << "[label=" << Quote(n.label) << ", tooltip=" << Quote(n.type + ": " + std::to_string(n.mentions) + " mentions")
       << ", fillcolor=\"" << TypeColor(n.type) << "\", fontsize=" << FormatNumber(9 + 15 * scale)
       << ", penwidth=" << FormatNumber(0.5 + 2 * scale) << "]";
  };
  const auto edge_writer = [&](std::ostream& os, const DotGraph::edge_descriptor& e) {
    const DotEdge& edge = dot[e];
    os << "[penwidth=" << FormatNumber(0.6 + 3 * std::sqrt(edge.weight / max_weight));
    if (!edge.relation.empty()) os << ", label=" << Quote(edge.relation) << ", color=\"#555555\"";
    os << "]";
  };
  const auto graph_writer = [&](std::ostream& os) {
    os << "graph [overlap=false, outputorder=edgesfirst, pad=0.3, bgcolor=\"white\", fontname=\"sans-serif\", "
          "labelloc=b, fontsize=18];\n"
       << "node [shape=ellipse, style=filled, fontname=\"sans-serif\", color=\"#333333\", margin=\"0.06,0.03\"];\n"
       << "edge [color=\"#9a9a9a\", fontname=\"sans-serif\", fontsize=8, fontcolor=\"#555555\"];\n";
    // Legend: an HTML-like label (its text is escaped as XML text).
    os << "label=<<table border=\"0\" cellspacing=\"4\"><tr>";
    for (const std::string& type : types) {
      os << "<td bgcolor=\"" << TypeColor(type) << "\">  </td><td>" << EscapeHtml(type) << "</td>";
    }
    os << "<td> " << chosen.size() << " of " << kg.entity_count() << " entities (most mentioned)</td></tr></table>>;\n";
  };
  boost::write_graphviz(out, dot, vertex_writer, edge_writer, graph_writer);
  out.flush();
  if (!out) return Status::IoError("graph.dot: write failed");
  return Status::Ok();
}

std::string FindGraphvizLayoutProgram() {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  for (const char* program : {"sfdp", "neato"}) {
    std::stringstream dirs(path);
    for (std::string dir; std::getline(dirs, dir, ':');) {
      if (dir.empty()) continue;
      const std::string candidate = (fs::path(dir) / program).string();
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  }
  return "";
}

Status RenderGraphSvg(const std::string& program, const std::string& dot_path, const std::string& svg_path) {
  const std::string tmp = TempPathFor(svg_path);
  std::vector<std::string> args = {program, "-Tsvg", dot_path, "-o", tmp};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // Graphviz warns on stderr about things we cannot act on (font metrics,
  // overlap removal); the exit status is what counts.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  // Graphviz gets an empty signal mask: main blocks SIGINT for its cleanup
  // thread (atomic_file.h), and Ctrl-C must stop the child too.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  TrackTempFile(tmp);
  pid_t pid = 0;
  const int spawn_error = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (spawn_error != 0) {
    UntrackTempFile(tmp);
    return Status::IoError(svg_path + ": cannot run " + program);
  }
  int wait_status = 0;
  while (::waitpid(pid, &wait_status, 0) < 0) {
    if (errno != EINTR) return Status::IoError(svg_path + ": lost " + program);
  }
  std::error_code ec;
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
    fs::remove(tmp, ec);
    UntrackTempFile(tmp);
    return Status::IoError(svg_path + ": " + program + " failed (status " + std::to_string(wait_status) + ")");
  }
  return StageTempFile(tmp, svg_path);
}

}  // namespace chronograph::exporters
