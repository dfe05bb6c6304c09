#include "app/build_command.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <sys/resource.h>
#include <functional>
#include <stdexcept>
#include <thread>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "app/corpus_sink.h"
#include "app/document_cache.h"
#include "app/extract_pool.h"
#include "app/input_files.h"
#include "export/atomic_file.h"
#include "export/extraction_json.h"
#include "export/entity_timelines.h"
#include "export/facts_json.h"
#include "export/gephi_drawing.h"
#include "export/gexf_writer.h"
#include "export/graph_picture.h"
#include "export/graphml_writer.h"
#include "export/rdf_writer.h"
#include "export/report_html.h"
#include "export/sqlite_store.h"
#include "export/timeline_json.h"
#include "export/timelinejs_json.h"
#include "export/vis_timeline_json.h"
#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/matcher.h"
#include "extract/sentences.h"
#include "graph/knowledge_graph.h"

namespace chronograph::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr double kProgressAfterSeconds = 1.5;

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
// for the summary ("" when the picture was drawn). graph.svg is optional:
// when Graphviz fails it is a warning, and an older graph.svg is removed
// with the commit, so that no stale picture stays beside the new graph.
Result<std::string> WriteGraphPicture(const graph::KnowledgeGraph& graph, const fs::path& out) {
  const std::string dot = (out / "graph.dot").string();
  const std::string svg = (out / "graph.svg").string();
  Status s = exporters::WriteFileAtomically(dot, [&](std::ostream& os) { return exporters::WriteGraphDot(graph, os); });
  if (!s.ok()) return s;
  const std::string program = exporters::FindGraphvizLayoutProgram();
  if (program.empty()) {
    exporters::RemoveAtCommit(svg);
    return std::string("graph.svg skipped: Graphviz (sfdp or neato) not found; scripts/setup.sh installs it");
  }
  // graph.dot is staged in the open OutputSet: Graphviz reads the new one
  // from its temp file.
  s = exporters::RenderGraphSvg(program, exporters::TempPathFor(dot), svg);
  if (!s.ok()) {
    exporters::RemoveAtCommit(svg);
    return "warning: graph.svg not drawn: " + s.message();
  }
  return std::string();
}

void PrintDetails(const std::string& path, const extract::ExtractionResult& result) {
  std::cerr << path << ": " << result.sentences.size() << " sentences, " << result.mentions.size() << " mentions, "
            << result.dates.size() << " dates, " << result.events.size() << " events\n";
  if (result.sentences_cut > 0) {
    std::cerr << "  " << path << ": " << result.sentences_cut << " pieces of sentences longer than "
              << extract::kMaxSentenceBytes << " bytes, cut at a clause boundary (first at line "
              << result.first_cut_line << ")\n";
  }
  std::cerr << "  " << path << ": reference date "
            << (result.reference_date.empty() ? "none" : result.reference_date + " (" + result.reference_date_origin + ")")
            << "\n";
  for (const extract::DateMention& d : result.dates) {
    std::cerr << "  " << path << ":" << d.source.line << ": date \"" << d.text << "\" = " << d.value
              << (d.mod.empty() ? "" : " (" + d.mod + ")") << (d.anchor.empty() ? "" : ", from " + d.anchor) << " ["
              << d.rule_id << "]\n";
  }
  for (const extract::Mention& m : result.mentions) {
    std::cerr << "  " << path << ":" << m.source.line << ": " << m.type << " \"" << m.surface << "\" -> "
              << m.canonical << " [" << m.rule_id << "]\n";
  }
}

// One output file (or set of files) to write; status is set by RunOutputTasks.
struct OutputTask {
  const char* name;
  std::function<Status()> write;
  Status status = Status::Ok();
};

// Runs every task on up to `threads` threads (in list order as threads
// free up); returns each task's seconds. A task that throws (a temporary
// file that cannot be read back) gets an IoError status.
std::vector<double> RunOutputTasks(std::vector<OutputTask>& tasks, unsigned threads) {
  std::vector<double> seconds(tasks.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < tasks.size(); i = next++) {
      const Clock::time_point begin = Clock::now();
      try {
        tasks[i].status = tasks[i].write();
      } catch (const std::exception& e) {
        tasks[i].status = Status::IoError(std::string(tasks[i].name) + ": " + e.what());
      }
      seconds[i] = SecondsSince(begin);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<std::size_t>(threads, tasks.size()); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return seconds;
}

// Peak resident memory of the process so far, in MiB.
long PeakRssMiB() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // Linux reports KiB
}

void PrintProfileLine(const char* stage, double seconds) {
  char line[96];
  std::snprintf(line, sizeof line, "  %-22s %9.3f s\n", stage, seconds);
  std::cerr << line;
}

