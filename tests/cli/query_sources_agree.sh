#!/bin/sh
# show, path and conflicts give the same answers from chronograph.sqlite
# alone as from graph.graphml and facts.json alone (one directory, so the
# messages that name it match too).
# Usage: query_sources_agree.sh CHRONOGRAPH BUILT_OUT_DIR WORK_DIR
set -eu
bin=$1 built=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
ask() {  # runs every question against $work/out, into $1
  for q in 'show|ilya sutskever' 'show|OpenAI|--json' 'show|Ilya Sutskevr' 'show|NVIDIA' \
           'path|ilya-sutskever|Geoffrey Hinton' 'path|Sam Altman|ChatGPT|--json' 'path|AlexNet|NVIDIA' \
           'conflicts' 'conflicts|--json'; do
    (IFS='|'; set -f; set -- $q; "$bin" "$@" --from "$work/out" 2>&1 || echo "exit $?")
  done > "$1"
}
cp -R "$built" "$work/out"
rm "$work/out/chronograph.sqlite"
ask "$work/from_files.txt"
rm -rf "$work/out" && cp -R "$built" "$work/out"
rm "$work/out/graph.graphml" "$work/out/facts.json"
ask "$work/from_store.txt"
if ! cmp -s "$work/from_files.txt" "$work/from_store.txt"; then
  diff "$work/from_files.txt" "$work/from_store.txt" | head -40
  echo "FAIL: answers from chronograph.sqlite differ from those of graph.graphml and facts.json" >&2
  exit 1
fi
grep -q 'Ilya Sutskever (PERSON)' "$work/from_store.txt" || { echo "FAIL: no answer at all" >&2; exit 1; }
echo "same answers from both sources ($(wc -l < "$work/from_store.txt") lines)"
