// One colour per entity type, shared by the pictures (graph.svg, report.html)
// so that a type looks the same everywhere. Colours are Tableau 10, chosen
// to stay apart for common colour-vision deficiencies. Pure: thread-safe.
#ifndef CHRONOGRAPH_EXPORT_TYPE_COLORS_H_
#define CHRONOGRAPH_EXPORT_TYPE_COLORS_H_

#include <string>
#include <string_view>

namespace chronograph::exporters {

// "#rrggbb" (lower-case hex) for PERSON, ORG, MODEL, PRODUCT, DATASET, EVENT,
// WORK, CONCEPT, LOCATION; a neutral grey for any other type.
std::string TypeColor(std::string_view type);

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_TYPE_COLORS_H_
