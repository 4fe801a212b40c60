"""The build: files → documents → facts → quads → validation → file and/or store.

`build()` is the Python API behind `kg build`; it reports per-file failures instead of
stopping, and writes nothing for a document whose graph does not conform to the shapes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg import iris
from kg.documents import SUFFIXES, read_document
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.remote import LoadReport, SparqlServer


@dataclass
class DocumentResult:
    path: Path
    graph: str = ""
    quads: list = field(default_factory=list)
    facts: int = 0
    error: str = ""
    violations: tuple = ()


@dataclass
class BuildReport:
    documents: int = 0
    failed: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    facts: int = 0
    triples: int = 0
    seconds: float = 0.0
    load: LoadReport | None = None

    @property
    def ok(self) -> bool:
        return (not self.failed and not self.violations
                and (self.load is None or self.load.ok))


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and supported files under folders (recursively), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and p.suffix.lower() in SUFFIXES
                                and not any(part.startswith(".") for part in p.parts)))
        elif path.exists():
            found.append(path)
        else:
            raise KgError(f"{path}: no such file or folder")
    return found


def process(path: Path, *, validate: bool = True) -> DocumentResult:
    """Read, extract, emit and validate one file; user errors become `result.error`."""
    from kg.extract import extract
    from kg.rdf import quads_for

    result = DocumentResult(path)
    try:
        document = read_document(path)
    except KgError as err:
        result.error = str(err)
        return result
    extraction = extract(document)
    result.graph = iris.disclosure(document.content_hash)
    result.quads = quads_for(extraction)
    result.facts = len(extraction.facts)
    if validate:
        from kg.validate import validate_quads

        report = validate_quads(result.quads)
        result.violations = tuple(f"{path.name}: {v}" for v in report.violations)
    return result


def build(paths: Iterable[Path], *, output: Path | None = None, store: Path | None = None,
          server: SparqlServer | None = None, force: bool = False, validate: bool = True,
          progress: Callable[[DocumentResult], None] | None = None) -> BuildReport:
    """Build the graph of every file; write it to `output`, the store at `store` and/or a
    SPARQL server (`server`, loading only graphs it lacks or holds in another version unless
    `force`; `report.load` says which)."""
    from kg.store import writer_lock

    started = time.perf_counter()
    files = find_files(paths)
    report = BuildReport()
    good: list[DocumentResult] = []
    # the store is locked from the start, so a second build is told at once
    with writer_lock(store) if store is not None else nullcontext():
        for result in results(files, validate):
            report.documents += 1
            if progress:
                progress(result)
            if result.error:
                report.failed.append(result.error)
            elif result.violations:
                report.violations.extend(result.violations)
            else:
                good.append(result)
                report.facts += result.facts
                report.triples += len(result.quads)
        if output is not None:
            write_output(good, output)
        if store is not None:
            write_store(good, store)
    if server is not None:
        from kg.remote import load_graphs

        report.load = load_graphs(server, {r.graph: r.quads for r in good}, force=force)
    report.seconds = time.perf_counter() - started
    return report


def results(files: list[Path], validate: bool) -> Iterator[DocumentResult]:
    for path in files:
        yield process(path, validate=validate)


def write_output(results_: list[DocumentResult], output: Path) -> None:
    from kg.rdf import PREFIXES
    from kg.serialize import serialize, write_atomic

    quads = sorted({q for r in results_ for q in r.quads}, key=str)
    write_atomic(output, serialize(quads, output, PREFIXES))


def write_store(results_: list[DocumentResult], path: Path) -> None:
    """Replace each document's graph; the caller holds the store's writer lock."""
    from kg.store import fill_store

    fill_store(path, ((r.graph, r.quads) for r in results_))
