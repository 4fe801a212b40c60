"""Where the shipped data files live: `ontology/`, `shapes/` and `queries/`.

In an installed wheel they are package data under `kg/_data/<kind>`; in the source tree
`kg/_data/<kind>` are symlinks to the top-level folders, and if those are missing (a checkout
on a file system without symlinks) we fall back to `<repo root>/<kind>`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

KINDS = ("ontology", "shapes", "queries")


def data_path(kind: str) -> Path:
    """The folder holding the `kind` data files (one of `KINDS`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown data kind {kind!r}; expected one of {', '.join(KINDS)}")
    packaged = _package_dir() / "_data" / kind
    if packaged.is_dir():
        return packaged
    return _package_dir().parent / kind


def _package_dir() -> Path:
    """The `kg` package folder, found through importlib.resources when it is importable."""
    try:
        root = resources.files(__package__ or "kg")
    except (ModuleNotFoundError, TypeError):
        return Path(__file__).resolve().parent
    return root if isinstance(root, Path) else Path(__file__).resolve().parent
