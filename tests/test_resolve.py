"""Entity resolution: merges and non-merges on short releases and hand-written graphs, the
evidence kept for every merge, undoing a merge, and the resolution graph's shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from acme_releases import write_releases
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from pyoxigraph import RdfFormat, Store
from synthetic import write_corpus

from kg import names
from kg.aliases import ISSUERS, MENTIONS
from kg.cli import main
from kg.mentions import GraphRows, MentionIndex, index_path
from kg.pipeline import build
from kg.resolve import (
    CURATION_GRAPH,
    RESOLUTION_GRAPH,
    local_select,
    refresh_resolution,
    resolution_of,
    resolution_quads,
    resolve,
)
from kg.store import open_store, reading, writer_lock
from kg.validate import validate_quads

ID = "https://w3id.org/biotech-kg/id/"
BKG = "https://w3id.org/biotech-kg/ontology#"
HEADER = """BASE <https://w3id.org/biotech-kg/id/>
PREFIX bkg: <https://w3id.org/biotech-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def graph(n: int, body: str, issuer: str = "") -> str:
    """A disclosure graph in TriG: the disclosure, its issuer, and `body` (Turtle)."""
    name = f"disclosure/{n:020x}"
    issued = f" ; bkg:issuer <{issuer}>" if issuer else ""
    return (f"<{name}> {{ <{name}> a bkg:Disclosure ; bkg:sourceFile \"doc-{n}.txt\"{issued} .\n"
            f"{body} }}\n")


def drug(iri: str, pref: str, *alts: str, codes=(), generics=()) -> str:
    lines = [f'<{iri}> a bkg:DrugCandidate ; skos:prefLabel "{pref}"']
    lines += [f'skos:altLabel "{a}"' for a in alts]
    lines += [f'bkg:codeName "{c}"' for c in codes] + [f'bkg:genericName "{g}"' for g in generics]
    return " ; ".join(lines) + " .\n"


def company(iri: str, pref: str, *alts: str, listing: str = "") -> str:
    lines = [f'<{iri}> a bkg:Company, bkg:Organization ; skos:prefLabel "{pref}"']
    lines += [f'skos:altLabel "{a}"' for a in alts]
    if listing:
        lines.append(f"bkg:hasListing <{listing}>")
    return " ; ".join(lines) + " .\n"


def resolved(*graphs: str, store: Store | None = None):
    store = store or Store()
    store.load((HEADER + "".join(graphs)).encode(), format=RdfFormat.TRIG)
    return resolve(local_select(store))


def merged(resolution) -> set[frozenset[str]]:
    return {frozenset(m.removeprefix(ID) for m in c.members) for c in resolution.clusters}


# --- merges ----------------------------------------------------------------------------------

def test_code_and_generic_name_in_either_order_are_one_drug_across_releases():
    resolution = resolved(
        graph(1, drug("drug/ab123", "AB-123", "examplimab", codes=["AB-123"],
                      generics=["examplimab"])),
        graph(2, drug("drug/examplimab", "examplimab", "AB 123", codes=["AB 123"],
                      generics=["examplimab"])))
    assert merged(resolution) == {frozenset({"drug/ab123", "drug/examplimab"})}
    cluster = resolution.clusters[0]
    assert cluster.canonical == ID + "drug/ab123"  # the code's IRI
    assert cluster.label == "AB-123" and set(cluster.alt_labels) == {"AB 123", "examplimab"}


def test_a_drug_named_only_by_its_generic_name_joins_the_drug_whose_alias_it_is():
    resolution = resolved(
        graph(1, drug("drug/ab123", "AB-123", "examplimab", codes=["AB-123"],
                      generics=["examplimab"])),
        graph(2, drug("drug/examplimab", "Examplimab", generics=["Examplimab"])))
    assert merged(resolution) == {frozenset({"drug/ab123", "drug/examplimab"})}


