// libFuzzer target: the rule loader on one rule file of a kind chosen by
// the first byte (dates/entities/relations JSON, gazetteer, numerals,
// abbreviations). Loading must fail with a Status or succeed; a rule set
// that loads is then run over a short text, so that what was accepted works.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronograph::extract;
  if (size == 0) return 0;
  static const char* const kPaths[] = {"zh/dates.json",         "en/entities.json",      "en/relations.json",
                                       "en/gazetteer/x.tsv",    "common/numerals.tsv",   "en/abbreviations.tsv"};
  const std::string path = kPaths[data[0] % 6];
  std::map<std::string, std::string> files;
  files[path] = std::string(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto rules = RuleSet::FromFiles(files);
  if (!rules.ok()) return 0;
  auto extractor = Extractor::Create(rules.value());
  if (!extractor.ok()) return 0;
  auto document = MakeDocument("fuzz.txt", "OpenAI 于 2015 年 12 月成立。In March 2023 OpenAI released GPT-4.\n");
  if (document.ok()) (void)extractor.value()->Extract(document.value());
  return 0;
}
