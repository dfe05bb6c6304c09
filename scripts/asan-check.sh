#!/usr/bin/env bash
# The test suite once more under AddressSanitizer and
# UndefinedBehaviorSanitizer: chronograph and every test built at -O1 with
# -fsanitize=address,undefined into build-asan/ (a directory of its own, so
# the RelWithDebInfo build in build/ is untouched), then ctest there (all but
# the tests named below). Any
# sanitizer report fails its test (halt_on_error, no recovery from UB).
# Called by scripts/test.sh; works from any directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# -g1: line tables and function names, all a sanitizer report needs, and
# smaller objects to write and link than -g's.
flags="-O1 -g1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
# The Python module stays out: an ASan-built extension cannot be loaded into
# an uninstrumented interpreter (the runtime must come first).
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHRONOGRAPH_BUILD_TESTS=ON -DCHRONOGRAPH_BUILD_PYTHON=OFF \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-asan -j"$(nproc)"

# detect_leaks: a leak is a bug too. Run in the plain build only: the report
# test (it drives Chromium, which is not ours and not instrumented), the
# install tests (they build a separate consumer project with its own flags)
# and the shard and Dask scale tests (extract and merge again and again on
# larger inputs: the code cli.merge_equals_one_run runs here, at many times
# the cost under the sanitizers).
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=0:exitcode=67"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# The rule examples (every row of every examples file) are one ctest case,
# one process that loads the rules once.
ctest --test-dir build-asan --output-on-failure --no-tests=error -j2 -E '^(report\.renders_in_chromium|install\..*|scale\.(random_shards_merge|dask_worker_killed)_equals_build)$'
echo "asan-check: the suite (but the tests named above) passes under AddressSanitizer + UndefinedBehaviorSanitizer"
