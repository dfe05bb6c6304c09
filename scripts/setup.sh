#!/usr/bin/env bash
# Installs every Debian 12 package that building and testing chronograph needs.
# Idempotent: asks dpkg what is missing and runs apt-get only when something is.
# Silent when everything is already installed; uses sudo when not run as root.
set -euo pipefail

readonly PACKAGES=(
  build-essential
  cmake
  pkg-config
  libre2-dev
  libutf8proc-dev
  libopencc-dev
  libhyperscan-dev  # one-pass scanning of gazetteer aliases and rule prefilters
  libxxhash-dev     # content hashes of documents and rule sets (shards, --cache)
  libsqlite3-dev    # chronograph.sqlite, the fact database
  libmimalloc-dev   # the command line's allocator (CHRONOGRAPH_MIMALLOC)
  sqlite3           # the sqlite3 shell: tests run the documented example queries
  libcli11-dev
  nlohmann-json3-dev
  libpugixml-dev
  libboost-graph-dev
  libgtest-dev
  googletest
  python3
  libxml2-utils  # xmllint: tests check graph.gexf against the GEXF 1.3 XSD
  graphviz        # graph.svg (sfdp/neato); chronograph skips the picture without it
  chromium        # report.html's end-to-end test (headless)
  fonts-noto-cjk  # CJK glyphs in graph.svg and report screenshots
  libbenchmark-dev  # bench/extract_bench (-DCHRONOGRAPH_BUILD_BENCH=ON)
  time            # /usr/bin/time: peak RSS in bench/run
  python3-distributed  # scripts/chronograph-dask and its test (Dask.distributed)
  clang           # libFuzzer targets (scripts/fuzz.sh)
  xxd             # the encodings test turns byte offsets back into text
  raptor2-utils   # rapper: tests validate graph.ttl (RDF Turtle)
  python3-rdflib  # tests load graph.ttl and graph.jsonld and run the documented SPARQL
  python3-dev       # the Python module (python/; off without it)
  pybind11-dev
  python3-pytest    # the Python module's tests
  python3-networkx  # chronograph.build returns a networkx graph
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup.sh: dpkg-query not found; this script targets Debian 12 (apt/dpkg)." >&2
  exit 1
fi

missing=()
# node and npm install and inline report.html's pinned libraries at build
# time. Debian's packages, unless a node/npm is already on PATH (a NodeSource
# nodejs bundles npm and conflicts with Debian's npm package).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
for pkg in "${PACKAGES[@]}"; do
  # An unknown package makes dpkg-query fail; treat that as "not installed".
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup.sh: missing packages: ${missing[*]}" >&2
  echo "setup.sh: need root to install them, and sudo is not available." >&2
  echo "setup.sh: run as root: apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "setup.sh: installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
