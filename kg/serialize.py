"""Writing quads to files: the format follows the extension; writes are atomic (temp file,
then rename), so a failed export never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kg.errors import KgError

FORMATS = {".ttl": "TURTLE", ".trig": "TRIG", ".nt": "N_TRIPLES", ".nq": "N_QUADS",
           ".jsonld": "JSON_LD", ".json": "JSON_LD"}
TRIPLE_ONLY = {".ttl", ".nt"}


def format_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise KgError(f"{path}: unknown output format (use one of {', '.join(sorted(FORMATS))})")
    return FORMATS[suffix]


def serialize(quads: Iterable, path: Path, prefixes: dict[str, str]) -> bytes:
    """Bytes of the quads in the file's format; .ttl/.nt get the union of the graphs."""
    from pyoxigraph import DefaultGraph, Quad, RdfFormat
    from pyoxigraph import serialize as ox_serialize

    fmt = getattr(RdfFormat, format_for(path))
    if path.suffix.lower() in TRIPLE_ONLY:
        triples = sorted({Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads},
                         key=str)
        quads = triples
    use_prefixes = prefixes if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    return ox_serialize(quads, format=fmt, prefixes=use_prefixes) or b""


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder, then rename."""
    folder = path.resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise KgError(f"{path}: cannot write ({err.strerror or err})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise KgError(f"{path}: cannot write ({err.strerror or err})") from None