// --profile: where the time went. Extraction stages are summed over the
// worker threads (CPU seconds of the stage), the rest is wall time.
void PrintExtractProfile(const PoolProfile& p, double graph_seconds, unsigned threads, std::size_t bytes,
                         double extract_wall) {
  std::cerr << "chronograph: profile (" << threads << (threads == 1 ? " thread" : " threads") << ", "
            << (bytes >> 20) << " MiB; stages summed over threads)\n";
  PrintProfileLine("read", p.read_seconds);
  PrintProfileLine("normalise", p.stages.normalise);
  PrintProfileLine("sentences", p.stages.sentences);
  PrintProfileLine("dates", p.stages.dates);
  PrintProfileLine("gazetteer scan", p.stages.gazetteer);
  PrintProfileLine("entity patterns", p.stages.entity_patterns);
  PrintProfileLine("events", p.stages.events);
  PrintProfileLine("relations", p.stages.relations);
  PrintProfileLine("graph (add, finalize)", graph_seconds);
  PrintProfileLine("wall until outputs", extract_wall);
  std::cerr << "  peak memory so far      " << PeakRssMiB() << " MiB\n";
}

// --profile: rules that have no literal the prefilter can look for run on
// every sentence; a rule writer wants to know how many.
void PrintPrefilterCoverage(const extract::RuleSet& rules) {
  struct List {
    const char* name;
    const extract::PatternIndex& index;
    std::size_t size;
  };
  const List lists[] = {{"dates", rules.date_index(), rules.date_rules().size()},
                        {"entities", rules.entity_index(), rules.entity_rules().size()},
                        {"relations", rules.relation_index(), rules.relation_rules().size()},
                        {"paragraph relations", rules.paragraph_relation_index(),
                         rules.paragraph_relation_rules().size()}};
  std::cerr << "  rules run on every sentence (no literal to prefilter on):";
  for (const List& l : lists) std::cerr << " " << l.name << " " << l.index.always_run_count() << "/" << l.size;
  std::cerr << "\n";
}

}  // namespace

Result<std::vector<std::string>> ExpandInputPaths(const std::vector<std::string>& inputs) {
  std::vector<std::string> skipped;
  Result<std::vector<std::string>> files = ExpandInputs(inputs, skipped);
  for (const std::string& why : skipped) std::cerr << "chronograph: warning: " << why << "\n";
  return files;
}

Status RunBuild(const BuildOptions& options, BuildSummary* summary) {
  const Clock::time_point start = Clock::now();
  std::unique_ptr<CorpusSink> sink;
  if (Status built = BuildCorpus(options, &sink, summary); !built.ok()) return built;
  return WriteOutputs(sink->graph(), sink->extractions(), options, SecondsSince(start));
}

