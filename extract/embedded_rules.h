// The default rule files, compiled into the binary (see cmake/EmbedRules.cmake)
// so that chronograph needs no rules directory at run time. Paths are relative
// to rules/ ("zh/dates.json"); the data lives for the whole program.
#ifndef CHRONOGRAPH_EXTRACT_EMBEDDED_RULES_H_
#define CHRONOGRAPH_EXTRACT_EMBEDDED_RULES_H_

#include <string_view>
#include <vector>

namespace chronograph::extract {

struct EmbeddedRuleFile {
  std::string_view path;
  std::string_view content;
};

const std::vector<EmbeddedRuleFile>& EmbeddedRuleFiles();

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_EMBEDDED_RULES_H_
