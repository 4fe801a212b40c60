"""Hostile and broken input files (issue 7): each is read correctly or reported as one line
`path: reason`; the batch goes on, exits 2 when something failed, and a failed file never
touches what the store holds."""

from __future__ import annotations

import pathlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import RELEASE
from pyoxigraph import Store

from kg import documents
from kg.cli import main
from kg.documents import document_from_bytes, read_document
from kg.pipeline import build
from kg.sections import structure

GOOD = {  # name → content that must be read
    "cp1252.txt": RELEASE.replace("important step", "“important” step").encode("cp1252"),
    "latin1.txt": RELEASE.replace("Maria Lopez", "María López").encode("latin-1"),
    "utf16.txt": RELEASE.encode("utf-16"),
    "nul-late.txt": RELEASE.replace("Forward-Looking", "Forward-Looking").encode()
    + b"\n" + b"padding line.\n" * 700 + b"late \x00 NUL and \x07 bell\n",
    "controls.txt": RELEASE.replace("announced", "ann\x08ounced\x1b").encode(),
    "malformed.html": ("<html><body><h1>Northwind Bio Announces Orphan Drug Designation"
                       "<div><p>" + RELEASE.replace("\n\n", "<p>").replace("<p><p>", "<li>")
                       + "<div <span <p class='x").encode(),
    "deep.html": ("<html><body><h1>Northwind Bio</h1>" + "<div>" * 50_000 + "<p>"
                  + RELEASE.replace("\n\n", "</p><p>") + "</p>" + "</div>" * 50_000).encode(),
    "scripts.html": ("<html><head><script>var a = '<p>x</p>';</script><style>p{}</style></head>"
                     "<body><nav>Home | About</nav><h1>Headline</h1><p>"
                     + RELEASE.replace("\n\n", "</p><p>") + "</p><script>y()</script>"
                     "</body></html>").encode(),
    "release.md": ("# " + RELEASE.replace("\n\nBOSTON", "\n\n**BOSTON").replace(
        "NEWSWIRE) --", "NEWSWIRE)** --")).encode(),
}
BAD = {  # name → (content, reason)
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t\n", "empty file"),
    "report-pdf.txt": (b"%PDF-1.4\n%\xc7\xec\x8f\xa2\n5 0 obj\n<</Length 6 0 R>>", "binary file"),
    "image-png.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "binary file"),
    "archive-zip.txt": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "binary file"),
    "nul-early.txt": (RELEASE.encode()[:200] + b"\x00\x00" + RELEASE.encode(), "binary file"),
    "utf16-no-bom.txt": (RELEASE.encode("utf-16-le"), "binary file"),
    "only-markup.html": (b"<html><head><style>x{}</style></head><body></body></html>",
                         "no text in file"),
}


