#!/usr/bin/python3
"""Runs the rows of rules/*/dates.examples.tsv through a built chronograph
with --rules rules (no rebuild needed after editing rules), the way the test
suite does: each row its own document, at its reference date (third column,
default 2013-02-12) and date order. Prints the rows whose dates differ.

Usage: scripts/check-date-examples.py [BINARY] [TSV...]
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def rows(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split("\t")
            expected = set() if parts[1].strip() == "-" else {x.strip() for x in parts[1].split("|") if x.strip()}
            ref, order = "2013-02-12", "mdy"
            if len(parts) > 2 and parts[2].strip():
                third = parts[2].split()
                ref = third[0]
                if len(third) > 1:
                    order = third[1]
            yield path, number, parts[0], expected, ref, order


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build/app/chronograph")
    tsvs = sys.argv[2:] or [os.path.join(ROOT, "rules", d, "dates.examples.tsv") for d in ("common", "en", "zh")]
    groups = collections.defaultdict(list)
    for tsv in tsvs:
        for row in rows(tsv):
            groups[(row[4], row[5])].append(row)
    failures = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for (ref, order), items in sorted(groups.items()):
            indir = os.path.join(tmp, "in-%s-%s" % (ref, order))
            outdir = os.path.join(tmp, "out-%s-%s" % (ref, order))
            os.makedirs(indir)
            for i, row in enumerate(items):
                with open(os.path.join(indir, "%05d.txt" % i), "w", encoding="utf-8") as f:
                    f.write(row[2] + "\n")
            subprocess.run([binary, "build", indir, "--rules", os.path.join(ROOT, "rules"), "--date", ref,
                            "--date-order", order, "--out", outdir, "-q", "--no-layout"], check=True)
            with open(os.path.join(outdir, "timeline.json"), encoding="utf-8") as f:
                timeline = json.load(f)
            found = collections.defaultdict(set)
            for d in timeline["dates"]:
                if d["kind"] == "anaphoric":
                    continue
                doc = os.path.basename(d["source"]["document"])
                found[doc].add(d["value"] + ("@" + d["mod"] if d.get("mod") else ""))
            for i, row in enumerate(items):
                total += 1
                got = found.get("%05d.txt" % i, set())
                if got != row[3]:
                    failures += 1
                    print("%s:%d [%s] %s\n   expected %s\n   found    %s" % (
                        os.path.relpath(row[0], ROOT), row[1], ref, row[2],
                        " | ".join(sorted(row[3])) or "-", " | ".join(sorted(got)) or "-"))
    print("%d of %d rows differ" % (failures, total))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
