"""Output files: the format follows the extension, writes are atomic, and a full disk or a
refused write is one plain line that leaves the previous file as it was."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from kg import serialize
from kg.errors import KgError
from kg.serialize import format_for, write_atomic


@pytest.mark.parametrize(("name", "fmt"), [
    ("g.ttl", "TURTLE"), ("g.TRIG", "TRIG"), ("g.nt", "N_TRIPLES"), ("g.nq", "N_QUADS"),
    ("g.jsonld", "JSON_LD"), ("g.json", "JSON_LD"),
])
def test_the_format_follows_the_extension(name: str, fmt: str):
    assert format_for(Path(name)) == fmt


@pytest.mark.parametrize("name", ["graph.xyz", "graph", "graph.rdf", "graph.trig.bak"])
def test_an_unknown_extension_is_one_line_listing_the_known_ones(name: str):
    with pytest.raises(KgError) as caught:
        format_for(Path(name))
    assert str(caught.value) == (f"{name}: unknown output format (use one of .json, .jsonld, "
                                 ".nq, .nt, .trig, .ttl)")


def test_write_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path: Path):
    target = tmp_path / "out.trig"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]


def test_write_atomic_creates_missing_folders(tmp_path: Path):
    target = tmp_path / "a" / "b" / "out.nq"
    write_atomic(target, b"data")
    assert target.read_bytes() == b"data"


def no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_at_the_rename_keeps_the_old_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "out.trig"
    target.write_bytes(b"old")
    monkeypatch.setattr(serialize.os, "replace", no_space)
    with pytest.raises(KgError) as caught:
        write_atomic(target, b"new")
    assert str(caught.value) == f"{target}: cannot write (No space left on device)"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]


def test_a_full_disk_while_writing_keeps_the_old_file(tmp_path: Path, monkeypatch):
    target = tmp_path / "out.nq"
    target.write_bytes(b"old")
    monkeypatch.setattr(serialize.os, "fsync", no_space)
    with pytest.raises(KgError, match=r"cannot write \(No space left on device\)$"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.nq"]


def test_a_folder_we_may_not_write_is_one_line(tmp_path: Path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(KgError) as caught:
        write_atomic(tmp_path / "out.ttl", b"x")
    assert str(caught.value) == f"{tmp_path / 'out.ttl'}: cannot write (Permission denied)"
    assert not (tmp_path / "out.ttl").exists()


def test_an_output_path_that_is_a_folder_is_one_line(tmp_path: Path):
    target = tmp_path / "out.trig"
    target.mkdir()
    with pytest.raises(KgError, match=r"out\.trig: cannot write \(Is a directory\)$"):
        write_atomic(target, b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]
