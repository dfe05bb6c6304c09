// A JSON Schema validator for the subset of draft 2020-12 that
// docs/timeline.schema.json uses: type, properties, required,
// additionalProperties (bool or schema), items, enum, const, pattern
// (ECMAScript, unanchored as the standard says), minimum, minLength, anyOf
// and "$ref": "#/$defs/NAME"; annotations ($schema, $id, title, description)
// are ignored. Any other keyword is an error, so a schema cannot silently
// ask for more than this checks. Header-only, for tests.
#ifndef CHRONOGRAPH_TESTS_JSON_SCHEMA_LITE_H_
#define CHRONOGRAPH_TESTS_JSON_SCHEMA_LITE_H_

#include <cstddef>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace chronograph::testing {

class JsonSchemaLite {
 public:
  explicit JsonSchemaLite(nlohmann::json schema) : root_(std::move(schema)) {}

  // Every problem found, as "PATH: reason" (PATH is a JSON pointer); empty
  // when `value` is valid.
  std::vector<std::string> Validate(const nlohmann::json& value) {
    errors_.clear();
    Check(root_, value, "");
    return errors_;
  }

 private:
  static bool HasType(const nlohmann::json& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    if (type == "boolean") return v.is_boolean();
    if (type == "null") return v.is_null();
    return false;
  }

  // UTF-8 code points (minLength counts code points, not bytes).
  static std::size_t CodePoints(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }

  const std::regex& Regex(const std::string& pattern) {
    auto it = regexes_.find(pattern);
    if (it == regexes_.end()) it = regexes_.emplace(pattern, std::regex(pattern, std::regex::ECMAScript)).first;
    return it->second;
  }

  void Fail(const std::string& path, const std::string& reason) { errors_.push_back((path.empty() ? "/" : path) + ": " + reason); }

  void Check(const nlohmann::json& schema, const nlohmann::json& v, const std::string& path) {
    static const std::set<std::string> kAnnotations = {"$schema", "$id", "title", "description", "$defs", "$comment"};
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) Fail(path, "not allowed");
      return;
    }
    for (const auto& [key, arg] : schema.items()) {
      if (kAnnotations.count(key)) continue;
      if (key == "$ref") {
        const std::string ref = arg.get<std::string>();
        const std::string prefix = "#/$defs/";
        if (ref.rfind(prefix, 0) != 0 || !root_["$defs"].contains(ref.substr(prefix.size()))) {
          Fail(path, "unsupported $ref " + ref);
        } else {
          Check(root_["$defs"][ref.substr(prefix.size())], v, path);
        }
      } else if (key == "type") {
        if (!HasType(v, arg.get<std::string>())) Fail(path, "is not of type " + arg.get<std::string>());
      } else if (key == "const") {
        if (v != arg) Fail(path, "is not " + arg.dump());
      } else if (key == "enum") {
        bool found = false;
        for (const auto& option : arg) found = found || v == option;
        if (!found) Fail(path, v.dump() + " is not one of " + arg.dump());
      } else if (key == "pattern") {
        if (v.is_string() && !std::regex_search(v.get<std::string>(), Regex(arg.get<std::string>()))) {
          Fail(path, v.dump() + " does not match " + arg.get<std::string>());
        }
      } else if (key == "minLength") {
        if (v.is_string() && CodePoints(v.get<std::string>()) < arg.get<std::size_t>()) Fail(path, "is too short");
      } else if (key == "minimum") {
        if (v.is_number() && v.get<double>() < arg.get<double>()) Fail(path, v.dump() + " is below " + arg.dump());
      } else if (key == "required") {
        if (!v.is_object()) continue;
        for (const auto& name : arg) {
          if (!v.contains(name.get<std::string>())) Fail(path, "lacks required \"" + name.get<std::string>() + "\"");
        }
      } else if (key == "properties") {
        if (!v.is_object()) continue;
        for (const auto& [name, sub] : arg.items()) {
          if (v.contains(name)) Check(sub, v[name], path + "/" + name);
        }
      } else if (key == "additionalProperties") {
        if (!v.is_object()) continue;
        const nlohmann::json& props = schema.contains("properties") ? schema["properties"] : nlohmann::json::object();
        for (const auto& [name, sub] : v.items()) {
          if (!props.contains(name)) Check(arg, sub, path + "/" + name);
        }
      } else if (key == "items") {
        if (!v.is_array()) continue;
        for (std::size_t i = 0; i < v.size(); ++i) Check(arg, v[i], path + "/" + std::to_string(i));
      } else if (key == "anyOf") {
        bool any = false;
        for (const auto& sub : arg) {
          std::vector<std::string> saved;
          saved.swap(errors_);
          Check(sub, v, path);
          any = any || errors_.empty();
          errors_.swap(saved);
        }
        if (!any) Fail(path, v.dump() + " matches none of anyOf");
      } else {
        Fail(path, "schema keyword \"" + key + "\" is not supported by JsonSchemaLite");
      }
    }
  }

  nlohmann::json root_;
  std::vector<std::string> errors_;
  std::map<std::string, std::regex> regexes_;
};

}  // namespace chronograph::testing

#endif  // CHRONOGRAPH_TESTS_JSON_SCHEMA_LITE_H_
