// RecordFile (records on disk, read back in order and by index) and
// ExternalSort (order, stability, several runs, empty input).
#include "graph/record_file.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/external_sort.h"
#include "graph/timeline.h"

namespace chronograph::graph {
namespace {

extract::Event MakeEvent(const std::string& date, const std::string& text, int line) {
  extract::Event e;
  e.date = date;
  e.date_text = "date " + date;
  e.entity_ids = {"a", "b"};
  e.text = text;
  e.source = {"doc.txt", line, static_cast<std::size_t>(line) * 10, static_cast<std::size_t>(line) * 10 + 5};
  e.relations.push_back({"founded", "a", "b"});
  return e;
}

bool SameEvent(const extract::Event& a, const extract::Event& b) {
  return a.date == b.date && a.mod == b.mod && a.date_text == b.date_text && a.entity_ids == b.entity_ids &&
         a.text == b.text && a.source.document == b.source.document && a.source.line == b.source.line &&
         a.source.begin == b.source.begin && a.source.end == b.source.end && a.relations.size() == b.relations.size();
}

TEST(RecordFileTest, RoundTripsInOrderAndByIndex) {
  RecordFile<extract::Event> file;
  EXPECT_TRUE(file.empty());
  EXPECT_TRUE(file.begin() == file.end());
  std::vector<extract::Event> events;
  // Records larger than a read chunk and a write buffer, and empty strings.
  for (int i = 0; i < 300; ++i) {
    events.push_back(MakeEvent(std::to_string(1900 + i), std::string(i % 7 == 0 ? 300000 : i, 'x'), i));
  }
  events.push_back(extract::Event());
  for (const auto& e : events) file.Append(e);
  ASSERT_EQ(file.size(), events.size());
  std::size_t i = 0;
  for (const extract::Event& e : file) {
    ASSERT_LT(i, events.size());
    EXPECT_TRUE(SameEvent(e, events[i])) << "record " << i;
    ++i;
  }
  EXPECT_EQ(i, events.size());
  for (std::size_t k : {std::size_t{299}, std::size_t{0}, std::size_t{7}, events.size() - 1}) {
    EXPECT_TRUE(SameEvent(file[k], events[k])) << "record " << k;
  }
  EXPECT_EQ(file[0].relations[0].type, "founded");
}

// ReadThrough a window gives operator[]'s record whatever the order:
// ascending with gaps (one entity's events), backwards, scattered.
TEST(RecordFileTest, ReadThroughAWindowGivesTheSameRecords) {
  RecordFile<extract::Event> file;
  std::vector<extract::Event> events;
  for (int i = 0; i < 400; ++i) events.push_back(MakeEvent("19" + std::to_string(10 + i % 90), std::string(i % 37 * 50, 'y'), i));
  for (const extract::Event& e : events) file.Append(e);
  SequentialReader window = file.Window(4096);  // smaller than the file: chunks are re-read
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < events.size(); i += 3) order.push_back(i);      // ascending, gaps
  for (std::size_t i = events.size(); i-- > 0;) order.push_back(i);           // backwards
  for (std::size_t i = 0; i < events.size(); ++i) order.push_back(i * 7919 % events.size());  // scattered
  extract::Event read;
  for (std::size_t i : order) {
    file.ReadThrough(i, &window, &read);
    ASSERT_TRUE(SameEvent(read, events[i])) << i;
  }
}

TEST(RecordFileTest, DateMentionsRoundTrip) {
  RecordFile<extract::DateMention> file;
  extract::DateMention d{"2016 年初", "2016", "START", "date", -1, {"文档.md", 3, 4, 9}, "zh.date.year", "anchor"};
  file.Append(d);
  const extract::DateMention back = file[0];
  EXPECT_EQ(back.text, d.text);
  EXPECT_EQ(back.mod, "START");
  EXPECT_EQ(back.sentence, -1);
  EXPECT_EQ(back.source.document, "文档.md");
  EXPECT_EQ(back.source.end, 9u);
  EXPECT_EQ(back.anchor, "anchor");
}

// Sorts `n` events whose dates repeat (every date value 5 times, in
// reverse), with a run budget small enough to cut several runs.
std::vector<extract::Event> SortEvents(int n, std::size_t run_bytes) {
  RecordFile<extract::Event> input;
  for (int i = 0; i < n; ++i) input.Append(MakeEvent(std::to_string(2000 + (n - i) % (n / 5 + 1)), "t", i));
  // Orders by date only, so that equal dates show whether input order stays.
  auto by_date = [](const extract::Event& a, const extract::Event& b) {
    return CompareDateValues(a.date, a.mod, b.date, b.mod) < 0;
  };
  RecordFile<extract::Event> sorted = ExternalSort(input, by_date, nullptr, run_bytes);
  return std::vector<extract::Event>(sorted.begin(), sorted.end());
}

TEST(ExternalSortTest, SortsStablyAcrossRuns) {
  const struct {
    int n;
    std::size_t run_bytes;
    const char* what;
  } cases[] = {
      {100, kDefaultRunBytes, "one run"},
      {1000, 4096, "many runs"},
      {1000, 1, "one record per run"},
  };
  for (const auto& c : cases) {
    const std::vector<extract::Event> out = SortEvents(c.n, c.run_bytes);
    ASSERT_EQ(out.size(), static_cast<std::size_t>(c.n)) << c.what;
    for (std::size_t i = 1; i < out.size(); ++i) {
      ASSERT_LE(out[i - 1].date, out[i].date) << c.what << " at " << i;
      if (out[i - 1].date == out[i].date) {
        ASSERT_LT(out[i - 1].source.line, out[i].source.line) << c.what << ": not stable at " << i;
      }
    }
  }
}

TEST(ExternalSortTest, EmptyInputGivesEmptyOutput) {
  RecordFile<extract::Event> input;
  RecordFile<extract::Event> out = ExternalSort(input, EventBefore);
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(out.begin() == out.end());
}

TEST(ExternalSortTest, TransformAppliesBeforeSorting) {
  RecordFile<extract::Event> input;
  input.Append(MakeEvent("2001", "x", 1));
  input.Append(MakeEvent("2000", "y", 2));
  const std::function<void(extract::Event*)> flip = [](extract::Event* e) { e->date = e->date == "2001" ? "1999" : e->date; };
  RecordFile<extract::Event> out = ExternalSort(input, EventBefore, flip, 1);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].date, "1999");
  EXPECT_EQ(out[1].date, "2000");
}

}  // namespace
}  // namespace chronograph::graph
