// chronograph: command-line entry point. Parses arguments with CLI11 and
// hands each subcommand to its module. Exit codes: 0 ok, 1 bad input (or
// rules), 2 usage, 3 build finished but skipped input documents (its
// outputs are written; docs/robustness.md). No exception escapes main.
#include <cstdlib>
#include <exception>
#include <iostream>

#ifdef CHRONOGRAPH_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include <CLI/CLI.hpp>

#include "app/build_command.h"
#include "app/check_rules_command.h"
#include "app/conflicts_command.h"
#include "app/extract_command.h"
#include "app/merge_command.h"
#include "app/path_command.h"
#include "app/show_command.h"
#include "export/atomic_file.h"
#include "extract/relative_dates.h"

#ifndef CHRONOGRAPH_VERSION
#define CHRONOGRAPH_VERSION "0.0.0"
#endif

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSkipped = 3;

const char kFooter[] = R"(Examples:
  chronograph build talk.txt --out out/
  chronograph build corpus/ notes.md --out out/ --verbose
  cat article.txt | chronograph build - --out out/
  chronograph build corpus/ --rules my-rules/ --out out/
  chronograph build corpus/ --out out/ --entity AlexNet --entity "Geoffrey Hinton"
  chronograph build corpus/ --out out/ --cache cache/   (reruns extract only what changed)
  chronograph build archive/ --out out/ --formats graphml,sqlite   (only these outputs)
  chronograph extract part1/ --out part1.shard          (on any machine)
  chronograph merge part1.shard part2.shard --out out/  (same files as one build)
  chronograph merge a/graph.graphml b/graph.graphml --out both/

Outputs (in --out): graph.graphml (Gephi, networkx, igraph; with a layout,
colours and sizes), graph.gexf (GEXF 1.3 for Gephi's timeline), timeline.json
(entities, dates, events with sources), timelinejs.json (Knight Lab
TimelineJS3), vis-timeline.json (vis-timeline items and groups), report.html
(timeline, graph and entity table in one page that needs no network),
graph.dot and graph.svg (a picture of the graph, drawn by Graphviz when it is
installed), facts.json and conflicts.json (every fact with all its sources;
where sources disagree), graph.ttl and graph.jsonld (RDF Turtle and JSON-LD
with Wikidata properties and reified statements), chronograph.sqlite (the
fact database, with full-text search; show, path and conflicts read it),
extraction.json (what merge reads), timelines/<entity>.json with --entity or
--per-entity. --formats picks some of them (a big corpus writes many times
its size in outputs).
Scaling out: docs/scale-out.md (Dask, Hadoop, Spark, Slurm, GNU parallel).
Inputs that cannot be read cleanly: invalid UTF-8 bytes become U+FFFD (a
warning names the file, line and column); binary, unreadable or vanished files,
FIFOs and devices are skipped with a warning; --strict refuses them instead.
Exit codes: 0 ok, 1 bad input or rules, 2 usage, 3 outputs written but some
input documents were skipped.)";

}  // namespace

