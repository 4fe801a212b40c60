"""The alias graph of entity resolution: which entity IRI carries which name, listing or
identifier, in which disclosure, by which rule (`Link`), as a networkx graph whose connected
components `kg.resolve` merges.

Entity and name nodes alternate (the graph is bipartite); a name node carried by two entities
that can never be one (`conflict`: different development codes, unrelated company names,
different MONDO ids) is removed, so a shared but ambiguous name joins nothing.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations

from kg import iris, names
from kg.names import DRUG, INDICATION, ORGANIZATION

Select = Callable[[str], Iterable[list[str]]]
SKOS = "http://www.w3.org/2004/02/skos/core#"

RULE_NAME = "kg.resolve.same-name.v1"
RULE_SHORT_NAME = "kg.resolve.issuer-short-name.v1"
RULE_LISTING = "kg.resolve.same-listing.v1"
RULE_IDENTIFIER = "kg.resolve.same-identifier.v1"
KINDS = {"DrugCandidate": DRUG, "Company": ORGANIZATION, "Organization": ORGANIZATION,
         "Indication": INDICATION}
NAME_PROPERTIES = {DRUG: {"prefLabel", "altLabel", "codeName", "genericName", "brandName"},
                   ORGANIZATION: {"prefLabel", "altLabel"}, INDICATION: set()}
PREFIXES = f"PREFIX bkg: <{iris.ONTOLOGY}>\nPREFIX skos: <{SKOS}>\n"
# One row per statement (no DISTINCT, so the store streams the rows): a company is also typed
# bkg:Organization, and is read as a company only.
MENTIONS = PREFIXES + """SELECT ?g ?e ?cls ?p ?v WHERE {
  GRAPH ?g {
    ?g a bkg:Disclosure .
    VALUES ?cls { bkg:DrugCandidate bkg:Company bkg:Organization bkg:Indication }
    VALUES ?p { skos:prefLabel skos:altLabel bkg:codeName bkg:genericName bkg:brandName
                skos:exactMatch bkg:hasListing }
    ?e a ?cls ; ?p ?v .
    FILTER(?cls != bkg:Organization || NOT EXISTS { ?e a bkg:Company })
  }
}"""
ISSUERS = PREFIXES + """SELECT ?g ?e ?file WHERE {
  GRAPH ?g { ?g a bkg:Disclosure ; bkg:sourceFile ?file . OPTIONAL { ?g bkg:issuer ?e } }
}"""


class GraphIds:
    """Disclosure graph IRIs as small integers: entity resolution remembers in which graphs
    every name was seen, and an integer shared by all those sets costs a few bytes where
    the IRI string would cost a hundred, which keeps memory flat as the corpus grows."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.iris: list[str] = []

    def id(self, iri: str) -> int:
        found = self.ids.get(iri)
        if found is None:
            found = self.ids[iri] = len(self.iris)
            self.iris.append(iri)
        return found

    def first_iris(self, ids: Iterable[int], limit: int) -> tuple[str, ...]:
        """The `limit` smallest IRIs of `ids`, sorted."""
        return tuple(heapq.nsmallest(limit, (self.iris[i] for i in ids)))


class GraphSet:
    """The disclosure graphs (`GraphIds`) a name or listing was seen in: sorted, unique,
    4 bytes each in an array, where a Python set takes some 50 bytes an entry. Resolution
    keeps one entry per mention, so this is what its memory grows with."""

    __slots__ = ("ids", "ordered")

    def __init__(self) -> None:
        self.ids = array("I")
        self.ordered = True

    def add(self, graph: int) -> None:
        """Add while reading (rows come mostly graph by graph); `seal` before use."""
        if self.ids and graph <= self.ids[-1]:
            if graph == self.ids[-1]:
                return
            self.ordered = False
        self.ids.append(graph)

    def seal(self) -> None:
        if not self.ordered:
            self.ids = array("I", sorted(set(self.ids)))
            self.ordered = True

    def __contains__(self, graph: int) -> bool:
        i = bisect_left(self.ids, graph)
        return i < len(self.ids) and self.ids[i] == graph

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class Entity:
    """What the disclosures say an entity IRI is called, over all graphs (as `GraphIds`)."""

    iri: str
    kind: str
    classes: set[str] = field(default_factory=set)
    pref_labels: Counter = field(default_factory=Counter)  # label → graphs it is preferred in
    names: dict[str, GraphSet] = field(default_factory=dict)  # label → graphs it is a name in
    codes: set[str] = field(default_factory=set)
    generics: set[str] = field(default_factory=set)
    identifiers: set[str] = field(default_factory=set)
    listings: dict[str, GraphSet] = field(default_factory=dict)  # listing IRI → graphs

    @property
    def key(self) -> str:
        return self.iri.rsplit("/", 1)[-1]

    @property
    def label(self) -> str:
        return preferred(self.pref_labels) or self.key

    def graphs(self) -> set[int]:
        return set().union(*self.names.values())


