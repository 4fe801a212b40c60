"""SHACL validation against `shapes/biotech-kg-shapes.ttl`, returning a plain report.

Each disclosure's named graph must be valid on its own (graphs are replaced one at a time).
rdflib and pyshacl are imported inside the functions so that `kg --help` starts fast.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.resources import data_path

if TYPE_CHECKING:
    import rdflib
    from pyoxigraph import Quad

SHAPES_FILE = "biotech-kg-shapes.ttl"
ONTOLOGY_FILE = "biotech-kg.ttl"
SH = "http://www.w3.org/ns/shacl#"
RDFS_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Prefixes used only to print violations compactly; the report itself keeps full IRIs.
DISPLAY_PREFIXES = (
    ("id:", "https://w3id.org/biotech-kg/id/"),
    ("bkg:", "https://w3id.org/biotech-kg/ontology#"),
    ("schema:", "https://schema.org/"),
    ("prov:", "http://www.w3.org/ns/prov#"),
    ("oa:", "http://www.w3.org/ns/oa#"),
    ("skos:", "http://www.w3.org/2004/02/skos/core#"),
    ("qudt:", "http://qudt.org/schema/qudt/"),
    ("rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
)


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: the node at fault, the property (full IRIs) and a sentence."""

    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        where = " ".join(compact(part) for part in (self.focus, self.path) if part)
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """`conforms` is False when any result has severity Violation; results are sorted."""

    conforms: bool
    violations: tuple[Violation, ...]


def compact(iri: str) -> str:
    """`https://w3id.org/biotech-kg/ontology#drug` → `bkg:drug`, for readable output."""
    for prefix, namespace in DISPLAY_PREFIXES:
        if iri.startswith(namespace):
            return prefix + iri[len(namespace):]
    return iri


@lru_cache(maxsize=1)
def load_shapes() -> rdflib.Graph:
    """The shapes graph, parsed once per process (do not modify the returned graph)."""
    import rdflib

    return rdflib.Graph().parse(data_path("shapes") / SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def _class_hierarchy() -> tuple[tuple, ...]:
    """The ontology's rdfs:subClassOf triples between IRIs.

    Added to the data before validating, so that sh:class and sh:targetClass see a
    bkg:Company as a bkg:Organization without running a reasoner over the data.
    """
    import rdflib

    ontology = rdflib.Graph().parse(data_path("ontology") / ONTOLOGY_FILE, format="turtle")
    subclass_of = rdflib.URIRef(RDFS_SUBCLASS_OF)
    return tuple(
        (s, subclass_of, o)
        for s, o in ontology.subject_objects(subclass_of)
        if isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.URIRef)
    )


def validate_graph(data: rdflib.Graph | rdflib.Dataset) -> ValidationReport:
    """Validate a graph, or each named graph of a dataset."""
    conforms = True
    found: set[Violation] = set()
    for graph in _graphs_to_check(data):
        graph_conforms, violations = _validate_one(graph)
        conforms = conforms and graph_conforms
        found.update(violations)
    return ValidationReport(conforms, tuple(sorted(found)))


def validate_quads(quads: Iterable[Quad]) -> ValidationReport:
    """Validate pyoxigraph quads (one or several named graphs), as `validate_graph` does.

    Each graph goes first to the quick check of `kg.conformance`; only the graphs it cannot
    vouch for are handed to pyshacl, whose results make the report, so the report is the
    same as pyshacl's on every graph, in a fraction of the time when all conform.
    """
    from kg.conformance import surely_conforms

    graphs: dict[object, list] = {}
    for quad in quads:
        graphs.setdefault(quad.graph_name, []).append(quad)
    doubtful = [quad for group in graphs.values()
                if not surely_conforms([(q.subject, q.predicate, q.object) for q in group])
                for quad in group]
    if not doubtful:
        return ValidationReport(True, ())
    return validate_graph(_dataset_of(doubtful))


def validate_store(store) -> ValidationReport:
    """Validate every graph of a pyoxigraph store one at a time, so that memory holds one
    graph, not the store."""
    from pyoxigraph import DefaultGraph

    conforms, found = True, set()
    for graph in [DefaultGraph(), *sorted(store.named_graphs(), key=str)]:
        report = validate_quads(store.quads_for_pattern(None, None, None, graph))
        conforms = conforms and report.conforms
        found.update(report.violations)
    return ValidationReport(conforms, tuple(sorted(found)))