int main(int argc, char** argv) {
#ifdef CHRONOGRAPH_WITH_MIMALLOC
  // Memory from the system in 2 MiB pages (transparent huge pages where the
  // kernel allows them): a build touches its memory once, and taking it in
  // 4 KiB pages cost a fifth of the time in page faults. A user's
  // MIMALLOC_LARGE_OS_PAGES still decides.
  if (std::getenv("MIMALLOC_LARGE_OS_PAGES") == nullptr) mi_option_enable(mi_option_large_os_pages);
#endif
  // Ctrl-C and kill remove temporary outputs (before any thread starts).
  chronograph::exporters::InstallInterruptCleanup();
  CLI::App app{"chronograph: AI-history text -> knowledge graph and entity timelines"};
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("chronograph ") + CHRONOGRAPH_VERSION);
  app.require_subcommand(1);

  chronograph::app::BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Read texts and write the graph and timelines");
  build_cmd->footer(kFooter);
  build_cmd->add_option("inputs", build.inputs, "Text files, directories (.txt, .md, recursively) or - for stdin")
      ->required();
  build_cmd->add_option("-o,--out", build.out_dir, "Output directory (created if missing)")->required();
  build_cmd->add_option("-r,--rules", build.rules_dir,
                        "Directory of rule files that add to or replace the built-in rules (same relative paths)")
      ->check(CLI::ExistingDirectory);
  build_cmd->add_option("--entity", build.entities,
                        "Also write timelines/<entity>.json (TimelineJS3) for this entity: label, id or alias, "
                        "any case; repeatable");
  build_cmd->add_flag("--per-entity", build.per_entity, "Write timelines/<entity>.json for every entity");
  build_cmd->add_option("--date", build.reference_date,
                        "Reference date YYYY-MM-DD of every input: what 'today', '去年', 'two years ago' count from "
                        "(default: each document's front matter date:, a dated header line, or none)")
      ->check([](const std::string& value) -> std::string {
        return chronograph::extract::IsCalendarDate(value) ? "" : "not a calendar date YYYY-MM-DD: " + value;
      });
  build_cmd->add_option("--date-order", build.date_order,
                        "How numeric dates whose order is not clear are read: mdy (3/4/2015 is March 4, the "
                        "default) or dmy (4 March); 31/10/74 reads as October 31 either way")
      ->check(CLI::IsMember({"mdy", "dmy"}));
  build_cmd->add_flag("!--no-layout", build.layout,
                      "Write graph.graphml and graph.gexf without node positions (skips the layout; "
                      "Gephi then places nodes itself)");
  build_cmd->add_option("--formats", build.formats,
                        "Write only these outputs, comma-separated (default: all of them; files listed below)")
      ->delimiter(',')
      ->check(CLI::IsMember(chronograph::app::OutputFormats()));
  auto* quiet = build_cmd->add_flag("-q,--quiet", build.quiet, "Print nothing but errors");
  build_cmd->add_flag("-v,--verbose", build.verbose, "Print every date and entity found, with the rule that found it")
      ->excludes(quiet);
  build_cmd->add_option("-j,--threads", build.threads,
                        "Documents extracted at once (default: every core); outputs are the same for any count")
      ->check(CLI::Range(1u, 1024u));
  build_cmd->add_flag("--profile", build.profile, "Print the time spent in each stage and writer on stderr");
  build_cmd->add_flag("--strict", build.load.strict,
                      "Stop at the first input that cannot be read cleanly (invalid UTF-8, binary, unreadable) "
                      "instead of repairing or skipping it");
  build_cmd->add_option("--encoding", build.load.encoding,
                        "Read every input from this encoding (iconv name: GB18030, GBK, BIG5, UTF-16LE, ...); "
                        "default: UTF-8, UTF-16 with a BOM, GB18030 or Big5 detected");
  build_cmd->add_option("--cache", build.cache_dir,
                        "Keep each document's extraction in this directory; a rerun extracts only new or changed "
                        "documents (outputs identical to a clean build)");
  build.chronograph_version = CHRONOGRAPH_VERSION;

  chronograph::app::ExtractCommandOptions extract;
  extract.chronograph_version = CHRONOGRAPH_VERSION;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract", "Extract documents into one shard file, for merge (scale-out: one shard per machine or batch)");
  extract_cmd->footer(kFooter);
  extract_cmd->add_option("inputs", extract.inputs, "Text files, directories (.txt, .md, recursively) or - for stdin");
  extract_cmd->add_option("--files-from", extract.files_from, "Also read input paths from this file, one per line (- = stdin)");
  extract_cmd->add_option("-o,--out", extract.out, "Shard file to write (JSON lines; - = standard output)");
  extract_cmd->add_flag("--list", extract.list_only,
                        "Only print the documents the inputs expand to, one per line (no extraction)");
  extract_cmd->add_option("-r,--rules", extract.rules_dir, "Directory of rule files over the built-in rules")
      ->check(CLI::ExistingDirectory);
  extract_cmd->add_option("--date", extract.reference_date, "Reference date YYYY-MM-DD of every input (as build --date)")
      ->check([](const std::string& value) -> std::string {
        return chronograph::extract::IsCalendarDate(value) ? "" : "not a calendar date YYYY-MM-DD: " + value;
      });
  extract_cmd->add_option("-j,--threads", extract.threads, "Documents extracted at once (default: every core)")
      ->check(CLI::Range(1u, 1024u));
  extract_cmd->add_flag("-q,--quiet", extract.quiet, "Print nothing but errors");
  extract_cmd->add_flag("--strict", extract.load.strict,
                        "Stop at the first input that cannot be read cleanly instead of repairing or skipping it");
  extract_cmd->add_option("--encoding", extract.load.encoding,
                          "Read every input from this encoding (iconv name), as for build");

  // Commands over a built output directory (no re-extraction).
  const char kQueryFooter[] = R"(Examples:
  chronograph show "Ilya Sutskever" --from out/
  chronograph path "Ilya Sutskever" OpenAI --from out/ --json
  chronograph conflicts --from out/

