"""Curated vocabularies shipped as TSV data files beside this module (see README.md here).

Each file is read once; rows are dicts keyed by the header. Lists inside a cell are `|`-separated.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `<name>.tsv`."""
    with (HERE / f"{name}.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)


@cache
def words(name: str, column: str = "word") -> frozenset[str]:
    """The values of one column of `<name>.tsv`, as a set."""
    return frozenset(row[column] for row in table(name))


def split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split("|") if part.strip()]


@cache
def by_key(name: str, key: str = "key") -> dict[str, dict[str, str]]:
    return {row[key]: row for row in table(name)}


def identifiers(row: dict[str, str], *columns: str) -> tuple[str, ...]:
    """The CURIEs a row gives in the named columns, in column order."""
    return tuple(c for col in columns for c in split(row.get(col, "")))
