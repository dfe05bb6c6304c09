#include "app/build_command.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <set>

#include "export/atomic_file.h"
#include "export/extraction_json.h"
#include "export/entity_timelines.h"
#include "export/facts_json.h"
#include "export/gephi_drawing.h"
#include "export/gexf_writer.h"
#include "export/graph_picture.h"
#include "export/graphml_writer.h"
#include "export/report_html.h"
#include "export/timeline_json.h"
#include "export/timelinejs_json.h"
#include "export/vis_timeline_json.h"
#include "extract/document.h"
#include "extract/extractor.h"
#include "graph/knowledge_graph.h"

namespace chronograph::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr double kProgressAfterSeconds = 1.5;

bool IsTextFile(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".txt" || ext == ".md" || ext == ".markdown";
}

// Expands directories into their .txt/.md files, sorted; keeps files and "-".
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-" || fs::is_regular_file(input, ec)) {
      files.push_back(input);
      continue;
    }
    if (!fs::is_directory(input, ec)) return Status::InvalidInput(input + ": no such file or directory");
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(input, ec), end; it != end && !ec; it.increment(ec)) {
      if (it->is_regular_file() && IsTextFile(it->path())) found.push_back(it->path().generic_string());
    }
    if (ec) return Status::IoError(input + ": " + ec.message());
    std::sort(found.begin(), found.end());
    if (found.empty()) return Status::InvalidInput(input + ": directory holds no .txt or .md file");
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The vertices named by --entity (each name may match several entities),
// or all with --per-entity; sorted, unique. Fails on a name that matches
// nothing, before any output is written.
Result<std::vector<graph::Vertex>> ChooseEntities(const graph::KnowledgeGraph& graph, const BuildOptions& options) {
  std::set<graph::Vertex> chosen;
  if (options.per_entity) {
    for (graph::Vertex v : boost::make_iterator_range(boost::vertices(graph.graph()))) chosen.insert(v);
  }
  for (const std::string& name : options.entities) {
    const std::vector<graph::Vertex> found = exporters::FindEntitiesByName(graph, name);
    if (found.empty()) {
      std::string message = "--entity \"" + name + "\": no entity has this label, id or alias";
      const std::vector<std::string> near = exporters::NearEntityNames(graph, name);
      for (std::size_t i = 0; i < near.size(); ++i) message += (i == 0 ? "; near matches: " : ", ") + near[i];
      if (near.empty()) message += " (timeline.json lists every entity)";
      return Status::InvalidInput(message);
    }
    chosen.insert(found.begin(), found.end());
  }
  return std::vector<graph::Vertex>(chosen.begin(), chosen.end());
}

