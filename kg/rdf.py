"""Facts → quads under the ontology: one named graph per disclosure, no blank nodes.

This module only assembles terms; IRIs come from `kg.iris`, identifiers from `kg.grounding`.
The quads are returned sorted, which makes every serialisation byte-for-byte repeatable.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad

from kg import __version__, grounding, iris
from kg.facts import (
    Cohort,
    Designation,
    Disclosure,
    Dose,
    Drug,
    DrugDevelopment,
    Evidence,
    Extraction,
    Fact,
    Organization,
    Outcome,
    Payload,
    PayloadUse,
    PlatformUse,
    Quantity,
    RoleAssignment,
    Trial,
)

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
QUDT = "http://qudt.org/schema/qudt/"
PREFIXES = {
    "bkg": iris.ONTOLOGY, "id": iris.ID, "schema": SCHEMA, "skos": SKOS, "prov": PROV,
    "oa": OA, "qudt": QUDT, "xsd": XSD, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}
FACT_CLASSES = {
    "development": "DrugDevelopment", "platform-use": "PlatformUse", "payload-use": "PayloadUse",
    "designation": "RegulatoryDesignation", "trial": "ClinicalTrial", "cohort": "Cohort",
    "dose": "Dose", "outcome": "OutcomeMeasurement", "role": "RoleAssignment",
}


@lru_cache(maxsize=256)
def bkg(name: str) -> NamedNode:
    return NamedNode(iris.term(name))


@lru_cache(maxsize=4096)
def node(iri: str) -> NamedNode:
    """A NamedNode, made once per IRI: predicates, classes and shared entities repeat in
    every graph, and checking an IRI costs more than looking it up."""
    return NamedNode(iri)


def string(value: str) -> Literal:
    return Literal(value)


def typed(value: object, datatype: str) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


def english(value: str) -> Literal:
    return Literal(value, language="en")


class GraphWriter:
    """Collects the triples of one disclosure's named graph."""

    def __init__(self, disclosure_iri: str) -> None:
        self.graph = NamedNode(disclosure_iri)
        self.disclosure = disclosure_iri
        self.quads: set[Quad] = set()
        self.labels: dict[str, str] = {}

    def add(self, subject: str, predicate: NamedNode | str, obj: NamedNode | Literal | str
            ) -> None:
        pred = node(predicate) if isinstance(predicate, str) else predicate
        value = node(obj) if isinstance(obj, str) else obj
        self.quads.add(Quad(node(subject), pred, value, self.graph))

    def typed_node(self, subject: str, *classes: str) -> str:
        for cls in classes:
            self.add(subject, RDF_TYPE, cls if ":" in cls else iris.term(cls))
        return subject

    def labelled(self, subject: str, cls: str, label: str, alt: Iterable[str] = (),
                 matches: Iterable[str] = (), match_predicate: str = "exactMatch") -> str:
        self.typed_node(subject, cls)
        preferred = self.labels.setdefault(subject, label)
        self.add(subject, SKOS + "prefLabel" if preferred == label else SKOS + "altLabel",
                 string(label))
        for name in sorted(set(alt) - {preferred}):
            self.add(subject, SKOS + "altLabel", string(name))
        for iri in matches:
            self.add(subject, SKOS + match_predicate, iri)
        return subject


def quads_for(extraction: Extraction) -> list[Quad]:
    """All quads of one document's named graph, sorted."""
    disclosure = extraction.disclosure
    writer = GraphWriter(iris.disclosure(disclosure.content_hash))
    emit_disclosure(writer, disclosure)
    for fact in extraction.facts:
        emit_fact(writer, fact)
    return sorted(writer.quads, key=str)


