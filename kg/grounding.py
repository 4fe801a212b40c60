"""Standard identifiers for what the text names, from the curated vocabulary files only:
a name that is not in a table gets no identifier — never a guess."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg import vocab
from kg.curies import expand


@dataclass(frozen=True)
class Term:
    key: str
    label: str
    identifiers: tuple[str, ...] = ()
    alt: tuple[str, ...] = ()


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def expand_all(curies) -> tuple[str, ...]:
    return tuple(iri for iri in (expand(c) for c in curies) if iri)


def designation(key: str) -> Term:
    row = vocab.by_key("designations")[key]
    return Term(key, row["label"], expand_all(vocab.split(row["close_match"])))


def agency(key: str) -> Term:
    row = vocab.by_key("agencies")[key]
    return Term(key, row["label"], expand_all(vocab.split(row["wikidata"])))


def phase(key: str) -> Term:
    row = vocab.by_key("phases").get(key, {"label": key, "ncit": ""})
    return Term(key, row["label"], expand_all(vocab.split(row["ncit"])))


@cache
def _endpoint_index() -> dict[str, dict[str, str]]:
    index = {}
    for row in vocab.table("endpoints"):
        for name in [row["label"], *vocab.split(row["names"]), *vocab.split(row["abbreviations"])]:
            index.setdefault(fold(name), row)
    return index


def endpoint(text: str) -> Term:
    """An endpoint in the text's own words, grounded when the vocabulary knows the words; an
    abbreviation (`mOS`) is written out with the vocabulary's label."""
    words = " ".join(text.split())
    row = _endpoint_index().get(fold(words))
    if not row:
        return Term(fold(words), words)
    abbreviations = tuple(vocab.split(row["abbreviations"]))
    label = row["label"] if words in abbreviations else words
    if label.istitle():
        label = label.lower()
    return Term(row["key"], label, expand_all(vocab.split(row["identifier"])), abbreviations)


@cache
def _name_index(table: str, columns: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for row in vocab.table(table):
        ids = expand_all(vocab.identifiers(row, *columns))
        for name in [row["label"], *vocab.split(row.get("names", ""))]:
            index.setdefault(fold(name), ids)
    return index


def indication_ids(text: str) -> tuple[str, ...]:
    return _name_index("indications", ("mondo", "ncit")).get(fold(text), ())


def platform_ids(text: str) -> tuple[str, ...]:
    return _name_index("platforms", ("identifier",)).get(fold(text), ())


@cache
def indication_labels() -> dict[str, str]:
    """The vocabulary label of each indication identifier IRI (MONDO, NCIt), so that
    indications worded differently but grounded alike resolve to the vocabulary's wording."""
    index: dict[str, str] = {}
    for row in vocab.table("indications"):
        for iri in expand_all(vocab.identifiers(row, "mondo", "ncit")):
            index.setdefault(iri, row["label"])
    return index
