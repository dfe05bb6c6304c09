#include "extract/rule_set.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "extract/content_hash.h"
#include "extract/embedded_rules.h"
#include "extract/entities.h"
#include "extract/matcher.h"
#include "extract/normalize.h"
#include "extract/parse_number.h"
#include "extract/relative_dates.h"

namespace chronograph::extract {
namespace {

namespace fs = std::filesystem;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) parts.push_back(part);
  if (!s.empty() && s.back() == sep) parts.emplace_back();
  return parts;
}

// "path:line:column: ": every rule problem names its place (column 1 when
// the whole line or rule is at fault).
std::string Where(const std::string& path, int line, std::size_t column = 1) {
  return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

// 1-based column of field `index` of a line split on sep.
std::size_t FieldColumn(const std::string& line, char sep, std::size_t index) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < index && pos != std::string::npos; ++i) {
    pos = line.find(sep, pos);
    if (pos != std::string::npos) ++pos;
  }
  return pos == std::string::npos ? 1 : pos + 1;
}

// Calls fn(line_number, line) for each line that is not blank or a # comment.
template <typename Fn>
Status ForEachDataLine(const std::string& content, Fn fn) {
  std::istringstream in(content);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    Status s = fn(number, line);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

struct Place {
  int line = 1;
  std::size_t column = 1;
};

// Line and byte column of a byte offset.
Place PlaceOfOffset(const std::string& content, std::size_t offset) {
  offset = std::min(offset, content.size());
  Place p;
  p.line = 1 + static_cast<int>(std::count(content.begin(), content.begin() + static_cast<long>(offset), '\n'));
  const auto nl = content.rfind('\n', offset == 0 ? std::string::npos : offset - 1);
  p.column = offset - (nl == std::string::npos || offset == 0 ? 0 : nl + 1) + 1;
  return p;
}

// Place of the n-th (0-based) occurrence of needle in content, at or after
// `from` (1:1 if absent): nlohmann/json keeps no positions, so a rule is
// located by its text.
Place PlaceOfText(const std::string& content, const std::string& needle, int nth = 0, std::size_t from = 0) {
  auto pos = content.find(needle, from);
  for (; nth > 0 && pos != std::string::npos; --nth) pos = content.find(needle, pos + 1);
  if (pos == std::string::npos) return Place();
  return PlaceOfOffset(content, pos);
}

// The keys a pattern rule may have (rules/README.md). Anything else is an
// error, so that a typo ("mods") does not silently drop what it meant;
// "comment" and keys starting with "_" are free for notes.
const std::map<std::string, nlohmann::json::value_t>& RuleKeys() {
  using T = nlohmann::json::value_t;
  static const std::map<std::string, T> kKeys = {
      {"id", T::string},       {"pattern", T::string}, {"value", T::string},  {"kind", T::string},
      {"type", T::string},     {"mod", T::string},     {"action", T::string}, {"reject", T::string},
      {"relation", T::string}, {"scope", T::string},   {"expand_list", T::boolean},
      {"approximate", T::boolean}, {"ambiguous_order", T::boolean}, {"yearless", T::string},
      {"own_date", T::boolean}};
  return kKeys;
}

// Expands ${name} references from definitions, recursively (depth-limited).
Result<std::string> Expand(const std::string& pattern, const std::map<std::string, std::string>& definitions,
                           int depth = 0) {
  if (depth > 8) return Status::InvalidRule("definitions nest too deeply (a cycle?)");
  std::string out;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const auto open = pattern.find("${", pos);
    if (open == std::string::npos) {
      out += pattern.substr(pos);
      break;
    }
    const auto close = pattern.find('}', open);
    if (close == std::string::npos) return Status::InvalidRule("unclosed ${ in pattern");
    out += pattern.substr(pos, open - pos);
    const std::string name = pattern.substr(open + 2, close - open - 2);
    const auto it = definitions.find(name);
    if (it == definitions.end()) return Status::InvalidRule("unknown definition ${" + name + "}");
    Result<std::string> inner = Expand(it->second, definitions, depth + 1);
    if (!inner.ok()) return inner.status();
    out += "(?:" + inner.value() + ")";
    pos = close + 1;
  }
  return out;
}

}  // namespace

