#!/usr/bin/env bash
# ThreadSanitizer check of everything that runs on several threads: the
# document pool, one long document cut into parts, and the writers running
# side by side. Builds `chronograph` with -fsanitize=thread into build-tsan/
# and runs it on examples/ and on one document of over 4 MiB (examples/
# repeated); any data race fails the run. -g1: line tables, all a race
# report needs, and less to compile and link. Called by scripts/test.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHRONOGRAPH_BUILD_TESTS=OFF -DCHRONOGRAPH_BUILD_PYTHON=OFF \
  -DCMAKE_CXX_FLAGS="-fsanitize=thread -O1 -g1" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
cmake --build build-tsan -j"$(nproc)" --target chronograph

tmp="$(mktemp -d "${TMPDIR:-/tmp}/chronograph-tsan.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
: >"$tmp/long.txt"
while [[ $(wc -c <"$tmp/long.txt") -lt 4500000 ]]; do
  for f in examples/*.txt examples/*.md; do cat "$f"; printf '\n\n'; done >>"$tmp/long.txt"
done

export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
build-tsan/app/chronograph build examples --out "$tmp/examples" --threads 4 --per-entity --quiet
build-tsan/app/chronograph build "$tmp/long.txt" --out "$tmp/long" --threads 3 --quiet
echo "tsan-check: no data race (examples/ on 4 threads, a $(($(wc -c <"$tmp/long.txt") >> 20)) MiB document on 3)"
