"""Faults during a build (issue 7): an interrupt exits 130 leaving only whole graphs, a
crashed writer's lock is free again, and a full disk or a refused output file is one plain
line that leaves the previous file as it was."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RELEASE, ROOT
from pyoxigraph import Store

from kg import catalog, pipeline, serialize
from kg.cli import main
from kg.pipeline import process


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def write_releases(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"release-{index}.txt"
        path.write_text(RELEASE.replace("NWB-220", f"NWB-{index}00"), encoding="utf-8")
        paths.append(path)
    return paths


def disclosure_graphs(store_dir: Path) -> dict[str, set]:
    graphs: dict[str, set] = {}
    for quad in Store.read_only(str(store_dir)):
        if "/disclosure/" in quad.graph_name.value:
            graphs.setdefault(quad.graph_name.value, set()).add(
                (quad.subject, quad.predicate, quad.object))
    return graphs


def whole_graph(path: Path) -> set:
    """The graph a clean build makes of one file, as the store keeps it."""
    store = Store()
    store.extend(process(path).quads)
    return {(q.subject, q.predicate, q.object) for q in store}


def assert_only_whole_graphs(store_dir: Path, files: list[Path]) -> set[str]:
    expected = {process(path).graph: whole_graph(path) for path in files}
    held = disclosure_graphs(store_dir)
    for graph, triples in held.items():
        assert graph in expected, graph
        assert triples == expected[graph], f"{graph} is not whole"
    return set(held)


def test_an_interrupt_while_reading_exits_130_with_whole_graphs(tmp_path: Path, monkeypatch):
    files = write_releases(tmp_path / "in", 4)
    store = tmp_path / "store"
    assert kg("build", files[0], "--store", store, "--quiet").exit_code == 0
    real_process = pipeline.process

    def interrupted(path: Path, **kwargs):
        if path.name == "release-2.txt":
            raise KeyboardInterrupt
        return real_process(path, **kwargs)

    monkeypatch.setattr(pipeline, "process", interrupted)
    result = kg("build", tmp_path / "in", "--store", store, "--jobs", "1")
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1].startswith("kg: interrupted")
    assert "Traceback" not in result.output
    held = assert_only_whole_graphs(store, files)
    assert process(files[2]).graph not in held and process(files[3]).graph not in held
    monkeypatch.undo()
    assert kg("build", tmp_path / "in", "--store", store, "--quiet").exit_code == 0
    assert len(assert_only_whole_graphs(store, files)) == 4


def test_an_interrupt_while_writing_the_store_leaves_whole_graphs(tmp_path: Path, monkeypatch):
    files = write_releases(tmp_path / "in", 3)
    store = tmp_path / "store"
    real_write = catalog.StoreWriter.write
    written = []

    def write_then_interrupt(self, *args, **kwargs):
        if written:
            raise KeyboardInterrupt
        written.append(args)
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(catalog.StoreWriter, "write", write_then_interrupt)
    result = kg("build", tmp_path / "in", "--store", store, "--jobs", "1")
    assert result.exit_code == 130
    assert len(assert_only_whole_graphs(store, files)) == 1


def test_an_interrupt_while_writing_the_output_leaves_no_file(release_file: Path,
                                                               tmp_path: Path, monkeypatch):
    def interrupt(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(serialize.os, "fsync", interrupt)
    result = kg("build", release_file, "-o", tmp_path / "out.trig")
    assert result.exit_code == 130
    assert sorted(p.name for p in tmp_path.iterdir()) == [release_file.name]


HOLD_LOCK = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from kg.store import writer_lock
    with writer_lock(Path(sys.argv[1])):
        print("locked", flush=True)
        time.sleep(120)
""")


def test_the_lock_of_a_writer_that_died_is_free(release_file: Path, tmp_path: Path):
    store = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(store)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = kg("build", release_file, "--store", store, "--quiet")
        assert result.exit_code == 2
        assert "locked" in result.stderr and str(holder.pid) in result.stderr
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        holder.stdout.close()
    result = kg("build", release_file, "--store", store, "--quiet")
    assert result.exit_code == 0, result.output
    assert len(disclosure_graphs(store)) == 1


def refuse_with(code: int):
    def refuse(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))
    return refuse


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".jsonld"])
def test_a_full_disk_on_the_output_is_one_line_and_keeps_the_old_file(
        release_file: Path, tmp_path: Path, monkeypatch, suffix: str):
    out = tmp_path / "out" / f"graph{suffix}"
    out.parent.mkdir()
    out.write_bytes(b"previous")
    monkeypatch.setattr(serialize.os, "replace", refuse_with(errno.ENOSPC))
    result = kg("build", release_file, "-o", out, "--quiet")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"kg: {out}: cannot write (No space left on device)"]
    assert out.read_bytes() == b"previous"
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary left


def test_an_output_folder_we_may_not_write_is_one_line(release_file: Path, tmp_path: Path,
                                                       monkeypatch):
    monkeypatch.setattr(tempfile, "mkstemp", refuse_with(errno.EACCES))
    out = tmp_path / "out.trig"
    result = kg("build", release_file, "-o", out, "--quiet")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"kg: {out}: cannot write (Permission denied)"]
    assert not out.exists()


def test_an_output_under_a_file_is_one_line(release_file: Path, tmp_path: Path):
    out = release_file / "out.trig"  # the "folder" is a file
    result = kg("build", release_file, "-o", out, "--quiet")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"kg: {out}: cannot write (")
    assert "Traceback" not in result.output


def test_export_on_a_full_disk_is_one_line(release_file: Path, tmp_path: Path, monkeypatch):
    store = tmp_path / "store"
    assert kg("build", release_file, "--store", store, "--quiet").exit_code == 0
    monkeypatch.setattr(serialize.os, "replace", refuse_with(errno.ENOSPC))
    out = tmp_path / "all.nq"
    result = kg("export", "--store", store, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"kg: {out}: cannot write (No space left on device)"]
    assert not out.exists()
