"""Building a corpus: worker processes give the same bytes as one, the store's catalog skips
unchanged files and replaces or prunes changed ones, globs choose files, the progress line and
the summary say what happened, and `kg --help` starts without the RDF libraries."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import NamedNode, Quad, RdfFormat, parse
from synthetic import write_corpus

from kg import iris
from kg.catalog import CATALOG_GRAPH, read_catalog
from kg.cli import main
from kg.mentions import MentionIndex, index_path
from kg.pipeline import build, find_files, process, selected
from kg.progress import Progress
from kg.rdf import PREFIXES
from kg.serialize import serialize
from kg.store import graphs_in, reading

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(r"(\d+) documents: (\d+) read, (\d+) skipped \(unchanged\), (\d+) failed, "
                     r"(\d+) violations(?:, (\d+) pruned)?; (\d+) facts, (\d+) triples")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scale") / "docs"
    write_corpus(folder, 18)
    return folder


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


def disclosure_graphs(store: Path) -> set[str]:
    with reading(store) as opened:
        return {g for g in graphs_in(opened) if g.startswith(iris.ID + "disclosure/")}


def summary(stderr: str) -> dict[str, int]:
    match = SUMMARY.search(stderr)
    assert match, stderr
    keys = ("documents", "read", "unchanged", "failed", "violations", "pruned", "facts",
            "triples")
    return {k: int(v or 0) for k, v in zip(keys, match.groups(), strict=True)}


# --- parallel = serial ---------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".trig", ".nt"])
def test_output_is_byte_identical_with_one_or_two_workers(corpus, tmp_path, suffix):
    files = {}
    for jobs in (1, 2):
        files[jobs] = tmp_path / f"jobs{jobs}{suffix}"
        code, stderr = run("build", str(corpus), "-o", str(files[jobs]), "--jobs", str(jobs))
        assert code == 0, stderr
    assert files[1].read_bytes() == files[2].read_bytes()
    assert files[1].stat().st_size > 10_000


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl"])
def test_output_is_what_the_in_memory_serializer_writes(corpus, tmp_path, suffix):
    """The sorted spill gives the bytes of sorting every quad in memory; the file holds the
    documents' graphs and the tool's own graphs (the entity resolution) besides."""
    out = tmp_path / f"graph{suffix}"
    build([corpus], output=out, jobs=1)
    fmt = {".trig": RdfFormat.TRIG, ".nq": RdfFormat.N_QUADS, ".ttl": RdfFormat.TURTLE}[suffix]
    written = set(parse(path=str(out), format=fmt))
    assert out.read_bytes() == serialize(sorted(written, key=str), out, PREFIXES)
    documents = {q for p in find_files([corpus]) for q in process(p).quads}
    if suffix == ".ttl":
        documents = {Quad(q.subject, q.predicate, q.object) for q in documents}
        written = {Quad(q.subject, q.predicate, q.object) for q in written}
    assert documents <= written
    others = {q.graph_name.value for q in written - documents if suffix != ".ttl"}
    assert all(g.startswith(iris.ID + "graph/") for g in others)


def test_store_is_the_same_with_one_or_two_workers(corpus, tmp_path):
    exports = []
    for jobs in (1, 2):
        store = tmp_path / f"store{jobs}"
        assert build([corpus], store=store, jobs=jobs).ok
        export = tmp_path / f"export{jobs}.nq"
        assert run("export", "--store", str(store), "-o", str(export))[0] == 0
        exports.append(export.read_bytes())
    assert exports[0] == exports[1]


def test_a_build_reopening_the_database_as_it_flushes_stores_the_same_graphs(
        corpus, tmp_path, monkeypatch):
    """The build closes and reopens RocksDB every few flushes, so what it holds does not grow
    with the store; the graphs, catalog and mention index come out as from one open."""
    import kg.store
    from kg import catalog

    assert build([corpus], store=tmp_path / "once", jobs=1).ok
    opened = []
    real_open = kg.store.open_store
    monkeypatch.setattr(kg.store, "open_store", lambda *a, **k: opened.append(a) or
                        real_open(*a, **k))
    monkeypatch.setattr(catalog, "FLUSH_BYTES", 1)  # a flush after every graph
    assert build([corpus], store=tmp_path / "reopened", jobs=1).ok
    assert len(opened) >= 18 // catalog.REOPEN_FLUSHES
    exports = []
    for name in ("once", "reopened"):
        export = tmp_path / f"{name}.nq"
        assert run("export", "--store", str(tmp_path / name), "-o", str(export))[0] == 0
        exports.append(export.read_bytes())
        with reading(tmp_path / name) as opened_store:
            assert len(read_catalog(opened_store)) == 18
        assert len(MentionIndex(index_path(tmp_path / name)).graphs()) == 18
    assert exports[0] == exports[1]


def test_a_failing_file_is_reported_by_a_worker_and_the_others_go_on(corpus, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sorted(corpus.iterdir())[:12]:
        (docs / path.name).write_bytes(path.read_bytes())
    (docs / "synthetic-00003.txt").write_bytes(b"\x00\x01binary")
    report = build([docs], store=tmp_path / "store", jobs=2)
    assert report.documents == 12 and report.read == 12
    assert len(report.failed) == 1 and "synthetic-00003.txt: binary file" in report.failed[0]


# --- incremental ---------------------------------------------------------------------------

def test_unchanged_files_are_skipped_changed_replaced_and_gone_pruned(corpus, tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 6)
    store = str(tmp_path / "store")
    first = summary(run("build", str(docs), "--store", store)[1])
    assert (first["documents"], first["read"], first["unchanged"]) == (6, 6, 0)
    again = summary(run("build", str(docs), "--store", store)[1])
    assert (again["read"], again["unchanged"], again["facts"], again["triples"]) == (0, 6, 0, 0)

    before = disclosure_graphs(Path(store))
    edited, touched, removed = (docs / f"synthetic-0000{i}.txt" for i in (1, 2, 3))
    edited.write_text(edited.read_text() + "\nThe company has 12 employees.\n")
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    removed.unlink()
    code, stderr = run("build", str(docs), "--store", store)
    counts = summary(stderr)
    assert code == 0 and (counts["read"], counts["unchanged"], counts["pruned"]) == (1, 4, 0)
    after = disclosure_graphs(Path(store))
    with reading(Path(store)) as opened:
        catalog = read_catalog(opened)
    assert len(after - before) == 1 and len(before - after) == 1  # the edited file's graph
    assert catalog[str(touched.resolve())].mtime_ns == touched.stat().st_mtime_ns
    assert str(removed.resolve()) in catalog  # gone, but kept without --prune

    counts = summary(run("build", str(docs), "--store", store, "--prune")[1])
    assert (counts["read"], counts["unchanged"], counts["pruned"]) == (0, 5, 1)
    assert len(disclosure_graphs(Path(store))) == len(after) - 1
    assert MentionIndex(index_path(Path(store))).graphs() == disclosure_graphs(Path(store))
    with reading(Path(store)) as opened:
        assert str(removed.resolve()) not in read_catalog(opened)
    forced = summary(run("build", str(docs), "--store", store, "--force")[1])
    assert (forced["read"], forced["unchanged"]) == (5, 0)


def test_a_build_that_rewrote_a_tenth_of_the_store_compacts_it_and_a_small_one_not(
        tmp_path, monkeypatch):
    import kg.store

    compacted = []
    monkeypatch.setattr(kg.store, "compact_store", lambda store: compacted.append(len(store)))
    docs = tmp_path / "docs"
    write_corpus(docs, 12)
    store = str(tmp_path / "store")
    assert run("build", str(docs), "--store", store)[0] == 0
    assert len(compacted) == 1 and compacted[0] > 0  # compacted with everything written
    edited = docs / "synthetic-00001.txt"
    edited.write_text(edited.read_text() + "\nThe company has 12 employees.\n")
    assert run("build", str(docs), "--store", store)[0] == 0
    assert len(compacted) == 1  # one graph of 14 (12, the resolution's and the catalog's)
    for path in sorted(docs.iterdir())[:3]:
        path.write_text(path.read_text() + "\nThe company has 9 employees.\n")
    assert run("build", str(docs), "--store", store)[0] == 0
    assert len(compacted) == 2


def test_a_graph_two_files_share_is_pruned_only_with_the_last(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 1)
    copy = docs / "copy" / "synthetic-00000.txt"
    copy.parent.mkdir()
    copy.write_bytes((docs / "synthetic-00000.txt").read_bytes())
    store = tmp_path / "store"
    assert build([docs], store=store).ok
    copy.unlink()
    assert build([docs], store=store, prune=True).pruned == 1
    assert len(disclosure_graphs(store)) == 1  # still the other file's


def test_the_catalog_is_valid_rdf_and_leaves_queries_and_validation_alone(corpus, tmp_path):
    store = tmp_path / "store"
    assert build([corpus], store=store).ok
    with reading(store) as opened:
        assert opened.contains_named_graph(NamedNode(CATALOG_GRAPH))
        assert CATALOG_GRAPH not in graphs_in(opened)  # never sent to a server
        assert len(read_catalog(opened)) == 18
    code, _ = run("validate", "--store", str(store))
    assert code == 0
    result = CliRunner().invoke(main, ["query", "disclosures", "--store", str(store),
                                       "--format", "csv"])
    assert result.exit_code == 0 and result.stdout.count("\n") == 19


def test_an_output_file_holds_every_file_even_when_the_store_has_them(corpus, tmp_path):
    store = tmp_path / "store"
    assert build([corpus], store=store).ok
    out = tmp_path / "all.nq"
    report = build([corpus], store=store, output=out)
    assert report.read == 18 and report.unchanged == 0
    assert len({line.split()[-2] for line in out.read_text().splitlines()}) >= 18


# --- choosing files ------------------------------------------------------------------------

def test_include_and_exclude_globs_are_relative_to_each_folder(tmp_path):
    for name in ("a.txt", "b.html", "2024/c.txt", "2024/drafts/d.txt", "2023/e.md"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")

    def names(include=(), exclude=()) -> list[str]:
        return [p.relative_to(tmp_path).as_posix()
                for p in find_files([tmp_path], include, exclude)]

    assert names() == ["2023/e.md", "2024/c.txt", "2024/drafts/d.txt", "a.txt", "b.html"]
    assert names(include=["*.txt"]) == ["2024/c.txt", "2024/drafts/d.txt", "a.txt"]
    assert names(include=["2024/*"], exclude=["drafts"]) == ["2024/c.txt"]
    assert names(exclude=["*.txt", "*.md"]) == ["b.html"]
    assert selected(Path("2024/drafts/d.txt"), ["2024/drafts/*"], [])


def test_files_are_walked_in_the_order_of_their_sorted_paths(tmp_path):
    names = ("b.txt", "a/z.txt", "a.b.txt", "a-c/d.txt", "a/b/c.html", "A.txt", "a b/e.txt",
             ".hidden/f.txt", "a/.g.txt", "a/notes.csv")
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)
    walked = list(find_files([tmp_path]))
    assert walked == sorted(walked)
    assert [p.relative_to(tmp_path).as_posix() for p in walked] == [
        "A.txt", "a/b/c.html", "a/z.txt", "a b/e.txt", "a-c/d.txt", "a.b.txt", "b.txt"]


def test_a_fail_fast_stop_counts_the_same_whatever_the_workers_read_ahead(tmp_path):
    docs, stores = tmp_path / "docs", []
    write_corpus(docs, 30)
    for jobs in (1, 2):
        store = tmp_path / f"store-{jobs}"
        assert build([docs], store=store, jobs=jobs).ok
        stores.append(store)
    files = sorted(docs.iterdir())
    files[1].write_bytes(b"\x00\x01binary")
    for path in files[2::2]:
        path.write_text(path.read_text() + "\nThe company has 12 employees.\n")
    reports = [build([docs], store=store, jobs=jobs, fail_fast=True)
               for jobs, store in zip((1, 2), stores, strict=True)]
    assert [(r.documents, r.unchanged, r.skipped) for r in reports] == [(16, 15, 14)] * 2


def test_no_more_workers_start_than_there_are_chunks_of_work():
    from multiprocessing import active_children

    from kg.workers import CHUNK, ordered_map

    results = ordered_map(abs, range(2 * CHUNK), jobs=8)
    next(results)
    assert len(active_children()) == 2
    assert list(results) == list(range(1, 2 * CHUNK))


def test_files_are_handed_out_as_they_are_found():
    from itertools import count, islice

    from kg.workers import ordered_map

    assert list(islice(ordered_map(abs, count(-3), jobs=1), 5)) == [3, 2, 1, 0, 1]
    assert list(islice(ordered_map(abs, count(-30), jobs=2), 40)) == \
        [abs(i) for i in range(-30, 10)]


def test_build_options_reach_the_file_list(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs / "keep", 2)
    write_corpus(docs / "skip", 2)
    code, stderr = run("build", str(docs), "--exclude", "skip", "-o", str(tmp_path / "g.nq"))
    assert code == 0 and summary(stderr)["documents"] == 2


# --- progress and summary ------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_without_a_terminal_writes_a_line_now_and_then():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(0, stream=stream, tty=False, interval=5.0, clock=clock)
    progress.start(1000)
    for _ in range(1000):
        clock.now += 0.01  # 100 documents/s, 10 s in all
        progress.advance()
    lines = stream.getvalue().splitlines()
    assert 2 <= len(lines) <= 11  # every 10 % (at least a second apart) or 5 s
    assert lines[-1] == "1000/1000 docs  100 docs/s  ETA 0s"
    assert "\r" not in stream.getvalue()


def test_progress_on_a_terminal_redraws_one_line_with_a_bar():
    stream, clock = io.StringIO(), Clock()
    with Progress(200, stream=stream, tty=True, clock=clock) as progress:
        for _ in range(50):
            clock.now += 0.05
            progress.advance()
    text = stream.getvalue()
    assert "\n" not in text and text.endswith("\r\x1b[K")
    assert "\r[#####                   ] 48/200 docs  20 docs/s  ETA 8s\x1b[K" in text
    assert text.count("\r[") < 50  # redrawn at most ten times a second


def test_quiet_progress_writes_nothing():
    stream = io.StringIO()
    progress = Progress(10, stream=stream, tty=True, quiet=True)
    for _ in range(10):
        progress.advance()
    progress.close()
    assert stream.getvalue() == ""


def test_quiet_build_prints_nothing_but_errors(corpus, tmp_path):
    result = CliRunner().invoke(main, ["build", str(corpus), "--store", str(tmp_path / "s"),
                                       "--quiet"])
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""


def test_summary_counts_read_skipped_failed_facts_and_triples(corpus, tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 3)
    (docs / "empty.txt").write_text("")
    code, stderr = run("build", str(docs), "--store", str(tmp_path / "s"))
    counts = summary(stderr)
    assert code == 2 and "empty.txt: empty file" in stderr
    assert (counts["documents"], counts["read"], counts["failed"]) == (4, 4, 1)
    report = build([docs], store=tmp_path / "s2")
    assert (counts["facts"], counts["triples"]) == (report.facts, report.triples) != (0, 0)


# --- start-up ------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--help"], ["queries"], ["build", "--help"]])
def test_help_and_queries_start_without_the_rdf_libraries(args):
    code = (f"import sys\nfrom kg.cli import main\ntry:\n    main({args!r})\n"
            "except SystemExit:\n    pass\n"
            "heavy = {'rdflib', 'pyshacl', 'pyoxigraph'} & set(sys.modules)\n"
            "print(sorted(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_modules_left_out_of_the_build_fingerprint_are_not_used_to_read_a_document(corpus):
    """kg.catalog.built_with digests every module a document's graph depends on; those it
    leaves out must not be imported by reading, extracting, emitting or validating."""
    code = ("import sys\nfrom pathlib import Path\nfrom kg.pipeline import process\n"
            f"process(Path({str(next(corpus.iterdir()))!r}))\n"
            "print(' '.join(m.split('.')[-1] + '.py' for m in sys.modules "
            "if m.startswith('kg.') and m.count('.') == 1))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    from kg.catalog import NOT_IN_A_GRAPH

    used = set(result.stdout.split())
    assert {"rdf.py", "validate.py", "conformance.py"} <= used
    assert used & NOT_IN_A_GRAPH == set()


def test_the_spill_merges_its_runs_into_one_sorted_list_without_repeats():
    import random

    from kg.spill import SortedLines

    lines = [f"<s{i % 700}> <p> \"{i % 500}\" .\n".encode() for i in range(3000)]
    random.Random(4).shuffle(lines)
    with SortedLines(run_bytes=4096) as spill:
        for start in range(0, len(lines), 100):
            spill.add(lines[start:start + 100])
        assert len(spill.runs) > 5
        assert list(spill) == sorted(set(lines))
