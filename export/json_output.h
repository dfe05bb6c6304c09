// The one way the JSON exporters write a document: two-space indent, UTF-8
// kept as is (bad bytes replaced, never thrown), a final newline, and a
// Status naming the file when the stream fails. Internal to chronograph_export.
#ifndef CHRONOGRAPH_EXPORT_JSON_OUTPUT_H_
#define CHRONOGRAPH_EXPORT_JSON_OUTPUT_H_

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "extract/status.h"

namespace chronograph::exporters {

// name is the file name used in messages ("timeline.json").
Status WriteJsonDocument(const nlohmann::ordered_json& root, const std::string& name, std::ostream& out);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_JSON_OUTPUT_H_