@dataclass(frozen=True)
class Link:
    """An alias-graph edge's evidence: `entity` carries `node` as `label` in the graphs of
    `graphs` (a few collections, shared with the entities, not copied)."""

    entity: str
    node: tuple[str, ...]
    rule: str
    label: str
    graphs: tuple[Iterable[int], ...]


def preferred(counts: Counter) -> str:
    """The most frequent form; ties go to the shorter, then the alphabetically first."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], len(item[0]), item[0]))
    return ranked[0][0] if ranked else ""


# --- reading ---------------------------------------------------------------------------------

def local_select(store) -> Select:
    """A `Select` over a pyoxigraph store: rows of term values ("" when unbound), streamed."""
    def run(sparql: str) -> Iterable[list[str]]:
        solutions = store.query(sparql)
        width = len(solutions.variables)
        return (["" if s[i] is None else s[i].value for i in range(width)] for s in solutions)
    return run


def read_entities(rows: Iterable[list[str]], graph_ids: GraphIds) -> dict[str, Entity]:
    """The entities of `MENTIONS` rows (graph, entity, class, property, value)."""
    entities: dict[str, Entity] = {}
    for graph, iri, cls, prop, value in rows:
        cls_name, prop_name = local_name(cls), local_name(prop)
        entity = entities.get(iri)
        if entity is None:
            entity = entities[iri] = Entity(iri, KINDS[cls_name])
        entity.classes.add(cls_name)
        add_mention(entity, graph_ids.id(graph), prop_name, value)
    for entity in entities.values():
        for seen in (*entity.names.values(), *entity.listings.values()):
            seen.seal()
    return entities


def read_disclosures(rows: Iterable[list[str]], graph_ids: GraphIds
                     ) -> tuple[dict[int, str], dict[str, str]]:
    """(graph id → issuer IRI, graph IRI → source file) from `ISSUERS` rows (graph, issuer
    or "", source file)."""
    issuers, sources = {}, {}
    for graph, issuer, source in rows:
        sources[graph] = source
        if issuer:
            issuers[graph_ids.id(graph)] = issuer
    return issuers, sources


def add_mention(entity: Entity, graph: int, prop: str, value: str) -> None:
    if prop == "exactMatch":
        entity.identifiers.add(value)
    elif prop == "hasListing":
        entity.listings.setdefault(value, GraphSet()).add(graph)
    elif prop in NAME_PROPERTIES[entity.kind] or prop == "prefLabel":
        entity.names.setdefault(value, GraphSet()).add(graph)
        if prop == "prefLabel":
            entity.pref_labels[value] += 1
        elif prop == "codeName":
            entity.codes.add(iris.drug_key(value))
        elif prop == "genericName":
            entity.generics.add(iris.drug_key(value))


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# --- the alias graph -------------------------------------------------------------------------

def links(entities: dict[str, Entity], issuers: dict[int, str]) -> list[Link]:
    """Every piece of evidence that an entity carries a name, a listing or an identifier,
    one `Link` per entity, node, rule and label with the graphs it was seen in."""
    found: dict[tuple, list[Iterable[int]]] = {}

    def carries(entity: str, node: tuple[str, ...], rule: str, label: str,
                graphs: Iterable[int]) -> None:
        found.setdefault((entity, node, rule, label), []).append(graphs)

    named_in: dict[int, list[Entity]] = {}  # graph → organisations it names
    for entity in entities.values():
        name_links(entity, carries)
        for listing, graphs in entity.listings.items():
            carries(entity.iri, ("listing", listing), RULE_LISTING, listing_text(listing), graphs)
        graphs = entity.graphs() if entity.identifiers else set()
        if graphs:  # an identifier counts where the entity is named, as before
            for identifier in entity.identifiers:
                carries(entity.iri, ("id", identifier), RULE_IDENTIFIER, entity.label, graphs)
        if entity.kind == ORGANIZATION:
            for graph in entity.graphs():
                named_in.setdefault(graph, []).append(entity)
    for graph, issuer in issuers.items():
        if issuer in entities:
            short_name_links(named_in.get(graph, []), entities[issuer], graph, carries)
    return [Link(*key, tuple(graphs)) for key, graphs in found.items()]


def name_links(entity: Entity, carries) -> None:
    if entity.kind == INDICATION:
        return
    for label, graphs in entity.names.items():
        if names.distinctive(label):
            node = ("name", entity.kind, names.name_key(entity.kind, label))
            carries(entity.iri, node, RULE_NAME, label, graphs)


def short_name_links(organizations: list[Entity], issuer: Entity, graph: int, carries) -> None:
    """In the issuer's own release, an organisation named by the leading words of the
    issuer's name (`ReAlta` in a release of `ReAlta Life Sciences, Inc.`) is the issuer."""
    full = {names.name_key(ORGANIZATION, label) for label, graphs in issuer.names.items()
            if graph in graphs}
    for other in organizations:
        if other.iri == issuer.iri:
            continue
        for label, graphs in other.names.items():
            if graph not in graphs or not names.distinctive(label):
                continue
            short = names.name_key(ORGANIZATION, label)
            for key in sorted(full):
                if names.is_leading_words(short, key):
                    carries(other.iri, ("name", ORGANIZATION, key), RULE_SHORT_NAME, label,
                            (graph,))