DIR is the --out directory of `chronograph build` (graph.graphml, facts.json).
Exit codes: 0 ok, 1 bad input (missing directory or file, unknown entity), 2 usage.)";
  chronograph::app::ShowOptions show;
  CLI::App* show_cmd = app.add_subcommand("show", "Show an entity: aliases, type, timeline and relations, with sources");
  show_cmd->footer(kQueryFooter);
  show_cmd->add_option("entity", show.entity, "Label, id or alias (any case)")->required();
  show_cmd->add_option("--from", show.from_dir, "Output directory of chronograph build")->required();
  show_cmd->add_flag("--json", show.json, "Print JSON instead of text");

  chronograph::app::PathOptions path;
  CLI::App* path_cmd = app.add_subcommand("path", "Shortest chains of facts linking two entities, with evidence");
  path_cmd->footer(kQueryFooter);
  path_cmd->add_option("a", path.from_entity, "First entity: label, id or alias")->required();
  path_cmd->add_option("b", path.to_entity, "Second entity: label, id or alias")->required();
  path_cmd->add_option("--from", path.from_dir, "Output directory of chronograph build")->required();
  path_cmd->add_option("--max-paths", path.max_paths, "At most this many shortest paths (ties)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  path_cmd->add_option("--skip-type", path.skip_types,
                       "Never pass through entities of this type (CONCEPT, LOCATION, ...; the two ends may be of "
                       "it); repeatable");
  path_cmd->add_option("--concept-cost", path.concept_cost,
                       "Extra cost of passing through a CONCEPT, a hub that co-occurs with everything (0: none)")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  path_cmd->add_flag("--json", path.json, "Print JSON instead of text");

  chronograph::app::ConflictsOptions conflicts;
  CLI::App* conflicts_cmd = app.add_subcommand("conflicts", "Facts whose sources disagree on the date, side by side");
  conflicts_cmd->footer(kQueryFooter);
  conflicts_cmd->add_option("--from", conflicts.from_dir, "Output directory of chronograph build")->required();
  conflicts_cmd->add_flag("--json", conflicts.json, "Print JSON (conflicts.json's format) instead of text");

  chronograph::app::MergeOptions merge;
  merge.chronograph_version = CHRONOGRAPH_VERSION;
  CLI::App* merge_cmd = app.add_subcommand(
      "merge", "Combine shards or earlier runs into exactly what one build over all their documents writes");
  merge_cmd->footer(kFooter);
  merge_cmd->add_option("inputs", merge.inputs,
                        "Shards (from extract or merge --shard; - = stdin), extraction.json files, or graph.graphml "
                        "files of earlier runs (extraction.json beside each)")
      ->required();
  merge_cmd->add_option("-o,--out", merge.output.out_dir, "Output directory (created if missing)");
  merge_cmd->add_option("--shard", merge.shard_out,
                        "Write the merged shard here (- = stdout), for a merge of merges; with or without --out");
  merge_cmd->add_option("--entity", merge.output.entities, "Also write timelines/<entity>.json for this entity");
  merge_cmd->add_flag("--per-entity", merge.output.per_entity, "Write timelines/<entity>.json for every entity");
  merge_cmd->add_flag("!--no-layout", merge.output.layout,
                      "Write graph.graphml and graph.gexf without node positions (skips the layout)");
  merge_cmd->add_option("--formats", merge.output.formats, "Write only these outputs, comma-separated (as build)")
      ->delimiter(',')
      ->check(CLI::IsMember(chronograph::app::OutputFormats()));
  merge_cmd->add_flag("-q,--quiet", merge.output.quiet, "Print nothing but errors");

  chronograph::app::CheckRulesOptions check_rules;
  CLI::App* check_rules_cmd = app.add_subcommand(
      "check-rules", "Check a rules overlay: load it over the built-in rules and run its *.examples.tsv");
  check_rules_cmd->add_option("dir", check_rules.rules_dir, "Rules directory (what build --rules takes)")
      ->required()
      ->check(CLI::ExistingDirectory);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  try {
    if (build_cmd->parsed()) {
      chronograph::app::BuildSummary summary;
      const chronograph::Status status = chronograph::app::RunBuild(build, &summary);
      if (!status.ok()) {
        std::cerr << "chronograph: error: " << status.ToString() << "\n";
        return status.code() == chronograph::Status::Code::kUsage ? kExitUsage : kExitBadInput;
      }
      if (summary.skipped > 0) return kExitSkipped;
    }
    chronograph::Status query;
    std::size_t extract_skipped = 0;
    if (extract_cmd->parsed()) query = chronograph::app::RunExtract(extract, &extract_skipped);
    if (merge_cmd->parsed()) query = chronograph::app::RunMerge(merge);
    if (show_cmd->parsed()) query = chronograph::app::RunShow(show, std::cout);
    if (path_cmd->parsed()) query = chronograph::app::RunPath(path, std::cout);
    if (conflicts_cmd->parsed()) query = chronograph::app::RunConflicts(conflicts, std::cout);
    if (check_rules_cmd->parsed()) query = chronograph::app::RunCheckRules(check_rules, std::cout);
    std::cout.flush();
    if (!query.ok()) {
      std::cerr << "chronograph: error: " << query.ToString() << "\n";
      return query.code() == chronograph::Status::Code::kUsage ? kExitUsage : kExitBadInput;
    }
    if (extract_skipped > 0) return kExitSkipped;  // the shard was written without them
  } catch (const std::exception& e) {
    std::cerr << "chronograph: error: " << e.what() << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}
