// `chronograph build examples` once, then: timeline.json validated against
// docs/timeline.schema.json (JsonSchemaLite, tests/json_schema_lite.h),
// the validator itself checked on broken copies, and graph.gexf read back
// with pugixml: the GraphML's nodes and edges, a date spell on each, nodes
// starting on the first day of their first_date.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "tests/json_schema_lite.h"

namespace chronograph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kSource = CHRONOGRAPH_SOURCE_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class OutputsSchemaTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = fs::path(CHRONOGRAPH_TEST_TMP) / std::to_string(getpid());
    fs::remove_all(out_);
    const std::string command = "cd \"" + kSource + "\" && \"" + CHRONOGRAPH_BIN + "\" build examples --out \"" +
                                out_.string() + "\" --quiet";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(out_, ec);
  }
  static json Schema() { return json::parse(ReadFile(fs::path(kSource) / "docs" / "timeline.schema.json")); }
  static json Timeline() { return json::parse(ReadFile(out_ / "timeline.json")); }

  static fs::path out_;
};

fs::path OutputsSchemaTest::out_;

TEST_F(OutputsSchemaTest, TimelineJsonIsValidAgainstTheSchema) {
  testing::JsonSchemaLite validator(Schema());
  const json timeline = Timeline();
  ASSERT_FALSE(timeline["events"].empty());
  const std::vector<std::string> errors = validator.Validate(timeline);
  for (const std::string& e : errors) ADD_FAILURE() << "timeline.json" << e;
  // What a schema cannot say: per_entity indexes point at events.
  for (const auto& [id, list] : timeline["per_entity"].items()) {
    for (const json& i : list) EXPECT_LT(i.get<std::size_t>(), timeline["events"].size()) << id;
  }
}

TEST_F(OutputsSchemaTest, SchemaRejectsBrokenFilesAndAcceptsExtensions) {
  testing::JsonSchemaLite validator(Schema());
  const json good = Timeline();
  const struct {
    const char* what;
    json::json_pointer pointer;
    json value;  // null: remove the field
    const char* error;  // expected start of the first error; "" for valid
  } cases[] = {
      {"interval copied fine", json::json_pointer("/events/0/date"), "2002/2003", ""},
      {"decade", json::json_pointer("/events/0/date"), "201X", ""},
      {"quarter", json::json_pointer("/events/0/date"), "2016-Q2", ""},
      {"duration as event date", json::json_pointer("/events/0/date"), "P10Y", "/events/0/date: \"P10Y\" does not match"},
      {"bad month", json::json_pointer("/events/0/date"), "2012-13", "/events/0/date: \"2012-13\" does not match"},
      {"duration as date value", json::json_pointer("/dates/0/value"), "P10Y", ""},
      {"garbage date value", json::json_pointer("/dates/0/value"), "soon", "/dates/0/value: \"soon\" matches none"},
      {"bad mod", json::json_pointer("/dates/0/mod"), "EARLY", "/dates/0/mod: \"EARLY\" is not one of"},
      {"mentions as string", json::json_pointer("/entities/0/mentions"), "4", "/entities/0/mentions: is not of type integer"},
      {"line zero", json::json_pointer("/events/0/source/line"), 0, "/events/0/source/line: 0 is below 1"},
      {"wrong schema name", json::json_pointer("/schema"), "chronograph.timeline/2", "/schema: is not"},
      {"extension: wikidata", json::json_pointer("/entities/0/wikidata"), "Q42", ""},
      {"bad wikidata", json::json_pointer("/entities/0/wikidata"), "42", "/entities/0/wikidata: \"42\" does not match"},
      {"extension: relations on events", json::json_pointer("/events/0/relations"), json::array(), ""},
      {"extension: relative kind", json::json_pointer("/dates/0/kind"), "relative", ""},
      {"extension: new top-level field", json::json_pointer("/conflicts"), json::array(), ""},
      {"per_entity index negative", json::json_pointer("/per_entity/x"), json::array({-1}), "/per_entity/x/0: -1 is below 0"},
  };
  for (const auto& c : cases) {
    json broken = good;
    broken[c.pointer] = c.value;
    const std::vector<std::string> errors = validator.Validate(broken);
    if (std::string(c.error).empty()) {
      EXPECT_TRUE(errors.empty()) << c.what << ": " << errors.front();
    } else {
      ASSERT_FALSE(errors.empty()) << c.what;
      EXPECT_EQ(errors.front().rfind(c.error, 0), 0u) << c.what << ": " << errors.front();
    }
  }
  json missing = good;
  missing["events"][0].erase("source");
  ASSERT_FALSE(validator.Validate(missing).empty());
  EXPECT_EQ(validator.Validate(missing).front(), "/events/0: lacks required \"source\"");
  testing::JsonSchemaLite strict(json{{"type", "object"}, {"oneOf", json::array()}});
  ASSERT_FALSE(strict.Validate(json::object()).empty());
  EXPECT_NE(strict.Validate(json::object()).front().find("not supported"), std::string::npos);
}

TEST_F(OutputsSchemaTest, GexfMatchesGraphmlAndCarriesDateSpells) {
  pugi::xml_document gexf, graphml;
  ASSERT_TRUE(gexf.load_file((out_ / "graph.gexf").c_str()));
  ASSERT_TRUE(graphml.load_file((out_ / "graph.graphml").c_str()));
  const pugi::xml_node g = gexf.child("gexf").child("graph");
  ASSERT_TRUE(g);
  EXPECT_STREQ(gexf.child("gexf").attribute("xmlns").value(), "http://gexf.net/1.3");
  EXPECT_STREQ(g.attribute("mode").value(), "dynamic");
  EXPECT_STREQ(g.attribute("timeformat").value(), "date");

  std::vector<std::string> gexf_ids, graphml_ids;
  for (pugi::xml_node n : graphml.child("graphml").child("graph").children()) {
    graphml_ids.push_back(std::string(n.name()) + ":" + n.attribute("id").value());
  }
  const std::regex xs_date(R"(\d{4}-\d{2}-\d{2})");
  const std::regex year_start(R"(^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?)");
  for (const char* list : {"nodes", "edges"}) {
    for (pugi::xml_node n : g.child(list).children()) {
      gexf_ids.push_back(std::string(n.name()) + ":" + n.attribute("id").value());
      const pugi::xml_node spell = n.child("spells").child("spell");
      const std::string start = spell.attribute("start").value();
      ASSERT_TRUE(std::regex_match(start, xs_date)) << n.attribute("id").value() << " start=" << start;
      ASSERT_TRUE(std::regex_match(std::string(spell.attribute("end").value()), xs_date));
      EXPECT_LE(start, std::string(spell.attribute("end").value()));
      const pugi::xml_node first = n.child("attvalues").find_child_by_attribute("attvalue", "for", "first_date");
      std::smatch m;
      const std::string first_date = first.attribute("value").value();
      if (first && std::regex_search(first_date, m, year_start) && first_date.find('Q') == std::string::npos) {
        // A node starts no later than the first day of its first date.
        const std::string day = m[1].str() + "-" + (m[2].matched ? m[2].str() : "01") + "-" +
                                (m[3].matched ? m[3].str() : "01");
        EXPECT_LE(start, day) << n.attribute("id").value();
      }
    }
  }
  EXPECT_EQ(gexf_ids, graphml_ids);
}

}  // namespace
}  // namespace chronograph
