"""Runs every example query of docs/formats.md's chronograph.sqlite section
with the sqlite3 shell against a build of the sample corpus.

  sqlite_queries.py BIN SRC OUT

Each ```sql block is preceded by `<!-- expect: TEXT -->`; the query must run
without error and its output must contain TEXT. Also checks that the
database's counts agree with extraction.json.
"""
import json
import os
import re
import shutil
import subprocess
import sys


def main(binary, src, out):
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([binary, "build", "examples", "--out", out, "--quiet"], cwd=src, check=True)
    db = os.path.join(out, "chronograph.sqlite")
    docs = open(os.path.join(src, "docs", "formats.md"), encoding="utf-8").read()
    section = docs[docs.index("## `chronograph.sqlite`"):]
    queries = re.findall(r"<!-- expect: (.*?) -->\n```sql\n(.*?)```", section, re.S)
    if len(queries) < 4:
        sys.exit(f"FAIL: found only {len(queries)} example queries in docs/formats.md")
    for expect, sql in queries:
        run = subprocess.run(["sqlite3", "-bail", db, sql], capture_output=True, text=True)
        if run.returncode != 0 or run.stderr:
            sys.exit(f"FAIL: query failed: {run.stderr}\n{sql}")
        if expect not in run.stdout:
            sys.exit(f"FAIL: expected '{expect}' in the output of\n{sql}\ngot:\n{run.stdout}")
        print(f"ok: {len(run.stdout.splitlines())} rows contain '{expect}'")

    extraction = json.load(open(os.path.join(out, "extraction.json"), encoding="utf-8"))
    counts = {"documents": len(extraction["documents"])}
    for table in ("sentences", "mentions", "dates", "events", "relations"):
        counts[table] = sum(len(d[table]) for d in extraction["documents"])
    for table, expected in counts.items():
        found = subprocess.run(["sqlite3", db, f"SELECT count(*) FROM {table}"], capture_output=True,
                               text=True, check=True).stdout.strip()
        if int(found) != expected:
            sys.exit(f"FAIL: {table}: {found} rows, extraction.json has {expected}")
    print("counts agree with extraction.json:", counts)


if __name__ == "__main__":
    main(*sys.argv[1:4])
