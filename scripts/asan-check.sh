#!/usr/bin/env bash
# The whole test suite once more under AddressSanitizer and
# UndefinedBehaviorSanitizer: chronograph and every test built at -O1 with
# -fsanitize=address,undefined into build-asan/ (a directory of its own, so
# the RelWithDebInfo build in build/ is untouched), then ctest there. Any
# sanitizer report fails its test (halt_on_error, no recovery from UB).
# Called by scripts/test.sh; works from any directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

flags="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
# The Python module stays out: an ASan-built extension cannot be loaded into
# an uninstrumented interpreter (the runtime must come first).
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHRONOGRAPH_BUILD_TESTS=ON -DCHRONOGRAPH_BUILD_PYTHON=OFF \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="" -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-asan -j"$(nproc)"

# detect_leaks: a leak is a bug too. The report test drives Chromium, which
# is not ours and not instrumented: it runs in the plain build only.
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:abort_on_error=0:exitcode=67"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# The rule examples (every row of every examples file) are one ctest case,
# one process that loads the rules once.
ctest --test-dir build-asan --output-on-failure --no-tests=error -j2 -E '^report\.renders_in_chromium$'
echo "asan-check: the whole suite passes under AddressSanitizer + UndefinedBehaviorSanitizer"
