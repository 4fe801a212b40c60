"""Grounding: every identifier in the curated vocabularies is a CURIE as the bioregistry
writes it and expands to an IRI; names the tables know get their identifiers in the graph;
names they do not know get none, never a guess."""

from __future__ import annotations

import re

import pytest
from acme_releases import write_releases
from pyoxigraph import NamedNode

from kg import grounding, vocab
from kg.curies import expand
from kg.pipeline import build
from kg.store import load_files

# (table, column, the form its CURIEs take)
IDENTIFIER_COLUMNS = [
    ("agencies", "wikidata", r"wikidata:Q[0-9]+"),
    ("designations", "close_match", r"biolink:fda_[a-z_]+"),
    ("phases", "ncit", r"NCIT:C[0-9]+"),
    ("endpoints", "identifier", r"(EFO:[0-9]{7}|NCIT:C[0-9]+|STATO:[0-9]{7})"),
    ("units", "qudt", r"unit:[A-Za-z0-9-]+"),
    ("isotopes", "ncit", r"NCIT:C[0-9]+"),
    ("isotopes", "chebi", r"CHEBI:[0-9]+"),
    ("indications", "mondo", r"MONDO:[0-9]{7}"),
    ("indications", "ncit", r"NCIT:C[0-9]+"),
    ("elements", "wikidata", r"wikidata:Q[0-9]+"),
    ("platforms", "identifier", r"[A-Za-z]+:[A-Za-z0-9_]+"),
    ("cytotoxic_agents", "identifier", r"[A-Za-z]+:[A-Za-z0-9_]+"),
]
EXPECTED = {
    "FDA": "http://www.wikidata.org/entity/Q204711",
    "multiple myeloma": "http://purl.obolibrary.org/obo/MONDO_0009693",
    "median overall survival": "http://www.ebi.ac.uk/efo/EFO_0000638",
    "phase 2": "http://purl.obolibrary.org/obo/NCIT_C15601",
    "months": "http://qudt.org/vocab/unit/MO",
    "fast track": "https://w3id.org/biolink/vocab/fda_fast_track",
    "iodine-131": "http://purl.obolibrary.org/obo/NCIT_C1639",
}


@pytest.mark.parametrize(("table", "column", "form"), IDENTIFIER_COLUMNS)
def test_every_identifier_is_a_curie_that_expands(table, column, form):
    for row in vocab.table(table):
        for curie in vocab.split(row.get(column, "")):
            assert re.fullmatch(form, curie), f"{table}.{column}: {curie!r}"
            iri = expand(curie)
            assert iri and iri.startswith("http"), f"{table}.{column}: {curie!r} does not expand"


def test_stock_exchange_codes_are_iso_10383_mics():
    codes = [row["mic"] for row in vocab.table("exchanges") if row["mic"]]
    assert codes and all(re.fullmatch(r"[A-Z0-9]{4}", code) for code in codes)


def test_known_names_get_their_identifiers():
    assert grounding.agency("fda").identifiers == (EXPECTED["FDA"],)
    assert EXPECTED["multiple myeloma"] in grounding.indication_ids("Multiple Myeloma")
    assert EXPECTED["multiple myeloma"] in grounding.indication_ids("RRMM")
    assert grounding.endpoint("mOS").identifiers == (EXPECTED["median overall survival"],)
    assert grounding.endpoint("mOS").label == "median overall survival"
    assert grounding.phase("2").identifiers == (EXPECTED["phase 2"],)
    assert grounding.designation("fast-track").identifiers == (
        EXPECTED["fast track"],)
    months = next(r for r in vocab.table("units") if r["unit"] == "months")
    assert expand(months["qudt"]) == EXPECTED["months"] and months["ucum"] == "mo"
    iodine = next(r for r in vocab.table("isotopes") if (r["element"], r["mass"]) == (
        "iodine", "131"))
    assert expand(iodine["ncit"]) == EXPECTED["iodine-131"]
    assert grounding.indication_labels()[EXPECTED["multiple myeloma"]] == "multiple myeloma"


@pytest.mark.parametrize("name", ["examplitis", "multiple myeloma-like syndrome", "", "MM2"])
def test_an_unknown_indication_gets_no_identifier(name):
    assert grounding.indication_ids(name) == ()


def test_other_unknown_names_get_no_identifier():
    assert grounding.endpoint("quality of sleep score").identifiers == ()
    assert grounding.phase("9").identifiers == ()
    assert grounding.platform_ids("examplibody") == ()
    assert grounding.agency("ema").identifiers == ()  # not checked yet: left empty


@pytest.mark.parametrize("curie", ["FOO:123", "MONDO", "mondo 0009693", "http://x/y", ":1"])
def test_unknown_prefixes_and_malformed_curies_expand_to_nothing(curie):
    assert expand(curie) is None


def test_the_built_graph_carries_the_identifiers(tmp_path):
    out = tmp_path / "acme.nq"
    assert build(write_releases(tmp_path / "docs", "acme-2023-03-01.txt"), output=out).ok
    store = load_files([out])
    objects = {q.object for q in store.quads_for_pattern(None, None, None)}
    for iri in (EXPECTED["FDA"], EXPECTED["multiple myeloma"],
                EXPECTED["median overall survival"], EXPECTED["phase 2"], EXPECTED["months"]):
        assert NamedNode(iri) in objects, iri