def kg(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def write(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def disclosure_graphs(store_dir: Path) -> dict[str, set]:
    store = Store.read_only(str(store_dir))
    graphs: dict[str, set] = {}
    for quad in store:
        graphs.setdefault(quad.graph_name.value, set()).add(quad)
    return {name: quads for name, quads in graphs.items() if "/disclosure/" in name}


def all_quads(store_dir: Path) -> set:
    return set(Store.read_only(str(store_dir)))


@pytest.mark.parametrize("name", sorted(GOOD))
def test_awkward_but_valid_files_are_read(name: str, tmp_path: Path):
    path = tmp_path / name
    path.write_bytes(GOOD[name])
    text = read_document(path).text
    assert "Northwind" in text
    assert not documents.CONTROL.search(text)
    assert "<" not in text.replace("<0", "")  # no markup left


def test_a_batch_of_hostile_files_reports_each_and_keeps_the_good(tmp_path: Path, monkeypatch):
    folder = tmp_path / "in"
    write(folder, GOOD)
    write(folder, {name: data for name, (data, _) in BAD.items()})
    (folder / "locked.txt").write_text(RELEASE)
    real_open = pathlib.Path.open

    def refuse(self, *args, **kwargs):  # the tests run as root: chmod 000 would not stop us
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", refuse)
    store = tmp_path / "store"
    result = kg("build", folder, tmp_path / "missing.txt", "--store", store, "--jobs", "1",
                "--quiet")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    expected = {str(folder / name): reason for name, (_, reason) in BAD.items()}
    expected[str(folder / "locked.txt")] = "permission denied"
    expected[str(tmp_path / "missing.txt")] = "file not found"
    lines = result.stderr.splitlines()
    assert len(lines) == len(expected), result.stderr
    for line in lines:
        path, _, reason = line.partition(": ")
        assert path in expected, line
        assert expected.pop(path) in reason
    # the good ones are in the store, one graph each (two may share a text: same graph)
    assert len(disclosure_graphs(store)) == len({data for data in GOOD.values()})


def test_a_failed_file_leaves_the_store_as_it_was(release_file: Path, tmp_path: Path):
    store = tmp_path / "store"
    assert kg("build", release_file, "--store", store, "--quiet").exit_code == 0
    before = all_quads(store)
    bad = tmp_path / "bad"
    write(bad, {name: data for name, (data, _) in BAD.items()})
    result = kg("build", bad, tmp_path / "gone.txt", "--store", store, "--quiet")
    assert result.exit_code == 2
    assert all_quads(store) == before


def test_a_file_that_disappears_during_the_build_is_reported(tmp_path: Path):
    folder = tmp_path / "in"
    write(folder, {"a.txt": RELEASE.encode(), "b.txt": RELEASE.replace("NWB", "QRX").encode(),
                   "c.txt": RELEASE.replace("NWB", "ZZT").encode()})

    def delete_c(result):
        if result.path.name == "a.txt":
            (folder / "c.txt").unlink()

    report = build([folder], store=tmp_path / "store", progress=delete_c, jobs=1)
    assert report.failed == [f"{folder / 'c.txt'}: file not found"]
    assert report.documents == 3 and report.read == 3
    assert len(disclosure_graphs(tmp_path / "store")) == 2


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path):
    folder = tmp_path / "in"
    write(folder, {"a-good.txt": RELEASE.encode(), "b-empty.txt": b"",
                   "c-good.txt": RELEASE.replace("NWB", "QRX").encode()})
    store = tmp_path / "store"
    result = kg("build", folder, "--store", store, "--fail-fast")
    assert result.exit_code == 2
    assert f"{folder / 'b-empty.txt'}: empty file" in result.stderr
    assert "1 not read (--fail-fast)" in result.stderr
    assert len(disclosure_graphs(store)) == 1
    result = kg("build", folder, "--store", tmp_path / "other")
    assert result.exit_code == 2
    assert len(disclosure_graphs(tmp_path / "other")) == 2


def test_a_file_over_the_size_limit_is_one_line_and_the_batch_goes_on(tmp_path: Path,
                                                                       monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 5_000)
    folder = tmp_path / "in"
    write(folder, {"big.txt": RELEASE.encode() * 10, "small.txt": RELEASE.encode()})
    result = kg("build", folder, "-o", tmp_path / "out.nq", "--jobs", "1", "--quiet")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{folder / 'big.txt'}: file too large ({len(RELEASE.encode()) * 10} bytes; "
        "limit 5000)"]
    assert (tmp_path / "out.nq").read_bytes()


def test_a_release_followed_by_many_paragraphs_is_read_and_split(tmp_path: Path):
    """Reading and layout of a long text; the time per size (and for inputs of many MB) is
    measured by benchmarks/extract_worst_case.py, not here."""
    paragraph = ("The committee met again in the spring and reviewed the plans for the new "
                 "building. Members asked about the budget, and the chair answered. ") * 6
    count = 40_000 // (len(paragraph) + 2)
    path = tmp_path / "large.txt"
    path.write_text(RELEASE + ("\n\n" + paragraph) * count)
    release = structure(document_from_bytes("release.txt", RELEASE.encode()))
    layout = structure(read_document(path))
    assert layout.dateline is not None and layout.dateline.date == "2024-03-03"
    assert layout.headline == release.headline
    assert len(layout.sentences) == len(release.sentences) + 12 * count
    assert layout.sentences[-1].text == "Members asked about the budget, and the chair answered."
