"""Shared by the scale-out tests: run chronograph, compare output trees."""
import filecmp
import os
import subprocess
import sys


def run(binary, *args, cwd=None, stdin=None, expect=0):
    """Runs chronograph; returns (stdout bytes, stderr text); fails the test on another exit code."""
    result = subprocess.run([binary, *args], cwd=cwd, input=stdin, capture_output=True)
    if result.returncode != expect:
        sys.exit(f"FAIL: chronograph {' '.join(args)} exited {result.returncode}, expected {expect}:\n"
                 f"{result.stderr.decode('utf-8', 'replace')}")
    return result.stdout, result.stderr.decode("utf-8", "replace")


def files_under(root):
    found = []
    for directory, _, names in os.walk(root):
        for name in names:
            found.append(os.path.relpath(os.path.join(directory, name), root))
    return sorted(found)


def assert_same_tree(expected, found, what):
    """Every file of `expected` exists in `found` with the same bytes, and no other file."""
    a, b = files_under(expected), files_under(found)
    if a != b:
        sys.exit(f"FAIL: {what}: files differ: only in build {sorted(set(a) - set(b))}, "
                 f"only in {what} {sorted(set(b) - set(a))}")
    if len(a) < 8:
        sys.exit(f"FAIL: {what}: only {len(a)} output files")
    for name in a:
        if not filecmp.cmp(os.path.join(expected, name), os.path.join(found, name), shallow=False):
            sys.exit(f"FAIL: {what}: {name} differs from build's")
    return len(a)
