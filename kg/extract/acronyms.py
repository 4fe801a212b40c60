"""Acronyms a document defines — `relapsed or refractory (R/R)`, `multiple myeloma (MM)` — so
that a later `R/R MM` can be written out in full."""

from __future__ import annotations

import re

DEFINITION = re.compile(r"(?<![\w-])(?P<long>(?:(?:[A-Za-z][\w\-]{0,30}|\d{1,2}[A-Za-z]?)\s+)"
                        r"{1,6}?)\([“\"‘']?"
                        r"(?P<short>[A-Za-z][A-Za-z0-9/\-]{1,9}(?:\s[IVX]{1,4}[A-D]?)?)[”\"’']?"
                        r"(?:[,;]\s[^()]{1,60})?\)")
MINOR = {"of", "or", "and", "the", "in", "with", "for", "to", "a", "an"}


def spells(parts: list[str], letters: str) -> bool:
    """Can the letters be read as, for each part in order, its first letter followed by later
    letters of the same part (`PDAC` from pancreatic ductal adenoCarcinoma)?"""
    if not parts:
        return not letters
    if not letters or letters[0] != parts[0][0]:
        return False
    word, rest = parts[0], letters[1:]
    for taken in range(len(rest) + 1):
        if is_subsequence(rest[:taken], word[1:]) and spells(parts[1:], rest[taken:]):
            return True
    return False


def is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def initials_match(words: list[str], short: str) -> int:
    """How many trailing words spell the acronym's letters (0 when they don't)."""
    letters = "".join(c.lower() for c in short if c.isalpha())
    matches = []
    for size in range(1, len(words) + 1):
        tail = words[-size:]
        parts = [part.lower() for w in tail if w.lower() not in MINOR
                 for part in w.split("-") if part]
        if tail[0].lower() not in MINOR and len(parts) <= len(letters) and spells(parts, letters):
            matches.append((len(parts) != len(letters), size))
    return min(matches)[1] if matches else 0


# `autosomal dominant hypocalcemia type 1 (ADH1)`, `… type 2E (LGMD2E)`, `… type IIIB
# (MPS IIIB)`: a numbered type the acronym ends with, not spelled by initials
NUMBERED_TYPE = re.compile(r"(?P<letters>[A-Za-z/\-]+?)\s?(?P<number>\d{1,2}[A-Za-z]?|"
                           r"(?<=\s)[IVX]{1,4}[A-D]?)")


def numbered_type_words(words: list[str], short: str) -> int:
    """2 when the long form ends with `type N` for the number N the acronym ends with (a
    gene's number, `claudin 6 (CLDN6)`, is not expanded: `CLDN6-positive` stays), else 0."""
    numbered = NUMBERED_TYPE.fullmatch(short)
    if not numbered or len(words) < 3 or words[-2].lower() != "type" \
            or words[-1].lower() != numbered.group("number").lower():
        return 0
    return 2


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronym → its long form, for each `long form (ACR)` whose initials spell ACR."""
    out: dict[str, str] = {}
    for match in DEFINITION.finditer(text):
        words = match.group("long").split()
        size = initials_match(words, match.group("short"))
        typed = 0 if size else numbered_type_words(words, match.group("short"))
        if typed:
            letters = NUMBERED_TYPE.fullmatch(match.group("short")).group("letters")
            spelled = initials_match(words[:-typed], letters)
            size = spelled + typed if spelled else 0
        if size:
            out.setdefault(match.group("short"), " ".join(words[-size:]))
    return out


def expand(text: str, acronyms: dict[str, str]) -> str:
    """Write out the defined acronyms in a short phrase (`R/R MM` → the long forms)."""
    if not acronyms:
        return text
    pattern = "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
    regex = re.compile(rf"(?<![\w/])(?:{pattern})(?![\w/])")
    for _ in range(2):  # a long form may itself use an acronym (`aGvHD` = `acute GvHD`)
        text = regex.sub(lambda m: acronyms[m.group(0)], text)
    return text
