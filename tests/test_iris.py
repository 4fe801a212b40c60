"""IRIs: deterministic, folded slugs only, never text the document controls."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import NamedNode

from kg import iris

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DISCLOSURE = iris.disclosure("ab" * 32)


@pytest.mark.parametrize(("text", "expected"), [
    ("Acme Bio", "acme-bio"),
    ("  Acme   Bio  ", "acme-bio"),
    ("Société Générale™ (Paris)", "societe-generale-paris"),
    ("EKTERLY®", "ekterly"),
    ("Zürich Straße", "zurich-strasse"),
    ("Łódź Øresund", "lodz-oresund"),
    ("α-synuclein", "alpha-synuclein"),
    ("IL-1β", "il-1-beta"),
    ("acute myeloid leukemia (AML)", "acute-myeloid-leukemia-aml"),
    ('Acme "} DROP ALL <x> #@\\u0022', "acme-drop-all-x-u0022"),
])
def test_slugs_fold_case_accents_and_punctuation(text: str, expected: str):
    assert iris.slug(text) == expected


def test_greek_letters_keep_names_apart():
    assert iris.slug("α-synuclein") != iris.slug("β-synuclein")
    assert iris.drug_key("TNF-α") != iris.drug_key("TNF-β")


def test_text_with_no_ascii_spelling_gets_a_hash_and_stays_apart():
    first, second = iris.slug("中外製薬"), iris.slug("第一三共")
    assert first != second
    assert re.fullmatch(r"x-[0-9a-f]{16}", first)
    assert iris.slug("Roche 中外") != iris.slug("Roche 第一")


def test_long_slugs_are_cut_and_hashed_so_they_stay_unique():
    a, b = iris.slug("word " * 30 + "one"), iris.slug("word " * 30 + "two")
    assert a != b
    assert len(a) <= iris.MAX_SLUG and SLUG.fullmatch(a)


def test_empty_and_punctuation_only_texts_get_distinct_hashes():
    assert iris.slug("").startswith("x-")
    assert iris.slug('"{}"') != iris.slug("<>")


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_short_safe_slug_every_time(text: str):
    value = iris.slug(text)
    assert SLUG.fullmatch(value) and len(value) <= iris.MAX_SLUG
    assert iris.slug(text) == value
    squashed = iris.slug(text, squash=True)
    assert re.fullmatch(r"[a-z0-9-]+", squashed) and len(squashed) <= iris.MAX_SLUG


@given(st.text(max_size=120))
@settings(max_examples=200, deadline=None)
def test_every_minted_iri_is_valid_and_under_our_namespace(text: str):
    minted = [iris.company(text), iris.organization(text), iris.drug(text), iris.person(text),
              iris.listing(text, text), iris.entity("indication", iris.slug(text)),
              iris.fact(DISCLOSURE, "designation", (text, text))]
    for value in minted:
        NamedNode(value)  # raises on an invalid IRI
        assert value.startswith(iris.ID)
        assert re.fullmatch(r"[a-z0-9/-]+", value[len(iris.ID):])


@pytest.mark.parametrize(("name", "key"), [
    ("Acme Bio, Inc.", "acme-bio"), ("Acme Bio Inc", "acme-bio"), ("ACME BIO", "acme-bio"),
    ("The Acme Bio Company", "acme-bio"), ("Acme Bio Co., Ltd.", "acme-bio"),
    ("Nordic Pharma ASA", "nordic-pharma"), ("Inc.", "inc"),
])
def test_company_identity_ignores_legal_suffixes(name: str, key: str):
    assert iris.company_key(name) == key


def test_drug_identity_ignores_spaces_hyphens_and_case():
    assert iris.drug("AB 12") == iris.drug("AB-12") == iris.drug("ab12") == iris.ID + "drug/ab12"


def test_disclosure_iris_come_from_a_hex_hash_only():
    assert DISCLOSURE == iris.ID + "disclosure/" + "ab" * 10
    for bad in ("", "xyz" * 10, "ab" * 32 + "/../x", "AB" * 32):
        with pytest.raises(ValueError):
            iris.disclosure(bad)


def test_fact_and_evidence_iris_are_stable_and_keyed_by_content():
    one = iris.fact(DISCLOSURE, "designation", ("NWB-220", "orphan-drug", "fda", ""))
    assert one == iris.fact(DISCLOSURE, "designation", ("NWB-220", "orphan-drug", "fda", ""))
    assert one != iris.fact(DISCLOSURE, "designation", ("NWB-220", "fast-track", "fda", ""))
    assert re.fullmatch(re.escape(DISCLOSURE) + r"/designation/[0-9a-f]{16}", one)
    assert iris.evidence(DISCLOSURE, 10, 42) == DISCLOSURE + "/evidence/10-42"


def test_fact_key_parts_cannot_run_together():
    assert iris.digest("ab", "c") != iris.digest("a", "bc")


@pytest.mark.parametrize("name", ["Drug", "prefLabel", "RegulatoryDesignation"])
def test_ontology_terms(name: str):
    assert iris.term(name) == iris.ONTOLOGY + name


@pytest.mark.parametrize("name", ["", "has space", "a#b", "x>", "1abc", "drug/x"])
def test_ontology_term_names_are_checked(name: str):
    with pytest.raises(ValueError):
        iris.term(name)