def test_the_issuers_short_name_in_its_own_release_is_the_issuer():
    resolution = resolved(graph(1, company("company/realta-life-sciences",
                                           "ReAlta Life Sciences, Inc.")
                                + company("company/realta", "ReAlta"),
                                issuer=ID + "company/realta-life-sciences"))
    assert merged(resolution) == {frozenset({"company/realta", "company/realta-life-sciences"})}
    cluster = resolution.clusters[0]
    assert cluster.canonical == ID + "company/realta-life-sciences"  # the full name
    assert {ev.rule for ev in cluster.evidence} == {"kg.resolve.same-name.v1",
                                                    "kg.resolve.issuer-short-name.v1"}


def test_a_short_name_and_the_full_name_sharing_a_listing_are_one_company():
    listing = ID + "listing/nasdaq/rlta"
    resolution = resolved(
        graph(1, company("company/realta-life-sciences", "ReAlta Life Sciences, Inc.",
                         listing=listing)),
        graph(2, company("company/realta", "ReAlta", listing=listing)))
    assert merged(resolution) == {frozenset({"company/realta", "company/realta-life-sciences"})}
    assert [ev.alias_key for ev in resolution.clusters[0].evidence] == [listing] * 2


def test_evidence_names_the_first_ten_disclosures_and_counts_them_all():
    """A name carried in many releases: the resolution graph grows with the entities, not
    with the releases that repeat their names."""
    repeats = [graph(n, drug("drug/examplimab", "examplimab", "AB-123", codes=["AB-123"]))
               for n in range(2, 16)]
    resolution = resolved(graph(1, drug("drug/ab123", "AB-123", codes=["AB-123"])), *repeats)
    assert merged(resolution) == {frozenset({"drug/ab123", "drug/examplimab"})}
    evidence = {ev.member: ev for ev in resolution.clusters[0].evidence}
    repeated = evidence[ID + "drug/examplimab"]
    assert repeated.count == 14
    assert repeated.graphs == tuple(f"{ID}disclosure/{n:020x}" for n in range(2, 12))
    assert (evidence[ID + "drug/ab123"].count, len(evidence[ID + "drug/ab123"].graphs)) == (1, 1)
    assert validate_quads(resolution_quads(resolution)).conforms


def test_indications_grounded_to_the_same_mondo_id_are_one():
    mm = "<http://purl.obolibrary.org/obo/MONDO_0009693>"
    resolution = resolved(graph(1, f"""
        <indication/multiple-myeloma> a bkg:Indication ; skos:prefLabel "multiple myeloma" ;
            skos:exactMatch {mm} .
        <indication/rrmm> a bkg:Indication ; skos:prefLabel "RRMM" ; skos:exactMatch {mm} ."""))
    assert merged(resolution) == {frozenset({"indication/multiple-myeloma", "indication/rrmm"})}
    assert resolution.clusters[0].canonical == ID + "indication/multiple-myeloma"


# --- non-merges ------------------------------------------------------------------------------

def test_two_drugs_with_different_codes_stay_apart():
    assert not resolved(graph(1, drug("drug/ab123", "AB-123") + drug("drug/ab124", "AB-124")),
                        graph(2, drug("drug/ab124", "AB 124"))).clusters


def test_a_generic_name_claimed_by_two_different_codes_joins_nothing():
    resolution = resolved(
        graph(1, drug("drug/ab123", "AB-123", "examplimab", codes=["AB-123"],
                      generics=["examplimab"])),
        graph(2, drug("drug/xy9", "XY-9", "examplimab", codes=["XY-9"], generics=["examplimab"])),
        graph(3, drug("drug/examplimab", "examplimab", generics=["examplimab"])))
    assert not resolution.clusters and not resolution.conflicts


def test_a_chain_of_names_joining_two_different_codes_is_left_unmerged():
    resolution = resolved(graph(1, drug("drug/ab123", "AB-123", "foomab", codes=["AB-123"])),
                          graph(2, drug("drug/foomab", "foomab", "barmab")),
                          graph(3, drug("drug/xy9", "XY-9", "barmab", codes=["XY-9"])))
    assert not resolution.clusters
    assert resolution.conflicts == [(ID + "drug/ab123", ID + "drug/foomab", ID + "drug/xy9")]


