// The installed library from the outside: extract one sample text, then run
// build's pipeline on it into an output directory.
//   consumer TEXT OUT_DIR
// Exit 0 when both find what the text holds.
#include <chronograph/chronograph.h>

#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: consumer TEXT OUT_DIR\n";
    return 2;
  }
  namespace cg = chronograph;
  std::cout << "chronograph " << cg::Version() << ", rules in " << CHRONOGRAPH_RULES_DIR << "\n";
  auto rules = cg::extract::RuleSet::Load("");
  if (!rules.ok()) return std::cerr << rules.status().ToString() << "\n", 1;
  auto extractor = cg::extract::Extractor::Create(rules.value());
  if (!extractor.ok()) return std::cerr << extractor.status().ToString() << "\n", 1;
  auto document = cg::extract::LoadDocument(argv[1]);
  if (!document.ok()) return std::cerr << document.status().ToString() << "\n", 1;
  const cg::extract::ExtractionResult result = extractor.value()->Extract(document.value());
  std::cout << result.mentions.size() << " mentions, " << result.dates.size() << " dates, " << result.events.size()
            << " events, " << result.relations.size() << " relations\n";
  if (result.mentions.empty() || result.dates.empty()) return 1;

  cg::app::BuildOptions options;
  options.inputs = {argv[1]};
  options.out_dir = argv[2];
  options.quiet = true;
  options.threads = 1;
  if (cg::Status s = cg::app::RunBuild(options); !s.ok()) return std::cerr << s.ToString() << "\n", 1;
  return std::filesystem::exists(std::filesystem::path(argv[2]) / "graph.graphml") ? 0 : 1;
}
