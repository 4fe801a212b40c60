"""Writing quads to files: the format follows the extension; writes are atomic (temp file,
then rename), so a failed export never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

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
    with atomic_file(path) as handle:
        handle.write(data)


def write_lines(lines: Iterable[bytes], path: Path, prefixes: dict[str, str]) -> None:
    """Write sorted N-Quads lines (N-Triples lines for .ttl and .nt) to `path` in the format
    its extension names, streaming them through a temporary file, then renaming it, so a
    failure never leaves a half-written file; gives the bytes `serialize` would."""
    from pyoxigraph import RdfFormat, parse
    from pyoxigraph import serialize as ox_serialize

    fmt = getattr(RdfFormat, format_for(path))
    with atomic_file(path) as handle:
        if fmt in (RdfFormat.N_QUADS, RdfFormat.N_TRIPLES):
            handle.writelines(lines)
            return
        line_format = (RdfFormat.N_TRIPLES if path.suffix.lower() in TRIPLE_ONLY
                       else RdfFormat.N_QUADS)
        use_prefixes = prefixes if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
        with tempfile.TemporaryFile(prefix="kg-lines-") as staged:
            staged.writelines(lines)
            staged.seek(0)
            ox_serialize(parse(staged, format=line_format), handle, format=fmt,
                         prefixes=use_prefixes)


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write, renamed to `path` once the block ends without an error."""
    folder = path.resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise KgError(f"{path}: cannot write ({err.strerror or err})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as err:
        raise KgError(f"{path}: cannot write ({err.strerror or err})") from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_sorted(quads: Iterable, path: Path, prefixes: dict[str, str],
                 batch: int = 100_000) -> int:
    """Write quads in any number and order to `path`, sorted as `serialize` sorts them, with
    memory bounded by the spill's runs (kg.spill), not by the number of quads. Returns how
    many quads were read."""
    from itertools import islice

    from pyoxigraph import RdfFormat, Triple
    from pyoxigraph import serialize as ox_serialize

    from kg.spill import SortedLines

    triples_only = path.suffix.lower() in TRIPLE_ONLY
    format_for(path)
    count = 0
    iterator = iter(quads)
    with SortedLines() as lines:
        while chunk := list(islice(iterator, batch)):
            count += len(chunk)
            if triples_only:
                data = ox_serialize([Triple(q.subject, q.predicate, q.object) for q in chunk],
                                    format=RdfFormat.N_TRIPLES)
            else:
                data = ox_serialize(chunk, format=RdfFormat.N_QUADS)
            lines.add((data or b"").splitlines(keepends=True))
        write_lines(lines, path, prefixes)
    return count
