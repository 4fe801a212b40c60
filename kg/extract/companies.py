"""Companies and their listings: organisation names, `(Nasdaq: ABCD)` tickers, the issuer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg import vocab
from kg.extract import lexicon
from kg.facts import Listing, Organization
from kg.sections import Structure

LEGAL_SUFFIX = (r"(?:Inc|Incorporated|Corp|Corporation|Co|Ltd|Limited|plc|PLC|LLC|L\.L\.C|AG|"
                r"S\.A|SA|SE|N\.V|NV|B\.V|BV|GmbH|ASA|AB|A/S|Oyj|S\.p\.A|Pty\.? Ltd|K\.K|"
                r"Holdings|LP|L\.P)\.?")
# Words that make a name an institution (a university, a hospital, an agency), not a person's
# title or a drug: shared by the people and drug extractors.
INSTITUTION = re.compile(r"\b(?:University|Institute|Hospital|Cent(?:er|re)|College|School|"
                         r"Clinic|Foundation|Academy|Agency|Administration|Society|Association|"
                         r"Alliance|Coalition|Laborator(?:y|ies))\b")
HEAD_WORDS = (
    "Therapeutics", "Pharmaceuticals", "Pharmaceutical", "Pharma", "Biosciences", "Bioscience",
    "Biotherapeutics", "Biologics", "Biotechnology", "Biotech", "BioPharma", "Biopharma",
    "Biopharmaceuticals", "Biomedical", "Medicines", "Medicine", "Oncology", "Life Sciences",
    "Sciences", "Genetics", "Genomics", "Healthcare", "Health", "Laboratories", "Labs",
    "Diagnostics", "Vaccines", "Immunotherapeutics", "Bio", "Royalty", "Biotherapies",
    "Therapies", "Technologies", "Medical", "Biologicals", "Immunotherapies", "Biosystems",
)
NAME_TOKEN = (r"(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ0-9&'’\-]{0,30}|[a-z][A-Z][A-Za-z0-9\-]{0,30}|"
              r"\d{1,4}[A-Za-z][A-Za-z0-9\-]{0,30})[™®]?")
# Spaces within a name may wrap onto the next line of a plain-text release, never across a
# blank line (a heading such as `About Acme Bio` and the paragraph after it are two names).
SPACE = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"  # one way to match a run of spaces, no backtracking
CONNECTOR = rf"(?:{SPACE}(?:&|of|de|la|du){SPACE}|{SPACE})"
ORG_NAME = re.compile(
    rf"(?<![\w])(?<!\w-)(?P<name>{NAME_TOKEN}(?:{CONNECTOR}{NAME_TOKEN}){{0,4}}?"
    rf"(?:{SPACE}(?:{'|'.join(re.escape(h) for h in HEAD_WORDS)}))?"
    rf"(?:,?{SPACE}{LEGAL_SUFFIX})(?:,?[ \t]+(?:Ltd|Limited)\.?)?)(?![\w])"
    rf"|(?<![\w])(?<!\w-)(?P<head>{NAME_TOKEN}(?:{CONNECTOR}{NAME_TOKEN}){{0,3}}?{SPACE}"
    rf"(?:{'|'.join(re.escape(h) for h in HEAD_WORDS)}))(?![\w-])"
    # `Senior Biotech Reporter`, `the Nasdaq Biotechnology Index`: a title or an index
    r"(?!\s+(?:Reporter|Writer|Editor|Correspondent|Columnist|Journalist|Contributor|Analyst|"
    r"Index|Sector|Industry)\b)")
STOP_FIRST = {"The", "This", "These", "Our", "Its", "About", "For", "In", "On", "At", "By", "With",
              "And", "A", "An", "As", "From", "To", "Of", "Today", "Investor", "Media", "Contact",
              "Contacts", "Company", "Forward-Looking", "Source", "While", "When", "If"}
GENERIC_NAMES = {"life sciences", "health", "medicine", "medical", "pharma", "oncology", "bio",
                 "biotech", "therapies", "technologies", "sciences"}

TICKER = r"[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?"
ISIN_CODE = r"(?:ISIN\s*:?\s*)?[A-Z]{2}[A-Z0-9]{9}\d"  # `(Euronext Paris: ABC – FR0000000001)`


@dataclass(frozen=True)
class ListingMention:
    start: int
    end: int
    listings: tuple[Listing, ...]


def find_listings(text: str) -> list[ListingMention]:
    """`(Nasdaq: ABCD)`, `(NYSE American: XYZ; TSX: XY)`, `(HKEX: 2511)`, `(2511.HK)`."""
    out = []
    for paren in re.finditer(r"\(([^()\n]{3,120})\)", text):
        listings = list(suffixed_tickers(paren.group(1)))
        for part in re.split(r"[;,/]|\band\b", paren.group(1)):
            match = re.match(rf"^\s*(?P<ex>[A-Za-z][A-Za-z .\-]*?)\s*[:：]\s*(?P<t>{TICKER})\s*"
                             rf"(?:[-–—]\s*{ISIN_CODE}\s*)?$", part)
            if not match:
                continue
            found = lexicon.exchanges().find(match.group("ex"))
            if found and found[0].text.strip().lower() == match.group("ex").strip().lower():
                listings.append(Listing(match.group("t"), found[0].key, match.group("ex").strip()))
        if listings:
            out.append(ListingMention(paren.start(), paren.end(), tuple(listings)))
    return out


def suffixed_tickers(inner: str):
    """`2511.HK` style: the exchange is named by the ticker's suffix (see exchanges.tsv)."""
    for part in re.split(r"[;,/]|\band\b", inner):
        match = re.fullmatch(r"\s*(?P<t>[A-Z0-9]{1,6})\.(?P<s>[A-Z]{1,3})\s*", part)
        key = match and lexicon.ticker_suffixes().get(match.group("s"))
        if key:
            yield Listing(match.group(0).strip(), key, vocab.by_key("exchanges")[key]["label"])


