#!/usr/bin/env bash
# Regenerates the pictures the README shows, from examples/:
#   docs/graph.svg   graph.svg as `chronograph build examples` draws it (Graphviz sfdp)
#   docs/report.png  a screenshot of report.html in headless Chromium, taken
#                    by the report's end-to-end test (tests/report/report_e2e.js)
# Usage: scripts/make-docs-pictures.sh [BUILD_DIR]   (default: build)
# Needs what scripts/setup.sh installs (graphviz, chromium, node/npm).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly BUILD="${1:-build}"

cmake -S . -B "$BUILD" >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target chronograph

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node tests/report/report_e2e.js "$BUILD/report/node_modules" "$BUILD/app/chronograph" "$tmp/out" examples
if [[ ! -f "$tmp/out/graph.svg" ]]; then
  echo "make-docs-pictures.sh: no graph.svg was drawn; install Graphviz (scripts/setup.sh)." >&2
  exit 1
fi
mkdir -p docs
cp "$tmp/out/graph.svg" docs/graph.svg
cp "$tmp/out/report.png" docs/report.png
echo "wrote docs/graph.svg and docs/report.png"
