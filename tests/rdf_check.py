"""Validates graph.ttl and graph.jsonld of a build of the sample corpus and
runs docs/formats.md's SPARQL examples on them.

  rdf_check.py BIN SRC OUT RAPPER

graph.ttl must parse with rapper (raptor2-utils; Debian's rapper has no
JSON-LD parser, so graph.jsonld is checked by rdflib alone). Both files must
load in rdflib (python3-rdflib) and hold the same triples. Each ```sparql
block of the linked-data section of docs/formats.md is preceded by
`<!-- expect: TEXT -->`; on both graphs the query must return at least one
row and some row must contain TEXT.
"""
import os
import re
import shutil
import subprocess
import sys

import rdflib


def main(binary, src, out, rapper):
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([binary, "build", "examples", "--out", out, "--quiet"], cwd=src, check=True)
    ttl = os.path.join(out, "graph.ttl")
    jsonld = os.path.join(out, "graph.jsonld")

    run = subprocess.run([rapper, "-i", "turtle", "-c", ttl], capture_output=True, text=True)
    if run.returncode != 0 or "error" in run.stderr.lower():
        sys.exit(f"FAIL: rapper rejected graph.ttl:\n{run.stderr}")
    print("rapper:", run.stderr.strip().splitlines()[-1])
    # rapper counts a repeated triple each time (a founding date stated by
    # several founders); rdflib keeps a set: compare distinct N-Triples.
    run = subprocess.run([rapper, "-q", "-i", "turtle", "-o", "ntriples", ttl], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"FAIL: rapper could not convert graph.ttl:\n{run.stderr}")
    distinct = len(set(line for line in run.stdout.splitlines() if line.strip()))

    turtle = rdflib.Graph()
    turtle.parse(ttl, format="turtle")
    linked = rdflib.Graph()
    linked.parse(jsonld, format="json-ld")
    if distinct != len(turtle):
        sys.exit(f"FAIL: rapper reads {distinct} distinct triples, rdflib {len(turtle)}")
    if len(turtle) < 100:
        sys.exit(f"FAIL: graph.ttl holds only {len(turtle)} triples")
    if set(turtle) != set(linked):
        only_ttl = list(set(turtle) - set(linked))[:5]
        only_jsonld = list(set(linked) - set(turtle))[:5]
        sys.exit(f"FAIL: graph.ttl and graph.jsonld differ\nonly in ttl: {only_ttl}\nonly in jsonld: {only_jsonld}")
    print(f"ok: graph.ttl and graph.jsonld hold the same {len(turtle)} triples")

    docs = open(os.path.join(src, "docs", "formats.md"), encoding="utf-8").read()
    section = docs[docs.index("## `graph.ttl` and `graph.jsonld`"):]
    queries = re.findall(r"<!-- expect: (.*?) -->\n```sparql\n(.*?)```", section, re.S)
    if not queries:
        sys.exit("FAIL: no SPARQL example in docs/formats.md")
    for expect, sparql in queries:
        for name, g in (("graph.ttl", turtle), ("graph.jsonld", linked)):
            rows = [" | ".join("" if v is None else str(v) for v in row) for row in g.query(sparql)]
            if not rows:
                sys.exit(f"FAIL: no rows from {name} for\n{sparql}")
            if not any(expect in r for r in rows):
                sys.exit(f"FAIL: expected '{expect}' in a row from {name} of\n{sparql}\ngot:\n" + "\n".join(rows))
            print(f"ok: {name}: {len(rows)} rows, one contains '{expect}'")
    for row in turtle.query(queries[0][1]):
        print("  ", " | ".join("" if v is None else str(v) for v in row))


if __name__ == "__main__":
    main(*sys.argv[1:5])
