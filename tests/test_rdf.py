"""Facts → quads: one named graph per disclosure, the same bytes on every run, read back as
the same graph by rdflib and pyoxigraph, conforming to the shapes, with evidence that
points at the exact characters of the text."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import rdfcheck
from conftest import RELEASE, ROOT, read_text
from pyoxigraph import BlankNode, Literal, NamedNode, Store

from kg import iris
from kg.documents import document_from_bytes
from kg.rdf import FACT_CLASSES, quads_for
from kg.validate import validate_quads

SECOND = """\
Larkspur Therapeutics Reports Phase 2 Results for LKT-7 in Glioblastoma

Oslo, Norway, 22 June 2021 - Larkspur Therapeutics ASA (OSE: LARK) today reported results \
from its Phase 2 trial of LKT-7 in patients with recurrent glioblastoma. The median overall \
survival was 14.2 months.

"These results are encouraging," said Anders Holm, Chief Medical Officer of Larkspur \
Therapeutics.
"""
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"


@pytest.fixture(scope="module")
def extraction():
    return read_text(RELEASE)


@pytest.fixture(scope="module")
def quads(extraction):
    return quads_for(extraction)


@pytest.fixture(scope="module")
def two_graphs():
    return quads_for(read_text(RELEASE)) + quads_for(read_text(SECOND, "larkspur.txt"))


def test_one_named_graph_the_disclosure_no_blank_nodes(quads, extraction):
    graph = iris.disclosure(extraction.disclosure.content_hash)
    assert {q.graph_name for q in quads} == {NamedNode(graph)}
    for q in quads:
        assert not isinstance(q.subject, BlankNode) and not isinstance(q.object, BlankNode)


def test_quads_come_sorted_and_without_duplicates(quads):
    assert quads == sorted(set(quads), key=str)


def test_the_same_text_gives_the_same_quads(quads):
    assert quads_for(read_text(RELEASE)) == quads


@pytest.mark.parametrize("suffix", rdfcheck.SUFFIXES)
def test_every_format_reads_back_as_the_same_graphs(two_graphs, suffix: str):
    rdfcheck.assert_reads_back(two_graphs, suffix)


def test_every_format_is_byte_identical_across_processes(tmp_path: Path):
    """Two fresh interpreters with different hash seeds (set and dict order) write each
    format; the bytes must not differ."""
    (tmp_path / "northwind.txt").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "larkspur.txt").write_text(SECOND, encoding="utf-8")
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        from kg.pipeline import build
        folder, out = Path(sys.argv[1]), Path(sys.argv[2])
        for suffix in (".ttl", ".trig", ".nt", ".nq", ".jsonld"):
            build([folder], output=out / ("graph" + suffix), validate=False)
    """)
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run-{seed}"
        out.mkdir()
        subprocess.run([sys.executable, "-c", script, str(tmp_path), str(out)], check=True,
                       cwd=ROOT, env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"})
        outputs.append(out)
    for suffix in rdfcheck.SUFFIXES:
        first = (outputs[0] / f"graph{suffix}").read_bytes()
        assert first, suffix
        assert first == (outputs[1] / f"graph{suffix}").read_bytes(), suffix


def test_the_graphs_conform_to_the_shapes(two_graphs):
    report = validate_quads(two_graphs)
    assert report.conforms, "\n".join(map(str, report.violations))


def test_every_fact_has_evidence_quoting_the_text(extraction, quads):
    text = document_from_bytes("test-release.txt", RELEASE.encode()).text
    store = Store()
    store.extend(quads)
    facts = {s["f"] for s in store.query(
        "SELECT ?f WHERE { GRAPH ?g { ?f a <" + iris.term("Fact") + "> } }")}
    assert len(facts) == len(extraction.facts) > 0
    rows = list(store.query(f"""
        SELECT ?f ?e ?exact ?start ?end WHERE {{ GRAPH ?g {{
            ?f a <{iris.term("Fact")}> ; <{PROV}wasDerivedFrom> ?e .
            ?e <{OA}hasSelector> ?sel .
            ?sel <{OA}exact> ?exact ; <{OA}start> ?start ; <{OA}end> ?end }} }}"""))
    assert {row["f"] for row in rows} == facts
    for row in rows:
        start, end = int(row["start"].value), int(row["end"].value)
        assert 0 <= start < end <= len(text)
        assert row["exact"].value == text[start:end]
        assert row["exact"].language == "en"
        assert row["e"].value == iris.evidence(iris.disclosure(
            extraction.disclosure.content_hash), start, end)


def test_every_fact_is_typed_with_its_class_and_stated_in_the_disclosure(extraction, quads):
    graph = iris.disclosure(extraction.disclosure.content_hash)
    types = {(q.subject.value, q.object.value) for q in quads if q.predicate.value.endswith(
        "#type")}
    stated = {q.subject.value for q in quads
              if q.predicate == NamedNode(iris.term("statedIn")) and q.object.value == graph}
    for fact in extraction.facts:
        node = iris.fact(graph, fact.kind, fact.key())
        assert (node, iris.term(FACT_CLASSES[fact.kind])) in types
        assert node in stated


def test_the_disclosure_carries_its_file_hash_date_and_headline(extraction, quads):
    graph = iris.disclosure(extraction.disclosure.content_hash)
    values = {q.predicate.value: q.object for q in quads if q.subject.value == graph}
    assert values[iris.term("sourceFile")] == Literal("test-release.txt")
    assert values[iris.term("contentHash")].value == extraction.disclosure.content_hash
    assert values["https://schema.org/datePublished"] == Literal(
        "2024-03-03", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    assert values["https://schema.org/headline"].value.startswith("Northwind Bio Announces")
