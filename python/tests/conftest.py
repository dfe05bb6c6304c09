"""Shared fixtures of the Python module's tests.

ctest sets PYTHONPATH to the built module, CHRONOGRAPH_SOURCE_DIR to the
source tree (the sample texts under examples/ and tests/data/),
CHRONOGRAPH_BIN to the command-line program (to compare error messages) and
CHRONOGRAPH_TEST_TMP to a scratch directory of the build tree.
"""
import os
import subprocess

import pytest

SOURCE_DIR = os.environ.get("CHRONOGRAPH_SOURCE_DIR",
                            os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
EXAMPLES = os.path.join(SOURCE_DIR, "examples")
TEST_DATA = os.path.join(SOURCE_DIR, "tests", "data")


def example(name):
    """The text of examples/<name>."""
    with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
        return f.read()


def cli_error(*args):
    """The message of the CLI's "chronograph: error: ..." line for args."""
    binary = os.environ.get("CHRONOGRAPH_BIN")
    if not binary:
        pytest.skip("CHRONOGRAPH_BIN not set")
    run = subprocess.run([binary, *args], capture_output=True, text=True)
    assert run.returncode != 0, run.stderr
    prefix = "chronograph: error: "
    lines = [line for line in run.stderr.splitlines() if line.startswith(prefix)]
    assert lines, run.stderr
    return lines[-1][len(prefix):]


@pytest.fixture
def scratch(tmp_path_factory, request):
    """An empty directory for outputs, under CHRONOGRAPH_TEST_TMP when set."""
    root = os.environ.get("CHRONOGRAPH_TEST_TMP")
    if not root:
        return tmp_path_factory.mktemp(request.node.name)
    path = os.path.join(root, request.node.name)
    if os.path.exists(path):
        import shutil
        shutil.rmtree(path)
    os.makedirs(path)
    return path
