"""The one owner of IRIs: every IRI the tool writes is minted here, from folded slugs or
hashes, so untrusted text can never reach an IRI unescaped and the same input gives the
same IRIs on every run."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

ONTOLOGY = "https://w3id.org/biotech-kg/ontology#"
ID = "https://w3id.org/biotech-kg/id/"
MAX_SLUG = 60
LEGAL_SUFFIXES = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc",
    "llc", "lp", "ag", "sa", "se", "nv", "bv", "gmbh", "kk", "ab", "asa", "as", "oyj", "spa",
    "srl", "pty", "the",
}


def digest(*parts: object) -> str:
    """A stable hash of a content key (16 hex characters)."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# Letters NFKD does not take apart; Greek letters are spelled out, since α-synuclein and
# β-synuclein are different things.
GREEK = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
         "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon",
         "phi", "chi", "psi", "omega"]
FOLDS = str.maketrans({
    "ß": "ss", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th",
    "ı": "i", "ħ": "h", **{chr(0x3B1 + i): f" {name} " for i, name in enumerate(GREEK)}})


@lru_cache(maxsize=8192)
def slug(text: str, *, squash: bool = False) -> str:
    """Folded `[a-z0-9-]` slug; long or empty slugs get a hash so they stay unique and short,
    and so do slugs that lost letters no folding spells in ASCII (CJK, Cyrillic …)."""
    # trademark signs go before NFKD, which would turn "™" into the letters "TM"
    folded = unicodedata.normalize("NFKD", re.sub(r"[\u2122\u00ae\u00a9\u2120]", "", text))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower().translate(FOLDS)
    separator = "" if squash else "-"
    value = re.sub(r"[^a-z0-9]+", separator, folded).strip("-")
    lost = any(c.isalnum() for c in re.sub(r"[a-z0-9]+", "", folded))
    if not value or len(value) > MAX_SLUG or lost:
        return (value[:40].rstrip("-") + "-" if value else "x-") + digest(text)
    return value


def company_key(name: str) -> str:
    """Company identity: its name without legal suffixes ("Acme Bio, Inc." = "Acme Bio")."""
    words = re.sub(r"[^a-z0-9]+", " ", slug(name).replace("-", " ")).split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] == "the":
        words.pop(0)
    return "-".join(words) or digest(name)


def drug_key(name: str) -> str:
    """Drug identity ignores spaces, hyphens and case ("AB 12" = "AB-12" = "ab12")."""
    return slug(name, squash=True)


def entity(kind: str, key: str) -> str:
    return f"{ID}{kind}/{key}"


def company(name: str) -> str:
    return entity("company", company_key(name))


def organization(name: str) -> str:
    return entity("organization", company_key(name))


def drug(name: str) -> str:
    return entity("drug", drug_key(name))


def person(name: str) -> str:
    return entity("person", slug(name))


def disclosure(content_hash: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{20,64}", content_hash):
        raise ValueError("content hash must be hex")
    return entity("disclosure", content_hash[:20])


def staging_graph(graph_iri: str) -> str:
    """Where a graph too large for one request is assembled on a server before one SPARQL
    update puts it in place (see kg.remote)."""
    return entity("staging", digest(graph_iri))


def graph(name: str) -> str:
    """A named graph the tool keeps beside the disclosures' own: `resolution` (written by
    kg.resolve after every build) and `curation` (the user's decisions, e.g. splits)."""
    return entity("graph", slug(name))


def catalog_entry(path: str) -> str:
    """A file's entry in the store's catalog graph (kg.catalog), from its absolute path."""
    return entity("catalog", digest(path))


def merge_evidence(member: str, alias_key: str, rule: str) -> str:
    """One edge of the alias graph that joined `member` to its resolved entity."""
    return entity("resolution", f"evidence/{digest(member, alias_key, rule)}")


def listing(exchange: str, ticker: str) -> str:
    return entity("listing", f"{slug(exchange)}/{slug(ticker)}")


def fact(disclosure_iri: str, kind: str, key: tuple) -> str:
    return f"{disclosure_iri}/{slug(kind)}/{digest(*key)}"


def evidence(disclosure_iri: str, start: int, end: int) -> str:
    return f"{disclosure_iri}/evidence/{int(start)}-{int(end)}"


def term(name: str) -> str:
    """An ontology term; the names used in code are checked against ontology/ by a test."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", name):
        raise ValueError(f"not an ontology term name: {name!r}")
    return ONTOLOGY + name
