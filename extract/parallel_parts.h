// ParallelParts: runs fn over contiguous parts of [0, n) on up to `threads`
// threads and returns the parts' results in order, so that concatenating
// them gives exactly what one pass over [0, n) gives. Parts are cut so that
// each holds about the same weight (e.g. bytes of text); with threads <= 1
// or n small, fn runs once over everything on the calling thread.
// fn(begin, end) must only read shared state.
#ifndef CHRONOGRAPH_EXTRACT_PARALLEL_PARTS_H_
#define CHRONOGRAPH_EXTRACT_PARALLEL_PARTS_H_

#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace chronograph::extract {

template <typename Result, typename Weight, typename Fn>
std::vector<Result> ParallelParts(std::size_t n, unsigned threads, Weight weight, Fn fn) {
  if (threads <= 1 || n < 2) return {fn(std::size_t{0}, n)};
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) total += static_cast<double>(weight(i));
  std::vector<std::size_t> cuts{0};
  double so_far = 0;
  for (std::size_t i = 0; i < n && cuts.size() < threads; ++i) {
    so_far += static_cast<double>(weight(i));
    if (so_far >= total * static_cast<double>(cuts.size()) / threads && i + 1 < n) cuts.push_back(i + 1);
  }
  cuts.push_back(n);
  std::vector<Result> results(cuts.size() - 1);
  std::vector<std::thread> workers;
  for (std::size_t p = 1; p < results.size(); ++p) {
    workers.emplace_back([&, p] { results[p] = fn(cuts[p], cuts[p + 1]); });
  }
  results[0] = fn(cuts[0], cuts[1]);
  for (std::thread& w : workers) w.join();
  return results;
}

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_PARALLEL_PARTS_H_
