#include "export/type_colors.h"

namespace chronograph::exporters {

std::string TypeColor(std::string_view type) {
  struct Entry {
    const char* type;
    const char* color;
  };
  static constexpr Entry kColors[] = {
      {"PERSON", "#4e79a7"},  {"ORG", "#f28e2b"},  {"MODEL", "#e15759"},
      {"PRODUCT", "#76b7b2"}, {"DATASET", "#59a14f"}, {"EVENT", "#edc948"},
      {"WORK", "#b07aa1"},    {"CONCEPT", "#ff9da7"}, {"LOCATION", "#9c755f"},
      {"AWARD", "#d4a6c8"},
  };
  for (const Entry& e : kColors) {
    if (type == e.type) return e.color;
  }
  return "#bab0ac";
}

}  // namespace chronograph::exporters
