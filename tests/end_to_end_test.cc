// End to end: `chronograph build examples --out DIR` twice, byte-identical
// outputs; graph.graphml read back with pugixml and timeline.json with
// nlohmann/json, checked against the output contract (docs/formats.md);
// recall, precision and types against the hand-made ground truth in
// examples/expected/, printed per file with the misses, asserted against
// floors just under what the rules achieve, so that a regression fails.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "extract/document.h"
#include "extract/extractor.h"
#include "extract/rule_set.h"

namespace chronograph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Achieved when set: recall dates 0.989, entities 0.974;
// precision dates 1.0, entities 0.984; types 0.952.
constexpr double kDateRecallFloor = 0.97;
constexpr double kEntityRecallFloor = 0.95;
// Of the dates found on the example files, the share the ground truth lists
// on that line; of the distinct entities found, the share it names.
constexpr double kDatePrecisionFloor = 0.97;
constexpr double kEntityPrecisionFloor = 0.95;
// Of the expected entities found, the share found with the expected type.
constexpr double kTypeAgreementFloor = 0.92;

const std::string kSource = CHRONOGRAPH_SOURCE_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  return fields;
}

// Lines of a ground-truth file that are not blank or # comments.
std::vector<std::string> DataLines(const fs::path& path) {
  std::vector<std::string> lines;
  std::istringstream in(ReadFile(path));
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

// Runs the binary on examples/ (from the source dir, so documents are named
// "examples/...", as in the ground truth) into two fresh directories.
class EndToEndTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // ctest runs each TEST of this file as its own process, in parallel:
    // every process gets its own directory.
    const fs::path base = fs::path(CHRONOGRAPH_TEST_TMP) / std::to_string(getpid());
    fs::remove_all(base);
    fs::create_directories(base);
    for (const char* name : {"run1", "run2"}) {
      const fs::path out = base / name;
      const std::string command = "cd \"" + kSource + "\" && \"" + CHRONOGRAPH_BIN +
                                  "\" build examples --out \"" + out.string() + "\" --quiet";
      const int status = std::system(command.c_str());
      ASSERT_EQ(status, 0) << command;
    }
    dir1_ = base / "run1";
    dir2_ = base / "run2";
  }

  static void TearDownTestSuite() {
    std::error_code ec;
    if (!dir1_.empty()) fs::remove_all(dir1_.parent_path(), ec);
  }

  static fs::path dir1_;
  static fs::path dir2_;
};

fs::path EndToEndTest::dir1_;
fs::path EndToEndTest::dir2_;

TEST_F(EndToEndTest, RunsAreByteIdentical) {
  std::set<std::string> names1, names2;
  for (const auto& e : fs::directory_iterator(dir1_)) names1.insert(e.path().filename().string());
  for (const auto& e : fs::directory_iterator(dir2_)) names2.insert(e.path().filename().string());
  EXPECT_EQ(names1, names2);
  for (const char* required :
       {"graph.graphml", "timeline.json", "timelinejs.json", "vis-timeline.json", "graph.ttl", "graph.jsonld"}) {
    EXPECT_EQ(names1.count(required), 1u) << required;
  }
  for (const std::string& name : names1) {
    EXPECT_NE(name[0], '.') << "temporary file left behind: " << name;
    const std::string a = ReadFile(dir1_ / name), b = ReadFile(dir2_ / name);
    EXPECT_FALSE(a.empty()) << name;
    EXPECT_TRUE(a == b) << name << " differs between two runs on the same input";
  }
}

std::set<std::string> GraphmlLabels(const pugi::xml_document& doc) {
  std::set<std::string> labels;
  for (pugi::xml_node node : doc.child("graphml").child("graph").children("node")) {
    labels.insert(node.find_child_by_attribute("data", "key", "label").text().get());
  }
  return labels;
}