Status BuildCorpus(const BuildOptions& options, std::unique_ptr<CorpusSink>* corpus, BuildSummary* summary) {
  const Clock::time_point start = Clock::now();
  Result<std::shared_ptr<const extract::RuleSet>> rules = extract::RuleSet::Load(options.rules_dir);
  if (!rules.ok()) return rules.status();
  Result<std::shared_ptr<const extract::Extractor>> extractor = extract::Extractor::Create(rules.value());
  if (!extractor.ok()) return extractor.status();
  // --encoding: an unknown name is a usage error before any work.
  if (Result<extract::Document> probe = extract::MakeDocument("", "", options.load); !probe.ok()) return probe.status();
  std::vector<std::string> skipped_inputs;
  Result<std::vector<std::string>> files = ExpandInputs(options.inputs, skipped_inputs);
  if (!files.ok()) return files.status();
  // Bad documents (docs/robustness.md): reported and skipped or repaired,
  // the run goes on; --strict refuses the first one instead.
  BuildSummary counts;
  for (const std::string& why : skipped_inputs) {
    if (options.load.strict) return Status::InvalidInput(why + " (--strict)");
    std::cerr << "chronograph: warning: " << why << "\n";
    ++counts.skipped;
  }

  *corpus = std::make_unique<CorpusSink>(rules.value()->fingerprint());
  CorpusSink& sink = **corpus;  // folds each result into the graph, spills it for extraction.json
  std::unique_ptr<DocumentCache> cache;
  if (!options.cache_dir.empty()) {
    Result<std::unique_ptr<DocumentCache>> opened = DocumentCache::Open(
        options.cache_dir, options.chronograph_version, rules.value()->fingerprint(), options.reference_date);
    if (!opened.ok()) return opened.status();
    cache = opened.take();
  }
  std::size_t bytes = 0;
  bool showing_progress = false;
  const std::size_t total = files.value().size();
  PoolOptions pool;
  pool.threads = options.threads == 0 ? DefaultThreadCount() : options.threads;
  pool.extract.reference_date = options.reference_date;
  pool.extract.date_order = options.date_order == "dmy" ? extract::DateOrder::kDayFirst : extract::DateOrder::kMonthFirst;
  pool.extract.threads = pool.threads;  // a very long document uses them too
  pool.cache = cache.get();
  pool.load = options.load;
  if (!options.load.strict) {
    pool.on_notice = [&](std::size_t, const DocumentNotice& notice) {
      if (showing_progress) std::cerr << "\n";
      showing_progress = false;
      if (notice.kind == DocumentNotice::Kind::kDecoded) {
        if (!options.quiet) std::cerr << "chronograph: note: " << notice.message << "\n";
        return;
      }
      const bool skipped = notice.kind == DocumentNotice::Kind::kSkipped;
      std::cerr << "chronograph: warning: " << notice.message << (skipped ? "; document skipped" : "") << "\n";
      ++(skipped ? counts.skipped : counts.repaired);
    };
  }
  PoolProfile profile;
  double graph_seconds = 0;
  Status extracted = ExtractAll(
      files.value(), *extractor.value(), pool,
      [&](std::size_t i, std::size_t document_bytes, extract::ExtractionResult result) {
        const std::string& path = files.value()[i];
        bytes += document_bytes;
        if (options.verbose) PrintDetails(path, result);
        const Clock::time_point adding = Clock::now();
        sink.Add(std::move(result));
        graph_seconds += SecondsSince(adding);
        if (!options.quiet && (showing_progress || SecondsSince(start) > kProgressAfterSeconds)) {
          showing_progress = true;
          std::cerr << "\r[" << (i + 1) << "/" << total << "] " << (bytes >> 10) << " KiB read" << std::flush;
        }
        return Status::Ok();
      },
      options.profile ? &profile : nullptr);
  if (showing_progress) std::cerr << "\n";
  if (!extracted.ok()) return extracted;
  if (cache != nullptr) {
    const std::size_t pruned = cache->Prune();
    if (!options.quiet) {
      std::cerr << "chronograph: cache " << cache->dir() << ": " << cache->misses() << " extracted, " << cache->hits()
                << " unchanged, " << pruned << " stale removed\n";
    }
  }
  if (summary != nullptr) *summary = counts;
  if (counts.repaired + counts.skipped > 0) {
    std::cerr << "chronograph: warning: " << counts.repaired << " document(s) repaired, " << counts.skipped
              << " skipped (see the warnings above; --strict refuses them)\n";
  }
  if (sink.extractions().size() == 0) return Status::InvalidInput("no document could be read");
  const Clock::time_point finalizing = Clock::now();
  sink.Finalize();
  graph_seconds += SecondsSince(finalizing);
  if (options.profile) {
    PrintExtractProfile(profile, graph_seconds, pool.threads, bytes, SecondsSince(start));
    PrintPrefilterCoverage(*rules.value());
  }
  return Status::Ok();
}

const std::vector<std::string>& OutputFormats() {
  static const std::vector<std::string> formats = {"graphml", "gexf",     "timeline", "timelinejs", "vis-timeline",
                                                   "report",  "facts",    "conflicts", "ttl",       "jsonld",
                                                   "extraction", "sqlite", "svg"};
  return formats;
}

