"""The embedded store: where it lives, graphs replaced whole, the writer lock, and
`oxigraph serve --location` serving a store that `kg build` wrote."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import time
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Literal, NamedNode, Quad
from servers import OxigraphServer
from synthetic import write_corpus

from kg.catalog import CATALOG_GRAPH
from kg.cli import main
from kg.errors import KgError
from kg.queries import find_query, run_saved_query
from kg.remote import connect
from kg.store import (
    fill_store,
    graphs_in,
    open_store,
    reader_lock,
    readers_excluded,
    reading,
    replace_graph,
    writer_lock,
)

ROOT = Path(__file__).resolve().parent.parent
GRAPH = "http://example.org/graph"
P = NamedNode("http://example.org/p")


def quads(n: int, label: str) -> list[Quad]:
    return [Quad(NamedNode(f"http://example.org/s{i}"), P, Literal(f"{label} {i}"),
                 NamedNode(GRAPH)) for i in range(n)]


def graph_labels(store) -> set[str]:
    return {q.object.value.split()[0] for q in store.quads_for_pattern(None, None, None,
                                                                        NamedNode(GRAPH))}


def test_pyoxigraph_and_the_oxigraph_server_share_a_minor_version():
    def minor(package: str) -> tuple[str, ...]:
        return tuple(version(package).split(".")[:2])

    assert minor("pyoxigraph") == minor("oxigraph")
    pins = (ROOT / "constraints.txt").read_text()
    assert f"pyoxigraph=={version('pyoxigraph')}" in pins
    assert f"oxigraph=={version('oxigraph')}" in pins


def test_build_writes_the_default_store_and_every_reader_finds_it(release_file, tmp_path,
                                                                  monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(release_file)]).exit_code == 0
    assert (tmp_path / ".kg" / "store").is_dir()
    stats = runner.invoke(main, ["stats"])
    # the disclosure's graph, the build catalog (kg.catalog) and the resolution graph
    assert stats.exit_code == 0 and "named graphs                       3" in stats.stdout
    designations = runner.invoke(main, ["query", "designations", "--format", "json"])
    assert [row["drug"] for row in json.loads(designations.stdout)] == ["NWB-220"]
    result = runner.invoke(main, ["validate"])
    assert result.exit_code in (0, 1)  # read the store: conforms, or a list of violations
    assert "conforms" in result.stderr or "violations" in result.stderr
    out = tmp_path / "all.nq"
    assert runner.invoke(main, ["export", "-o", str(out)]).exit_code == 0
    assert out.read_text().count("\n") == stats_quads(stats.stdout)


def test_a_built_store_conforms_to_the_shapes(release_file, tmp_path):
    store_dir = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(release_file), "--store", store_dir]).exit_code == 0
    result = runner.invoke(main, ["validate", "--store", store_dir])
    assert result.exit_code == 0, result.stdout


def stats_quads(stats: str) -> int:
    return int(next(line.split()[-1] for line in stats.splitlines() if line.startswith("quads")))


def test_kg_store_variable_and_store_option_choose_the_store(release_file, tmp_path,
                                                             monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KG_STORE", str(tmp_path / "from-env"))
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(release_file)]).exit_code == 0
    assert (tmp_path / "from-env").is_dir() and not (tmp_path / ".kg").exists()
    assert runner.invoke(main, ["stats"]).exit_code == 0
    result = runner.invoke(main, ["stats", "--store", str(tmp_path / "elsewhere")])
    assert result.exit_code == 2 and "no store here" in result.stderr


def test_rebuilding_replaces_each_graph_without_duplicates(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 3)
    store_dir = tmp_path / "store"
    runner = CliRunner()
    for _ in range(2):  # --force: build the unchanged files again
        assert runner.invoke(main, ["build", str(docs), "--store", str(store_dir), "--force"]
                             ).exit_code == 0
        with reading(store_dir) as store:
            graphs = graphs_in(store)  # without the build catalog
            size = len(store)
            catalog = len(list(store.quads_for_pattern(None, None, None,
                                                       NamedNode(CATALOG_GRAPH))))
        disclosures = [g for g in graphs if g.startswith("https://w3id.org/biotech-kg/id/disclosure/")]
        assert len(disclosures) == 3 and len(graphs) == 4  # and the resolution graph
        assert size == sum(len(q) for q in graphs.values()) + catalog
    (docs / "synthetic-00001.txt").unlink()
    assert runner.invoke(main, ["build", str(docs), "--store", str(store_dir)]).exit_code == 0
    with reading(store_dir) as store:
        assert len(store) == size  # a rebuild of fewer files removes nothing it did not write


def test_a_failure_while_the_new_graph_is_made_keeps_the_previous_one(tmp_path):
    store = open_store(tmp_path / "store")
    replace_graph(store, GRAPH, quads(50, "old"))

    def new_quads_failing_half_way():
        for n, quad in enumerate(quads(100, "new")):
            if n == 50:
                raise OSError("disk on fire")
            yield quad

    with pytest.raises(OSError, match="disk on fire"):
        replace_graph(store, GRAPH, new_quads_failing_half_way())
    assert graph_labels(store) == {"old"} and len(store) == 50
    replace_graph(store, GRAPH, quads(80, "new"))
    assert graph_labels(store) == {"new"} and len(store) == 80


def test_a_build_failing_half_way_keeps_every_graph_whole(tmp_path):
    """The second of two graphs fails half-way: the first is new, the second as it was."""
    path = tmp_path / "store"
    other = "http://example.org/other"
    fill_store(path, [(GRAPH, quads(30, "old")), (other, quads(30, "old"))])

    def failing_half_way():
        for n, quad in enumerate(quads(40, "new")):
            if n == 20:
                raise OSError("No space left on device")
            yield quad

    message = "cannot write the store (No space left on device); 40 quads were written"
    with pytest.raises(KgError, match=re.escape(message)):
        fill_store(path, [(GRAPH, quads(40, "new")), (other, failing_half_way())])
    with reading(path) as store:
        graphs = graphs_in(store)
    assert {q.object.value.split()[0] for q in graphs[GRAPH]} == {"new"}
    assert len(graphs[GRAPH]) == 40
    assert {q.object.value.split()[0] for q in graphs[other]} == {"old"}
    assert len(graphs[other]) == 30


CRASHING_WRITER = textwrap.dedent("""\
    import sys
    from pathlib import Path
    from pyoxigraph import Literal, NamedNode, Quad
    from kg.store import open_store, replace_graph

    store = open_store(Path(sys.argv[1]))
    graph, p = NamedNode("http://example.org/graph"), NamedNode("http://example.org/p")

    def new_quads():
        for i in range(60000):
            if i == 59999:
                print("update starts", flush=True)
            yield Quad(NamedNode(f"http://example.org/s{i}"), p, Literal(f"new {i}"), graph)

    replace_graph(store, graph.value, new_quads())
    print("committed", flush=True)
