// libFuzzer target: one document through the whole extractor (built-in
// rules), as `chronograph build` runs it: MakeDocument (which refuses or
// repairs bytes), then Extract. Every source offset must lie in the document.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronograph::extract;
  static const std::shared_ptr<const Extractor> extractor = [] {
    auto rules = RuleSet::Load("");
    if (!rules.ok()) std::abort();
    auto created = Extractor::Create(rules.value());
    if (!created.ok()) std::abort();
    return created.value();
  }();
  chronograph::Result<Document> document =
      MakeDocument("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  if (!document.ok()) return 0;
  const ExtractionResult result = extractor->Extract(document.value());
  for (const Mention& m : result.mentions) {
    if (m.source.end > document.value().text.size() || m.source.begin > m.source.end) std::abort();
  }
  return 0;
}