std::string ExpandSlots(const std::string& pattern, const std::string& separator, const std::string& after_slot) {
  std::string out;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    const auto open = pattern.find('{', pos);
    if (open == std::string::npos) break;
    const auto close = pattern.find('}', open);
    const auto colon = pattern.find(':', open);
    const bool slot = close != std::string::npos && colon != std::string::npos && colon < close &&
                      open + 1 < colon && std::isupper(static_cast<unsigned char>(pattern[open + 1])) &&
                      (open == 0 || pattern[open - 1] != '$');
    if (!slot) {
      out += pattern.substr(pos, open + 1 - pos);
      pos = open + 1;
      continue;
    }
    std::string types = pattern.substr(open + 1, colon - open - 1);
    const bool list = !types.empty() && types.back() == '+';
    if (list) types.pop_back();
    const std::string name = pattern.substr(colon + 1, close - colon - 1);
    const std::string one = "\\x{27E6}(?:" + (types == "ANY" ? std::string("[A-Z_]+") : types) + ")#[0-9]+\\x{27E7}";
    out += pattern.substr(pos, open - pos);
    const std::string between = separator.empty() ? std::string("[^\\x{27E6}\\x{3002}]{0,6}") : "(?:" + separator + ")";
    out += "(?P<" + name + ">" + one + (list ? "(?:" + between + one + ")*" : "") + ")";
    if (!after_slot.empty()) out += "(?:" + after_slot + ")?";
    pos = close + 1;
  }
  out += pattern.substr(std::min(pos, pattern.size()));
  return out;
}

Status RuleSet::AddGazetteer(const std::string& path, const std::string& content) {
  return ForEachDataLine(content, [&](int number, const std::string& line) -> Status {
    const std::vector<std::string> fields = Split(line, '\t');
    if (fields.size() < 3 || fields.size() > 4) {
      return Status::InvalidRule(Where(path, number) + "expected canonical<TAB>TYPE<TAB>aliases[<TAB>attributes], got " +
                                 std::to_string(fields.size()) + " fields");
    }
    GazetteerEntry entry;
    entry.canonical = Trim(fields[0]);
    entry.type = Trim(fields[1]);
    entry.file = path;
    entry.line = number;
    entry.source = path + ":" + std::to_string(number);
    if (entry.canonical.empty()) return Status::InvalidRule(Where(path, number) + "empty canonical name");
    const std::size_t type_column = FieldColumn(line, '\t', 1), alias_column = FieldColumn(line, '\t', 2);
    if (entry.type.empty() || !std::all_of(entry.type.begin(), entry.type.end(),
                                           [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; })) {
      return Status::InvalidRule(Where(path, number, type_column) + "type must be upper-case letters, got '" + entry.type +
                                 "'");
    }
    std::size_t column = alias_column;  // of the alias at hand
    for (const std::string& raw : Split(fields[2], '|')) {
      const std::size_t next_column = column + raw.size() + 1;  // past the '|'
      column += raw.size() - Trim(raw + ".").size() + 1;        // skip leading spaces
      std::string alias = Trim(raw);
      GazetteerAlias a;
      if (!alias.empty() && alias[0] == '~') {
        a.weak = true;
        alias = Trim(alias.substr(1));
      }
      if (alias.empty()) return Status::InvalidRule(Where(path, number, column) + "empty alias");
      a.text = NormalizeString(alias);
      // An alias that is nothing but spaces, hyphens or name dots ("·", "-")
      // would match everywhere (the matcher drops those): refused.
      if (EntityFinder::AliasKey(a.text, true).empty()) {
        return Status::InvalidRule(Where(path, number, column) + "alias '" + alias +
                                   "' can match the empty string (it is only spaces, hyphens or name dots)");
      }
      column = next_column;
      entry.aliases.push_back(a);
    }
    if (fields.size() == 4) {
      for (const std::string& kv : Split(fields[3], ';')) {
        if (Trim(kv).empty()) continue;
        const auto eq = kv.find('=');
        if (eq == std::string::npos) {
          return Status::InvalidRule(Where(path, number, FieldColumn(line, '\t', 3)) + "attribute '" + Trim(kv) +
                                     "' is not key=value");
        }
        const std::string key = Trim(kv.substr(0, eq));
        const std::string value = Trim(kv.substr(eq + 1));
        if (key == "context") {
          for (const std::string& c : Split(value, ',')) {
            if (!Trim(c).empty()) entry.context.push_back(Trim(c));
          }
        } else {
          entry.attributes[key] = value;
        }
      }
    }
    // A fact's source ("released_source=OpenAI blog, 2023-03-14") must
    // accompany the fact it vouches for.
    for (const auto& [key, value] : entry.attributes) {
      const auto suffix = key.rfind("_source");
      if (suffix != std::string::npos && suffix + 7 == key.size() && !entry.attributes.count(key.substr(0, suffix))) {
        return Status::InvalidRule(Where(path, number) + "attribute '" + key + "' names no '" + key.substr(0, suffix) +
                                   "' fact on this line");
      }
    }
    gazetteer_.push_back(std::move(entry));
    return Status::Ok();
  });
}

