"""Injection and escaping (issue 7): `< > " \\ { } # @`, newlines, `\\u0022` and SPARQL
keywords in file names, headlines, quotes and every kind of name come out as valid IRIs and
correctly escaped literals, in every format, in the store and in query parameters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdfcheck
from click.testing import CliRunner
from hostile import FILE_NAME, NASTY, hostile_extraction
from pyoxigraph import Literal, NamedNode, Store

from kg import iris
from kg.cli import main
from kg.documents import read_document
from kg.extract import extract
from kg.queries import find_query, run_saved_query
from kg.rdf import quads_for
from kg.resolve import update_resolution
from kg.validate import validate_quads

HEADLINE = ('Acme "Quoted" <Bio> \\ {Labs} # @prefix DROP ALL; Receives FDA Orphan Drug '
            'Designation for AX-101\\u0022')
RELEASE = f"""\
{HEADLINE}

BOSTON, Mass., March 3, 2024 (GLOBE NEWSWIRE) -- Acme "Quoted" <Bio>\\{{Labs}}#@, Inc. \
(Nasdaq: ACME), whose name is }} DROP ALL ; INSERT DATA {{ <a> <b> <c> }} #, today announced \
that the U.S. Food and Drug Administration (FDA) has granted Orphan Drug Designation to AX-101 \
for the treatment of acute myeloid leukemia "}} . ?s ?p ?o {{ (AML).

AX-101 is being evaluated in a Phase 2 clinical trial (NCT01234567) in patients with \
<script>alert(1)</script> glioblastoma \\n DROP GRAPH <x>. In Cohort 2, patients received \
4.5 mg/kg of AX-101 and the overall response rate was 42%.

"We are pleased \\" with ''' these }}}} <http://evil.test/> @en ^^xsd:string," said Jane \
O'Brien, Ph.D., Chief Executive Officer of Acme Bio, Inc.

About Acme Bio

Acme builds DROP GRAPH <x> ; conjugates on its LinkSure platform.
"""
SPECIALS = ['"', "<", ">", "\\", "{", "}", "#", "@", "\\u0022", "DROP ALL"]
ID_PATH = re.compile(r"[a-z0-9/-]+")


@pytest.fixture(scope="module")
def crafted() -> list:
    return quads_for(hostile_extraction())


@pytest.fixture(scope="module")
def release_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / FILE_NAME
    path.write_text(RELEASE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def from_release(release_path: Path) -> list:
    return quads_for(extract(read_document(release_path)))


def literals(quads) -> set[str]:
    return {q.object.value for q in quads if isinstance(q.object, Literal)}


@pytest.mark.parametrize("suffix", rdfcheck.SUFFIXES)
def test_hand_made_hostile_facts_read_back_in_every_format(crafted, suffix: str):
    rdfcheck.assert_reads_back(crafted, suffix)


@pytest.mark.parametrize("suffix", rdfcheck.SUFFIXES)
def test_a_hostile_release_reads_back_in_every_format(from_release, suffix: str):
    rdfcheck.assert_reads_back(from_release, suffix)


def test_hostile_text_survives_exactly_in_literals(crafted, from_release):
    values = literals(crafted)
    assert NASTY in values and FILE_NAME in values
    assert any(NASTY in value for value in values - {NASTY})
    released = literals(from_release)
    assert FILE_NAME in released and HEADLINE in released
    quotes = "\n".join(released)
    for special in SPECIALS:
        assert special in quotes, special


def test_every_iri_we_mint_stays_in_the_safe_alphabet(crafted, from_release):
    for quad in crafted + from_release:
        for term in (quad.subject, quad.object, quad.graph_name):
            if isinstance(term, NamedNode) and term.value.startswith(iris.ID):
                assert ID_PATH.fullmatch(term.value[len(iris.ID):]), term.value


def test_hostile_graphs_conform_to_the_shapes(crafted, from_release):
    for quads in (crafted, from_release):
        report = validate_quads(quads)
        assert report.conforms, "\n".join(map(str, report.violations))


def test_the_store_holds_the_hostile_graph_exactly(release_path: Path, from_release,
                                                    tmp_path: Path):
    store_dir = tmp_path / "store"
    result = CliRunner().invoke(main, ["build", str(release_path), "--store", str(store_dir),
                                       "--quiet"])
    assert result.exit_code == 0, result.output
    graph = from_release[0].graph_name
    stored = Store.read_only(str(store_dir))
    held = {(q.subject, q.predicate, q.object) for q in stored.quads_for_pattern(
        None, None, None, graph)}
    assert {o.value for _, _, o in held if isinstance(o, Literal)} == literals(from_release)
    assert len(held) == len(from_release)


def test_hostile_values_are_bound_as_values(from_release):
    store = Store()
    store.extend(from_release)
    update_resolution(store)  # as a build does: drug-profile finds names through it
    size = len(store)
    _, rows = run_saved_query(store, find_query("disclosures"))
    assert [row[0] for row in rows] == [FILE_NAME]
    for value in (NASTY, HEADLINE, "} DROP ALL ; INSERT DATA { <a> <b> <c> } #"):
        _, rows = run_saved_query(store, find_query("drug-profile"), {"drug": value})
        assert rows == []
    assert len(store) == size  # nothing ran as an update
    _, rows = run_saved_query(store, find_query("drug-profile"), {"drug": "AX-101"})
    assert rows
