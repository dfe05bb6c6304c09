#include "export/json_output.h"

#include <cassert>
#include <exception>

namespace chronograph::exporters {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& value) {
  return value.dump(2, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

// True when `text` is valid UTF-8 (what nlohmann's dump keeps as is).
bool IsValidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (end - p <= extra) return false;
    if (p[1] < low || p[1] > high) return false;
    for (int k = 2; k <= extra; ++k) {
      if (p[k] < 0x80 || p[k] > 0xBF) return false;
    }
    p += extra + 1;
  }
  return true;
}

}  // namespace

// Valid UTF-8 is escaped here; invalid UTF-8 goes through nlohmann itself
// (so that bad bytes are replaced exactly as it replaces them).
void AppendJsonString(std::string_view text, std::string* out) {
  if (!IsValidUtf8(text)) {
    out->append(Dump(Json(std::string(text))));
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->append(text.data() + plain, text.size() - plain);
  out->push_back('"');
}

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
  if (level.close == '}') {
    scratch_.clear();
    AppendJsonString(key_, &scratch_);
    out_ << scratch_ << ": ";
  }
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

void JsonStreamWriter::String(std::string_view text) {
  StartItem();
  scratch_.clear();
  AppendJsonString(text, &scratch_);
  out_ << scratch_;
}

void JsonStreamWriter::Integer(long long number) {
  StartItem();
  out_ << number;
}

void JsonStreamWriter::Bool(bool flag) {
  StartItem();
  out_ << (flag ? "true" : "false");
}

Status JsonStreamWriter::Finish() {
  if (!error_.empty()) return Status::IoError(name_ + ": " + error_);
  out_ << '\n';
  out_.flush();
  if (!out_) return Status::IoError(name_ + ": write failed");
  return Status::Ok();
}

}  // namespace chronograph::exporters
