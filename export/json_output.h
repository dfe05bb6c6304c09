// The one way the JSON exporters write a document: two-space indent, UTF-8
// kept as is (bad bytes replaced, never thrown), a final newline, and a
// Status naming the file when the stream fails. Internal to chronograph_export.
// Small documents are built as one nlohmann::ordered_json and written with
// WriteJsonDocument; documents that grow with the corpus are written item by
// item with JsonStreamWriter, which lays them out byte for byte as
// WriteJsonDocument would (nlohmann's dump(2) layout), holding one item at a
// time.
#ifndef CHRONOGRAPH_EXPORT_JSON_OUTPUT_H_
#define CHRONOGRAPH_EXPORT_JSON_OUTPUT_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/status.h"

namespace chronograph::exporters {

// Appends `text` as a JSON string, the bytes nlohmann's dump(ensure_ascii
// = false, error_handler_t::replace) writes: UTF-8 kept, short escapes for
// \b \f \n \r \t, \u00xx for other control characters, bad bytes replaced.
void AppendJsonString(std::string_view text, std::string* out);

// name is the file name used in messages ("timeline.json").
Status WriteJsonDocument(const nlohmann::ordered_json& root, const std::string& name, std::ostream& out);

// Streams one JSON document. Usage: BeginObject(); Key("a"); Value(j);
// Key("list"); BeginArray(); Value(x)...; End(); End(); Finish().
// Key() names the next member of an object; in an array it must not be
// called. Misuse is a programming error (not checked beyond asserts).
class JsonStreamWriter {
 public:
  JsonStreamWriter(std::ostream& out, std::string name) : out_(out), name_(std::move(name)) {}

  void BeginObject() { Open('{'); }
  void BeginArray() { Open('['); }
  void Key(std::string_view key) { key_ = key; }
  // Writes `value` (any JSON) as the next member or element.
  void Value(const nlohmann::ordered_json& value);
  // The same for a value already serialised with dump(2, ' ', false,
  // replace) (e.g. kept on disk): re-indented to the current depth.
  void ValueText(std::string_view dumped);
  // Scalars written directly, without building a JSON value: the same
  // bytes as Value() of the same string, integer or bool.
  void String(std::string_view text);
  void Integer(long long number);
  void Bool(bool flag);
  // Closes the innermost object or array.
  void End();
  // Writes the final newline and flushes. IoError naming the file when the
  // stream failed or a value could not be serialised.
  Status Finish();

 private:
  struct Level {
    char close;
    std::size_t count = 0;
  };
  void Open(char open);
  void StartItem();  // separator, indent and key of the next member/element

  std::ostream& out_;
  std::string name_;
  std::vector<Level> stack_;
  std::string key_;
  std::string error_;
  std::string scratch_;  // the escaped string being written
};

}  // namespace chronograph::exporters

#endif  // CHRONOGRAPH_EXPORT_JSON_OUTPUT_H_
