"""`kg graph` and the most connected entities of `kg stats`: the entity graph of releases
about one company and drug, resolved across releases, written and loaded back with networkx."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from acme_releases import write_releases
from click.testing import CliRunner

from kg.cli import main
from kg.entity_graph import entity_graph, most_connected, read_entity_graph
from kg.pipeline import build
from kg.store import load_files

ID = "https://w3id.org/biotech-kg/id/"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The three releases as a graph file and in a store."""
    folder = tmp_path_factory.mktemp("entity-graph")
    docs = write_releases(folder / "docs")
    assert build(docs, output=folder / "all.trig", store=folder / "store").ok
    return folder


def nodes_of(graph, kind: str) -> dict[str, str]:
    return {n: d["label"] for n, d in graph.nodes(data=True) if d["kind"] == kind}


def test_one_node_per_resolved_entity_with_labels_and_identifiers(built):
    graph = entity_graph(load_files([built / "all.trig"]))
    assert nodes_of(graph, "drug") == {ID + "drug/ab123": "AB-123"}
    assert nodes_of(graph, "company") == {ID + "company/acme-bio": "Acme Bio, Inc."}  # most used
    assert nodes_of(graph, "agency") == {ID + "agency/fda": "FDA"}
    assert nodes_of(graph, "indication") == {ID + "indication/multiple-myeloma": "multiple myeloma"}
    drug = graph.nodes[ID + "drug/ab123"]
    assert drug["members"] == f"{ID}drug/ab123|{ID}drug/examplimab"
    assert "Examplimab" in drug["aliases"].split("|")
    myeloma = graph.nodes[ID + "indication/multiple-myeloma"]
    assert "http://purl.obolibrary.org/obo/MONDO_0009693" in myeloma["identifiers"].split("|")
    assert len(nodes_of(graph, "trial")) == 3  # no NCT number: one node per trial fact


def test_edges_carry_the_relation_the_fact_count_and_the_dates(built):
    graph = entity_graph(load_files([built / "all.trig"]))
    develops = graph.edges[ID + "company/acme-bio", ID + "drug/ab123", "develops"]
    assert (develops["facts"], develops["first_date"], develops["last_date"]) == (
        3, "2023-03-01", "2024-09-02")
    designated = graph.edges[ID + "drug/ab123", ID + "agency/fda", "designated-by"]
    assert designated["detail"] == "orphan drug"
    assert graph.has_edge(ID + "drug/ab123", ID + "indication/multiple-myeloma", "designated-for")
    relations = {key for _, _, key in graph.edges(keys=True)}
    assert relations == {"develops", "designated-by", "designated-for", "tested-in", "studies"}


@pytest.mark.parametrize("suffix", [".graphml", ".json"])
def test_kg_graph_writes_a_file_that_networkx_loads_back(built, tmp_path, suffix):
    out = tmp_path / f"entities{suffix}"
    result = CliRunner().invoke(main, ["graph", "-o", str(out), "--store", str(built / "store")])
    assert result.exit_code == 0, result.output
    assert "nodes" in result.stderr and out.exists()
    loaded = read_entity_graph(out)
    original = entity_graph(load_files([built / "all.trig"]))
    assert sorted(loaded.nodes) == sorted(original.nodes)
    assert loaded.number_of_edges() == original.number_of_edges()
    assert loaded.nodes[ID + "drug/ab123"]["label"] == "AB-123"
    if suffix == ".json":
        data = json.loads(out.read_text())
        assert isinstance(nx.node_link_graph(data, edges="edges"), nx.MultiDiGraph)
    else:
        assert nx.read_graphml(out).number_of_nodes() == original.number_of_nodes()


def test_kg_graph_is_repeatable_and_refuses_other_formats(built, tmp_path):
    runner = CliRunner()
    first, second = tmp_path / "a.graphml", tmp_path / "b.graphml"
    for out in (first, second):
        assert runner.invoke(main, ["graph", str(built / "all.trig"), "-o", str(out)]
                             ).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    result = runner.invoke(main, ["graph", str(built / "all.trig"), "-o", str(tmp_path / "x.gml")])
    assert result.exit_code == 2 and "use .graphml or .json" in result.stderr


def test_stats_names_the_most_connected_drugs_companies_and_indications(built):
    result = CliRunner().invoke(main, ["stats", "--store", str(built / "store")])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[lines.index("most connected drugs") + 1].split() == ["AB-123", "6"]
    top_company = lines[lines.index("most connected companies") + 1]
    assert top_company.split() == ["Acme", "Bio,", "Inc.", "1"]
    assert "most connected indications" in lines
    drugs = next(line for line in lines if line.startswith("drugs"))
    assert drugs.split() == ["drugs", "1"]  # two IRIs, one drug


def test_most_connected_ranks_by_distinct_neighbours():
    graph = nx.MultiDiGraph()
    for node, kind in (("a", "drug"), ("b", "drug"), ("x", "agency"), ("y", "agency")):
        graph.add_node(node, kind=kind, label=node.upper())
    graph.add_edge("a", "x", key="designated-by")
    graph.add_edge("a", "x", key="other")
    graph.add_edge("b", "x", key="designated-by")
    graph.add_edge("b", "y", key="designated-by")
    assert most_connected(graph, "drug") == [("B", 2), ("A", 1)]