def test_two_companies_sharing_a_distinctive_first_word_stay_apart():
    resolution = resolved(
        graph(1, company("company/quillon-therapeutics", "Quillon Therapeutics, Inc.", "Quillon")),
        graph(2, company("company/quillon-pharma", "Quillon Pharma, Inc.", "Quillon")),
        graph(3, company("company/quillon", "Quillon")))
    assert not resolution.clusters
    assert set(resolution.ambiguous) == {"quillon"}


def test_two_companies_sharing_a_common_word_stay_apart():
    resolution = resolved(
        graph(1, company("company/genesis-oncology", "Genesis Oncology, Inc.", "Genesis")),
        graph(2, company("company/genesis", "Genesis", "Genesis Bio")))
    assert not resolution.clusters


def test_the_same_ticker_does_not_join_companies_with_unrelated_names():
    listing = ID + "listing/nasdaq/abcd"
    resolution = resolved(graph(1, company("company/acme-bio", "Acme Bio", listing=listing)),
                          graph(2, company("company/zenith-pharma", "Zenith Pharma",
                                           listing=listing)))
    assert not resolution.clusters
    carriers = (ID + "company/acme-bio", ID + "company/zenith-pharma")
    assert resolution.ambiguous == {listing: carriers}


def test_indications_with_different_mondo_ids_stay_apart():
    resolution = resolved(graph(1, """
        <indication/a> a bkg:Indication ; skos:prefLabel "a" ;
            skos:exactMatch <http://purl.obolibrary.org/obo/MONDO_1> .
        <indication/b> a bkg:Indication ; skos:prefLabel "b" ;
            skos:exactMatch <http://purl.obolibrary.org/obo/MONDO_2> ."""))
    assert not resolution.clusters


@pytest.mark.parametrize("name", ["Bio", "Therapeutics", "Life Sciences", "Genesis", "the drug",
                                  "AB", "placebo", "Oncology"])
def test_common_words_and_short_names_are_not_distinctive(name):
    assert not names.distinctive(name)


@pytest.mark.parametrize("name", ["AB-123", "CLR 131", "examplimab", "ReAlta", "Acme Bio"])
def test_codes_and_made_up_names_are_distinctive(name):
    assert names.distinctive(name)


@given(st.lists(st.sampled_from(sorted(names.common_words())), min_size=1, max_size=8))
def test_no_name_made_only_of_common_words_is_distinctive(words):
    assert not names.distinctive(" ".join(words))


@given(st.from_regex(r"[A-Z]{1,4}[- ]?[0-9]{2,5}", fullmatch=True))
def test_every_development_code_is_distinctive(code):
    assert names.distinctive(code)


# --- through the build: evidence, shapes, -o, the store, undo --------------------------------

def test_the_build_writes_a_resolution_graph_that_conforms_and_explains_itself(tmp_path):
    store_dir = tmp_path / "store"
    report = build(write_releases(tmp_path / "docs"), store=store_dir)
    assert report.ok
    with reading(store_dir) as store:
        quads = list(store.quads_for_pattern(None, None, None, _node(RESOLUTION_GRAPH)))
        rows = local_select(store)(f"""PREFIX bkg: <{BKG}>
            SELECT ?member ?label ?file WHERE {{ GRAPH <{RESOLUTION_GRAPH}> {{
                ?ev bkg:mergedInto <{ID}drug/ab123> ; bkg:mergedEntity ?member ;
                    bkg:aliasLabel ?label ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?d }}
              GRAPH ?d {{ ?d bkg:sourceFile ?file }} }}""")
    assert validate_quads(quads).conforms
    assert [ID + "drug/ab123", "AB-123", "acme-2023-03-01.txt"] in rows
    assert [ID + "drug/examplimab", "AB-123", "acme-2024-06-10.txt"] in rows


