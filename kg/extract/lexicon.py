"""Patterns compiled once from the vocabulary files: each returns (key, span) matches.

Acronyms (all capitals, short) match case-sensitively; longer names ignore case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg import vocab


@dataclass(frozen=True)
class TermMatch:
    key: str
    start: int
    end: int
    text: str


def _is_acronym(name: str) -> bool:
    return len(name) <= 6 and name.upper() == name and any(c.isalpha() for c in name)


def _atoms(name: str) -> list[str]:
    """A name as regex pieces: each character escaped, a space matching spaces or hyphens."""
    return [r"[\s-]+" if c == " " else re.escape(c) for c in name]


def _alternation(names: list[str]) -> str:
    """The names as one regex that prefers the longest at each position, factored into a
    trie: the engine tries a few branches at a word's start, not every name in turn (the
    vocabularies hold hundreds, and every sentence is searched for them)."""
    trie: dict = {}
    for name in set(names):
        node = trie
        for atom in _atoms(name):
            node = node.setdefault(atom, {})
        node[""] = {}  # a name ends here
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [atom + _trie_regex(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a shorter name ends here: the longer ones are tried first
        return f"(?:{body})?"
    return body


class NameMatcher:
    """Finds the names of a table in text; the longest name wins at each position."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self._found: dict[str, tuple[TermMatch, ...]] = {}
        self.keys: dict[str, str] = {}
        acronyms, words = [], []
        for key, forms in names.items():
            for form in forms:
                self.keys.setdefault(self._norm(form), key)
                (acronyms if _is_acronym(form) else words).append(form)
        parts = []
        if words:
            parts.append(rf"(?i:{_alternation([word.lower() for word in words])})")
        if acronyms:
            parts.append(_alternation(acronyms))
        pattern = "|".join(parts) or r"(?!x)x"
        self.regex = re.compile(rf"(?<![\w-])(?:{pattern})s?(?![\w-]*\w)")

    @staticmethod
    def _norm(text: str) -> str:
        return " ".join(re.split(r"[\s-]+", text.lower()))

    def find(self, text: str) -> list[TermMatch]:
        """Matches in a text; cached, since several extractors read the same sentence."""
        cached = self._found.get(text)
        if cached is None:
            if len(self._found) > 4096:
                self._found.clear()
            cached = self._found[text] = tuple(self._find(text))
        return list(cached)

    def _find(self, text: str) -> list[TermMatch]:
        out = []
        for match in self.regex.finditer(text):
            text, end = match.group(0), match.end()
            key = self.keys.get(self._norm(text))
            if not key and text.endswith("s"):
                text, end = text[:-1], end - 1
                key = self.keys.get(self._norm(text))
            if key:
                out.append(TermMatch(key, match.start(), end, text))
        return out


def _table_names(table: str, key: str, *columns: str) -> dict[str, list[str]]:
    return {row[key]: [n for c in columns for n in vocab.split(row.get(c, ""))] or [row[key]]
            for row in vocab.table(table)}


@cache
def agencies() -> NameMatcher:
    return NameMatcher(_table_names("agencies", "key", "label", "names"))


@cache
def designations() -> NameMatcher:
    return NameMatcher(_table_names("designations", "key", "label", "names"))


@cache
def endpoints() -> NameMatcher:
    return NameMatcher(_table_names("endpoints", "key", "label", "names", "abbreviations"))


@cache
def exchanges() -> NameMatcher:
    return NameMatcher(_table_names("exchanges", "key", "label", "names"))


@cache
def platforms() -> NameMatcher:
    return NameMatcher(_table_names("platforms", "label", "label", "names"))


@cache
def cytotoxic_agents() -> NameMatcher:
    return NameMatcher(_table_names("cytotoxic_agents", "label", "label", "names"))


@cache
def indications() -> NameMatcher:
    return NameMatcher(_table_names("indications", "label", "label", "names"))


@cache
def adverse_events() -> NameMatcher:
    return NameMatcher(_table_names("adverse_events", "label", "label", "names"))


@cache
def roles() -> NameMatcher:
    return NameMatcher(_table_names("roles", "title", "title", "abbreviations"))


@cache
def unit_forms() -> dict[str, dict[str, str]]:
    """Every written form of a unit (lower case) → its row."""
    out = {}
    for row in vocab.table("units"):
        for form in [row["unit"], *vocab.split(row["forms"])]:
            out.setdefault(form.lower(), row)
    return out


@cache
def unit_regex(kinds: tuple[str, ...]) -> str:
    """An alternation of the written forms of units of these kinds, longest first."""
    forms = [f for f, row in unit_forms().items() if row["kind"] in kinds]
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@cache
def elements() -> dict[str, str]:
    """Element symbol and name (lower case) → element name."""
    out = {}
    for row in vocab.table("elements"):
        out[row["symbol"].lower()] = row["name"].lower()
        out[row["name"].lower()] = row["name"].lower()
    return out


@cache
def element_symbols() -> dict[str, str]:
    return {row["symbol"]: row["name"].lower() for row in vocab.table("elements")}


@cache
def isotope_ids() -> dict[tuple[str, str], tuple[str, ...]]:
    return {(row["element"].lower(), row["mass"].lower()): vocab.identifiers(row, "ncit", "chebi")
            for row in vocab.table("isotopes")}


@cache
def ticker_suffixes() -> dict[str, str]:
    """Ticker suffix (`HK` in `2511.HK`) → exchange key."""
    return {suffix: row["key"] for row in vocab.table("exchanges")
            for suffix in vocab.split(row.get("ticker_suffix", ""))}
