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
from itertools import combinations, repeat

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
    the IRI string would cost a hundred. Rows from a SPARQL select name graphs by IRI; the
    mention index's rows come with its own integers (`kg.mentions.IndexGraphIds`), so no
    IRI is held at all."""

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


class Issuers:
    """The issuer IRI of each disclosure graph (by `GraphIds` integer): an array of 4 bytes
    a graph into a list of the distinct issuers, where a dict would take some 100 bytes a
    graph."""

    def __init__(self) -> None:
        self.iris: list[str] = [""]
        self.numbers: dict[str, int] = {"": 0}
        self.of = array("I")

    def add(self, graph: int, issuer: str) -> None:
        number = self.numbers.get(issuer)
        if number is None:
            number = self.numbers[issuer] = len(self.iris)
            self.iris.append(issuer)
        if graph >= len(self.of):
            self.of.extend(repeat(0, graph + 1 - len(self.of)))
        self.of[graph] = number

    def get(self, graph: int) -> str:
        """The issuer of the graph, "" when it has none."""
        return self.iris[self.of[graph]] if graph < len(self.of) else ""


class GraphSet:
    """The disclosure graphs (`GraphIds`) a name or listing was seen in: sorted, unique,
    4 bytes each in an array, where a Python set takes some 50 bytes an entry. Resolution
    keeps one entry per mention, so this is what its memory grows with."""

    __slots__ = ("ids", "ordered")

    def __init__(self) -> None:
        self.ids = array("I")
        self.ordered = True

    @classmethod
    def of(cls, graphs: Iterable[int]) -> GraphSet:
        made = cls()
        made.ids = array("I", sorted(set(graphs)))
        return made

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

    def graphs(self) -> GraphSet:
        """Every graph that names the entity."""
        return GraphSet.of(set().union(*self.names.values()))


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


def read_issuers(rows: Iterable[tuple], graph_ids: GraphIds) -> Issuers:
    """The issuer of each graph from `ISSUERS` rows (graph, issuer or "", …)."""
    issuers = Issuers()
    for graph, issuer, *_source in rows:
        if issuer:
            issuers.add(graph_ids.id(graph), issuer)
    return issuers


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

def links(entities: dict[str, Entity], issuers: Issuers) -> list[Link]:
    """Every piece of evidence that an entity carries a name, a listing or an identifier,
    one `Link` per entity, node, rule and label with the graphs it was seen in."""
    found: dict[tuple, list[Iterable[int]]] = {}

    def carries(entity: str, node: tuple[str, ...], rule: str, label: str,
                graphs: Iterable[int]) -> None:
        found.setdefault((entity, node, rule, label), []).append(graphs)

    for entity in entities.values():
        name_links(entity, carries)
        for listing, graphs in entity.listings.items():
            carries(entity.iri, ("listing", listing), RULE_LISTING, listing_text(listing), graphs)
        graphs = entity.graphs() if entity.identifiers else GraphSet()
        if graphs:  # an identifier counts where the entity is named, as before
            for identifier in entity.identifiers:
                carries(entity.iri, ("id", identifier), RULE_IDENTIFIER, entity.label, graphs)
        if entity.kind == ORGANIZATION:
            for issuer, graphs in issued_with(entity, entities, issuers).items():
                short_name_links(entity, entities[issuer], graphs, carries)
    return [Link(*key, tuple(graphs)) for key, graphs in found.items()]


def issued_with(organization: Entity, entities: dict[str, Entity], issuers: Issuers
                ) -> dict[str, GraphSet]:
    """The other issuers (by IRI) whose releases name the organisation, with those releases;
    only issuers one of whose names begins with one of its distinctive names."""
    shorts = {names.name_key(ORGANIZATION, label) for label in organization.names
              if names.distinctive(label)}
    out: dict[str, GraphSet] = {}
    unrelated: set[str] = set()
    if not shorts:
        return out
    for graph in organization.graphs():
        issuer = entities.get(issuers.get(graph))
        if issuer is None or issuer.iri == organization.iri or issuer.iri in unrelated:
            continue
        if issuer.iri not in out:
            fulls = {names.name_key(ORGANIZATION, label) for label in issuer.names}
            if not any(names.is_leading_words(s, f) for s in shorts for f in fulls):
                unrelated.add(issuer.iri)
                continue
            out[issuer.iri] = GraphSet()
        out[issuer.iri].add(graph)
    return out


def name_links(entity: Entity, carries) -> None:
    if entity.kind == INDICATION:
        return
    for label, graphs in entity.names.items():
        if names.distinctive(label):
            node = ("name", entity.kind, names.name_key(entity.kind, label))
            carries(entity.iri, node, RULE_NAME, label, graphs)


def short_name_links(other: Entity, issuer: Entity, graphs: GraphSet, carries) -> None:
    """In the issuer's own release, an organisation named by the leading words of the
    issuer's name (`ReAlta` in a release of `ReAlta Life Sciences, Inc.`) is the issuer."""
    seen: dict[tuple[str, str], GraphSet] = {}
    for graph in graphs:
        full = {names.name_key(ORGANIZATION, label) for label, where in issuer.names.items()
                if graph in where}
        for label, where in other.names.items():
            if graph not in where or not names.distinctive(label):
                continue
            short = names.name_key(ORGANIZATION, label)
            for key in sorted(full):
                if names.is_leading_words(short, key):
                    seen.setdefault((key, label), GraphSet()).add(graph)
    for (key, label), where in seen.items():
        carries(other.iri, ("name", ORGANIZATION, key), RULE_SHORT_NAME, label, where)


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