Status RuleSet::AddNumerals(const std::string& path, const std::string& content) {
  return ForEachDataLine(content, [&](int number, const std::string& line) -> Status {
    const std::vector<std::string> fields = Split(line, '\t');
    if (fields.size() != 2) return Status::InvalidRule(Where(path, number) + "expected word<TAB>value");
    const std::size_t value_column = FieldColumn(line, '\t', 1);
    const std::string value = Trim(fields[1]);
    if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return Status::InvalidRule(Where(path, number, value_column) + "value '" + value + "' is not a non-negative integer");
    }
    std::string word = NormalizeString(Trim(fields[0]));
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    const std::optional<int> parsed = ParseInteger<int>(value);
    if (!parsed.has_value()) {
      return Status::InvalidRule(Where(path, number, value_column) + "value '" + value + "' is too large (at most 2147483647)");
    }
    numerals_[word] = *parsed;
    return Status::Ok();
  });
}

Status RuleSet::AddAbbreviations(const std::string& path, const std::string& content) {
  return ForEachDataLine(content, [&](int number, const std::string& line) -> Status {
    const std::string abbreviation = Trim(line);
    if (abbreviation.back() != '.') {
      return Status::InvalidRule(Where(path, number) + "abbreviation '" + abbreviation + "' does not end in '.'");
    }
    abbreviations_.insert(abbreviation);
    return Status::Ok();
  });
}

Status RuleSet::AddPunctuation(const std::string& path, const std::string& content) {
  return ForEachDataLine(content, [&](int number, const std::string& line) -> Status {
    const std::size_t tab = line.find('\t');
    const std::string kind = Trim(line.substr(0, tab));
    const std::string mark = tab == std::string::npos ? "" : Trim(line.substr(tab + 1));
    if (mark.empty() || (kind != "end" && kind != "closer")) {
      return Status::InvalidRule(Where(path, number) + "expected end|closer<TAB>mark");
    }
    (kind == "end" ? punctuation_.ends : punctuation_.closers).push_back(mark);
    return Status::Ok();
  });
}