def emit_disclosure(w: GraphWriter, d: Disclosure) -> None:
    s = w.typed_node(w.disclosure, "Disclosure")
    w.add(s, bkg("sourceFile"), string(d.source_file))
    w.add(s, bkg("contentHash"), string(d.content_hash))
    w.add(s, bkg("extractorVersion"), string(__version__))
    if d.headline:
        w.add(s, SCHEMA + "headline", english(d.headline))
    if d.date:
        w.add(s, SCHEMA + "datePublished", typed(d.date, "date"))
    if d.dateline_city:
        w.add(s, bkg("datelineCity"), string(d.dateline_city))
    if d.wire:
        w.add(s, bkg("wire"), string(d.wire))
    if d.issuer:
        company = emit_organization(w, d.issuer)
        w.add(s, bkg("issuer"), company)
        for index, listing in enumerate(d.listings):
            node = w.typed_node(iris.listing(listing.exchange, listing.ticker), "Listing")
            if index == 0:
                w.add(s, bkg("primaryListing"), node)
            w.add(node, SCHEMA + "tickerSymbol", string(listing.ticker))
            w.add(node, bkg("exchange"), string(listing.exchange))
            w.add(node, bkg("exchangeName"), string(listing.exchange_name))
            w.add(company, bkg("hasListing"), node)


def emit_organization(w: GraphWriter, org: Organization) -> str:
    if org.is_company:
        node = w.labelled(iris.company(org.name), "Company", org.name, org.aliases)
        w.typed_node(node, "Organization")
        return node
    return w.labelled(iris.organization(org.name), "Organization", org.name, org.aliases)


def emit_drug(w: GraphWriter, drug: Drug) -> str:
    node = w.labelled(iris.drug(drug.name), "DrugCandidate", drug.name, drug.aliases)
    for prop, names in (("codeName", drug.code_names), ("genericName", drug.generic_names),
                        ("brandName", drug.brand_names)):
        for name in names:
            w.add(node, bkg(prop), string(name))
    return node


def emit_quantity(w: GraphWriter, node: str, quantity: Quantity) -> None:
    w.add(node, QUDT + "numericValue", typed(quantity.value, "decimal"))
    if quantity.unit:  # a hazard ratio has no unit
        w.add(node, bkg("unitText"), string(quantity.unit))
    if quantity.ucum:
        w.add(node, bkg("ucumCode"), string(quantity.ucum))
    if quantity.qudt:
        w.add(node, QUDT + "unit", quantity.qudt)


def emit_evidence(w: GraphWriter, fact_node: str, evidence: Evidence) -> None:
    node = w.typed_node(iris.evidence(w.disclosure, evidence.start, evidence.end), "Evidence")
    selector = node + "/selector"
    w.add(node, OA + "hasSource", w.disclosure)
    w.add(node, OA + "hasSelector", selector)
    w.typed_node(selector, OA + "TextQuoteSelector", OA + "TextPositionSelector")
    w.add(selector, OA + "exact", english(evidence.quote))
    w.add(selector, OA + "start", typed(evidence.start, "nonNegativeInteger"))
    w.add(selector, OA + "end", typed(evidence.end, "nonNegativeInteger"))
    w.add(fact_node, PROV + "wasDerivedFrom", node)


def emit_fact(w: GraphWriter, fact: Fact) -> str:
    node = iris.fact(w.disclosure, fact.kind, fact.key())
    w.typed_node(node, "Fact", FACT_CLASSES[fact.kind])
    w.add(node, bkg("statedIn"), w.disclosure)
    extractors = sorted({e.extractor for e in fact.evidence})
    for extractor in extractors:
        w.add(node, bkg("extractor"), string(extractor))
    for evidence in fact.evidence:
        emit_evidence(w, node, evidence)
    EMITTERS[type(fact)](w, node, fact)
    return node


def _development(w: GraphWriter, node: str, fact: DrugDevelopment) -> None:
    w.add(node, bkg("company"), emit_organization(w, fact.company))
    w.add(node, bkg("drug"), emit_drug(w, fact.drug))


def _platform(w: GraphWriter, node: str, fact: PlatformUse) -> None:
    w.add(node, bkg("drug"), emit_drug(w, fact.drug))
    platform = w.labelled(iris.entity("platform", iris.slug(fact.platform)),
                          "TechnologyPlatform", fact.platform,
                          matches=grounding.platform_ids(fact.platform))
    w.add(node, bkg("platform"), platform)


def _payload(w: GraphWriter, node: str, fact: PayloadUse) -> None:
    w.add(node, bkg("drug"), emit_drug(w, fact.drug))
    w.add(node, bkg("payload"), emit_payload(w, fact.payload))


