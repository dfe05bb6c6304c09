// libFuzzer target: the GraphML reader that `merge` and `show` use on a
// graph.graphml written by someone else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "export/graphml_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto read = chronograph::exporters::ReadGraphmlText(text, "fuzz.graphml");
  if (read.ok()) (void)read.value().Edges();
  (void)chronograph::exporters::ParseEvidence(text);
  return 0;
}
