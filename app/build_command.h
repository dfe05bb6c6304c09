// `chronograph build`: inputs -> extraction -> one graph -> output files.
// Inputs are files, directories (searched recursively for .txt and .md, in
// sorted order) or "-" for standard input. Every input is read and checked
// before anything is written, so a failed run leaves earlier outputs intact;
// each output file is written to a temporary name and renamed into place.
#ifndef CHRONOGRAPH_APP_BUILD_COMMAND_H_
#define CHRONOGRAPH_APP_BUILD_COMMAND_H_

#include <memory>
#include <string>
#include <vector>

#include "app/corpus_sink.h"
#include "export/extraction_spill.h"
#include "extract/document.h"
#include "extract/extraction.h"
#include "extract/status.h"
#include "graph/knowledge_graph.h"

namespace chronograph::app {

struct BuildOptions {
  std::vector<std::string> inputs;  // required
  std::string out_dir;              // required; created if missing
  std::string rules_dir;            // "" = the rules built into the binary
  bool quiet = false;               // no summary
  bool verbose = false;             // per-document details on stderr
  // Reference date of every input, "YYYY-MM-DD" (--date): relative dates
  // ("去年", "yesterday") count from it. "" = each document's own (front
  // matter, header line or an anchored "today"; see extract/reference_date.h).
  std::string reference_date;
  // How ambiguous numeric dates (3/4/2015) read (--date-order): "mdy" (US,
  // default) or "dmy". See extract/dates.h.
  std::string date_order = "mdy";
  // Per-entity TimelineJS files under OUT/timelines/: the entities named
  // here (label, id or alias, ASCII case-insensitive; an unknown name is
  // InvalidInput listing near matches), or every entity with per_entity.
  std::vector<std::string> entities;
  bool per_entity = false;
  // Documents extracted at once (--threads); 0 = every core.
  unsigned threads = 0;
  // Print the seconds spent in each stage and writer on stderr (--profile).
  bool profile = false;
  // Default true. false (--no-layout): graph.graphml and graph.gexf carry no
  // node positions (export/gephi_drawing.h), which saves the layout's time.
  bool layout = true;
  // --cache DIR: keep each document's extraction there and extract only
  // new or changed documents on the next run (app/document_cache.h). "" = none.
  std::string cache_dir;
  // --formats: the outputs to write, by OutputFormats() name; empty = every
  // one. A corpus of gigabytes writes tens of gigabytes of outputs: who
  // wants the graph for Gephi need not wait for the fact database.
  std::vector<std::string> formats;
  // This program's version, recorded with cached results.
  std::string chronograph_version;
  // --strict (load.strict): the first document that cannot be read cleanly
  // stops the run, as before; default: repaired or skipped, with a warning.
  // --encoding NAME (load.encoding): read every input from that encoding.
  extract::LoadOptions load;
};

// What a build did with documents it could not read cleanly.
struct BuildSummary {
  std::size_t repaired = 0;  // invalid UTF-8 bytes replaced by U+FFFD
  std::size_t skipped = 0;   // unreadable, binary, vanished, not a regular file
};

// Returns ok, or InvalidInput/IoError/InvalidRule with a message naming the
// file and place. Summary and progress go to stderr. A document that cannot
// be read cleanly is repaired or skipped with a warning (counted in
// *summary) unless options.load.strict; when every document is skipped
// there is nothing to build: InvalidInput.
Status RunBuild(const BuildOptions& options, BuildSummary* summary = nullptr);

// The extraction half of RunBuild: reads and extracts every input into a
// new, finalized *corpus (its graph and spilled extractions), with the same
// checks, warnings and --profile lines; options.out_dir is not used. Callers
// that want build's files hand the corpus to WriteOutputs (RunBuild does);
// the Python module keeps the graph in memory.
Status BuildCorpus(const BuildOptions& options, std::unique_ptr<CorpusSink>* corpus, BuildSummary* summary = nullptr);

// The documents of build's INPUT arguments: files and "-" as given,
// directories searched recursively for .txt/.md/.markdown, sorted.
Result<std::vector<std::string>> ExpandInputPaths(const std::vector<std::string>& inputs);

// The output formats build and merge can write (--formats), each with the
// files it writes: "graphml" graph.graphml, "gexf" graph.gexf, "timeline"
// timeline.json, "timelinejs" timelinejs.json, "vis-timeline"
// vis-timeline.json, "report" report.html, "facts" facts.json, "conflicts"
// conflicts.json, "ttl" graph.ttl, "jsonld" graph.jsonld, "extraction"
// extraction.json (what merge reads), "sqlite" chronograph.sqlite (what
// show, path and conflicts read fastest), "svg" graph.dot and graph.svg.
const std::vector<std::string>& OutputFormats();

// Writes every output of a finalized graph into options.out_dir (each file
// atomically), extraction.json from the spilled results, and the summary
// unless quiet.
// Shared by build and merge, so that both write exactly the same files.
Status WriteOutputs(const graph::KnowledgeGraph& graph, const exporters::ExtractionSpill& extractions,
                    const BuildOptions& options, double seconds_so_far);

}  // namespace chronograph::app

#endif  // CHRONOGRAPH_APP_BUILD_COMMAND_H_