# suffixes never written with a period: one after them ends the sentence (`… with Acme AG.`)
BASED_IN = re.compile(r"[\w.’'-]+-(?:based|headquartered)")  # `Melbourne-based Kinsail Ltd`
UNDOTTED_SUFFIX = re.compile(r"\s(?:Incorporated|Corporation|Limited|plc|PLC|LLC|AG|SA|SE|NV|BV|"
                             r"GmbH|ASA|AB|A/S|Oyj|Holdings|LP)\.$")


def clean_name(name: str) -> str:
    name = re.sub(r"[’']s$", "", re.sub(r"[™®]", "", name).strip(" ,"))
    if UNDOTTED_SUFFIX.search(name):
        name = name[:-1]
    tokens = name.split()
    while tokens and (tokens[0] in STOP_FIRST or BASED_IN.fullmatch(tokens[0])):
        tokens.pop(0)
    return " ".join(tokens)


def organization_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of organisation names: a legal suffix or a sector head word.
    Cached: the extractors ask about the same texts many times."""
    return list(_organization_names(text))


@lru_cache(maxsize=64)
def _organization_names(text: str) -> tuple[tuple[int, int, str], ...]:
    out = []
    for match in ORG_NAME.finditer(text):
        raw = match.group("name") or match.group("head")
        name = clean_name(raw)
        if not name or name.lower() in GENERIC_NAMES or len(name) < 3:
            continue
        start = match.start() + raw.find(name.split()[0])
        out.append((start, start + len(name), name))
    return tuple(out)


def name_before(text: str, end: int) -> str:
    """The organisation name that ends just before `end` (the position of a listing)."""
    window = re.sub(rf"\b({LEGAL_SUFFIX[3:-4]})\.", "\\1\u2024", text[max(0, end - 160):end])
    window = re.split(r"\n|[.!?:]\s|\s[-–—]+\s|--|\bBy\s+\w+\s", window)[-1]
    window = window.replace("\u2024", ".")
    while re.search(r"\([^()]*\)[\s,]*$", window):
        window = re.sub(r"\s*\([^()]*\)[\s,]*$", "", window)
    window = re.sub(r"(?:[’']s)?[\s,]*$", "", window)
    names = [n for n in organization_names(window) if n[1] >= len(window) - 2]
    if names:
        return names[-1][2]
    tail = re.search(rf"({NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,4}}),?\s*$", window)
    return clean_name(tail.group(1)) if tail else ""


def find_issuer(structure: Structure) -> tuple[Organization | None, tuple[Listing, ...]]:
    """The company that issues the release, and its listings as the text gives them."""
    text = structure.document.text
    body_start = next((s.start for s in structure.sentences if s.section != "headline"), 0)
    for mention in find_listings(text):
        if mention.start < body_start and structure.headline not in text[:body_start]:
            continue
        name = name_before(text, mention.start)
        if name:
            return organization(name, structure), mention.listings
    name = first_body_company(structure)
    return (organization(name, structure) if name else None), ()


def first_body_company(structure: Structure) -> str:
    """The first organisation named in the opening sentences (a byline or a date line is
    none), else an "About" company."""
    opening = [s for s in structure.sentences if s.section == "body"
               and not re.match(r"By\s", s.text) and len(s.text.split()) > 4]
    for sentence in opening[:3]:
        names = organization_names(sentence.text)
        if names:
            return names[0][2]
    for title in reversed(structure.about_titles):
        if organization_names(title) or len(title.split()) <= 3:
            return clean_name(title)
    names = organization_names(structure.headline)
    return names[0][2] if names else ""


@lru_cache(maxsize=16)
def names_by_first_word(text: str) -> dict[str, tuple[str, ...]]:
    """The distinct organisation names of a text, grouped by their first word."""
    out: dict[str, list[str]] = {}
    for _start, _end, name in organization_names(text):
        group = out.setdefault(name.split()[0], [])
        if name not in group:
            group.append(name)
    return {first: tuple(names) for first, names in out.items()}


def first_use(text: str, form: str) -> int:
    at = text.find(form)
    return at if at >= 0 else len(text)


def organization(name: str, structure: Structure) -> Organization:
    """The fullest form of the name the document uses, with its shorter forms as aliases."""
    text = structure.document.text
    short = re.sub(rf",?\s+{LEGAL_SUFFIX}$", "", name).strip()
    forms = {name}
    for other in names_by_first_word(text).get(short.split()[0] if short else "", ()):
        if other.startswith(short) and len(other) <= len(short) + 14:
            forms.add(other)
    # the fullest form; of two as full (`Acme Bio, Inc` and `Acme Bio Inc.`) the one used
    # first, so that the choice never depends on a set's order (hash seeds differ by process)
    full = max(sorted(forms), key=lambda f: (bool(re.search(rf"{LEGAL_SUFFIX}$", f)), len(f),
                                             -first_use(text, f)))
    aliases = tuple(sorted(forms | {short, short.split()[0]} - {full}))
    return Organization(full, aliases)