""")


def test_a_writer_killed_during_the_update_leaves_the_graph_whole(tmp_path):
    """SIGKILL in the middle of replacing a graph: afterwards it is all old or all new."""
    path = tmp_path / "store"
    store = open_store(path)
    replace_graph(store, GRAPH, quads(1000, "old"))
    del store
    writer = subprocess.Popen([sys.executable, "-c", CRASHING_WRITER, str(path)],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert writer.stdout.readline() == "update starts\n"
    time.sleep(0.2)
    writer.kill()
    writer.wait()
    store = open_store(path)
    labels, size = graph_labels(store), len(store)
    assert (labels, size) in (({"old"}, 1000), ({"new"}, 60000))


HOLDER = textwrap.dedent("""\
    import sys
    from contextlib import ExitStack
    from pathlib import Path
    from kg.store import readers_excluded, writer_lock

    path = Path(sys.argv[1])
    with ExitStack() as held:
        held.enter_context(writer_lock(path))
        if sys.argv[2] == "writing":  # the database is open for writing
            held.enter_context(readers_excluded(path))
        print("locked", flush=True)
        sys.stdin.readline()
""")


def hold(store_dir: Path, phase: str) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store_dir), phase],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert holder.stdout.readline() == "locked\n"
    return holder


def test_a_second_build_is_told_who_holds_the_store(release_file, tmp_path):
    store_dir = tmp_path / "store"
    build = ["build", str(release_file), "--store", str(store_dir)]
    runner = CliRunner()
    assert runner.invoke(main, build).exit_code == 0
    holder = hold(store_dir, "extracting")
    try:
        result = runner.invoke(main, build)
        assert result.exit_code == 2
        assert f"store is locked by pid {holder.pid} (kg build on " in result.stderr
        assert runner.invoke(main, ["stats", "--store", str(store_dir)]).exit_code == 0
    finally:
        holder.communicate("done\n", timeout=10)
    holder = hold(store_dir, "writing")
    try:
        result = runner.invoke(main, ["stats", "--store", str(store_dir)])
        assert result.exit_code == 2
        assert f"store is being written by pid {holder.pid} (kg build" in result.stderr
    finally:
        holder.communicate("done\n", timeout=10)
    assert runner.invoke(main, build).exit_code == 0


def test_a_build_waits_for_readers_then_gives_up_with_a_message(release_file, tmp_path):
    store_dir = tmp_path / "store"
    assert CliRunner().invoke(main, ["build", str(release_file), "--store", str(store_dir)]
                              ).exit_code == 0
    with reader_lock(store_dir), writer_lock(store_dir), \
            pytest.raises(KgError, match=r"still being read after 0\.2 s"), \
            readers_excluded(store_dir, wait=0.2):
        pass


def test_the_writer_lock_is_free_again_after_a_failure(tmp_path):
    with pytest.raises(RuntimeError), writer_lock(tmp_path / "store"):
        raise RuntimeError("boom")
    with writer_lock(tmp_path / "store"):
        pass


def test_oxigraph_serve_serves_a_store_that_kg_build_wrote(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 3)
    store_dir = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(docs), "--store", str(store_dir)]).exit_code == 0
    with reading(store_dir) as store:
        local = run_saved_query(store, find_query("designations"))
    assert len(local[1]) == 3
    with OxigraphServer(store_dir, log=tmp_path / "oxigraph.log") as server:
        remote = connect(server.url).select(find_query("designations").text)
        assert remote == local
        result = runner.invoke(main, ["build", str(docs), "--store", str(store_dir)])
        assert result.exit_code == 2 and "store is open in another process" in result.stderr
    assert runner.invoke(main, ["build", str(docs), "--store", str(store_dir)]).exit_code == 0


def test_opening_a_missing_store_read_only_is_a_one_line_error(tmp_path):
    with pytest.raises(KgError, match="no store here"), reading(tmp_path / "absent"):
        pass
