"""docs/python.md is a walkthrough: its ```python blocks run, in order, in
one namespace, from the repository's top directory."""
import os
import re

from conftest import SOURCE_DIR

DOC = os.path.join(SOURCE_DIR, "docs", "python.md")


def python_blocks(markdown):
    return re.findall(r"^```python\n(.*?)^```$", markdown, flags=re.S | re.M)


def test_python_md_runs(monkeypatch):
    with open(DOC, encoding="utf-8") as f:
        blocks = python_blocks(f.read())
    assert len(blocks) >= 8
    monkeypatch.chdir(SOURCE_DIR)
    namespace = {"__name__": "python_md"}
    for i, block in enumerate(blocks, 1):
        code = compile(block, f"{DOC} (python block {i})", "exec")
        exec(code, namespace)  # noqa: S102 - the documentation's own examples
