"""Our Turtle, TriG, N-Triples and N-Quads read by Apache Jena's riot, a parser that shares
no code with rdflib or pyoxigraph (`oxigraph convert` would be pyoxigraph's own parser).

`make tools` installs Jena where it can (Debian, as root) and `make test` depends on it, so
CI runs these; elsewhere they skip and say why.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import rdfcheck
from conftest import RELEASE, ROOT, read_text
from hostile import hostile_extraction
from pyoxigraph import RdfFormat, parse

from kg.rdf import quads_for


def find_riot() -> list[str] | None:
    """A real `riot` on PATH, else tools/riot over Debian's Jena jars."""
    if found := shutil.which("riot"):
        return [found]
    wrapper = ROOT / "tools" / "riot"
    if Path("/usr/share/java/jena-cmds.jar").is_file() and shutil.which("java"):
        return [str(wrapper)]
    return None


RIOT = find_riot()
pytestmark = pytest.mark.skipif(
    RIOT is None, reason="Apache Jena's riot not found: run `make tools` (as root on Debian) "
                         "or put riot on PATH")
RIOT_SYNTAX = {".ttl": "Turtle", ".trig": "TriG", ".nt": "N-Triples", ".nq": "N-Quads"}


@pytest.fixture(scope="module")
def quads() -> list:
    return sorted(quads_for(read_text(RELEASE)) + quads_for(hostile_extraction()), key=str)


def riot(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*RIOT, *args], capture_output=True, timeout=120)


@pytest.mark.parametrize("suffix", sorted(RIOT_SYNTAX))
def test_riot_reads_our_output_as_the_same_graphs(quads, suffix: str, tmp_path: Path):
    path = tmp_path / f"graph{suffix}"
    path.write_bytes(rdfcheck.to_bytes(quads, suffix))
    done = riot("--strict", "--check", f"--syntax={RIOT_SYNTAX[suffix]}", "--output=nquads",
                str(path))
    assert done.returncode == 0, done.stderr.decode()
    assert b"WARN" not in done.stderr and b"ERROR" not in done.stderr, done.stderr.decode()
    parsed = rdfcheck.oxigraph_graphs(done.stdout, ".nq")
    if suffix in rdfcheck.TRIPLE_ONLY:  # riot writes the default graph without a name
        parsed = {rdfcheck.DEFAULT: parsed.pop(rdfcheck.DEFAULT, set())}
    assert parsed == rdfcheck.expected_graphs(quads, suffix)


def test_riot_rejects_broken_input(tmp_path: Path):
    """The check can fail: a literal cut by a raw newline is refused."""
    path = tmp_path / "broken.nt"
    path.write_bytes(b'<http://a.test/s> <http://a.test/p> "cut\nhere" .\n')
    assert riot("--validate", str(path)).returncode != 0


def test_riot_reads_what_kg_build_writes(release_file: Path, tmp_path: Path):
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path / "out.trig"
    assert CliRunner().invoke(main, ["build", str(release_file), "-o", str(out)]).exit_code == 0
    done = riot("--strict", "--output=nquads", str(out))
    assert done.returncode == 0, done.stderr.decode()
    ours = {(q.subject, q.predicate, q.object, q.graph_name)
            for q in parse(out.read_bytes(), format=RdfFormat.TRIG)}
    theirs = {(q.subject, q.predicate, q.object, q.graph_name)
              for q in parse(done.stdout, format=RdfFormat.N_QUADS)}
    assert theirs == ours
