"""Acronyms a document defines — `relapsed or refractory (R/R)`, `multiple myeloma (MM)` — so
that a later `R/R MM` can be written out in full."""

from __future__ import annotations

import re

DEFINITION = re.compile(r"(?P<long>(?:[A-Za-z][\w\-]*\s+){1,6}?)\((?P<short>[A-Za-z][A-Za-z0-9/\-]"
                        r"{1,9})\)")
MINOR = {"of", "or", "and", "the", "in", "with", "for", "to", "a", "an"}


def initials_match(words: list[str], short: str) -> int:
    """How many trailing words spell the acronym's letters (0 when they don't)."""
    letters = [c.lower() for c in short if c.isalpha()]
    for size in range(1, len(words) + 1):
        tail = words[-size:]
        heads = "".join(part[0].lower() for w in tail if w.lower() not in MINOR
                        for part in re.split(r"-", w) if part)
        if heads == "".join(letters) and tail[0].lower() not in MINOR:
            return size
    return 0


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronym → its long form, for each `long form (ACR)` whose initials spell ACR."""
    out: dict[str, str] = {}
    for match in DEFINITION.finditer(text):
        words = match.group("long").split()
        size = initials_match(words, match.group("short"))
        if size:
            out.setdefault(match.group("short"), " ".join(words[-size:]))
    return out


def expand(text: str, acronyms: dict[str, str]) -> str:
    """Write out the defined acronyms in a short phrase (`R/R MM` → the long forms)."""
    if not acronyms:
        return text
    pattern = "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
    return re.sub(rf"(?<![\w/])(?:{pattern})(?![\w/])", lambda m: acronyms[m.group(0)], text)
