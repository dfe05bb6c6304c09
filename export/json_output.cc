#include "export/json_output.h"

#include <exception>

namespace chronograph::exporters {

Status WriteJsonDocument(const nlohmann::ordered_json& root, const std::string& name, std::ostream& out) {
  try {
    out << root.dump(2, ' ', /*ensure_ascii=*/false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  } catch (const std::exception& e) {
    return Status::IoError(name + ": " + e.what());
  }
  out.flush();
  if (!out) return Status::IoError(name + ": write failed");
  return Status::Ok();
}

}  // namespace chronograph::exporters
