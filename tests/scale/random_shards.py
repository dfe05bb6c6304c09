"""Merging shards equals one build, whatever the split, order and grouping.

  random_shards.py BIN SRC OUT

Splits the sample corpus (SRC/examples) into random shards, extracts each
separately (files, --files-from, stdout), puts one document into two shards,
merges the shards in random orders and groupings (merge of merges), and
compares every output file with one `build`, byte for byte. Also checks
that a shard made with other rules is refused. Seeded: the same every run.
"""
import os
import random
import shutil
import sys

from scale_common import assert_same_tree, run


def main(binary, src, out):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    listing, _ = run(binary, "extract", "--list", "examples", cwd=src)
    docs = listing.decode().split()
    assert len(docs) >= 4, docs
    whole = os.path.join(out, "whole")
    run(binary, "build", "examples", "--out", whole, "--quiet", cwd=src)

    rng = random.Random(20240611)
    for trial in range(3):
        order = docs[:]
        rng.shuffle(order)
        cuts = sorted(rng.sample(range(1, len(order)), rng.randint(1, 3)))
        groups = [order[a:b] for a, b in zip([0] + cuts, cuts + [len(order)])]
        groups[-1].append(groups[0][0])  # one document in two shards: counts once
        shards = []
        for i, group in enumerate(groups):
            shard = os.path.join(out, f"t{trial}-s{i}.shard")
            how = (trial + i) % 3
            if how == 0:
                run(binary, "extract", *group, "--out", shard, "--quiet", cwd=src)
            elif how == 1:
                run(binary, "extract", "--files-from", "-", "--out", shard, "--quiet", "-j", "1", cwd=src,
                    stdin="".join(p + "\n" for p in group).encode())
            else:
                data, _ = run(binary, "extract", *group, "--out", "-", "--quiet", cwd=src)
                with open(shard, "wb") as f:
                    f.write(data)
            shards.append(shard)
        # Merge in a random tree until one shard is left, then write outputs.
        level = 0
        while len(shards) > 1:
            rng.shuffle(shards)
            take = rng.randint(2, len(shards))
            merged = os.path.join(out, f"t{trial}-m{level}.shard")
            run(binary, "merge", *shards[:take], "--shard", merged, "--quiet")
            shards = shards[take:] + [merged]
            level += 1
        result = os.path.join(out, f"t{trial}-out")
        run(binary, "merge", shards[0], "--out", result, "--quiet")
        n = assert_same_tree(whole, result, f"trial {trial} ({len(groups)} shards, {level} merges)")
        print(f"trial {trial}: {len(groups)} shards, {level} merge levels: {n} files byte-identical")

    # A shard made with other rules is refused, naming both.
    rules = os.path.join(out, "other-rules")
    os.makedirs(os.path.join(rules, "common", "gazetteer"))
    with open(os.path.join(rules, "common", "gazetteer", "extra.tsv"), "w") as f:
        f.write("Frobnicator 9000\tMODEL\tFrobnicator 9000\n")
    other = os.path.join(out, "other.shard")
    run(binary, "extract", docs[0], "--rules", rules, "--out", other, "--quiet", cwd=src)
    first = os.path.join(out, "t0-s0.shard")
    _, err = run(binary, "merge", first, other, "--out", os.path.join(out, "refused"), expect=1)
    if "rules" not in err or "other.shard" not in err:
        sys.exit(f"FAIL: mixing rules versions: unclear message: {err}")
    if os.path.exists(os.path.join(out, "refused", "graph.graphml")):
        sys.exit("FAIL: a refused merge wrote outputs")
    print("other rules refused:", err.strip().splitlines()[-1])

    # A document that cannot be read costs only itself, as in build: the
    # shard holds the others and the exit code is 3; --strict refuses.
    mixed = os.path.join(out, "mixed")
    os.makedirs(mixed)
    shutil.copy(os.path.join(src, docs[0]), mixed)
    with open(os.path.join(mixed, "binary.txt"), "wb") as f:
        f.write(bytes(range(256)) * 8)
    kept = os.path.join(out, "mixed.shard")
    _, err = run(binary, "extract", mixed, "--out", kept, expect=3)
    if "binary.txt" not in err or "skipped" not in err:
        sys.exit(f"FAIL: the skipped document is not named: {err}")
    with open(kept, encoding="utf-8") as f:
        if len(f.read().splitlines()) != 2:
            sys.exit("FAIL: the shard should hold a header and the one good document")
    strict = os.path.join(out, "strict.shard")
    run(binary, "extract", mixed, "--out", strict, "--strict", expect=1)
    if os.path.exists(strict):
        sys.exit("FAIL: a refused extract left a shard")
    print("extract skips a binary document (exit 3); --strict refuses it")


if __name__ == "__main__":
    main(*sys.argv[1:4])