TEST_F(EndToEndTest, GraphmlFollowsContract) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_file((dir1_ / "graph.graphml").c_str());
  ASSERT_TRUE(parsed) << parsed.description() << " at byte " << parsed.offset;
  const pugi::xml_node graphml = doc.child("graphml");
  ASSERT_TRUE(graphml);
  EXPECT_STREQ(graphml.attribute("xmlns").value(), "http://graphml.graphdrawing.org/xmlns");

  const std::set<std::string> kTypes = {"string", "int", "long", "float", "double", "boolean"};
  std::map<std::string, std::string> node_keys, edge_keys;  // id -> attr.type
  for (pugi::xml_node key : graphml.children("key")) {
    const std::string id = key.attribute("id").value(), type = key.attribute("attr.type").value();
    EXPECT_FALSE(id.empty());
    EXPECT_FALSE(std::string(key.attribute("attr.name").value()).empty()) << id;
    EXPECT_EQ(kTypes.count(type), 1u) << "key " << id << " has attr.type '" << type << "'";
    const std::string domain = key.attribute("for").value();
    ASSERT_TRUE(domain == "node" || domain == "edge") << id;
    (domain == "node" ? node_keys : edge_keys)[id] = type;
  }
  EXPECT_EQ(node_keys["label"], "string");
  EXPECT_EQ(node_keys["type"], "string");
  EXPECT_EQ(node_keys["aliases"], "string");
  EXPECT_EQ(node_keys["mentions"], "int");
  EXPECT_EQ(edge_keys["relation"], "string");
  EXPECT_EQ(edge_keys["weight"], "double");

  const pugi::xml_node graph = graphml.child("graph");
  ASSERT_TRUE(graph);
  EXPECT_EQ(std::distance(graphml.children("graph").begin(), graphml.children("graph").end()), 1);
  std::set<std::string> node_ids;
  int nodes = 0, edges = 0;
  for (pugi::xml_node node : graph.children("node")) {
    ++nodes;
    const std::string id = node.attribute("id").value();
    EXPECT_TRUE(node_ids.insert(id).second) << "duplicate node id " << id;
    std::set<std::string> fields;
    for (pugi::xml_node data : node.children("data")) {
      EXPECT_EQ(node_keys.count(data.attribute("key").value()), 1u) << id << ": undeclared key";
      fields.insert(data.attribute("key").value());
    }
    for (const char* f : {"label", "type", "aliases", "mentions"}) EXPECT_EQ(fields.count(f), 1u) << id << " lacks " << f;
    EXPECT_GT(node.find_child_by_attribute("data", "key", "mentions").text().as_int(), 0) << id;
    EXPECT_FALSE(std::string(node.find_child_by_attribute("data", "key", "label").text().get()).empty()) << id;
  }
  for (pugi::xml_node edge : graph.children("edge")) {
    ++edges;
    EXPECT_EQ(node_ids.count(edge.attribute("source").value()), 1u);
    EXPECT_EQ(node_ids.count(edge.attribute("target").value()), 1u);
    const pugi::xml_node relation = edge.find_child_by_attribute("data", "key", "relation");
    const pugi::xml_node weight = edge.find_child_by_attribute("data", "key", "weight");
    EXPECT_TRUE(relation && !std::string(relation.text().get()).empty()) << edge.attribute("id").value();
    EXPECT_TRUE(weight) << edge.attribute("id").value();
    EXPECT_GT(weight.text().as_double(), 0.0);
  }
  EXPECT_GT(nodes, 10);
  EXPECT_GT(edges, 0);
  RecordProperty("graphml_nodes", nodes);
  RecordProperty("graphml_edges", edges);
}

TEST_F(EndToEndTest, TimelineJsonFollowsContract) {
  const json timeline = json::parse(ReadFile(dir1_ / "timeline.json"));
  for (const char* field : {"entities", "dates", "events"}) {
    ASSERT_TRUE(timeline.contains(field) && timeline[field].is_array()) << field;
    EXPECT_FALSE(timeline[field].empty()) << field;
  }
  pugi::xml_document graphml;
  ASSERT_TRUE(graphml.load_file((dir1_ / "graph.graphml").c_str()));
  const std::set<std::string> labels = GraphmlLabels(graphml);

  std::set<std::string> entity_labels;
  for (const json& e : timeline["entities"]) {
    for (const char* f : {"id", "label", "type"}) EXPECT_TRUE(e.contains(f) && e[f].is_string()) << e.dump();
    EXPECT_TRUE(e["aliases"].is_array()) << e.dump();
    EXPECT_TRUE(e["mentions"].is_number_integer()) << e.dump();
    entity_labels.insert(e["label"].get<std::string>());
  }
  EXPECT_EQ(entity_labels, labels) << "timeline.json entities and GraphML nodes differ";

  const std::regex date_value(R"(^\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?$|^\d{3}X$|^\d{4}/\d{4}$)");
  const std::regex duration_value(R"(^P\d+[YMWD]$)");
  const std::set<std::string> kMods = {"START", "MID", "END"};
  for (const json& d : timeline["dates"]) {
    ASSERT_TRUE(d["value"].is_string()) << d.dump();
    const std::string value = d["value"];
    EXPECT_TRUE(std::regex_match(value, date_value) || std::regex_match(value, duration_value)) << d.dump();
    EXPECT_TRUE(d["text"].is_string()) << d.dump();
    EXPECT_TRUE(d["source"]["document"].is_string()) << d.dump();
    EXPECT_GT(d["source"]["line"].get<int>(), 0) << d.dump();
    if (d.contains("mod")) {
      EXPECT_EQ(kMods.count(d["mod"].get<std::string>()), 1u) << d.dump();
    }
  }
  for (const json& e : timeline["events"]) {
    ASSERT_TRUE(e["date"].is_string()) << e.dump();
    const std::string value = e["date"];
    EXPECT_NE(value.front(), 'P') << "a duration made an event: " << e.dump();
    EXPECT_TRUE(std::regex_match(value, date_value)) << e.dump();
    ASSERT_TRUE(e["entities"].is_array()) << e.dump();
    EXPECT_FALSE(e["entities"].empty()) << e.dump();
    for (const json& name : e["entities"]) {
      EXPECT_EQ(labels.count(name.get<std::string>()), 1u) << name << " is no GraphML label: " << e.dump();
    }
    EXPECT_TRUE(e["text"].is_string()) << e.dump();
    EXPECT_GT(e["source"]["line"].get<int>(), 0) << e.dump();
  }
  RecordProperty("timeline_dates", static_cast<int>(timeline["dates"].size()));
  RecordProperty("timeline_events", static_cast<int>(timeline["events"].size()));
}

