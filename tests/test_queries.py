"""Saved queries: headers, syntax, the competency questions' columns, parameters bound as
values that can never change the query, and the output formats."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from conftest import RELEASE, read_text
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Store, Variable

from kg import iris
from kg.errors import KgError
from kg.queries import (
    SavedQuery,
    bind_values,
    bindings,
    find_query,
    format_rows,
    run_saved_query,
    saved_queries,
)
from kg.rdf import quads_for
from kg.resolve import update_resolution
from kg.resources import data_path

QUERIES = saved_queries()
WITH_PARAMS = sorted(name for name, q in QUERIES.items() if q.params)
# The competency questions and their columns, in order (docs: the evaluation guidelines).
COMPETENCY = {
    "disclosures": ["doc", "date", "issuer", "ticker", "exchange"],
    "drugs": ["doc", "company", "drug"],
    "designations": ["doc", "drug", "designation", "agency", "indication"],
    "trials": ["doc", "drug", "phase", "indication"],
    "doses": ["doc", "drug", "cohort", "dose_value", "dose_unit"],
    "outcomes": ["doc", "drug", "cohort", "endpoint", "value", "unit"],
    "platforms": ["doc", "drug", "platform"],
    "payloads": ["doc", "drug", "payload"],
    "people": ["doc", "person", "role", "organization"],
}
HOSTILE = ['zz"} . ?s ?p ?o {', "zz> <http://x.test/> zz", 'zz\\" } ; DROP ALL ; #', "zz\nzz",
           "zz\\u0022 } UNION { ?s ?p ?o }", "zz'''\"\"\" zz", "zz) || true || (zz"]


@pytest.fixture(scope="module")
def store() -> Store:
    store = Store()
    store.extend(quads_for(read_text(RELEASE)))
    update_resolution(store)  # as every build writes it: queries find names through it
    return store


def test_the_queries_folder_is_what_the_package_ships():
    assert QUERIES, "no saved queries found"
    assert data_path("queries").resolve() == (Path(__file__).parent.parent / "queries").resolve()


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_has_a_title_and_a_description(name: str):
    query = QUERIES[name]
    assert query.title and query.description
    for param, (kind, doc) in query.params.items():
        assert kind in ("iri", "string", "name") and doc, param


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_parses_and_runs(name: str, store: Store):
    run_saved_query(store, QUERIES[name])


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_parses_in_rdflib_too(name: str):
    from rdflib.plugins.sparql import prepareQuery

    prepareQuery(QUERIES[name].text)


def test_the_nine_competency_queries_exist():
    assert set(COMPETENCY) <= set(QUERIES)


@pytest.mark.parametrize("name", sorted(COMPETENCY))
def test_competency_queries_have_exactly_the_guideline_columns(name: str, store: Store):
    columns, _ = run_saved_query(store, QUERIES[name])
    assert columns == COMPETENCY[name]


def test_every_fact_is_in_the_graph_of_the_disclosure_that_states_it(store: Store):
    """The listing queries read a fact's file from its graph (`?g bkg:sourceFile ?doc`),
    which holds because a disclosure's graph is named by the disclosure's IRI."""
    stated = list(store.quads_for_pattern(None, NamedNode(iris.term("statedIn")), None))
    assert len(stated) > 5
    assert all(q.graph_name == q.object for q in stated)


def test_the_release_answers_the_designation_question(store: Store):
    _, rows = run_saved_query(store, find_query("designations"))
    assert [row[:4] for row in rows] == [["test-release.txt", "NWB-220", "orphan drug", "FDA"]]
    assert rows[0][4].startswith("acute myeloid leukemia")


@pytest.mark.parametrize("name", WITH_PARAMS)
def test_declared_parameters_are_used_by_the_query(name: str):
    query = QUERIES[name]
    for param in query.params:
        assert re.search(rf"[?$]{param}\b", query.text), f"{name} never reads ?{param}"


def strip_values(text: str) -> str:
    """The query text without the `VALUES ?v { term }` blocks binding added."""
    return re.sub(r' VALUES \?\w+ \{ (?:"(?:[^"\\]|\\.)*"|<[^<>"{}|^`\\\s]*>) \}', "", text)


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name", WITH_PARAMS)
def test_a_hostile_value_only_ever_fills_a_values_block(name: str, value: str, store: Store):
    query = QUERIES[name]
    for param in query.params:
        bound = bind_values(query.text, bindings(query, {param: value}))
        assert bound != query.text
        assert strip_values(bound) == query.text
        _, rows = run_saved_query(store, query, {param: value})
        assert rows == [], f"{name} --param {param}={value!r} matched something"


def test_a_matching_value_filters_the_rows(store: Store):
    columns, rows = run_saved_query(store, find_query("drug-profile"), {"drug": "nwb-220"})
    assert rows and all(row[columns.index("doc")] == "test-release.txt" for row in rows)
    fda = run_saved_query(store, find_query("designations-by-agency"), {"agency_filter": "fda"})
    ema = run_saved_query(store, find_query("designations-by-agency"), {"agency_filter": "EMA"})
    assert fda[1] and not ema[1]


@given(st.text(max_size=40))
@settings(max_examples=60, deadline=None)
def test_any_text_is_a_value_that_runs(value: str):
    store = Store()
    query = find_query("drug-profile")
    run_saved_query(store, query, {"drug": value})
    assert strip_values(bind_values(query.text, bindings(query, {"drug": value}))) == query.text


def test_an_unknown_parameter_is_one_line():
    with pytest.raises(KgError, match=r"^--param nope: query designations has no such "
                                      r"parameter \(none\)$"):
        bindings(find_query("designations"), {"nope": "x"})


def test_an_iri_parameter_must_be_a_valid_iri(tmp_path: Path):
    path = tmp_path / "by-drug.rq"
    path.write_text("# title: t\n# description: d\n# param: drug (iri) — a drug IRI\n"
                    "SELECT ?p WHERE { ?drug ?p ?o }\n")
    query = SavedQuery("by-drug", path, "t", "d", {"drug": ("iri", "a drug IRI")})
    ok = bindings(query, {"drug": "https://w3id.org/biotech-kg/id/drug/nwb220"})
    assert str(ok[Variable("drug")]) == "<https://w3id.org/biotech-kg/id/drug/nwb220>"
    for bad in ("http://x.test/a> ?s ?p ?o . <x", "not an iri", 'http://x.test/"'):
        with pytest.raises(KgError, match=r"^--param drug: not a valid IRI$"):
            bindings(query, {"drug": bad})


def test_a_name_parameter_is_bound_in_lookup_form():
    value = bindings(find_query("timeline"), {"name": "AB-123 (Exa)"})[Variable("name")]
    assert value == Literal("ab123exa")


def test_string_values_become_plain_literals():
    value = bindings(find_query("pipeline-by-indication"), {"contains": 'a "b" \\ c'})[
        Variable("contains")]
    assert value == Literal('a "b" \\ c')


def test_an_unknown_query_is_one_line():
    with pytest.raises(KgError, match=r"^nope: no saved query of that name \(see `kg queries`\)$"):
        find_query("nope")


ROWS = [["a.txt", 'say "hi", then\tgo', "line one\nline two"], ["b.txt", "", "x" * 80]]


def test_csv_quotes_what_needs_quoting():
    text = format_rows(["doc", "quote", "note"], ROWS, "csv")
    assert list(csv.reader(io.StringIO(text))) == [["doc", "quote", "note"], *ROWS]


def test_tsv_round_trips():
    text = format_rows(["doc", "quote", "note"], ROWS, "tsv")
    assert list(csv.reader(io.StringIO(text), delimiter="\t")) == [["doc", "quote", "note"],
                                                                   *ROWS]


def test_json_is_a_list_of_objects():
    text = format_rows(["doc", "quote", "note"], ROWS, "json")
    assert json.loads(text) == [dict(zip(["doc", "quote", "note"], row, strict=True))
                                for row in ROWS]


def test_table_cuts_long_cells_and_counts_rows():
    lines = format_rows(["doc", "quote", "note"], ROWS, "table").splitlines()
    assert lines[0].split() == ["doc", "quote", "note"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert "line one line two" in lines[2]
    assert lines[3].rstrip().endswith("x" * 47 + "…")
    assert lines[-1] == "(2 rows)"
    assert format_rows(["a"], [], "table").splitlines()[-1] == "(0 rows)"


def test_an_outcome_without_a_unit_conforms_and_answers_with_an_empty_unit():
    from kg.validate import validate_quads

    text = RELEASE.replace("\n\n", "\n\nNWB-220 extended overall survival in the trial "
                           "(HR 0.62).\n\n", 1)
    quads = quads_for(read_text(text))
    assert validate_quads(quads).conforms
    opened = Store()
    opened.extend(quads)
    _, rows = run_saved_query(opened, find_query("outcomes"))
    assert ["hazard ratio for overall survival", "0.62", ""] in [row[3:] for row in rows]
