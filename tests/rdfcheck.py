"""Checks shared by the RDF tests: our quads written in every format must be read back by
rdflib and by pyoxigraph as the same graphs, and conform to the shapes."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph
import rdflib
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf import PREFIXES
from kg.serialize import FORMATS, serialize

SUFFIXES = (".ttl", ".trig", ".nt", ".nq", ".jsonld")
TRIPLE_ONLY = {".ttl", ".nt"}
RDFLIB_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads",
                  ".jsonld": "json-ld"}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
DEFAULT = "default"


def to_bytes(quads: list, suffix: str) -> bytes:
    """Our serialisation of the quads in the format of `suffix`."""
    return serialize(quads, Path("graph" + suffix), PREFIXES)


def expected_graphs(quads: list, suffix: str) -> dict[str, set]:
    """Graph name → triples, as pyoxigraph terms; triple-only formats hold the union."""
    graphs: dict[str, set] = defaultdict(set)
    for q in quads:
        name = DEFAULT if suffix in TRIPLE_ONLY else q.graph_name.value
        graphs[name].add((q.subject, q.predicate, q.object))
    return dict(graphs)


def oxigraph_graphs(data: bytes, suffix: str) -> dict[str, set]:
    fmt = getattr(pyoxigraph.RdfFormat, FORMATS[suffix])
    graphs: dict[str, set] = defaultdict(set)
    for q in pyoxigraph.parse(data, format=fmt):
        name = DEFAULT if isinstance(q.graph_name, pyoxigraph.DefaultGraph) else q.graph_name.value
        graphs[name].add((q.subject, q.predicate, q.object))
    return dict(graphs)


def rdflib_term(term):
    """A pyoxigraph term as rdflib makes it when parsing (xsd:string literals stay plain)."""
    if isinstance(term, pyoxigraph.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        raise AssertionError(f"blank node in our output: {term}")
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def rdflib_graph(triples) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o in triples:
        graph.add((rdflib_term(s), rdflib_term(p), rdflib_term(o)))
    return graph


def rdflib_graphs(data: bytes, suffix: str) -> dict[str, rdflib.Graph]:
    """Graph name → rdflib graph, as rdflib parses our bytes."""
    if suffix in TRIPLE_ONLY:
        return {DEFAULT: rdflib.Graph().parse(data=data, format=RDFLIB_FORMATS[suffix])}
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMATS[suffix])
    out = {}
    for graph in dataset.graphs():
        if len(graph):
            default = graph.identifier == DATASET_DEFAULT_GRAPH_ID
            out[DEFAULT if default else str(graph.identifier)] = rdflib_graph_copy(graph)
    return out


def rdflib_graph_copy(triples) -> rdflib.Graph:
    graph = rdflib.Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def assert_reads_back(quads: list, suffix: str) -> bytes:
    """Serialise, parse with pyoxigraph and rdflib, and compare with the quads; returns the
    bytes so callers can look at them too."""
    data = to_bytes(quads, suffix)
    expected = expected_graphs(quads, suffix)
    assert oxigraph_graphs(data, suffix) == expected, f"pyoxigraph reads {suffix} differently"
    parsed = rdflib_graphs(data, suffix)
    assert sorted(parsed) == sorted(expected), f"rdflib sees other graphs in {suffix}"
    for name, triples in expected.items():
        assert isomorphic(parsed[name], rdflib_graph(triples)), \
            f"rdflib reads graph {name} of {suffix} differently"
    return data
