"""chronograph.build: the knowledge graph as networkx, and build's files."""
import json
import os
import pathlib
import subprocess

import networkx as nx
import pytest

import chronograph
from conftest import EXAMPLES, cli_error


def edges_by_key(graph):
    return {k: (u, v, d) for u, v, k, d in graph.edges(keys=True, data=True)}


def test_graph_is_graph_graphml(scratch):
    graph = chronograph.build(EXAMPLES, out=scratch)
    assert isinstance(graph, nx.MultiDiGraph)
    written = nx.read_graphml(os.path.join(scratch, "graph.graphml"))
    assert graph.number_of_nodes() == written.number_of_nodes() > 10
    assert graph.number_of_edges() == written.number_of_edges() > 10
    assert dict(graph.nodes(data=True)) == dict(written.nodes(data=True))
    mine = edges_by_key(graph)
    for key, (u, v, data) in edges_by_key(written).items():
        assert mine[key][2] == data
        assert {mine[key][0], mine[key][1]} == {u, v}
        assert (mine[key][0], mine[key][1]) == (data["from"], data["to"])
    assert graph.graph["skipped_documents"] == 0
    for name in ("timeline.json", "facts.json", "graph.gexf", "graph.ttl", "extraction.json", "chronograph.sqlite",
                 "report.html"):
        assert os.path.getsize(os.path.join(scratch, name)) > 0, name
    with open(os.path.join(scratch, "timeline.json"), encoding="utf-8") as f:
        timeline = json.load(f)
    assert len(timeline["entities"]) == graph.number_of_nodes()


def test_in_memory_equals_written(scratch):
    files = [os.path.join(EXAMPLES, name) for name in ("en_openai_2015.txt", "zh_openai_2016.txt")]
    in_memory = chronograph.build(files, threads=2)
    written = chronograph.build(files, out=scratch, threads=1)
    assert not os.path.exists(os.path.join(scratch, "never"))
    assert dict(in_memory.nodes(data=True)) == dict(written.nodes(data=True))
    assert edges_by_key(in_memory) == edges_by_key(written)
    founded = [d for u, v, d in in_memory.edges(data=True) if d["relation"] == "founded" and v == "openai"]
    assert founded and any(d.get("conflict") is True for d in founded)


def test_types_follow_the_graphml_keys():
    graph = chronograph.build(pathlib.Path(EXAMPLES) / "en_scaling.txt", layout=False)  # any os.PathLike
    _, data = next(iter(graph.nodes(data=True)))
    assert isinstance(data["mentions"], int) and isinstance(data["size"], float) and isinstance(data["r"], int)
    assert "x" not in data  # layout=False: no positions, as --no-layout
    _, _, edge = next(iter(graph.edges(data=True)))
    assert isinstance(edge["weight"], float) and isinstance(edge["sources"], int)


def test_errors_are_the_cli_messages(scratch):
    missing = os.path.join(EXAMPLES, "no_such_input.txt")
    with pytest.raises(chronograph.InvalidInputError) as raised:
        chronograph.build(missing)
    assert "no_such_input.txt: no such file or directory" in str(raised.value)
    assert str(raised.value) == cli_error("build", missing, "--out", os.path.join(scratch, "cli"))
    with pytest.raises(chronograph.UsageError, match="not a calendar date"):
        chronograph.build(EXAMPLES, date="2023-13-01")
    with pytest.raises(chronograph.UsageError):
        chronograph.build([])


def test_out_is_what_the_cli_writes(scratch):
    binary = os.environ.get("CHRONOGRAPH_BIN")
    if not binary:
        pytest.skip("CHRONOGRAPH_BIN not set")
    mine, cli = os.path.join(scratch, "python"), os.path.join(scratch, "cli")
    chronograph.build(EXAMPLES, out=mine, quiet=True)
    subprocess.run([binary, "build", EXAMPLES, "--out", cli, "--quiet"], check=True)
    names = sorted(n for n in os.listdir(cli) if os.path.isfile(os.path.join(cli, n)))
    assert "graph.graphml" in names and sorted(
        n for n in os.listdir(mine) if os.path.isfile(os.path.join(mine, n))) == names
    for name in names:
        with open(os.path.join(mine, name), "rb") as a, open(os.path.join(cli, name), "rb") as b:
            assert a.read() == b.read(), name
