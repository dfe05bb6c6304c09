#!/usr/bin/env bash
# Throughput check: builds one large input by repeating examples/* (about
# SIZE_MB, default 20 MB), times `grep -F -c 2012` and `chronograph build` on
# it, and prints both times, their ratio, MB/s and peak RSS. One run each.
#
# Usage: bench/run.sh [REPEAT]      REPEAT: copies of examples/* (default: enough for SIZE_MB)
# Env:   SIZE_MB=20  CHRONOGRAPH=build/app/chronograph  KEEP=1 (keep the temp dir)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT="$PWD"
readonly BIN="${CHRONOGRAPH:-build/app/chronograph}"
readonly SIZE_MB="${SIZE_MB:-20}"

# The corpus: the sample texts at the top of examples/ (not README or expected/).
inputs=()
for f in examples/*; do
  [[ -f "$f" && "$(basename "$f")" != README.md ]] && inputs+=("$f")
done
if [[ ${#inputs[@]} -eq 0 ]]; then
  echo "bench: no input files in examples/" >&2
  exit 1
fi
one_copy=$(cat "${inputs[@]}" | wc -c)

if [[ $# -ge 1 ]]; then
  repeat="$1"
  if ! [[ "$repeat" =~ ^[1-9][0-9]*$ ]]; then
    echo "bench: REPEAT must be a positive integer, got '$repeat'" >&2
    exit 2
  fi
else
  repeat=$(( (SIZE_MB * 1024 * 1024 + one_copy - 1) / one_copy ))
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/chronograph-bench.XXXXXX")"
if [[ "${KEEP:-0}" != 1 ]]; then
  trap 'rm -rf "$tmp"' EXIT
fi
readonly INPUT="$tmp/input.txt"

# Doubling keeps this fast for thousands of copies.
cat "${inputs[@]}" >"$tmp/one.txt"
: >"$INPUT"
chunk="$tmp/one.txt"; n="$repeat"
while (( n > 0 )); do
  if (( n & 1 )); then cat "$chunk" >>"$INPUT"; fi
  n=$(( n >> 1 ))
  if (( n > 0 )); then cat "$chunk" "$chunk" >"$chunk.2"; mv "$chunk.2" "$tmp/dbl.txt"; chunk="$tmp/dbl.txt"; fi
done
bytes=$(wc -c <"$INPUT")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')

have_time=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
  have_time=1
fi

now() { date +%s.%N; }

# run_timed NAME CMD...: sets SECS, RSS_KB ("" when unknown) and RC.
run_timed() {
  local name="$1"; shift
  local start end
  RC=0
  start=$(now)
  if (( have_time )); then
    /usr/bin/time -v -o "$tmp/$name.time" "$@" >"$tmp/$name.stdout" 2>"$tmp/$name.stderr" || RC=$?
  else
    "$@" >"$tmp/$name.stdout" 2>"$tmp/$name.stderr" || RC=$?
  fi
  end=$(now)
  SECS=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  RSS_KB=""
  if (( have_time )) && [[ -f "$tmp/$name.time" ]]; then
    RSS_KB=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$tmp/$name.time")
  fi
}

fmt_rss() { if [[ -n "$1" ]]; then awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; else echo "n/a"; fi; }
rate() { awk -v b="$bytes" -v s="$1" 'BEGIN { if (s > 0) printf "%.1f MB/s", b / 1048576 / s; else print "n/a" }'; }

echo "input:       $INPUT ($mb MB = ${#inputs[@]} files x $repeat copies)"

run_timed grep grep -F -c 2012 "$INPUT"
# grep exits 1 when nothing matches; only 2 and up is an error.
if (( RC > 1 )); then
  echo "bench: grep failed (exit $RC): $(cat "$tmp/grep.stderr")" >&2
  exit 1
fi
grep_secs="$SECS"
echo "grep -F:     ${grep_secs} s  $(rate "$grep_secs")  peak RSS $(fmt_rss "$RSS_KB")  ($(cat "$tmp/grep.stdout") matching lines)"

if [[ ! -x "$BIN" ]]; then
  echo "chronograph: not found at $ROOT/$BIN; build it first (scripts/demo.sh or cmake --build build)." >&2
  echo "bench: skipped the chronograph run." >&2
  exit 0
fi

mkdir -p "$tmp/out"
run_timed chronograph "$BIN" build "$INPUT" --out "$tmp/out" --quiet
if (( RC != 0 )); then
  echo "bench: chronograph failed (exit $RC):" >&2
  tail -n 20 "$tmp/chronograph.stderr" >&2
  exit 1
fi
chrono_secs="$SECS"
echo "chronograph: ${chrono_secs} s  $(rate "$chrono_secs")  peak RSS $(fmt_rss "$RSS_KB")"
awk -v c="$chrono_secs" -v g="$grep_secs" \
  'BEGIN { if (g > 0) printf "ratio:       chronograph/grep = %.1fx\n", c / g; else print "ratio:       n/a (grep took no measurable time)" }'
if [[ "${KEEP:-0}" == 1 ]]; then echo "kept:        $tmp"; fi
