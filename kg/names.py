"""Names as evidence of identity: the normal form two names must share to count as the same
name, whether a name is distinctive enough to merge on, and which entities can never be one.

Entity resolution (`kg.resolve`) only ever merges through names that pass `distinctive()`:
a development code (`AB-123`), or a name with at least one word of three or more letters that
is not a common word (`kg/vocab/common_words.tsv`). "Bio", "Therapeutics", "Life Sciences" or
"Genesis" alone never join two entities.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from kg import iris, vocab

DRUG = "drug"
ORGANIZATION = "organization"
INDICATION = "indication"
CODE = re.compile(r"^(?=.*[a-z])(?=.*[0-9])[a-z0-9]{3,20}$")


@cache
def common_words() -> frozenset[str]:
    return vocab.words("common_words")


def name_key(kind: str, label: str) -> str:
    """The form under which two labels of one kind are the same name: drugs ignore case,
    spaces and hyphens (`CLR 131` = `clr-131`); organisations also drop legal suffixes
    (`Acme Bio, Inc.` = `Acme Bio`)."""
    return iris.company_key(label) if kind == ORGANIZATION else iris.drug_key(label)


def lookup_key(label: str) -> str:
    """The form saved queries look names up by: lower case, ASCII letters and digits only
    (`AB-123` and `ab 123` → `ab123`), the same as SPARQL's
    `REPLACE(LCASE(STR(?name)), "[^a-z0-9]", "")` gives for the name a user types."""
    return re.sub(r"[^a-z0-9]", "", label.lower())


def fold(text: str) -> str:
    """Lower case without accents, other characters kept (never hashed, whatever the
    length, unlike `iris.slug`)."""
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def words_of(key: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", key) if w]


def is_code(label: str) -> bool:
    """A development code: letters and digits together (`AB-123`, `CLR 131`, `ab123`)."""
    return bool(CODE.match(re.sub(r"[^a-z0-9]", "", fold(label))))


def distinctive(label: str) -> bool:
    """True when a name may join two entities: a code, or a name with a word of three or
    more characters that is not a common word (dictionary, business and medical words)."""
    if is_code(label):
        return True
    words = words_of(fold(label))
    common = common_words()
    return any(len(w) >= 3 and not w.isdigit() and w not in common for w in words)


def is_leading_words(short: str, full: str) -> bool:
    """`realta` is the leading words of `realta-life-sciences` (keys of organisation names)."""
    short_words, full_words = words_of(short), words_of(full)
    return 0 < len(short_words) < len(full_words) and full_words[:len(short_words)] == short_words


def names_compatible(key_a: str, key_b: str) -> bool:
    """Two organisation name keys can name one organisation when they are equal, or one is
    the leading words of the other (`acme` and `acme-bio`; not `acme-bio` and `acme-pharma`)."""
    return key_a == key_b or is_leading_words(key_a, key_b) or is_leading_words(key_b, key_a)


def disjoint(a: set, b: set) -> bool:
    """Both known and nothing in common."""
    return bool(a) and bool(b) and not a & b
