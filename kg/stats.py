"""Counts that tell a user what a graph holds."""

from __future__ import annotations

from kg import iris

COUNTED = [
    ("disclosures", "Disclosure"), ("companies", "Company"), ("drugs", "DrugCandidate"),
    ("designations", "RegulatoryDesignation"), ("trials", "ClinicalTrial"),
    ("doses", "Dose"), ("outcomes", "OutcomeMeasurement"), ("people", "Person"),
    ("evidence", "Evidence"),
]


def graph_stats(store) -> list[tuple[str, int]]:
    """(label, count) rows: quads, named graphs, then distinct nodes of each main class."""
    rows = [("quads", len(store)), ("named graphs", sum(1 for _ in store.named_graphs()))]
    for label, cls in COUNTED:
        query = ("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a <"
                 + iris.term(cls) + "> } }")
        rows.append((label, int(next(iter(store.query(query)))["n"].value)))
    return rows
