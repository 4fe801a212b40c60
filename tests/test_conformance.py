"""The quick conformance check (kg.conformance) may send a good graph to pyshacl, but must
never vouch for a graph pyshacl finds fault with: every broken graph of test_shapes.py, the
blank-node cases, and random damage to a valid graph; and it vouches for what the pipeline
makes, or it would save nothing."""

from __future__ import annotations

import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from synthetic import write_corpus
from test_shapes import CASES, broken_graph, valid_graph

from kg.conformance import compiled_shapes, surely_conforms
from kg.pipeline import process
from kg.validate import validate_graph

XSD = "http://www.w3.org/2001/XMLSchema#"


def triples(graph: rdflib.Graph) -> list[tuple]:
    data = graph.serialize(format="nt")
    return [(t.subject, t.predicate, t.object)
            for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]


def test_the_shipped_shapes_compile():
    """Otherwise every graph would silently go to pyshacl, fifteen times slower."""
    assert compiled_shapes() is not None


def test_a_valid_graph_is_vouched_for():
    assert surely_conforms(triples(valid_graph()))


def test_no_broken_graph_is_vouched_for():
    vouched = [case for case, update, _, _ in CASES
               if surely_conforms(triples(broken_graph(update)))]
    assert vouched == []


def test_a_blank_node_subject_is_not_vouched_for():
    graph = broken_graph('INSERT DATA { [] a bkg:Person ; skos:prefLabel "Anonymous" }')
    assert not surely_conforms(triples(graph))


def test_the_pipelines_graphs_are_vouched_for(tmp_path):
    for path in write_corpus(tmp_path, 6):
        result = process(path, validate=False)
        assert surely_conforms([(q.subject, q.predicate, q.object) for q in result.quads])


LITERALS = st.sampled_from([
    ox.Literal("x"), ox.Literal(""), ox.Literal("x", language="en"), ox.Literal("x", language="fr"),
    ox.Literal("-1", datatype=ox.NamedNode(XSD + "nonNegativeInteger")),
    ox.Literal("1.5", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("1e0", datatype=ox.NamedNode(XSD + "double")),
    ox.Literal("2024-02-30", datatype=ox.NamedNode(XSD + "date")),
    ox.Literal("yes", datatype=ox.NamedNode(XSD + "boolean")),
    ox.Literal("07", datatype=ox.NamedNode(XSD + "integer")),
    ox.NamedNode("https://w3id.org/biotech-kg/id/drug/ab123"),
    ox.NamedNode("https://w3id.org/biotech-kg/id/company/acme-bio"), ox.BlankNode("b0"),
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_damage_is_never_vouched_for_when_pyshacl_objects(data):
    good = triples(valid_graph())
    damaged = list(good)
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(damaged) - 1))
        s, p, _ = damaged[index]
        action = data.draw(st.sampled_from(["drop", "object", "duplicate"]))
        if action == "drop":
            del damaged[index]
        elif action == "object":
            damaged[index] = (s, p, data.draw(LITERALS))
        else:
            damaged.append((s, p, data.draw(LITERALS)))
    if surely_conforms(damaged):
        graph = rdflib.Graph().parse(data=ox.serialize(
            [ox.Triple(*t) for t in damaged], format=ox.RdfFormat.N_TRIPLES), format="nt")
        report = validate_graph(graph)
        assert report.conforms, report.violations
