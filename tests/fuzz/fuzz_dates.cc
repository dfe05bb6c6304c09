// libFuzzer target: the date resolver. The first line is a relative
// template ("DCT-1Y") resolved against the second line as reference date and
// the third as previous date; the rest is text whose sentences go through
// FindDates with the built-in rules, each relative date resolved as the
// extractor would.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "extract/dates.h"
#include "extract/normalize.h"
#include "extract/relative_dates.h"
#include "extract/rule_set.h"
#include "extract/sentences.h"

namespace {

std::string_view NextLine(std::string_view& rest) {
  const std::size_t nl = rest.find('\n');
  const std::string_view line = rest.substr(0, nl);
  rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chronograph::extract;
  static const std::shared_ptr<const RuleSet> rules = [] {
    auto loaded = RuleSet::Load("");
    if (!loaded.ok()) std::abort();
    return loaded.value();
  }();
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const std::string_view tmpl = NextLine(rest);
  const std::string reference(NextLine(rest));
  const std::string previous(NextLine(rest));
  const FactLookup no_facts = [](std::string_view, std::string_view) { return std::optional<Fact>(); };
  const Anchors anchors{reference, previous, &no_facts};
  if (const auto parsed = ParseRelativeTemplate(tmpl); parsed.has_value()) {
    std::string anchor;
    (void)ResolveRelative(*parsed, anchors, &anchor);
    (void)ApplyOffsets(previous, Reversed(*parsed));
  }
  (void)CheckRelativeTemplate(tmpl);
  (void)IsCalendarDate(reference);

  const NormalizedText n = Normalize(rest);
  for (const Sentence& s : SplitSentences(n.text, rules->abbreviations(), rules->sentence_punctuation())) {
    for (const FoundDate& d : FindDates(n.text, {s.begin, s.end}, *rules)) {
      if (d.span.begin < s.begin || d.span.end > s.end) std::abort();
      if (const auto t = ParseRelativeTemplate(d.relative); t.has_value()) (void)ResolveRelative(*t, anchors, nullptr);
    }
  }
  return 0;
}
