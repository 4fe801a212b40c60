"""The entity graph for network tools (Gephi, Cytoscape, networkx): companies, drugs,
indications, agencies and trials as nodes, what the disclosures say relates them as edges.

Entities are taken as entity resolution merged them (`kg.resolve`): every member IRI becomes
its canonical node. One edge per (source, target, relation) with the number of facts behind
it and the first and last disclosure dates; a trial is one node per NCT number, else one per
trial fact. Attributes are plain strings and numbers, so GraphML and node-link JSON hold them.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from kg.aliases import PREFIXES, local_select, preferred
from kg.errors import KgError
from kg.resolve import RESOLUTION_GRAPH, resolution_of

KINDS = {"Company": "company", "DrugCandidate": "drug", "Indication": "indication",
         "RegulatoryAgency": "agency"}
CONNECTED_KINDS = (("drugs", "drug"), ("companies", "company"), ("indications", "indication"))
TRIAL_PAGE = "https://clinicaltrials.gov/study/"
ENTITIES = PREFIXES + """SELECT ?e ?cls ?label ?match WHERE {
  GRAPH ?g {
    VALUES ?cls { bkg:Company bkg:DrugCandidate bkg:Indication bkg:RegulatoryAgency }
    ?e a ?cls ; skos:prefLabel ?label .
    OPTIONAL { ?e skos:exactMatch ?match }
  }
}"""
RESOLVED_LABELS = PREFIXES + f"""SELECT ?e ?label WHERE {{
  GRAPH <{RESOLUTION_GRAPH}> {{ ?e bkg:resolvesTo ?e ; skos:prefLabel ?label }}
}}"""
TRIALS = PREFIXES + """PREFIX schema: <https://schema.org/>
SELECT ?f ?nct ?name ?phase ?status WHERE {
  GRAPH ?g {
    ?f a bkg:ClinicalTrial .
    OPTIONAL { ?f bkg:nctId ?nct } OPTIONAL { ?f schema:name ?name }
    OPTIONAL { ?f bkg:phase/skos:prefLabel ?phase } OPTIONAL { ?f bkg:trialStatus ?status }
  }
}"""
RELATIONS = PREFIXES + """PREFIX schema: <https://schema.org/>
SELECT ?rel ?a ?b ?date ?detail WHERE {
  GRAPH ?g {
    ?f bkg:statedIn ?d .
    OPTIONAL { ?d schema:datePublished ?date }
    { ?f a bkg:DrugDevelopment ; bkg:company ?a ; bkg:drug ?b . BIND("develops" AS ?rel) }
    UNION { ?f a bkg:RegulatoryDesignation ; bkg:drug ?a ; bkg:agency ?b ;
              bkg:designationType/skos:prefLabel ?detail . BIND("designated-by" AS ?rel) }
    UNION { ?f a bkg:RegulatoryDesignation ; bkg:drug ?a ; bkg:indication ?b ;
              bkg:designationType/skos:prefLabel ?detail . BIND("designated-for" AS ?rel) }
    UNION { ?f a bkg:ClinicalTrial ; bkg:drug ?a . BIND(?f AS ?b) BIND("tested-in" AS ?rel) }
    UNION { ?f a bkg:ClinicalTrial ; bkg:indication ?b . BIND(?f AS ?a) BIND("studies" AS ?rel) }
  }
}"""


def entity_graph(store):
    """The entity graph of a pyoxigraph store (the embedded store or files loaded into one),
    as a networkx MultiDiGraph keyed by relation."""
    import networkx as nx

    select = local_select(store)
    canonical = resolution_of(store)
    graph = nx.MultiDiGraph()
    nodes = entity_nodes(select, canonical)
    trials = trial_nodes(select)
    edges = relation_edges(select, canonical, {f: node for f, (node, _) in trials.items()})
    attributes = {**nodes, **dict(trials.values())}
    for node in sorted({n for a, b, _ in edges for n in (a, b)} | set(nodes)):
        if node in attributes:
            graph.add_node(node, **attributes[node])
    for (a, b, relation), data in sorted(edges.items()):
        if a in graph and b in graph:
            graph.add_edge(a, b, key=relation, relation=relation, **data)
    return graph


def entity_nodes(select, canonical: dict[str, str]) -> dict[str, dict]:
    labels: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    matches: dict[str, set[str]] = defaultdict(set)
    members: dict[str, set[str]] = defaultdict(set)
    for iri, cls, label, match in select(ENTITIES):
        node = canonical.get(iri, iri)
        kinds[node] = KINDS[cls.rsplit("#", 1)[-1]]
        labels[node][label] += 1
        members[node].add(iri)
        if match:
            matches[node].add(match)
    resolved = dict(select(RESOLVED_LABELS))
    out = {}
    for node, kind in kinds.items():
        label = resolved.get(node) or preferred(labels[node])
        out[node] = {"label": label, "kind": kind, "iri": node,
                     "aliases": "|".join(sorted(set(labels[node]) - {label})),
                     "identifiers": "|".join(sorted(matches[node])),
                     "members": "|".join(sorted(members[node]))}
    return out


def trial_nodes(select) -> dict[str, tuple[str, dict]]:
    """Trial fact IRI → (node id, attributes): one node per NCT number."""
    out = {}
    for fact, nct, name, phase, status in select(TRIALS):
        node = TRIAL_PAGE + nct if nct else fact
        label = name or nct or (f"phase {phase} trial" if phase else "trial")
        out[fact] = (node, {"label": label, "kind": "trial", "iri": node, "aliases": "",
                            "identifiers": nct, "members": fact, "phase": phase,
                            "status": status})
    return out


def relation_edges(select, canonical: dict[str, str], trials: dict[str, str]
                   ) -> dict[tuple[str, str, str], dict]:
    edges: dict[tuple[str, str, str], dict] = {}
    for relation, a, b, date, detail in select(RELATIONS):
        source = trials.get(a) or canonical.get(a, a)
        target = trials.get(b) or canonical.get(b, b)
        edge = edges.setdefault((source, target, relation),
                                {"facts": 0, "first_date": "", "last_date": "", "detail": set()})
        edge["facts"] += 1
        if date:
            edge["first_date"] = min(filter(None, (edge["first_date"], date)))
            edge["last_date"] = max(edge["last_date"], date)
        if detail:
            edge["detail"].add(detail)
    for edge in edges.values():
        edge["detail"] = "; ".join(sorted(edge["detail"]))
    return edges


def write_entity_graph(graph, path: Path) -> None:
    """GraphML (`.graphml`) or networkx node-link JSON (`.json`), written atomically."""
    import networkx as nx

    from kg.serialize import write_atomic

    suffix = path.suffix.lower()
    if suffix == ".graphml":
        data = "\n".join(nx.generate_graphml(graph)).encode("utf-8") + b"\n"
    elif suffix == ".json":
        link_data = nx.node_link_data(graph, edges="edges")
        data = (json.dumps(link_data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    else:
        raise KgError(f"{path}: unknown graph format (use .graphml or .json)")
    write_atomic(path, data)


def read_entity_graph(path: Path):
    """Read back what `write_entity_graph` wrote."""
    import networkx as nx

    if path.suffix.lower() == ".graphml":
        return nx.read_graphml(path, force_multigraph=True)
    return nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")


def most_connected(graph, kind: str, top: int = 5) -> list[tuple[str, int]]:
    """(label, number of distinct neighbours) of the `top` best connected nodes of a kind."""
    ranked = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") == kind:
            neighbours = set(graph.predecessors(node)) | set(graph.successors(node))
            ranked.append((data["label"], len(neighbours - {node})))
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked[:top]