def test_graph_files_carry_the_resolution_graph_and_are_repeatable(tmp_path):
    docs = write_releases(tmp_path / "docs")
    first, second = tmp_path / "a.trig", tmp_path / "b.trig"
    build(docs, output=first)
    build(list(reversed(docs)), output=second)
    assert first.read_bytes() == second.read_bytes()
    assert "id:graph\\/resolution" in first.read_text()


def test_the_mention_index_holds_the_rows_a_store_scan_selects(tmp_path):
    write_releases(tmp_path / "docs")
    write_corpus(tmp_path / "docs" / "more", 12)
    store_dir = tmp_path / "store"
    assert build([tmp_path / "docs"], store=store_dir).ok
    with reading(store_dir) as store:
        select, index = local_select(store), MentionIndex(index_path(store_dir))
        assert index.graphs() == {g.value for g in store.named_graphs()
                                  if "/disclosure/" in g.value}  # kept by the build itself
        assert sorted(index.mentions()) == sorted(select(MENTIONS))
        assert sorted(index.disclosures()) == sorted(select(ISSUERS))
        assert resolution_quads(resolve(select, index)) == resolution_quads(resolve(select))


def test_the_index_names_graphs_by_its_own_ids_and_reads_back_only_the_iris_asked_for(
        tmp_path):
    from kg.aliases import Issuers
    from kg.mentions import IndexGraphIds

    write_corpus(tmp_path / "docs", 12)
    store_dir = tmp_path / "store"
    assert build([tmp_path / "docs"], store=store_dir).ok
    index = MentionIndex(index_path(store_dir))
    ids = {graph for graph, *_ in index.mention_rows()}
    iris = sorted(index.graphs())
    assert len(ids) == len(iris) == 12 and all(isinstance(i, int) for i in ids)
    assert IndexGraphIds(index).first_iris(ids, 3) == tuple(iris[:3])
    issuers = Issuers()
    for graph, issuer in index.issuer_rows():
        issuers.add(graph, issuer)
    assert {issuers.get(g) for g in ids} == {issuer for *_, issuer in index.issuer_rows()}
    assert issuers.get(max(ids) + 10) == ""
    assert len(issuers.of) == max(graph for graph, _issuer in index.issuer_rows()) + 1


def test_rows_read_back_from_n_quads_are_the_rows_of_the_quads(tmp_path):
    from pyoxigraph import serialize

    from kg.mentions import rows_of, rows_of_nquads
    from kg.pipeline import process

    for path in write_releases(tmp_path / "docs"):
        result = process(path, validate=False)
        rows = rows_of(result.graph, result.quads)
        assert rows.mentions and {file for _, file in rows.disclosures} == {path.name}
        nquads = serialize(result.quads, format=RdfFormat.N_QUADS)
        assert rows_of_nquads(result.graph, nquads) == rows


