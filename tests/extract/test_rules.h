// Helpers shared by the extract tests: the embedded rule set, loaded once,
// and a reader that turns a fixture directory into the relative-path ->
// content map RuleSet::FromFiles takes. Test-only; not thread-safe to init.
#ifndef CHRONOGRAPH_TESTS_EXTRACT_TEST_RULES_H_
#define CHRONOGRAPH_TESTS_EXTRACT_TEST_RULES_H_

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "extract/rule_set.h"

namespace chronograph::testing {

// The built-in rules (RuleSet::Load("")); aborts the test binary if they do
// not load, since every test using them would fail for the same reason.
inline const std::shared_ptr<const extract::RuleSet>& EmbeddedRules() {
  static const std::shared_ptr<const extract::RuleSet> rules = [] {
    auto loaded = extract::RuleSet::Load("");
    if (!loaded.ok()) {
      ADD_FAILURE() << "embedded rules do not load: " << loaded.status().ToString();
      std::abort();
    }
    return loaded.value();
  }();
  return rules;
}

// The sentence punctuation of the built-in rules (common/punctuation.tsv).
inline const extract::SentencePunctuation& BuiltinPunctuation() { return EmbeddedRules()->sentence_punctuation(); }

inline std::string SourcePath(const std::string& relative) {
  return std::string(CHRONOGRAPH_SOURCE_DIR) + "/" + relative;
}

inline std::string ReadFileOrDie(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Every regular file under dir, keyed by its path relative to dir ('/'-separated).
inline std::map<std::string, std::string> ReadTree(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    files[std::filesystem::relative(entry.path(), dir).generic_string()] = ReadFileOrDie(entry.path());
  }
  return files;
}

}  // namespace chronograph::testing

#endif  // CHRONOGRAPH_TESTS_EXTRACT_TEST_RULES_H_
