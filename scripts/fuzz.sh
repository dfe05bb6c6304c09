#!/usr/bin/env bash
# libFuzzer runs of every target in tests/fuzz/ (clang, AddressSanitizer and
# UndefinedBehaviorSanitizer), each starting from its seed corpus
# tests/fuzz/<target>/seeds/ plus tests/fuzz/<target>/regressions/ (inputs
# that once crashed: kept so that they keep passing).
#   scripts/fuzz.sh                 60 s per target (what CI may call)
#   FUZZ_SECONDS=600 scripts/fuzz.sh normalize dates   longer, chosen targets
# New corpus entries go to build-fuzz/corpus/<target>/ (not into the
# repository); a crash leaves build-fuzz/crash-<target>-* and fails the run.
# Each target's last libFuzzer status line (executions, coverage) is
# appended to build-fuzz/fuzz-summary.txt.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${FUZZ_SECONDS:-60}"
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(normalize sentences dates extract rules graphml extraction)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHRONOGRAPH_BUILD_TESTS=OFF \
  -DCHRONOGRAPH_BUILD_FUZZERS=ON \
  -DCMAKE_CXX_FLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-fuzz -j"${FUZZ_JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

status=0
for t in "${targets[@]}"; do
  corpus="build-fuzz/corpus/$t"
  mkdir -p "$corpus"
  dirs=("$corpus" "tests/fuzz/$t/seeds")
  [[ -d "tests/fuzz/$t/regressions" ]] && dirs+=("tests/fuzz/$t/regressions")
  log="build-fuzz/fuzz-$t.log"
  echo "fuzz: $t for ${seconds} s"
  if ! ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1" \
      "build-fuzz/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=30 \
      -artifact_prefix="build-fuzz/crash-$t-" -print_final_stats=1 "${dirs[@]}" >"$log" 2>&1; then
    echo "fuzz: $t FOUND A CRASH (see $log, build-fuzz/crash-$t-*)"
    status=1
  fi
  last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
  echo "$t: $last" | tee -a build-fuzz/fuzz-summary.txt
done
exit "$status"
