"""Facts in time: the `timeline` and `latest-outcomes` saved queries over releases of one
company on different dates, through the entity resolution."""

from __future__ import annotations

import json

import pytest
from acme_releases import write_releases
from click.testing import CliRunner

from kg.cli import main
from kg.pipeline import build
from kg.queries import find_query, run_saved_query
from kg.store import reading


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """All three releases built into an embedded store."""
    folder = tmp_path_factory.mktemp("timeline")
    path = folder / "store"
    assert build(write_releases(folder / "docs"), store=path).ok
    return path


def rows(store_path, query: str, **params: str) -> list[dict[str, str]]:
    with reading(store_path) as store:
        columns, found = run_saved_query(store, find_query(query), params)
    return [dict(zip(columns, row, strict=True)) for row in found]


def test_timeline_of_a_drug_spans_both_names_and_every_release_in_date_order(store):
    found = rows(store, "timeline", name="AB-123")
    assert [r["date"] for r in found] == sorted(r["date"] for r in found)
    assert {r["doc"] for r in found} == {"acme-2023-03-01.txt", "acme-2024-06-10.txt",
                                         "acme-2024-09-02.txt"}
    outcomes = [(r["date"], r["summary"]) for r in found if r["fact_type"] == "OutcomeMeasurement"]
    assert outcomes == [("2023-03-01", "median overall survival 15.4 months"),
                        ("2024-06-10", "median overall survival 26.2 months")]
    quote = next(r["quote"] for r in found if r["summary"].endswith("26.2 months"))
    assert quote == "Patients treated with examplimab had a median overall survival of 26.2 months."
    assert rows(store, "timeline", name="examplimab") == found
    assert rows(store, "timeline", name="ab 123") == found  # case, spaces and hyphens ignored


def test_timeline_of_a_company_across_two_releases(store):
    found = rows(store, "timeline", name="Acme Bio, Inc.")
    issued = [(r["date"], r["doc"]) for r in found if r["fact_type"] == "Disclosure"]
    assert issued == [("2023-03-01", "acme-2023-03-01.txt"), ("2024-06-10", "acme-2024-06-10.txt"),
                      ("2024-09-02", "acme-2024-09-02.txt")]
    roles = {r["summary"] for r in found if r["fact_type"] == "RoleAssignment"}
    assert roles == {"Jane Doe, Chief Executive Officer"}
    assert rows(store, "timeline", name="acme bio") == found


def test_the_timeline_follows_resolution_to_a_release_that_never_names_the_code(tmp_path):
    """The third release names only the generic: its drug IRI carries no `AB-123`, and only
    the resolution (through the first release's alias) puts its trial on the timeline."""
    path = tmp_path / "store"
    assert build(write_releases(tmp_path / "docs", "acme-2023-03-01.txt",
                                "acme-2024-09-02.txt"), store=path).ok
    docs = {r["doc"] for r in rows(path, "timeline", name="AB-123")
            if r["fact_type"] == "ClinicalTrial"}
    assert docs == {"acme-2023-03-01.txt", "acme-2024-09-02.txt"}


def test_timeline_of_an_unknown_name_is_empty(store):
    assert rows(store, "timeline", name="ZZ-999") == []


def test_latest_outcome_keeps_the_earlier_value_with_its_date(store):
    found = rows(store, "latest-outcomes")
    assert found == [{"drug": "AB-123", "cohort": "", "endpoint": "median overall survival",
                      "value": "26.2", "unit": "months", "date": "2024-06-10",
                      "doc": "acme-2024-06-10.txt", "earlier": "15.4 months (2023-03-01)"}]
    assert rows(store, "latest-outcomes", name="examplimab") == found
    assert rows(store, "latest-outcomes", name="XY-1") == []


def test_latest_outcomes_from_the_command_line(store):
    result = CliRunner().invoke(main, ["query", "latest-outcomes", "--store", str(store),
                                       "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["earlier"] == "15.4 months (2023-03-01)"


def test_every_fact_has_the_date_of_its_disclosure(store):
    with reading(store) as db:
        undated = list(db.query("""
            PREFIX bkg: <https://w3id.org/biotech-kg/ontology#>
            SELECT ?f WHERE { GRAPH ?g { ?f a bkg:Fact ; bkg:statedIn ?d
                FILTER NOT EXISTS { ?d <https://schema.org/datePublished> ?date } } }"""))
    assert undated == []