def test_the_build_resolves_from_the_index_not_by_scanning_the_store(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.resolve.MENTIONS", "SELECT * WHERE { FILTER(false) }")
    store_dir = tmp_path / "store"
    assert build(write_releases(tmp_path / "docs"), store=store_dir).ok
    with reading(store_dir) as store:
        assert resolution_of(store)[ID + "drug/examplimab"] == ID + "drug/ab123"


def test_a_graph_file_is_resolved_from_its_own_mention_index(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.resolve.MENTIONS", "SELECT * WHERE { FILTER(false) }")
    out = tmp_path / "graph.nq"
    assert build(write_releases(tmp_path / "docs"), output=out).ok
    store = Store()
    store.load(path=str(out), format=RdfFormat.N_QUADS)
    assert resolution_of(store)[ID + "drug/examplimab"] == ID + "drug/ab123"


def test_a_lost_or_stale_mention_index_is_brought_in_step_with_the_store(tmp_path):
    docs = write_releases(tmp_path / "docs")
    store_dir, fresh = tmp_path / "store", tmp_path / "fresh"
    assert build(docs[:2], store=store_dir).ok
    index_path(store_dir).unlink()
    stale = MentionIndex(index_path(store_dir))
    stale.put(ID + "disclosure/0123456789abcdef0123", GraphRows((("", "gone.txt"),)))
    stale.close()
    assert build(docs, store=store_dir).ok and build(docs, store=fresh).ok
    with reading(store_dir) as store, reading(fresh) as other:
        ours = sorted(store.quads_for_pattern(None, None, None, _node(RESOLUTION_GRAPH)),
                      key=str)
        theirs = sorted(other.quads_for_pattern(None, None, None, _node(RESOLUTION_GRAPH)),
                        key=str)
        assert ours == theirs
        indexes = [MentionIndex(index_path(path)) for path in (store_dir, fresh)]
        assert indexes[0].graphs() == indexes[1].graphs()


def test_rows_left_by_an_interrupted_build_are_read_again_from_the_store(tmp_path):
    docs, store_dir = write_releases(tmp_path / "docs"), tmp_path / "store"
    assert build(docs, store=store_dir).ok
    crashed = MentionIndex(index_path(store_dir))  # a build killed between its two writes:
    store = open_store(store_dir)
    crashed.start_writing(store)                   # the store has a graph's new content,
    del store
    graph = sorted(crashed.graphs())[0]            # the index still the old
    crashed.put(graph, GraphRows((("", "old.txt"),), ((ID + "drug/zz9", BKG + "DrugCandidate",
                                                       BKG + "codeName", "ZZ-9"),)))
    crashed.commit()
    crashed.db.close()
    assert build(docs, store=store_dir).ok  # nothing changed, yet the resolution is redone
    with reading(store_dir) as store:
        assert ID + "drug/zz9" not in resolution_of(store)
        index = MentionIndex(index_path(store_dir))
        assert not index.interrupted
        assert sorted(index.mentions()) == sorted(local_select(store)(MENTIONS))


def disclosure_graphs(store) -> set[str]:
    return {g.value for g in store.named_graphs() if "/disclosure/" in g.value}


def test_a_graph_removed_behind_the_builds_back_leaves_the_index(tmp_path):
    docs, store_dir = write_releases(tmp_path / "docs"), tmp_path / "store"
    assert build(docs, store=store_dir).ok
    assert MentionIndex(index_path(store_dir)).marked("complete")  # made beside an empty store
    store = open_store(store_dir)
    store.remove_graph(_node(sorted(disclosure_graphs(store))[0]))
    del store
    with writer_lock(store_dir):
        refresh_resolution(store_dir)  # as a build does: the index is not compared in full
    with reading(store_dir) as store:
        index = MentionIndex(index_path(store_dir))
        assert index.graphs() == disclosure_graphs(store)
        select = local_select(store)
        assert resolution_quads(resolve(select, index)) == resolution_quads(resolve(select))


def test_kg_resolve_reads_graphs_the_index_never_saw(tmp_path):
    docs = write_releases(tmp_path / "docs")
    store_dir, other = tmp_path / "store", tmp_path / "other"
    assert build(docs[:2], store=store_dir).ok and build(docs[2:], store=other).ok
    with reading(other) as source:
        added = list(source.quads_for_pattern(None, None, None, _node(
            sorted(disclosure_graphs(source))[0])))
    store = open_store(store_dir)  # another tool writes a disclosure graph into the store
    store.extend(added)
    del store
    result = CliRunner().invoke(main, ["resolve", "--store", str(store_dir), "--format", "csv"])
    assert result.exit_code == 0, result.output
    with reading(store_dir) as store:
        assert MentionIndex(index_path(store_dir)).graphs() == disclosure_graphs(store)
        written = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(
            None, None, None, _node(RESOLUTION_GRAPH))}
        scanned = resolution_quads(resolve(local_select(store)))  # every graph, from the store
        assert written == {(q.subject, q.predicate, q.object) for q in scanned}


def test_a_resolution_stopped_between_its_writes_is_redone_by_the_next_build(tmp_path,
                                                                             monkeypatch):
    docs, store_dir = write_releases(tmp_path / "docs"), tmp_path / "store"
    assert build(docs, store=store_dir).ok
    with reading(store_dir) as store:
        written = sorted(store.quads_for_pattern(None, None, None, _node(RESOLUTION_GRAPH)),
                         key=str)
    with monkeypatch.context() as patched:  # the old graph is removed, the new one fails
        patched.setattr("kg.resolve.checked", lambda quads: [])
        patched.setattr("kg.resolve.resolution_quads", lambda resolution: [None])
        with writer_lock(store_dir), pytest.raises(AttributeError):
            refresh_resolution(store_dir)
    assert MentionIndex(index_path(store_dir)).interrupted
    assert build(docs, store=store_dir).ok  # no file changed, yet the graph is made again
    with reading(store_dir) as store:
        assert sorted(store.quads_for_pattern(None, None, None, _node(RESOLUTION_GRAPH)),
                      key=str) == written


def test_an_unreadable_mention_index_is_made_anew(tmp_path):
    docs, store_dir = write_releases(tmp_path / "docs"), tmp_path / "store"
    assert build(docs[:2], store=store_dir).ok
    index_path(store_dir).write_bytes(b"not a database at all" * 100)
    assert build(docs, store=store_dir).ok
    with reading(store_dir) as store:
        assert resolution_of(store)[ID + "drug/examplimab"] == ID + "drug/ab123"


def test_split_undoes_a_merge_and_survives_a_rebuild_until_unsplit(tmp_path):
    docs, store_dir = write_releases(tmp_path / "docs"), str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["build", *map(str, docs), "--store", store_dir]).exit_code == 0
    result = runner.invoke(main, ["resolve", "--store", store_dir, "--format", "csv"])
    assert result.exit_code == 0 and "id:drug/ab123,AB-123,id:drug/examplimab" in result.stdout
    result = runner.invoke(main, ["resolve", "--store", store_dir, "--split", "id:drug/examplimab"])
    assert result.exit_code == 0, result.output
    assert "id:drug/examplimab" not in result.stdout and "1 split by hand" in result.stderr
    assert runner.invoke(main, ["build", *map(str, docs), "--store", store_dir]).exit_code == 0
    with reading(Path(store_dir)) as store:
        assert _resolves(store, "drug/examplimab") == ID + "drug/examplimab"
        assert any(store.quads_for_pattern(None, None, None, _node(CURATION_GRAPH)))
    result = runner.invoke(main, ["resolve", "--store", store_dir, "--unsplit",
                                  ID + "drug/examplimab"])
    assert result.exit_code == 0 and "id:drug/examplimab" in result.stdout
    with reading(Path(store_dir)) as store:
        assert _resolves(store, "drug/examplimab") == ID + "drug/ab123"