// OUT/timelines/<stem>.json for each chosen entity.
Status WriteEntityTimelines(const graph::KnowledgeGraph& graph, const std::vector<graph::Vertex>& chosen,
                            const fs::path& out) {
  if (chosen.empty()) return Status::Ok();
  const fs::path dir = out / exporters::kEntityTimelineDir;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError(dir.string() + ": cannot create directory: " + ec.message());
  const std::vector<std::string> stems = exporters::EntityFileStems(graph);
  for (graph::Vertex v : chosen) {
    const std::string name = stems[v] + ".json";
    Status s = exporters::WriteFileAtomically((dir / name).string(), [&](std::ostream& os) {
      return exporters::WriteEntityTimelineJs(graph, v, std::string(exporters::kEntityTimelineDir) + "/" + name, os);
    });
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

// graph.dot, then graph.svg when Graphviz is installed. Returns the note
// for the summary ("" when the picture was drawn).
Result<std::string> WriteGraphPicture(const graph::KnowledgeGraph& graph, const fs::path& out) {
  const std::string dot = (out / "graph.dot").string();
  Status s = exporters::WriteFileAtomically(dot, [&](std::ostream& os) { return exporters::WriteGraphDot(graph, os); });
  if (!s.ok()) return s;
  const std::string program = exporters::FindGraphvizLayoutProgram();
  if (program.empty()) return std::string("graph.svg skipped: Graphviz (sfdp or neato) not found; scripts/setup.sh installs it");
  s = exporters::RenderGraphSvg(program, dot, (out / "graph.svg").string());
  if (!s.ok()) return s;
  return std::string();
}

}  // namespace

Status RunBuild(const BuildOptions& options) {
  const Clock::time_point start = Clock::now();
  Result<std::shared_ptr<const extract::RuleSet>> rules = extract::RuleSet::Load(options.rules_dir);
  if (!rules.ok()) return rules.status();
  Result<std::shared_ptr<const extract::Extractor>> extractor = extract::Extractor::Create(rules.value());
  if (!extractor.ok()) return extractor.status();
  Result<std::vector<std::string>> files = ExpandInputs(options.inputs);
  if (!files.ok()) return files.status();

  graph::KnowledgeGraph graph;
  std::vector<extract::ExtractionResult> results;  // kept for extraction.json (merge)
  std::size_t bytes = 0;
  bool showing_progress = false;
  const std::size_t total = files.value().size();
  for (std::size_t i = 0; i < total; ++i) {
    const std::string& path = files.value()[i];
    Result<extract::Document> document = extract::LoadDocument(path);
    if (!document.ok()) return document.status();
    bytes += document.value().text.size();
    extract::ExtractOptions extract_options;
    extract_options.reference_date = options.reference_date;
    extract::ExtractionResult result = extractor.value()->Extract(document.value(), extract_options);
    if (options.verbose) {
      std::cerr << path << ": " << result.sentences.size() << " sentences, " << result.mentions.size() << " mentions, "
                << result.dates.size() << " dates, " << result.events.size() << " events\n";
      std::cerr << "  " << path << ": reference date "
                << (result.reference_date.empty() ? "none" : result.reference_date + " (" + result.reference_date_origin + ")")
                << "\n";
      for (const extract::DateMention& d : result.dates) {
        std::cerr << "  " << path << ":" << d.source.line << ": date \"" << d.text << "\" = " << d.value
                  << (d.mod.empty() ? "" : " (" + d.mod + ")") << (d.anchor.empty() ? "" : ", from " + d.anchor)
                  << " [" << d.rule_id << "]\n";
      }
      for (const extract::Mention& m : result.mentions) {
        std::cerr << "  " << path << ":" << m.source.line << ": " << m.type << " \"" << m.surface << "\" -> "
                  << m.canonical << " [" << m.rule_id << "]\n";
      }
    }
    graph.Add(result);
    results.push_back(std::move(result));
    if (!options.quiet && (showing_progress || SecondsSince(start) > kProgressAfterSeconds)) {
      showing_progress = true;
      std::cerr << "\r[" << (i + 1) << "/" << total << "] " << (bytes >> 10) << " KiB read" << std::flush;
    }
  }
  if (showing_progress) std::cerr << "\n";
  graph.Finalize();
  return WriteOutputs(graph, results, options, SecondsSince(start));
}

Status WriteOutputs(const graph::KnowledgeGraph& graph, const std::vector<extract::ExtractionResult>& results,
                    const BuildOptions& options, double seconds_so_far) {
  const Clock::time_point start = Clock::now();
  const std::size_t total = results.size();
  Result<std::vector<graph::Vertex>> chosen = ChooseEntities(graph, options);
  if (!chosen.ok()) return chosen.status();

  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (ec) return Status::IoError(options.out_dir + ": cannot create output directory: " + ec.message());
  const fs::path out(options.out_dir);
  // One layout for both Gephi files.
  exporters::DrawingOptions drawing_options;
  drawing_options.layout = options.layout;
  const exporters::GephiDrawing drawing = exporters::ComputeGephiDrawing(graph, drawing_options);
  struct Output {
    const char* name;
    std::function<Status(const graph::KnowledgeGraph&, std::ostream&)> write;
  };
  const Output outputs[] = {
      {"graph.graphml", [&](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteGraphml(g, drawing, os); }},
      {"graph.gexf", [&](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteGexf(g, drawing, os); }},
      {"timeline.json", exporters::WriteTimelineJson},
      {"timelinejs.json", [](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteTimelineJsJson(g, os); }},
      {"vis-timeline.json", exporters::WriteVisTimelineJson},
      {"report.html", [](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteReportHtml(g, os); }},
      {"facts.json", [](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteFactsJson(g, os); }},
      {"conflicts.json", [](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteConflictsJson(g, os); }},
  };
  for (const Output& o : outputs) {
    Status s = exporters::WriteFileAtomically((out / o.name).string(),
                                              [&](std::ostream& os) { return o.write(graph, os); });
    if (!s.ok()) return s;
  }
  if (Status s = WriteEntityTimelines(graph, chosen.value(), out); !s.ok()) return s;
  if (Status s = exporters::WriteFileAtomically(
          (out / "extraction.json").string(),
          [&](std::ostream& os) { return exporters::WriteExtractionJson(results, os); });
      !s.ok()) {
    return s;
  }
  Result<std::string> picture_note = WriteGraphPicture(graph, out);
  if (!picture_note.ok()) return picture_note.status();
  if (!options.quiet && !picture_note.value().empty()) std::cerr << "chronograph: note: " << picture_note.value() << "\n";

  if (!options.quiet) {
    std::map<std::string, int> by_type;
    for (auto v : boost::make_iterator_range(boost::vertices(graph.graph()))) ++by_type[graph.graph()[v].type];
    std::cerr << "chronograph: " << total << (total == 1 ? " document" : " documents") << ", "
              << graph.entity_count() << " entities (";
    bool first = true;
    for (const auto& [type, n] : by_type) {
      std::cerr << (first ? "" : ", ") << type << " " << n;
      first = false;
    }
    std::cerr << "), " << graph.dates().size() << " dates, " << graph.events().size() << " events, "
              << graph.edge_count() << " edges in " << std::fixed;
    std::cerr.precision(2);
    std::cerr << seconds_so_far + SecondsSince(start) << " s\n"
              << "wrote " << (out / "graph.graphml").string() << ", graph.gexf, timeline.json, timelinejs.json, vis-timeline.json\n";
    std::cerr << "wrote facts.json, conflicts.json, extraction.json\n";
    std::cerr << "wrote report.html, graph.dot" << (picture_note.value().empty() ? ", graph.svg" : "");
    if (!chosen.value().empty()) {
      std::cerr << ", " << chosen.value().size() << " file(s) in " << exporters::kEntityTimelineDir << "/";
    }
    std::cerr << "\n";
  }
  return Status::Ok();
}

}  // namespace chronograph::app