Status RuleSet::AddPatterns(const std::string& path, const std::string& content, std::set<std::string>* ids) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(content, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based: the byte after the last one read.
    const Place p = PlaceOfOffset(content, e.byte == 0 ? 0 : e.byte - 1);
    return Status::InvalidRule(Where(path, p.line, p.column) + "malformed JSON: " + e.what());
  }
  const std::string stem = fs::path(path).stem().string();
  if (stem != "dates" && stem != "entities" && stem != "relations" && stem != "events") {
    return Status::InvalidRule(Where(path, 1) + "unknown pattern dimension '" + stem +
                               "' (dates, entities, relations, events)");
  }
  if (!doc.is_object() || !doc.contains("rules") || !doc["rules"].is_array()) {
    return Status::InvalidRule(Where(path, 1) + "expected an object with a \"rules\" array");
  }
  for (const auto& [key, value] : doc.items()) {
    if (key != "rules" && key != "definitions" && key != "comment" && (key.empty() || key[0] != '_')) {
      const Place p = PlaceOfText(content, "\"" + key + "\"");
      return Status::InvalidRule(Where(path, p.line, p.column) + "unknown key \"" + key +
                                 "\" (known: rules, definitions, comment)");
    }
  }
  std::map<std::string, std::string> definitions;
  if (doc.contains("definitions")) {
    if (!doc["definitions"].is_object()) return Status::InvalidRule(Where(path, 1) + "\"definitions\" must be an object");
    for (const auto& [name, value] : doc["definitions"].items()) {
      if (!value.is_string()) {
        const Place p = PlaceOfText(content, "\"" + name + "\"");
        return Status::InvalidRule(Where(path, p.line, p.column) + "definition " + name +
                                   " is not a string");
      }
      definitions[name] = value.get<std::string>();
    }
  }
  auto get = [](const nlohmann::json& rule, const char* key) {
    return rule.contains(key) && rule[key].is_string() ? rule[key].get<std::string>() : std::string();
  };
  int index = 0;
  std::map<std::string, int> seen_in_file;  // id -> occurrences so far, to find a duplicate's own line
  for (const auto& rule : doc["rules"]) {
    ++index;
    const std::string id = rule.is_object() ? get(rule, "id") : "";
    Place place;
    if (!id.empty()) {
      place = PlaceOfText(content, "\"" + id + "\"", seen_in_file[id]++);
    } else if (rule.is_object() && rule.contains("pattern")) {
      place = PlaceOfText(content, rule["pattern"].dump());
    }
    const int line = place.line;
    if (!rule.is_object()) {
      return Status::InvalidRule(Where(path, line) + "rule #" + std::to_string(index) + " is not an object");
    }
    if (id.empty()) {
      return Status::InvalidRule(Where(path, line, place.column) + "rule #" + std::to_string(index) +
                                 " has no \"id\"");
    }
    const std::string where = Where(path, line, place.column) + "rule " + id + ": ";
    // Unknown keys and keys of the wrong type, located from the rule's id on.
    for (const auto& [key, value] : rule.items()) {
      if (key == "comment" || (!key.empty() && key[0] == '_')) continue;
      const auto known = RuleKeys().find(key);
      const std::size_t id_offset = content.find("\"" + id + "\"");
      const Place at = PlaceOfText(content, "\"" + key + "\"", 0, id_offset == std::string::npos ? 0 : id_offset);
      const std::string key_where = Where(path, at.line, at.column) + "rule " + id + ": ";
      if (known == RuleKeys().end()) {
        std::string message = key_where + "unknown key \"" + key + "\" (known:";
        for (const auto& [k, t] : RuleKeys()) message += " " + k;
        return Status::InvalidRule(message + ")");
      }
      if (value.type() != known->second) {
        return Status::InvalidRule(key_where + "\"" + key + "\" must be a " +
                                   (known->second == nlohmann::json::value_t::boolean ? "boolean" : "string"));
      }
    }
    const std::string lang = fs::path(path).parent_path().filename().string();
    if (id.rfind(lang + "." + stem + ".", 0) != 0) {
      return Status::InvalidRule(where + "id must start with \"" + lang + "." + stem + ".\"");
    }
    if (!ids->insert(id).second) return Status::InvalidRule(where + "duplicate rule id");
    const std::string pattern = get(rule, "pattern");
    if (pattern.empty()) return Status::InvalidRule(where + "missing \"pattern\"");
    // A file's "list_separator" definition says what may stand between the
    // items of a {TYPE+:slot} list (its language's commas and conjunctions).
    // Its "after_slot" definition, what may follow a name without being an
    // argument (an original name in brackets).
    const std::string separator = definitions.count("list_separator") != 0 ? "${list_separator}" : "";
    const std::string after_slot = definitions.count("after_slot") != 0 ? "${after_slot}" : "";
    Result<std::string> expanded =
        Expand(stem == "relations" ? ExpandSlots(pattern, separator, after_slot) : pattern, definitions);
    if (!expanded.ok()) return Status::InvalidRule(where + expanded.status().message());
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const re2::RE2>(expanded.value(), options);
    if (!regex->ok()) {
      return Status::InvalidRule(where + regex->error());  // error() already quotes the offending text
    }
    PatternRule compiled;
    if (const std::string reject = get(rule, "reject"); !reject.empty()) {
      Result<std::string> expanded_reject = Expand(reject, definitions);
      if (!expanded_reject.ok()) return Status::InvalidRule(where + expanded_reject.status().message());
      compiled.reject = std::make_shared<const re2::RE2>(expanded_reject.value(), options);
      if (!compiled.reject->ok()) return Status::InvalidRule(where + "reject: " + compiled.reject->error());
    }
    compiled.id = id;
    compiled.dimension = stem;
    compiled.file = path;
    compiled.line = line;
    compiled.regex = regex;
    compiled.value = get(rule, "value");
    compiled.kind = get(rule, "kind");
    compiled.type = get(rule, "type");
    compiled.mod = get(rule, "mod");
    compiled.suppress = get(rule, "action") == "suppress";
    compiled.expand_list = rule.contains("expand_list") && rule["expand_list"].is_boolean() && rule["expand_list"].get<bool>();
    compiled.approximate = rule.contains("approximate") && rule["approximate"].is_boolean() && rule["approximate"].get<bool>();
    compiled.own_date = rule.contains("own_date") && rule["own_date"].is_boolean() && rule["own_date"].get<bool>();
    if (compiled.own_date && stem != "relations") return Status::InvalidRule(where + "own_date is for relation rules");
    compiled.ambiguous_order =
        rule.contains("ambiguous_order") && rule["ambiguous_order"].is_boolean() && rule["ambiguous_order"].get<bool>();
    if (const std::string yearless = get(rule, "yearless"); !yearless.empty()) {
      if (yearless != "next" && yearless != "same") return Status::InvalidRule(where + "yearless must be next or same");
      compiled.yearless_next = yearless == "next";
    }
    // events: "no_carry" marks words that put a sentence in another time
    // than the paragraph's ("later", "至今"): it inherits no date; "personal"
    // marks a trigger ("born", "出生于") whose adjacent date belongs to one
    // person only (events.h); "background" spans hold dates of a modifier
    // clause, not carried on ("于 1986 年提出的"); "first_person" words put the turn's speaker in
    // what a sentence states; "speaker" and "addressee" words are mentions of
    // a turn's two parties, unless a "not_pronoun" match overlaps them
    // (relations.h); "subject" words are pronouns that stand for the subject
    // of the sentence before ("It", "他"), of the "type"s listed ("ORG|MODEL").
    // The action is kept in `kind`.
    if (stem == "events") {
      static const std::set<std::string> kEventActions = {"no_carry", "personal",    "background", "first_person",
                                                          "speaker",  "addressee",   "not_pronoun", "subject"};
      if (!kEventActions.count(get(rule, "action"))) {
        return Status::InvalidRule(where +
                                   "an events rule needs \"action\": \"no_carry\", \"personal\", \"background\", \"first_person\", "
                                   "\"speaker\", \"addressee\", \"not_pronoun\" or \"subject\"");
      }
      compiled.kind = get(rule, "action");
      if (compiled.kind == "subject" && compiled.type.empty()) {
        return Status::InvalidRule(where + "a \"subject\" rule needs \"type\": the entity types it stands for (\"ORG|MODEL\")");
      }
    }
    if (stem != "events" && !get(rule, "action").empty() && !compiled.suppress) {
      return Status::InvalidRule(where + "unknown action '" + get(rule, "action") + "' (suppress)");
    }
    if (!compiled.mod.empty() && compiled.mod != "START" && compiled.mod != "MID" && compiled.mod != "END" &&
        compiled.mod != "APPROX") {
      return Status::InvalidRule(where + "mod must be START, MID, END or APPROX");
    }
    if (!compiled.suppress) {
      if (stem == "entities" && compiled.type.empty()) return Status::InvalidRule(where + "missing \"type\"");
      if (stem == "relations") {
        compiled.type = get(rule, "relation");
        if (compiled.type.empty()) return Status::InvalidRule(where + "missing \"relation\"");
        const auto& named = regex->NamedCapturingGroups();
        if (!named.count("from") || !named.count("to")) {
          return Status::InvalidRule(where + "a relation pattern needs a {TYPE:from} and a {TYPE:to} slot");
        }
      }
      if (stem == "dates") {
        static const std::set<std::string> kKinds = {"date", "interval", "duration", "anaphoric", "relative"};
        if (compiled.kind.empty()) compiled.kind = "date";
        if (!kKinds.count(compiled.kind)) return Status::InvalidRule(where + "unknown kind '" + compiled.kind + "'");
        if (compiled.value.empty() && compiled.kind != "anaphoric") return Status::InvalidRule(where + "missing \"value\"");
        if (compiled.kind == "relative") {
          if (const std::string why = CheckRelativeTemplate(compiled.value); !why.empty()) {
            return Status::InvalidRule(where + why);
          }
        }
      }
      // Every ${capture} in the value must be a named group of the pattern.
      const auto& groups = regex->NamedCapturingGroups();
      for (std::size_t p = compiled.value.find("${"); p != std::string::npos; p = compiled.value.find("${", p + 2)) {
        const auto close = compiled.value.find('}', p);
        const std::string name = compiled.value.substr(p + 2, close == std::string::npos ? 0 : close - p - 2);
        const bool list_number = compiled.expand_list && name == "n";  // filled per expanded version
        if (close == std::string::npos || (!groups.count(name) && !list_number)) {
          return Status::InvalidRule(where + "value refers to ${" + name + "}, which is no named group of the pattern");
        }
      }
    }
    const std::string scope = get(rule, "scope");
    if (!scope.empty() && (stem != "relations" || (scope != "sentence" && scope != "paragraph"))) {
      return Status::InvalidRule(where + "unknown scope '" + scope + "' (relations: sentence or paragraph)");
    }
    if (scope == "paragraph") {
      paragraph_relation_rules_.push_back(std::move(compiled));
      continue;
    }
    (stem == "dates"      ? date_rules_
     : stem == "entities" ? entity_rules_
     : stem == "events"   ? event_rules_
                          : relation_rules_)
        .push_back(std::move(compiled));
  }
  return Status::Ok();
}

