#include "export/json_output.h"

#include <cassert>
#include <exception>

namespace chronograph::exporters {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& value) {
  return value.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

}  // namespace

Status WriteJsonDocument(const nlohmann::ordered_json& root, const std::string& name, std::ostream& out) {
  try {
    out << Dump(root) << '\n';
  } catch (const std::exception& e) {
    return Status::IoError(name + ": " + e.what());
  }
  out.flush();
  if (!out) return Status::IoError(name + ": write failed");
  return Status::Ok();
}

void JsonStreamWriter::StartItem() {
  if (stack_.empty()) return;  // the root value
  Level& level = stack_.back();
  out_ << (level.count++ == 0 ? "\n" : ",\n");
  out_ << std::string(2 * stack_.size(), ' ');
  if (level.close == '}') out_ << Dump(Json(key_)) << ": ";
  key_.clear();
}

void JsonStreamWriter::Open(char open) {
  StartItem();
  out_ << open;
  stack_.push_back(Level{open == '{' ? '}' : ']'});
}

void JsonStreamWriter::End() {
  assert(!stack_.empty());
  const Level level = stack_.back();
  stack_.pop_back();
  if (level.count != 0) out_ << '\n' << std::string(2 * stack_.size(), ' ');
  out_ << level.close;
}

void JsonStreamWriter::Value(const nlohmann::ordered_json& value) {
  std::string text;
  try {
    text = Dump(value);
  } catch (const std::exception& e) {
    if (error_.empty()) error_ = e.what();
    return;
  }
  ValueText(text);
}

void JsonStreamWriter::ValueText(std::string_view text) {
  StartItem();
  // A nested dump starts at column 0: indent its continuation lines to the
  // current depth. JSON strings never hold a raw newline, so every '\n' is
  // layout.
  const std::string indent(2 * stack_.size(), ' ');
  std::size_t from = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out_.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
    out_ << indent;
    from = nl + 1;
  }
  out_.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

Status JsonStreamWriter::Finish() {
  if (!error_.empty()) return Status::IoError(name_ + ": " + error_);
  out_ << '\n';
  out_.flush();
  if (!out_) return Status::IoError(name_ + ": write failed");
  return Status::Ok();
}

}  // namespace chronograph::exporters