def test_split_refuses_what_is_not_an_entity_of_the_store(tmp_path):
    docs, store_dir = write_releases(tmp_path / "docs"), str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["build", *map(str, docs), "--store", store_dir]).exit_code == 0
    for iri, message in (("id:disclosure/abc", "not an entity IRI"),
                         ("id:drug/nothing-like-it", "no such entity")):
        result = runner.invoke(main, ["resolve", "--store", store_dir, "--split", iri])
        assert result.exit_code == 2 and message in result.stderr


def test_resolve_on_files_only_shows(tmp_path):
    out = tmp_path / "all.nq"
    build(write_releases(tmp_path / "docs"), output=out)
    result = CliRunner().invoke(main, ["resolve", str(out), "--format", "json"])
    assert result.exit_code == 0 and '"member": "id:drug/examplimab"' in result.stdout
    assert CliRunner().invoke(main, ["resolve", str(out), "--split", "id:drug/ab123"]
                              ).exit_code == 2


def test_an_entity_nothing_merges_with_resolves_to_itself_with_its_name_keys(tmp_path):
    store_dir = tmp_path / "store"
    build(write_releases(tmp_path / "docs", "acme-2024-09-02.txt"), store=store_dir)
    with reading(store_dir) as store:
        assert _resolves(store, "drug/examplimab") == ID + "drug/examplimab"
        keys = {q.object.value for q in store.quads_for_pattern(
            _node(ID + "drug/examplimab"), _node(BKG + "nameKey"), None,
            _node(RESOLUTION_GRAPH))}
    assert keys == {"examplimab"}


