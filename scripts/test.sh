#!/usr/bin/env bash
# README command 2: install dependencies, build chronograph (RelWithDebInfo)
# into build/ and run the whole test suite with ctest, then the threaded
# paths under ThreadSanitizer (scripts/tsan-check.sh) and the whole suite
# under AddressSanitizer + UndefinedBehaviorSanitizer (scripts/asan-check.sh).
# Exits with ctest's status; works from any directory.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHRONOGRAPH_BUILD_TESTS=ON
cmake --build build -j"$(nproc)"

status=0
ctest --test-dir build --output-on-failure --no-tests=error -j2 || status=$?
# The threaded paths once more under ThreadSanitizer.
scripts/tsan-check.sh || status=$?
# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer.
scripts/asan-check.sh || status=$?
exit "$status"