Status WriteOutputs(const graph::KnowledgeGraph& graph, const exporters::ExtractionSpill& extractions,
                    const BuildOptions& options, double seconds_so_far) {
  const Clock::time_point start = Clock::now();
  const std::size_t total = extractions.size();
  Result<std::vector<graph::Vertex>> chosen = ChooseEntities(graph, options);
  if (!chosen.ok()) return chosen.status();

  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (ec) return Status::IoError(options.out_dir + ": cannot create output directory: " + ec.message());
  // One run at a time per --out; the outputs are replaced as a whole or not
  // at all (every writer stages its temp file; renamed together below).
  exporters::DirectoryLock lock;
  if (Status locked = exporters::DirectoryLock::Acquire(options.out_dir, &lock); !locked.ok()) return locked;
  exporters::OutputSet output_set;
  const fs::path out(options.out_dir);
  auto wanted = [&options](const char* format) {
    return options.formats.empty() ||
           std::find(options.formats.begin(), options.formats.end(), format) != options.formats.end();
  };
  // One layout for both Gephi files, computed by the first of them to need
  // it: the other outputs are written meanwhile on the other threads.
  exporters::DrawingOptions drawing_options;
  drawing_options.layout = options.layout && (wanted("graphml") || wanted("gexf"));
  std::once_flag drawing_once;
  exporters::GephiDrawing drawing_value;
  double layout_seconds = 0;
  auto drawing = [&]() -> const exporters::GephiDrawing& {
    std::call_once(drawing_once, [&] {
      const Clock::time_point laying_out = Clock::now();
      drawing_value = exporters::ComputeGephiDrawing(graph, drawing_options);
      layout_seconds = SecondsSince(laying_out);
    });
    return drawing_value;
  };
  struct Output {
    const char* format;  // OutputFormats() name
    const char* name;    // file
    std::function<Status(const graph::KnowledgeGraph&, std::ostream&)> write;
  };
  const Output outputs[] = {
      {"graphml", "graph.graphml", [&](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteGraphml(g, drawing(), os); }},
      {"timeline", "timeline.json", exporters::WriteTimelineJson},
      {"timelinejs", "timelinejs.json", [](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteTimelineJsJson(g, os); }},
      {"vis-timeline", "vis-timeline.json", exporters::WriteVisTimelineJson},
      {"report", "report.html", [](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteReportHtml(g, os); }},
      {"facts", "facts.json", [](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteFactsJson(g, os); }},
      {"conflicts", "conflicts.json", [](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteConflictsJson(g, os); }},
      {"ttl", "graph.ttl", exporters::WriteTurtle},
      {"jsonld", "graph.jsonld", exporters::WriteJsonLd},
      // Last, so that it rarely waits for the layout graph.graphml computes.
      {"gexf", "graph.gexf", [&](const graph::KnowledgeGraph& g, std::ostream& os) { return exporters::WriteGexf(g, drawing(), os); }},
  };
  // Every file is independent of the others and the graph is read-only
  // now: they are written on the --threads threads, each atomically,
  // longest first (chronograph.sqlite).
  std::vector<OutputTask> tasks;
  std::vector<std::string> written;  // file names, for the summary
  if (wanted("sqlite")) {
    written.push_back("chronograph.sqlite");
    tasks.push_back({"chronograph.sqlite", [&] {
                       return exporters::WriteSqliteStore(graph, extractions, (out / "chronograph.sqlite").string());
                     }});
  }
  for (const Output& o : outputs) {
    if (!wanted(o.format)) continue;
    written.push_back(o.name);
    tasks.push_back({o.name, [&, o] {
                       return exporters::WriteFileAtomically((out / o.name).string(),
                                                             [&](std::ostream& os) { return o.write(graph, os); });
                     }});
  }
  tasks.push_back({"timelines/", [&] { return WriteEntityTimelines(graph, chosen.value(), out); }});
  if (wanted("extraction")) {
    written.push_back("extraction.json");
    tasks.push_back({"extraction.json", [&] {
                       return exporters::WriteFileAtomically(
                           (out / "extraction.json").string(),
                           [&](std::ostream& os) { return extractions.WriteExtractionJson(os); });
                     }});
  }
  std::string picture_note;
  if (wanted("svg")) {
    tasks.push_back({"graph.dot, graph.svg", [&] {
                       Result<std::string> note = WriteGraphPicture(graph, out);
                       if (!note.ok()) return note.status();
                       picture_note = note.value();
                       return Status::Ok();
                     }});
  }
  graph.PrepareConcurrentReads();
  extractions.PrepareConcurrentReads();
  const std::vector<double> seconds = RunOutputTasks(tasks, options.threads == 0 ? DefaultThreadCount() : options.threads);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (!tasks[i].status.ok()) return tasks[i].status;  // output_set abandons every staged file
    if (options.profile) PrintProfileLine(tasks[i].name, seconds[i]);
  }
  if (options.profile && drawing_options.layout) PrintProfileLine("layout (in the above)", layout_seconds);
  if (Status committed = output_set.Commit(); !committed.ok()) return committed;
  if (options.profile) std::cerr << "  peak memory            " << PeakRssMiB() << " MiB\n";
  if (wanted("svg")) {
    written.push_back("graph.dot");
    if (picture_note.empty()) written.push_back("graph.svg");
  }
  if (picture_note.rfind("warning: ", 0) == 0) {
    std::cerr << "chronograph: " << picture_note << "\n";  // even with --quiet
  } else if (!options.quiet && !picture_note.empty()) {
    std::cerr << "chronograph: note: " << picture_note << "\n";
  }
  if (const std::string note = exporters::GraphPictureNote(graph); !options.quiet && wanted("svg") && !note.empty()) {
    std::cerr << "chronograph: note: " << note << "\n";
  }

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
              << "wrote " << out.string();
    // Six file names a line.
    for (std::size_t i = 0; i < written.size(); ++i) {
      std::cerr << (i == 0 ? ": " : i % 6 == 0 ? ",\n  " : ", ") << written[i];
    }
    if (!chosen.value().empty()) {
      std::cerr << (written.empty() ? ": " : ", ") << chosen.value().size() << " file(s) in "
                << exporters::kEntityTimelineDir << "/";
    }
    std::cerr << "\n";
  }
  return Status::Ok();
}

}  // namespace chronograph::app
