// libFuzzer target: the extraction.json reader that `merge` uses (the
// streaming SAX reader over a file, and one record parsed alone).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "export/extraction_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)chronograph::exporters::ParseExtractionRecord(text);
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir != nullptr ? dir : "/tmp") + "/chronograph-fuzz-extraction-" + std::to_string(getpid()) +
           ".json";
  }();
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    (void)chronograph::exporters::ReadExtractionJson(
        path, [](chronograph::extract::ExtractionResult&&) { return chronograph::Status::Ok(); });
    std::remove(path.c_str());
  }
  return 0;
}
