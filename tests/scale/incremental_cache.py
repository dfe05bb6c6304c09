"""build --cache extracts only new or changed documents, with clean-build outputs.

  incremental_cache.py BIN SRC OUT

Builds a copy of some sample texts with --cache, then adds, changes and
removes files between runs; after each run the outputs must equal a clean
build of the same files, and the cache line must count the documents that
were extracted again.
"""
import os
import re
import shutil
import sys

from scale_common import assert_same_tree, run


def cached_build(binary, work, out):
    _, err = run(binary, "build", "texts", "--out", out, "--cache", "cache", cwd=work)
    found = re.search(r"cache cache: (\d+) extracted, (\d+) unchanged, (\d+) stale removed", err)
    if not found:
        sys.exit(f"FAIL: no cache summary in:\n{err}")
    return tuple(int(x) for x in found.groups())


def check(binary, work, step, expected_counts):
    out = os.path.join(work, f"cached-{step}")
    counts = cached_build(binary, work, out)
    if counts != expected_counts:
        sys.exit(f"FAIL: {step}: (extracted, unchanged, removed) = {counts}, expected {expected_counts}")
    clean = os.path.join(work, f"clean-{step}")
    run(binary, "build", "texts", "--out", clean, "--quiet", cwd=work)
    n = assert_same_tree(clean, out, f"{step} with --cache")
    print(f"{step}: {counts[0]} extracted, {counts[1]} unchanged, {counts[2]} removed; {n} files as a clean build")


def main(binary, src, out):
    shutil.rmtree(out, ignore_errors=True)
    texts = os.path.join(out, "texts")
    os.makedirs(texts)
    names = sorted(n for n in os.listdir(os.path.join(src, "examples")) if n.endswith((".txt", ".md")))
    assert len(names) >= 5, names
    for name in names[:4]:
        shutil.copy(os.path.join(src, "examples", name), texts)
    check(binary, out, "first", (4, 0, 0))
    check(binary, out, "unchanged", (0, 4, 0))
    shutil.copy(os.path.join(src, "examples", names[4]), texts)          # added
    with open(os.path.join(texts, names[0]), "a", encoding="utf-8") as f:  # changed
        f.write("\nIn 2019 the lab released a new model.\n")
    os.remove(os.path.join(texts, names[1]))                              # removed
    # Extracted: the new and the changed file; removed from the cache: the
    # removed file's entry and the changed file's old one.
    check(binary, out, "edited", (2, 2, 2))


if __name__ == "__main__":
    main(*sys.argv[1:4])