def test_a_merged_entity_carries_the_name_keys_of_all_its_members(tmp_path):
    store_dir = tmp_path / "store"
    build(write_releases(tmp_path / "docs"), store=store_dir)
    with reading(store_dir) as store:
        keys = {q.object.value for q in store.quads_for_pattern(
            _node(ID + "drug/ab123"), _node(BKG + "nameKey"), None, _node(RESOLUTION_GRAPH))}
        assert not any(store.quads_for_pattern(_node(ID + "drug/examplimab"),
                                               _node(BKG + "nameKey"), None, None))
    assert {"ab123", "examplimab"} <= keys


def test_an_entity_without_an_ascii_name_is_keyed_by_its_iri():
    quads = resolution_quads(resolved(graph(1, drug("drug/x-3f9a", "化合物"))))
    keys = {q.object.value for q in quads if q.predicate.value == BKG + "nameKey"}
    assert keys == {"x3f9a"}


def test_a_store_without_entities_has_no_resolution_graph():
    assert resolution_quads(resolved()) == []


def _node(iri: str):
    from pyoxigraph import NamedNode

    return NamedNode(iri)


def _resolves(store, entity: str) -> str:
    found = list(store.quads_for_pattern(_node(ID + entity), _node(BKG + "resolvesTo"), None,
                                         _node(RESOLUTION_GRAPH)))
    return found[0].object.value if found else ""


def test_an_unchanged_rebuild_refreshes_a_resolution_graph_of_an_older_form(tmp_path):
    store_dir = tmp_path / "store"
    docs = write_releases(tmp_path / "docs")
    build(docs, store=store_dir)
    key = _node(BKG + "nameKey")
    store = Store(str(store_dir))
    for quad in list(store.quads_for_pattern(None, key, None, _node(RESOLUTION_GRAPH))):
        store.remove(quad)  # as a store built before name keys existed
    store.flush()
    del store
    report = build(docs, store=store_dir)
    assert report.unchanged == len(docs)
    with reading(store_dir) as opened:
        assert any(opened.quads_for_pattern(None, key, None, _node(RESOLUTION_GRAPH)))


def test_an_identifier_on_an_unnamed_entity_joins_nothing():
    mondo = "http://purl.obolibrary.org/obo/MONDO_0009693"
    resolution = resolved(
        graph(1, f'<indication/mm> a bkg:Indication ; skos:prefLabel "multiple myeloma" ; '
                 f'skos:exactMatch <{mondo}> .\n'),
        graph(2, f'<indication/plasma-cell-myeloma> a bkg:Indication ; '
                 f'skos:exactMatch <{mondo}> .\n'))
    assert merged(resolution) == set()


def test_a_resolution_graph_that_breaks_the_shapes_is_reported_and_not_written(tmp_path,
                                                                               monkeypatch):
    import kg.resolve

    def bad_keys(writer, canonical, members):
        writer.add(canonical, BKG + "nameKey", _literal("Not A Key"))

    monkeypatch.setattr(kg.resolve, "add_name_keys", bad_keys)
    docs = write_releases(tmp_path / "docs")
    report = build(docs, store=tmp_path / "store", jobs=1)
    assert report.violations and all(v.startswith("id:graph/resolution: ")
                                     for v in report.violations)
    with reading(tmp_path / "store") as store:
        assert not any(store.quads_for_pattern(None, None, None, _node(RESOLUTION_GRAPH)))
    out = tmp_path / "all.nq"
    report = build(docs, output=out, jobs=1)
    assert report.violations and "graph/resolution" not in out.read_text()


def _literal(text: str):
    from pyoxigraph import Literal

    return Literal(text)