def _dataset_of(quads: Iterable[Quad]) -> rdflib.Dataset:
    import rdflib
    from pyoxigraph import DefaultGraph

    data = rdflib.Dataset()
    graphs: dict[object, rdflib.Graph] = {}
    for quad in quads:
        name = quad.graph_name
        if isinstance(name, DefaultGraph):
            graph = data.default_graph
        elif name in graphs:
            graph = graphs[name]
        else:
            graph = graphs[name] = data.graph(_rdflib_term(name))
        graph.add((_rdflib_term(quad.subject), _rdflib_term(quad.predicate),
                   _rdflib_term(quad.object)))
    return data


def _rdflib_term(term: object) -> object:
    """A pyoxigraph term as an rdflib term; xsd:string literals become plain literals, as
    N-Triples parsers make them, so that they equal the plain strings of the shapes' sh:in."""
    import rdflib
    from pyoxigraph import BlankNode, Literal, NamedNode

    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(datatype))
    raise TypeError(f"unsupported RDF term: {term!r}")


def _graphs_to_check(data: rdflib.Graph | rdflib.Dataset) -> list[rdflib.Graph]:
    """Plain graphs to validate: a graph itself, or each non-empty graph of a dataset.

    Each disclosure's graph is self-contained and is what the shapes describe; the union is
    not checked, since two releases may rightly label the same entity differently.
    """
    import rdflib

    if isinstance(data, rdflib.Dataset):
        contexts = list(data.graphs())
    elif isinstance(data, rdflib.ConjunctiveGraph):
        contexts = list(data.contexts())
    else:
        return [data]
    return [context for context in contexts if len(context)]  # _validate_one copies them


def _validate_one(graph: rdflib.Graph) -> tuple[bool, list[Violation]]:
    """Run pyshacl on a copy of `graph` with the class hierarchy mixed in."""
    from pyshacl import validate

    work = _query_caching_graph_class()()
    for triple in graph:
        work.add(triple)
    for triple in _class_hierarchy():
        work.add(triple)
    conforms, results, _ = validate(
        work,
        shacl_graph=load_shapes(),
        inference="none",
        advanced=True,  # SHACL-AF: SPARQL targets; SHACL-SPARQL constraints
        allow_warnings=True,  # only severity Violation makes a graph non-conforming
        inplace=True,  # `work` is already a private copy
    )
    return bool(conforms), _violations(results)


@lru_cache(maxsize=1)
def _query_caching_graph_class() -> type:
    """An rdflib.Graph whose query() parses each distinct SPARQL text only once.

    pyshacl sends the same constraint text again for every focus node, and parsing it took
    nine tenths of the validation time of a typical disclosure.
    """
    import rdflib
    from rdflib.plugins.sparql import prepareQuery

    prepared = lru_cache(maxsize=256)(prepareQuery)

    class QueryCachingGraph(rdflib.Graph):
        def query(self, query_object, processor="sparql", result="sparql", initNs=None,
                  initBindings=None, use_store_provided=True, **kwargs):
            if isinstance(query_object, str) and not initNs:
                query_object = prepared(query_object)
            return super().query(query_object, processor, result, initNs, initBindings,
                                 use_store_provided, **kwargs)

    return QueryCachingGraph


def _violations(results: rdflib.Graph) -> list[Violation]:
    """Read sh:ValidationResult nodes from a pyshacl results graph."""
    import rdflib

    sh = rdflib.Namespace(SH)
    out = []
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        messages = sorted(str(m) for m in results.objects(result, sh.resultMessage))
        component = _text(results.value(result, sh.sourceConstraintComponent))
        severity = results.value(result, sh.resultSeverity) or sh.Violation
        out.append(Violation(
            focus=_text(results.value(result, sh.focusNode)),
            path=_text(results.value(result, sh.resultPath)),
            message="; ".join(messages) or component.removeprefix(SH),
            severity=str(severity).removeprefix(SH),
        ))
    return out


def _text(term: object) -> str:
    """A term as text: IRIs bare, blank nodes as `_:id`, literals in N-Triples form."""
    import rdflib

    if term is None:
        return ""
    if isinstance(term, rdflib.URIRef):
        return str(term)
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    return term.n3() if isinstance(term, rdflib.Literal) else str(term)
