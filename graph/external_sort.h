// External merge sort of a RecordFile with bounded memory. Input: a
// RecordFile<T>, a strict weak order `less`, an optional per-record
// transform applied before sorting, and a budget of bytes per run. Output:
// the records in `less` order in a new RecordFile. Stable: records that
// compare equal keep their input order (runs are cut in input order, each
// run is stable-sorted, and the merge prefers the earlier run on ties), so
// the output depends only on the input sequence. Memory: one run (about
// `run_bytes` of records, counted as encoded size plus sizeof(T) plus a
// per-record allowance for heap blocks) plus one read buffer per run.
#ifndef CHRONOGRAPH_GRAPH_EXTERNAL_SORT_H_
#define CHRONOGRAPH_GRAPH_EXTERNAL_SORT_H_

#include <algorithm>
#include <cstddef>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "graph/record_file.h"

namespace chronograph::graph {

// 32 MB runs: a few hundred thousand events in RAM at a time.
inline constexpr std::size_t kDefaultRunBytes = 32u << 20;

template <class T, class Codec = RecordCodec<T>, class Less>
RecordFile<T, Codec> ExternalSort(const RecordFile<T, Codec>& input, Less less,
                                  const typename RecordFile<T, Codec>::Transform& transform = nullptr,
                                  std::size_t run_bytes = kDefaultRunBytes) {
  constexpr std::size_t kPerRecordOverhead = 64 + sizeof(T);  // heap blocks, vector slot
  RecordFile<T, Codec> output(input.dir());
  std::vector<RecordFile<T, Codec>> runs;
  std::vector<T> run;
  std::size_t run_size = 0;
  auto flush = [&](bool last) {
    std::stable_sort(run.begin(), run.end(), less);
    // A single run that is also the last goes straight to the output.
    RecordFile<T, Codec>& into = last && runs.empty() ? output : runs.emplace_back(input.dir());
    for (const T& record : run) into.Append(record);
    run.clear();
    run_size = 0;
  };
  typename RecordFile<T, Codec>::Cursor cursor = input.Scan();
  while (!cursor.Done()) {
    const std::string_view bytes = cursor.NextBytes();
    T record;
    Codec::Decode(bytes, &record);
    run_size += bytes.size() + kPerRecordOverhead;
    if (transform) transform(&record);
    run.push_back(std::move(record));
    if (run_size >= run_bytes) flush(/*last=*/cursor.Done());
  }
  if (!run.empty()) flush(/*last=*/true);
  if (runs.empty()) return output;

  // k-way merge; the heap holds (record, run index), ties to the smaller run.
  using Head = std::pair<T, std::size_t>;
  auto after = [&less](const Head& a, const Head& b) {
    if (less(a.first, b.first)) return false;
    if (less(b.first, a.first)) return true;
    return a.second > b.second;
  };
  std::priority_queue<Head, std::vector<Head>, decltype(after)> heap(after);
  std::vector<typename RecordFile<T, Codec>::Cursor> cursors;
  cursors.reserve(runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    cursors.emplace_back(&runs[i]);
    T first;
    if (cursors[i].Next(&first)) heap.emplace(std::move(first), i);
  }
  while (!heap.empty()) {
    Head head = std::move(const_cast<Head&>(heap.top()));
    heap.pop();
    output.Append(head.first);
    T next;
    if (cursors[head.second].Next(&next)) heap.emplace(std::move(next), head.second);
  }
  return output;
}

}  // namespace chronograph::graph

#endif  // CHRONOGRAPH_GRAPH_EXTERNAL_SORT_H_