Result<std::shared_ptr<const RuleSet>> RuleSet::FromFiles(const std::map<std::string, std::string>& files) {
  std::shared_ptr<RuleSet> rules(new RuleSet());
  std::set<std::string> ids;
  std::vector<std::string_view> read;  // path, bytes of every file applied, for the fingerprint
  for (const auto& [path, content] : files) {  // std::map: a fixed, sorted order
    Status s;
    if (EndsWith(path, ".examples.tsv")) {
      continue;  // run by the test suite, not by the engine
    } else if (path.find("gazetteer/") != std::string::npos && EndsWith(path, ".tsv")) {
      s = rules->AddGazetteer(path, content);
    } else if (EndsWith(path, "numerals.tsv")) {
      s = rules->AddNumerals(path, content);
    } else if (EndsWith(path, "abbreviations.tsv")) {
      s = rules->AddAbbreviations(path, content);
    } else if (EndsWith(path, "punctuation.tsv")) {
      s = rules->AddPunctuation(path, content);
    } else if (EndsWith(path, ".json")) {
      s = rules->AddPatterns(path, content, &ids);
    } else if (EndsWith(path, ".md") || EndsWith(path, ".cmake") || EndsWith(path, ".txt")) {
      continue;  // documentation and build lists live beside the rules
    } else {
      s = Status::InvalidRule(path + ":1: unknown rule file kind");
    }
    if (!s.ok()) return s;
    read.push_back(path);
    read.push_back(content);
  }
  rules->fingerprint_ = ContentHash(read);
  // Aliases are unique: one surface form names one entity.
  std::map<std::string, const GazetteerEntry*> owner;
  std::set<std::string> canonicals;
  for (const GazetteerEntry& entry : rules->gazetteer_) {
    if (!canonicals.insert(entry.canonical).second) {
      return Status::InvalidRule(Where(entry.file, entry.line) + "duplicate canonical name '" + entry.canonical + "'");
    }
    for (const GazetteerAlias& alias : entry.aliases) {
      auto [it, inserted] = owner.emplace(alias.text, &entry);
      if (!inserted && it->second != &entry) {
        return Status::InvalidRule(Where(entry.file, entry.line) + "alias '" + alias.text + "' already names '" +
                                   it->second->canonical + "' (" + it->second->file + ":" +
                                   std::to_string(it->second->line) + ")");
      }
    }
  }
  for (const GazetteerEntry& entry : rules->gazetteer_) {
    for (const std::string& c : entry.context) {
      if (!canonicals.count(c)) {
        return Status::InvalidRule(Where(entry.file, entry.line) + "context names '" + c + "', which is no canonical name");
      }
    }
  }
  rules->date_index_ = std::make_shared<const PatternIndex>(rules->date_rules_);
  rules->entity_index_ = std::make_shared<const PatternIndex>(rules->entity_rules_);
  rules->relation_index_ = std::make_shared<const PatternIndex>(rules->relation_rules_);
  rules->paragraph_relation_index_ = std::make_shared<const PatternIndex>(rules->paragraph_relation_rules_);
  rules->event_index_ = std::make_shared<const PatternIndex>(rules->event_rules_);
  return std::shared_ptr<const RuleSet>(std::move(rules));
}

