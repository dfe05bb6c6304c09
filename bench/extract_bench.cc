// Micro-benchmark of extraction alone (no graph, no exporters): Extract() on
// a deterministic mixed zh/en text made in memory here, at several sizes, so
// that per-byte cost and growth with the input show apart from I/O. Reports
// bytes/s. The end-to-end throughput table is bench/run.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/rule_set.h"

namespace {

using chronograph::extract::Document;
using chronograph::extract::Extractor;
using chronograph::extract::RuleSet;

// A fixed linear congruential generator: the same text on every platform
// (std::uniform_int_distribution is not specified bit for bit).
class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : state_(seed) {}
  std::uint32_t Below(std::uint32_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state_ >> 33) % n;
  }

 private:
  std::uint64_t state_;
};

// Sentences written for this benchmark; %P person, %O org, %M model,
// %Y year (1950-2025), %m month number.
const char* const kTemplates[] = {
    "In %Y, %O released %M after %P joined the team.",
    "%P founded %O in %Y and later left to start a lab.",
    "%O acquired a start-up in March %Y; %P led the deal.",
    "The %M paper by %P appeared in %Y.",
    "%Y年%m月，%O发布了%M。",
    "%P于%Y年加入%O，随后主持了%M的研发。",
    "据报道，%O在%Y年收购了一家公司，%P表示这是关键一步。",
    "%P：我们在%Y年开始做%M，当时没人看好。",
    "%O 的 %M 于 %Y 年上线，%P 在发布会上做了 demo。",
    "Nobody at %O expected %M to work, said %P.",
};
const char* const kPeople[] = {"Geoffrey Hinton", "Yann LeCun", "Fei-Fei Li", "杨立昆",
                               "辛顿", "Demis Hassabis", "吴恩达", "Ilya Sutskever"};
const char* const kOrgs[] = {"OpenAI", "DeepMind", "Google Brain", "百度", "谷歌",
                             "Microsoft", "Meta", "腾讯"};
const char* const kModels[] = {"AlexNet", "AlphaGo", "GPT-3", "BERT", "Transformer",
                               "ResNet", "文心一言", "ChatGPT"};

template <std::size_t N>
const char* Pick(Lcg& r, const char* const (&list)[N]) {
  return list[r.Below(N)];
}

std::string MakeText(std::size_t bytes) {
  Lcg r(2012);
  std::string text;
  text.reserve(bytes + 256);
  int in_paragraph = 0;
  while (text.size() < bytes) {
    for (const char* p = Pick(r, kTemplates); *p != '\0'; ++p) {
      if (*p != '%' || p[1] == '\0') {
        text += *p;
        continue;
      }
      switch (*++p) {
        case 'P': text += Pick(r, kPeople); break;
        case 'O': text += Pick(r, kOrgs); break;
        case 'M': text += Pick(r, kModels); break;
        case 'Y': text += std::to_string(1950 + r.Below(76)); break;
        case 'm': text += std::to_string(1 + r.Below(12)); break;
        default: text += *p; break;
      }
    }
    text += (++in_paragraph % 5 == 0) ? "\n\n" : " ";
  }
  return text;
}

// The rules and extractor, built once: loading rules is not what is measured.
const Extractor& SharedExtractor() {
  static const std::shared_ptr<const Extractor> extractor = [] {
    auto rules = RuleSet::Load("");
    if (!rules.ok()) {
      std::fprintf(stderr, "extract_bench: %s\n", rules.status().ToString().c_str());
      std::exit(1);
    }
    auto made = Extractor::Create(rules.value());
    if (!made.ok()) {
      std::fprintf(stderr, "extract_bench: %s\n", made.status().ToString().c_str());
      std::exit(1);
    }
    return made.value();
  }();
  return *extractor;
}

void BM_Extract(benchmark::State& state) {
  const Extractor& extractor = SharedExtractor();
  auto document = chronograph::extract::MakeDocument("bench.txt", MakeText(state.range(0)));
  if (!document.ok()) {
    state.SkipWithError(document.status().ToString().c_str());
    return;
  }
  const Document& doc = document.value();
  std::size_t mentions = 0;
  for (auto _ : state) {
    auto result = extractor.Extract(doc);
    mentions = result.mentions.size();
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * doc.text.size());
  state.counters["mentions"] = static_cast<double>(mentions);
}
BENCHMARK(BM_Extract)->RangeMultiplier(8)->Range(16 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