// The example documents by stem ("zh_alexnet" -> "examples/zh_alexnet.txt").
std::map<std::string, std::string> ExampleDocuments() {
  std::map<std::string, std::string> docs;
  for (const auto& e : fs::directory_iterator(kSource + "/examples")) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".txt" || ext == ".md") && e.path().filename() != "README.md") {
      docs[e.path().stem().string()] = "examples/" + e.path().filename().string();
    }
  }
  return docs;
}

struct Tally {
  int expected = 0;
  int found = 0;
  double Recall() const { return expected == 0 ? 1.0 : static_cast<double>(found) / expected; }
};

std::string Percent(const Tally& t) {
  std::ostringstream out;
  out.precision(3);
  out << t.Recall() << " (" << t.found << "/" << t.expected << ")";
  return out.str();
}

TEST_F(EndToEndTest, RecallAgainstGroundTruth) {
  const json timeline = json::parse(ReadFile(dir1_ / "timeline.json"));
  // Found dates per document: line -> "value[@MOD]" (a multiset, used up by matches).
  std::map<std::string, std::map<int, std::multiset<std::string>>> found_dates;
  for (const json& d : timeline["dates"]) {
    const std::string mod = d.contains("mod") ? d["mod"].get<std::string>() : "";
    found_dates[d["source"]["document"]][d["source"]["line"].get<int>()].insert(d["value"].get<std::string>() + "@" + mod);
  }

  // Entities per document, from the library the binary is built on (timeline.json
  // does not say which document named an entity): canonical labels and surfaces.
  auto rules = extract::RuleSet::Load("");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  auto extractor = extract::Extractor::Create(rules.value());
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  pugi::xml_document graphml;
  ASSERT_TRUE(graphml.load_file((dir1_ / "graph.graphml").c_str()));
  const std::set<std::string> labels = GraphmlLabels(graphml);

  Tally all_dates, all_entities, all_mods, all_date_precision, all_entity_precision, all_types;
  std::ostringstream report;
  const auto docs = ExampleDocuments();
  ASSERT_FALSE(docs.empty());
  for (const auto& [stem, doc_name] : docs) {
    const fs::path dates_tsv = kSource + "/examples/expected/" + stem + ".dates.tsv";
    const fs::path entities_tsv = kSource + "/examples/expected/" + stem + ".entities.tsv";
    ASSERT_TRUE(fs::exists(dates_tsv)) << dates_tsv;
    ASSERT_TRUE(fs::exists(entities_tsv)) << entities_tsv;

    // Dates: the right value on the right line; the mod is tallied apart.
    Tally dates, mods;
    std::vector<std::string> date_misses;
    auto& by_line = found_dates[doc_name];
    Tally date_precision;  // expected: dates found; found: those the ground truth lists
    for (const auto& [line, values] : by_line) date_precision.expected += static_cast<int>(values.size());
    for (const std::string& row : DataLines(dates_tsv)) {
      const std::vector<std::string> f = SplitTabs(row);
      ASSERT_GE(f.size(), 3u) << dates_tsv << ": " << row;
      const int line = std::stoi(f[0]);
      const std::string value = f[2], mod = f.size() > 3 ? f[3] : "";
      ++dates.expected;
      auto& on_line = by_line[line];
      auto hit = on_line.find(value + "@" + mod);
      if (hit == on_line.end()) {
        hit = std::find_if(on_line.begin(), on_line.end(),
                           [&](const std::string& v) { return v.compare(0, value.size() + 1, value + "@") == 0; });
      }
      if (hit != on_line.end()) {
        ++dates.found;
        ++date_precision.found;
        ++mods.expected;
        if (*hit == value + "@" + mod) {
          ++mods.found;
        } else {
          date_misses.push_back(doc_name + ":" + f[0] + " \"" + f[1] + "\" = " + value + " mod '" + mod +
                                "' found as " + *hit);
        }
        on_line.erase(hit);
      } else {
        std::string seen;
        for (const std::string& v : on_line) seen += (seen.empty() ? "" : ", ") + v.substr(0, v.find('@'));
        date_misses.push_back(doc_name + ":" + f[0] + " \"" + f[1] + "\" = " + value + (mod.empty() ? "" : "@" + mod) +
                              " missing" + (seen.empty() ? "" : " (line has " + seen + ")"));
      }
    }

    // Entities: canonical label or a surface form, case-insensitively.
    auto document = extract::LoadDocument(kSource + "/" + doc_name);
    ASSERT_TRUE(document.ok()) << document.status().ToString();
    const extract::ExtractionResult result = extractor.value()->Extract(document.value());
    std::map<std::string, std::string> names;  // lower-case name -> type found
    for (const extract::Mention& m : result.mentions) {
      EXPECT_EQ(labels.count(m.canonical), 1u) << m.canonical << " found by the library but not in graph.graphml";
      names.emplace(Lower(m.canonical), m.type);
      names.emplace(Lower(m.surface), m.type);
    }
    Tally entities, types;
    std::vector<std::string> entity_misses, type_notes;
    std::set<std::string> expected_names;
    for (const std::string& row : DataLines(entities_tsv)) {
      const std::vector<std::string> f = SplitTabs(row);
      ASSERT_GE(f.size(), 2u) << entities_tsv << ": " << row;
      ++entities.expected;
      expected_names.insert(Lower(f[1]));
      const auto it = names.find(Lower(f[1]));
      if (it == names.end()) {
        entity_misses.push_back(f[0] + " " + f[1]);
        continue;
      }
      ++entities.found;
      ++types.expected;
      if (it->second != f[0]) {
        type_notes.push_back(f[1] + " is " + f[0] + ", found as " + it->second);
      } else {
        ++types.found;
      }
    }
    // Precision: a distinct entity found is right when the ground truth
    // names it by its label or by one of the surface forms it was found as.
    std::map<std::string, bool> entity_right;  // canonical -> named by the ground truth
    for (const extract::Mention& m : result.mentions) {
      bool& right = entity_right[m.canonical];
      right = right || expected_names.count(Lower(m.canonical)) > 0 || expected_names.count(Lower(m.surface)) > 0;
    }
    Tally entity_precision;
    std::vector<std::string> entity_extras;
    for (const auto& [canonical, right] : entity_right) {
      ++entity_precision.expected;
      if (right) {
        ++entity_precision.found;
      } else {
        entity_extras.push_back(canonical);
      }
    }

    report << stem << ": dates " << Percent(dates) << ", mods " << Percent(mods) << ", entities "
           << Percent(entities) << "\n";
    for (const std::string& m : date_misses) report << "  date miss: " << m << "\n";
    for (const std::string& m : entity_misses) report << "  entity miss: " << m << "\n";
    for (const std::string& m : type_notes) report << "  type differs: " << m << "\n";
    report << "  precision: dates " << Percent(date_precision) << ", entities " << Percent(entity_precision) << "\n";
    for (const std::string& m : entity_extras) report << "  entity not in the ground truth: " << m << "\n";
    all_date_precision.expected += date_precision.expected;
    all_date_precision.found += date_precision.found;
    all_entity_precision.expected += entity_precision.expected;
    all_entity_precision.found += entity_precision.found;
    all_types.expected += types.expected;
    all_types.found += types.found;
    RecordProperty(stem + "_date_recall", Percent(dates));
    RecordProperty(stem + "_entity_recall", Percent(entities));
    all_dates.expected += dates.expected;
    all_dates.found += dates.found;
    all_mods.expected += mods.expected;
    all_mods.found += mods.found;
    all_entities.expected += entities.expected;
    all_entities.found += entities.found;
  }
  report << "all: dates " << Percent(all_dates) << ", mods " << Percent(all_mods) << ", entities "
         << Percent(all_entities) << "; precision: dates " << Percent(all_date_precision) << ", entities "
         << Percent(all_entity_precision) << "; types " << Percent(all_types) << "\n";
  RecordProperty("date_recall", Percent(all_dates));
  RecordProperty("entity_recall", Percent(all_entities));
  std::cout << "[ recall   ]\n" << report.str();

  EXPECT_GE(all_dates.Recall(), kDateRecallFloor) << report.str();
  EXPECT_GE(all_entities.Recall(), kEntityRecallFloor) << report.str();
  EXPECT_GE(all_date_precision.Recall(), kDatePrecisionFloor) << report.str();
  EXPECT_GE(all_entity_precision.Recall(), kEntityPrecisionFloor) << report.str();
  EXPECT_GE(all_types.Recall(), kTypeAgreementFloor) << report.str();
}

}  // namespace
}  // namespace chronograph