Result<std::map<std::string, std::string>> RuleSet::CollectFiles(const std::string& overlay_dir) {
  std::map<std::string, std::string> files;
  for (const EmbeddedRuleFile& f : EmbeddedRuleFiles()) files[std::string(f.path)] = std::string(f.content);
  if (overlay_dir.empty()) return files;
  std::error_code ec;
  if (!fs::is_directory(overlay_dir, ec)) return Status::InvalidInput(overlay_dir + ": rules directory not found");
  for (fs::recursive_directory_iterator it(overlay_dir, ec), end; it != end && !ec; it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string rel = fs::relative(it->path(), overlay_dir).generic_string();
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) return Status::IoError(it->path().string() + ": cannot open rule file");
    try {  // libstdc++ stream buffers throw on a read error (EIO)
      files[rel].assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } catch (const std::exception& e) {
      return Status::IoError(it->path().string() + ": cannot read rule file: " + e.what());
    }
  }
  if (ec) return Status::IoError(overlay_dir + ": " + ec.message());
  return files;
}

Result<std::shared_ptr<const RuleSet>> RuleSet::Load(const std::string& overlay_dir) {
  Result<std::map<std::string, std::string>> files = CollectFiles(overlay_dir);
  if (!files.ok()) return files.status();
  Result<std::shared_ptr<const RuleSet>> rules = FromFiles(files.value());
  if (rules.ok()) return rules;
  // Name the file as the user knows it: the overlay path, or rules/... for a
  // built-in file.
  const std::string& message = rules.status().message();
  std::set<std::string> embedded;
  for (const EmbeddedRuleFile& f : EmbeddedRuleFiles()) embedded.insert(std::string(f.path));
  for (const auto& [path, content] : files.value()) {
    if (message.rfind(path + ":", 0) != 0) continue;
    const bool from_overlay = !overlay_dir.empty() && (!embedded.count(path) || fs::exists(fs::path(overlay_dir) / path));
    const std::string shown = from_overlay ? (fs::path(overlay_dir) / path).generic_string() : "rules/" + path;
    return Status::InvalidRule(shown + message.substr(path.size()));
  }
  return rules;
}

}  // namespace chronograph::extract
