#include "export/timelinejs_json.h"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "export/json_output.h"
#include "export/xml_text.h"
#include "graph/timeline.h"

namespace chronograph::exporters {
namespace {

using Json = nlohmann::ordered_json;

// A TimelineJS date object for one end of a value. `is_end` picks the last
// month of a quarter, and the last year of a decade.
Json DateObject(const graph::DatePart& part, bool is_end) {
  Json j = Json::object();
  switch (part.granularity) {
    case graph::Granularity::kDecade:
      j["year"] = is_end ? part.year + 9 : part.year;
      break;
    case graph::Granularity::kYear:
      j["year"] = part.year;
      break;
    case graph::Granularity::kQuarter:
      j["year"] = part.year;
      j["month"] = (part.quarter - 1) * 3 + (is_end ? 3 : 1);
      break;
    case graph::Granularity::kHalf:
    case graph::Granularity::kSeason: {  // the months it covers
      const graph::CivilDay& d = is_end ? part.last : part.first;
      j["year"] = d.year;
      j["month"] = d.month;
      break;
    }
    case graph::Granularity::kWeek: {  // its Monday (or Sunday at the end)
      const graph::CivilDay& d = is_end ? part.last : part.first;
      j["year"] = d.year;
      j["month"] = d.month;
      j["day"] = d.day;
      break;
    }
    case graph::Granularity::kMonth:
      j["year"] = part.year;
      j["month"] = part.month;
      break;
    case graph::Granularity::kDay:
      j["year"] = part.year;
      j["month"] = part.month;
      j["day"] = part.day;
      break;
  }
  return j;
}

void Fnv1a(std::uint32_t* h, const std::string& s) {
  for (unsigned char c : s) {
    *h ^= c;
    *h *= 16777619u;
  }
  *h ^= 0xFF;  // field separator
  *h *= 16777619u;
}

}  // namespace

std::string EventUniqueId(const extract::Event& event, std::size_t position) {
  std::uint32_t h = 2166136261u;
  Fnv1a(&h, event.date);
  Fnv1a(&h, event.mod);
  Fnv1a(&h, event.source.document);
  Fnv1a(&h, std::to_string(event.source.line));
  Fnv1a(&h, event.text);
  char buffer[48];
  std::snprintf(buffer, sizeof(buffer), "ev-%04zu-%08x", position, static_cast<unsigned>(h));
  return buffer;
}

namespace {

// Named things (people, organisations, models...) say more about an event
// than the concepts and places around them, so they come first.
bool IsBackground(const std::string& type) { return type == "CONCEPT" || type == "LOCATION"; }

// The event's entities, most telling first: named before background, then
// by mentions (descending), then id. Unknown ids go last.
std::vector<const graph::EntityNode*> RankedEntities(const graph::KnowledgeGraph& kg, const extract::Event& event) {
  std::vector<const graph::EntityNode*> nodes;
  for (const std::string& id : event.entity_ids) {
    if (const graph::EntityNode* node = kg.FindEntity(id)) nodes.push_back(node);
  }
  std::stable_sort(nodes.begin(), nodes.end(), [](const graph::EntityNode* a, const graph::EntityNode* b) {
    if (IsBackground(a->type) != IsBackground(b->type)) return !IsBackground(a->type);
    if (a->mentions != b->mentions) return a->mentions > b->mentions;
    return a->id < b->id;
  });
  return nodes;
}

}  // namespace

std::string EventGroup(const graph::KnowledgeGraph& kg, const extract::Event& event) {
  const std::vector<const graph::EntityNode*> ranked = RankedEntities(kg, event);
  return ranked.empty() ? "EVENT" : ranked.front()->type;
}

std::string EventHeadline(const graph::KnowledgeGraph& kg, const extract::Event& event) {
  constexpr std::size_t kMaxNames = 4;  // a headline, not a list
  const std::vector<const graph::EntityNode*> ranked = RankedEntities(kg, event);
  std::string out;
  for (std::size_t i = 0; i < ranked.size() && i < kMaxNames; ++i) {
    if (!out.empty()) out += " \xC2\xB7 ";
    out += ranked[i]->label;
  }
  if (ranked.size() > kMaxNames) out += " \xC2\xB7 \xE2\x80\xA6";
  return out;
}

Status WriteTimelineJsJson(const graph::KnowledgeGraph& kg, std::ostream& out,
                           const TimelineJsOptions& options) {
  // Calls visit(event, value, position) for each kept dated event in order;
  // position counts every dated event of the corpus from 1, so ids match
  // the corpus file. Dated events are a prefix of events() (unparseable
  // dates sort last), so event i, when dated, has position i + 1.
  auto for_each_kept = [&](const auto& visit) {
    if (options.events != nullptr) {
      for (std::uint32_t i : *options.events) {
        const extract::Event ev = kg.events()[i];
        const std::optional<graph::DateValue> value = graph::ParseDateValue(ev.date);
        if (!value || (options.include && !options.include(ev))) continue;
        visit(ev, *value, std::size_t{i} + 1);
      }
      return;
    }
    std::size_t position = 0;
    for (const extract::Event& ev : kg.events()) {
      const std::optional<graph::DateValue> value = graph::ParseDateValue(ev.date);
      if (!value) continue;
      ++position;
      if (options.include && !options.include(ev)) continue;
      visit(ev, *value, position);
    }
  };

  std::set<std::string> documents;
  std::size_t kept = 0;
  for_each_kept([&](const extract::Event& ev, const graph::DateValue&, std::size_t) {
    ++kept;
    documents.insert(ev.source.document);
  });

  Json title_text = Json::object();
  title_text["headline"] = EscapeHtml(options.headline);
  title_text["text"] = std::to_string(kept) + (kept == 1 ? " event" : " events") +
                       " from " + std::to_string(documents.size()) +
                       (documents.size() == 1 ? " document" : " documents");
  JsonStreamWriter writer(out, options.file_name);
  writer.BeginObject();
  writer.Key("title");
  writer.Value(Json::object({{"text", std::move(title_text)}}));
  writer.Key("events");
  writer.BeginArray();
  for_each_kept([&](const extract::Event& ev, const graph::DateValue& value, std::size_t position) {
    Json slide = Json::object();
    Json start = DateObject(value.start, /*is_end=*/false);
    start["display_date"] = EscapeHtml(ev.date_text.empty() ? ev.date : ev.date_text);
    slide["start_date"] = std::move(start);
    if (value.is_interval) {
      slide["end_date"] = DateObject(value.end, /*is_end=*/true);
    } else if (value.start.granularity == graph::Granularity::kDecade) {
      slide["end_date"] = DateObject(value.start, /*is_end=*/true);
    }
    std::string headline = EventHeadline(kg, ev);
    if (headline.empty()) headline = ev.date_text.empty() ? ev.date : ev.date_text;
    Json text = Json::object();
    text["headline"] = EscapeHtml(headline);
    text["text"] = EscapeHtml(ev.text) + "<br><em>" + EscapeHtml(ev.source.document) +
                   ", line " + std::to_string(ev.source.line) + "</em>";
    slide["text"] = std::move(text);
    slide["group"] = SanitizeForXml10(EventGroup(kg, ev));
    slide["unique_id"] = EventUniqueId(ev, position);
    writer.Value(slide);
  });
  writer.End();
  writer.End();
  return writer.Finish();
}

}  // namespace chronograph::exporters