def listing_text(listing_iri: str) -> str:
    return "/".join(listing_iri.split("/")[-2:])


def alias_graph(entities: dict[str, Entity], found: Iterable[Link], splits: set[str]):
    """Entity and name nodes, an edge per carried name holding its links; names carried by
    entities that cannot be one are removed (and listed in `graph.graph["ambiguous"]`)."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(("entity", iri) for iri in sorted(entities))
    for link in sorted(found, key=lambda lk: (lk.entity, lk.node, lk.rule, lk.label)):
        if link.entity in splits:
            continue
        edge = (("entity", link.entity), link.node)
        if graph.has_edge(*edge):
            graph.edges[edge]["links"].append(link)
        else:
            graph.add_edge(*edge, links=[link])
    graph.graph["ambiguous"] = {}
    for node in [n for n in graph if n[0] != "entity"]:
        carriers = [entities[iri] for _, iri in graph[node]]
        if any(conflict(a, b) for a, b in combinations(carriers, 2)):
            graph.graph["ambiguous"][node[-1]] = tuple(sorted(e.iri for e in carriers))
            graph.remove_node(node)
    return graph


def conflict(a: Entity, b: Entity) -> bool:
    """Two entities that can never be one, whatever names they share."""
    if a.kind != b.kind:
        return True
    if a.kind == DRUG:
        return names.disjoint(a.codes, b.codes) or names.disjoint(a.generics, b.generics)
    if a.kind == ORGANIZATION:
        squashed = a.key.replace("-", "") == b.key.replace("-", "")
        return not (squashed or names.names_compatible(a.key, b.key))
    return any(names.disjoint(in_namespace(a.identifiers, space),
                              in_namespace(b.identifiers, space))
               for space in {namespace(i) for i in a.identifiers | b.identifiers})


def namespace(identifier: str) -> str:
    """`http://purl.obolibrary.org/obo/MONDO_0009693` → `…/obo/MONDO`."""
    return identifier.rsplit("_", 1)[0] if "_" in identifier else identifier.rsplit("/", 1)[0]


def in_namespace(identifiers: set[str], space: str) -> set[str]:
    return {i for i in identifiers if namespace(i) == space}
