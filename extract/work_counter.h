// WorkCounter: elementary steps (loop iterations, bytes looked at) that a
// function adds up when a caller passes one. Tests feed inputs of size N and
// 4N and check that the count grows linearly, which timing cannot show
// reliably on a shared machine. Passing nullptr costs one branch per step.
// Not thread-safe: one counter per call.
#ifndef CHRONOGRAPH_EXTRACT_WORK_COUNTER_H_
#define CHRONOGRAPH_EXTRACT_WORK_COUNTER_H_

#include <cstdint>

namespace chronograph::extract {

struct WorkCounter {
  std::uint64_t steps = 0;
};

inline void CountWork(WorkCounter* work, std::uint64_t n = 1) {
  if (work != nullptr) work->steps += n;
}

}  // namespace chronograph::extract

#endif  // CHRONOGRAPH_EXTRACT_WORK_COUNTER_H_
