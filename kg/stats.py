"""Counts that tell a user what a graph holds: entities as resolved across disclosures
(kg.resolve), and the best connected drugs, companies and indications."""

from __future__ import annotations

from kg import iris
from kg.resolve import RESOLUTION_GRAPH

RESOLVES_TO = iris.term("resolvesTo")
COUNTED = [
    ("disclosures", "Disclosure"), ("companies", "Company"), ("drugs", "DrugCandidate"),
    ("designations", "RegulatoryDesignation"), ("trials", "ClinicalTrial"),
    ("doses", "Dose"), ("outcomes", "OutcomeMeasurement"), ("people", "Person"),
    ("evidence", "Evidence"),
]


def graph_stats(store) -> list[tuple[str, int]]:
    """(label, count) rows: quads, named graphs, then distinct nodes of each main class
    (IRIs merged by entity resolution count once)."""
    rows = [("quads", len(store)), ("named graphs", sum(1 for _ in store.named_graphs()))]
    for label, cls in COUNTED:
        query = ("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {"
                 f" GRAPH ?g {{ ?s a <{iris.term(cls)}> }}"
                 f" OPTIONAL {{ GRAPH <{RESOLUTION_GRAPH}> {{ ?s <{RESOLVES_TO}> ?c }} }}"
                 " BIND(COALESCE(?c, ?s) AS ?x) }")
        rows.append((label, int(next(iter(store.query(query)))["n"].value)))
    return rows


def most_connected(store, top: int = 5) -> list[tuple[str, list[tuple[str, int]]]]:
    """("most connected drugs", [(label, neighbours), …]) for drugs, companies and
    indications: the `top` nodes of each kind with the most distinct neighbours in the entity
    graph (kg.entity_graph), entities resolved across disclosures."""
    from kg.entity_graph import CONNECTED_KINDS, entity_graph
    from kg.entity_graph import most_connected as ranked

    graph = entity_graph(store)
    return [(f"most connected {plural}", ranked(graph, kind, top))
            for plural, kind in CONNECTED_KINDS]