def emit_payload(w: GraphWriter, payload: Payload) -> str:
    cls = "Radioisotope" if payload.element else "CytotoxicAgent"
    node = w.labelled(iris.entity("payload", iris.slug(payload.label)), cls, payload.label,
                      matches=grounding.expand_all(payload.identifiers))
    w.typed_node(node, "Payload")
    if payload.element:
        w.add(node, bkg("element"), string(payload.element))
        mass = "".join(ch for ch in payload.mass if ch.isdigit())
        w.add(node, bkg("massNumber"), typed(int(mass), "integer"))
    return node


def emit_indication(w: GraphWriter, text: str) -> str:
    return w.labelled(iris.entity("indication", iris.slug(text)), "Indication", text,
                      matches=grounding.indication_ids(text))


def _designation(w: GraphWriter, node: str, fact: Designation) -> None:
    w.add(node, bkg("drug"), emit_drug(w, fact.drug))
    kind = grounding.designation(fact.designation)
    w.add(node, bkg("designationType"), w.labelled(
        iris.entity("designation-type", kind.key), "DesignationType", kind.label,
        matches=kind.identifiers, match_predicate="closeMatch"))
    agency = grounding.agency(fact.agency)
    w.add(node, bkg("agency"), w.labelled(
        iris.entity("agency", agency.key), "RegulatoryAgency", agency.label,
        matches=agency.identifiers))
    if fact.indication:
        w.add(node, bkg("indication"), emit_indication(w, fact.indication))
    w.add(node, bkg("designationStatus"), string(fact.status))


def _trial(w: GraphWriter, node: str, fact: Trial) -> None:
    w.typed_node(node, SCHEMA + "MedicalTrial")
    for drug in fact.drugs:
        w.add(node, bkg("drug"), emit_drug(w, drug))
    if fact.phase:
        phase = grounding.phase(fact.phase)
        w.add(node, bkg("phase"), w.labelled(
            iris.entity("phase", iris.slug(phase.key)), "TrialPhase", phase.label,
            matches=phase.identifiers))
    for indication in fact.indications:
        w.add(node, bkg("indication"), emit_indication(w, indication))
    if fact.status:
        w.add(node, bkg("trialStatus"), string(fact.status))
    if fact.nct_id:
        w.add(node, bkg("nctId"), string(fact.nct_id))
    if fact.name:
        w.add(node, SCHEMA + "name", string(fact.name))


def _cohort(w: GraphWriter, node: str, fact: Cohort) -> None:
    w.add(node, bkg("drug"), emit_drug(w, fact.drug))
    if fact.label:
        w.add(node, bkg("cohortLabel"), string(fact.label))


def _dose(w: GraphWriter, node: str, fact: Dose) -> None:
    w.add(node, bkg("drug"), emit_drug(w, fact.cohort.drug))
    w.add(node, bkg("cohort"), iris.fact(w.disclosure, fact.cohort.kind, fact.cohort.key()))
    emit_quantity(w, node, fact.quantity)


def _outcome(w: GraphWriter, node: str, fact: Outcome) -> None:
    w.add(node, bkg("drug"), emit_drug(w, fact.drug))
    if fact.cohort:
        w.add(node, bkg("cohort"), iris.fact(w.disclosure, fact.cohort.kind, fact.cohort.key()))
    endpoint = grounding.endpoint(fact.endpoint)
    w.add(node, bkg("endpoint"), w.labelled(
        iris.entity("endpoint", iris.slug(endpoint.label)), "Endpoint", endpoint.label,
        alt=endpoint.alt, matches=endpoint.identifiers))
    emit_quantity(w, node, fact.quantity)
    w.add(node, bkg("isInterim"), typed("true" if fact.interim else "false", "boolean"))


def _role(w: GraphWriter, node: str, fact: RoleAssignment) -> None:
    person = w.labelled(iris.person(fact.person), "Person", fact.person)
    w.add(node, bkg("person"), person)
    if fact.role:
        w.add(node, bkg("roleTitle"), string(fact.role))
    if fact.organization:
        w.add(node, bkg("organization"), emit_organization(w, fact.organization))


EMITTERS = {
    DrugDevelopment: _development, PlatformUse: _platform, PayloadUse: _payload,
    Designation: _designation, Trial: _trial, Cohort: _cohort, Dose: _dose,
    Outcome: _outcome, RoleAssignment: _role,
}
