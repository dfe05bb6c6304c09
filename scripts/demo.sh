#!/usr/bin/env bash
# README command 1: install dependencies, build chronograph (Release) into
# build/, run it over examples/ and show where the outputs went.
# Works from any directory: it moves to the repository root first.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCHRONOGRAPH_BUILD_TESTS=OFF
cmake --build build -j"$(nproc)"

readonly BIN=build/app/chronograph
readonly OUT=out/examples

if [[ ! -x "$BIN" ]]; then
  echo "demo.sh: the build finished but $BIN does not exist;" >&2
  echo "demo.sh: check that app/CMakeLists.txt defines the chronograph executable." >&2
  exit 1
fi

status=0
"$BIN" build examples --out "$OUT" || status=$?
if [[ $status -ne 0 ]]; then
  echo "demo.sh: '$BIN build examples --out $OUT' failed (exit $status)." >&2
  exit "$status"
fi

cat <<MSG

chronograph read examples/ and wrote to $PWD/$OUT:
  report.html         open it in a browser (works offline): timeline, graph, entity table
  graph.graphml       knowledge graph for Gephi (File > Open), networkx, igraph
  graph.gexf          the same graph over time, for Gephi's timeline slider
  graph.svg           a static picture of the main entities
  timeline.json       entities, dates and dated events, each with its source line
  facts.json          every fact with all of its sources; conflicts.json: where sources disagree
  graph.ttl           linked data (RDF Turtle; graph.jsonld: JSON-LD) with Wikidata ids and properties
  timelinejs.json     TimelineJS3 document; vis-timeline.json: items for vis-timeline
Next: $BIN show "Geoffrey Hinton" --from $OUT
      $BIN conflicts --from $OUT
MSG
