"""The ontology parses and declares, labels and defines every bkg: term the shapes and the
RDF model use, so a typo in a shape or in the docs fails here instead of inventing a term."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.resources import data_path
from kg.validate import ONTOLOGY_FILE, load_shapes

BKG = rdflib.Namespace("https://w3id.org/biotech-kg/ontology#")
ONTOLOGY_IRI = rdflib.URIRef("https://w3id.org/biotech-kg/ontology")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
RDF_MODEL = Path(__file__).resolve().parent.parent / "docs" / "rdf-model.md"
TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
FACT_CLASSES = ("DrugDevelopment", "PlatformUse", "PayloadUse", "RegulatoryDesignation",
                "ClinicalTrial", "Cohort", "Dose", "OutcomeMeasurement", "RoleAssignment")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(data_path("ontology") / ONTOLOGY_FILE, format="turtle")


def declared(ontology: rdflib.Graph) -> set[rdflib.URIRef]:
    return {s for kind in TERM_KINDS for s in ontology.subjects(RDF.type, kind)
            if isinstance(s, rdflib.URIRef) and s.startswith(BKG)}


def bkg_terms(graph: rdflib.Graph) -> set[rdflib.URIRef]:
    """Every bkg: IRI used anywhere in a graph (subject, predicate or object)."""
    return {term for triple in graph for term in triple
            if isinstance(term, rdflib.URIRef) and term.startswith(BKG)}


def test_ontology_header(ontology: rdflib.Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == rdflib.Literal("0.1.0")


@pytest.mark.parametrize("graph_name", ["shapes", "rdf-model"])
def test_every_used_term_is_declared_labelled_and_defined(
        ontology: rdflib.Graph, graph_name: str) -> None:
    used = bkg_terms(load_shapes()) if graph_name == "shapes" else terms_in_rdf_model()
    assert used, "no bkg: terms found"
    missing = sorted(str(t) for t in used - declared(ontology))
    assert not missing, f"used in {graph_name} but not declared in the ontology: {missing}"
    for term in used:
        assert ontology.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        definition = ontology.value(term, SKOS.definition) or ontology.value(term, RDFS.comment)
        assert definition is not None, f"{term} has no skos:definition or rdfs:comment"


def terms_in_rdf_model() -> set[rdflib.URIRef]:
    """The `bkg:Name` terms written in docs/rdf-model.md."""
    text = RDF_MODEL.read_text(encoding="utf-8")
    names = re.findall(r"(?<![\w:])bkg:([A-Za-z][A-Za-z0-9]*)", text)
    return {BKG[name] for name in names}


def test_every_declared_term_is_labelled_and_defined(ontology: rdflib.Graph) -> None:
    for term in declared(ontology):
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, SKOS.definition) is not None, term
        assert ontology.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI, term


def test_properties_have_domain_and_range(ontology: rdflib.Graph) -> None:
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        assert ontology.value(prop, RDFS.domain) in classes, prop
        assert ontology.value(prop, RDFS.range) in classes, prop
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        assert ontology.value(prop, RDFS.domain) in classes, prop
        assert str(ontology.value(prop, RDFS.range)).startswith(XSD_NS), prop


def test_fact_classes_are_facts_and_facts_are_prov_entities(ontology: rdflib.Graph) -> None:
    for name in FACT_CLASSES:
        assert (BKG[name], RDFS.subClassOf, BKG.Fact) in ontology, name
    prov_entity = rdflib.URIRef("http://www.w3.org/ns/prov#Entity")
    assert (BKG.Fact, RDFS.subClassOf, prov_entity) in ontology


def test_every_class_has_a_shape(ontology: rdflib.Graph) -> None:
    targeted = set(load_shapes().objects(None, SH.targetClass))
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if c.startswith(BKG)}
    assert classes - targeted == set()


def test_ontology_has_no_blank_nodes(ontology: rdflib.Graph) -> None:
    """Its class hierarchy is mixed into data graphs, which must stay free of blank nodes."""
    assert not [t for t in ontology if any(isinstance(x, rdflib.BNode) for x in t)]
