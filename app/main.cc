// chronograph: command-line entry point. Parses arguments with CLI11 and
// hands each subcommand to its module. Exit codes: 0 ok, 1 bad input (or
// rules), 2 usage. No exception escapes main.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/build_command.h"

#ifndef CHRONOGRAPH_VERSION
#define CHRONOGRAPH_VERSION "0.0.0"
#endif

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

const char kFooter[] = R"(Examples:
  chronograph build talk.txt --out out/
  chronograph build corpus/ notes.md --out out/ --verbose
  cat article.txt | chronograph build - --out out/
  chronograph build corpus/ --rules my-rules/ --out out/

Outputs (in --out): graph.graphml (Gephi, networkx, igraph), timeline.json
(entities, dates, events with sources), timelinejs.json (Knight Lab
TimelineJS3), vis-timeline.json (vis-timeline items and groups).
Exit codes: 0 ok, 1 bad input or rules, 2 usage.)";

}  // namespace

int main(int argc, char** argv) {
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
  auto* quiet = build_cmd->add_flag("-q,--quiet", build.quiet, "Print nothing but errors");
  build_cmd->add_flag("-v,--verbose", build.verbose, "Print every date and entity found, with the rule that found it")
      ->excludes(quiet);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  try {
    if (build_cmd->parsed()) {
      const chronograph::Status status = chronograph::app::RunBuild(build);
      if (!status.ok()) {
        std::cerr << "chronograph: error: " << status.ToString() << "\n";
        return status.code() == chronograph::Status::Code::kUsage ? kExitUsage : kExitBadInput;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "chronograph: error: " << e.what() << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}
