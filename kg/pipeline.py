"""The build: files → documents → facts → quads → validation → file and/or store.

`build()` is the Python API behind `kg build`; it reports per-file failures instead of
stopping, and writes nothing for a document whose graph does not conform to the shapes.
Documents are read, extracted and validated in worker processes (`kg.workers`), in order;
this process streams each graph into the store (skipping files the store's catalog shows
unchanged, `kg.catalog`) and into a sorted spill for the output file (`kg.spill`), so
memory stays flat however large the corpus.
"""

from __future__ import annotations

import fnmatch
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, closing, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg import iris
from kg.documents import SUFFIXES, read_document
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.catalog import Source, StoreWriter
    from kg.mentions import GraphRows
    from kg.remote import LoadReport, SparqlServer


@dataclass
class DocumentResult:
    path: Path
    graph: str = ""
    quads: list = field(default_factory=list)
    facts: int = 0
    error: str = ""
    violations: tuple = ()
    content_hash: str = ""
    triples: int = 0
    nquads: bytes = b""  # the graph as N-Quads, as it travels back from a worker process
    names: GraphRows | None = None  # what entity resolution reads of it (kg.mentions)
    unchanged: bool = False  # skipped: the store holds this file's graph already


@dataclass
class BuildReport:
    documents: int = 0
    failed: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    facts: int = 0
    triples: int = 0
    seconds: float = 0.0
    skipped: int = 0
    unchanged: int = 0  # files the store holds already, not read again
    pruned: int = 0  # files gone whose graphs --prune removed
    load: LoadReport | None = None

    @property
    def ok(self) -> bool:
        return (not self.failed and not self.violations
                and (self.load is None or self.load.ok))

    @property
    def read(self) -> int:
        return self.documents - self.unchanged


def find_files(paths: Iterable[Path], include: Sequence[str] = (),
               exclude: Sequence[str] = ()) -> Iterator[Path]:
    """Files named directly, and supported files under folders (recursively, skipping hidden
    names below the folder), in a stable order: each folder's entries by name, a
    subfolder's files where its name sorts (the order of sorting the whole paths), found as
    they are walked, so tens of thousands of files are never held in a list. A named file
    that does not exist is kept: its read fails like any other unreadable file.

    Under a folder, a file is taken if it matches an `include` glob (when there are any) and
    no `exclude` glob, each matched against its path relative to that folder (see `selected`).
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for found in walk(path):
            relative = found.relative_to(path)
            if found.suffix.lower() in SUFFIXES and selected(relative, include, exclude):
                yield found


def walk(folder: Path) -> Iterator[Path]:
    """Files under `folder` depth first, by name, without hidden names or symlinked folders
    (as `Path.rglob`); a folder that cannot be read is passed over."""
    import os

    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir(follow_symlinks=False)
            is_file = not is_folder and entry.is_file()
        except OSError:
            continue
        if is_folder:
            yield from walk(folder / entry.name)
        elif is_file:
            yield folder / entry.name


def selected(relative: Path, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """A glob with a `/` is matched against the whole relative path (`2024/*`, `*/drafts/*`;
    `*` crosses folders); one without, against each name in it (`*.html`, `drafts`)."""
    def matches(pattern: str) -> bool:
        if "/" in pattern:
            return fnmatch.fnmatchcase(relative.as_posix(), pattern.strip("/"))
        return any(fnmatch.fnmatchcase(part, pattern) for part in relative.parts)

    return ((not include or any(map(matches, include)))
            and not any(map(matches, exclude)))


def process(path: Path, *, validate: bool = True) -> DocumentResult:
    """Read, extract, emit and validate one file; user errors become `result.error`."""
    from kg.extract import extract
    from kg.rdf import quads_for

    result = DocumentResult(path)
    try:
        document = read_document(path)
        extraction = extract(document)
        quads = quads_for(extraction)
    except KgError as err:
        result.error = str(err)
        return result
    except Exception as err:  # a bug met in one file must not stop the others
        result.error = f"{path}: internal error, please report ({type(err).__name__}: {err})"
        return result
    result.graph = iris.disclosure(document.content_hash)
    result.content_hash = document.content_hash
    result.quads = quads
    result.facts = len(extraction.facts)
    if validate:
        from kg.validate import validate_quads

        report = validate_quads(result.quads)
        result.violations = tuple(f"{path.name}: {v}" for v in report.violations)
    return result


def build(paths: Iterable[Path], *, output: Path | None = None, store: Path | None = None,
          server: SparqlServer | None = None, force: bool = False, validate: bool = True,
          fail_fast: bool = False, progress: Callable[[DocumentResult], None] | None = None,
          jobs: int | None = None, include: Sequence[str] = (), exclude: Sequence[str] = (),
          prune: bool = False, on_found: Callable[[int], None] | None = None) -> BuildReport:
    """Build the graph of every file; write it to `output`, the store at `store` and/or a
    SPARQL server (`server`, loading only graphs it lacks or holds in another version unless
    `force`; `report.load` says which).

    A file that cannot be read, or whose graph does not conform, is reported and written
    nowhere; the others go on, unless `fail_fast`, which stops reading at the first such
    file (`report.skipped` counts the files left unread) and writes what was good before it.

    With a store and no output file, files the store's catalog shows unchanged are not read
    again (`report.unchanged`; `force` reads them all); `prune` removes the graphs of files
    under `paths` that no longer exist. `jobs` worker processes read the documents (default:
    the cores; none for a handful of files); the result is the same whatever their number.
    `on_found` is told how many files there are, `progress` is given each one's result.
    """
    from kg.catalog import source_of
    from kg.store import writer_lock
    from kg.workers import cores

    started = time.perf_counter()
    paths = list(paths)
    count = sum(1 for _ in find_files(paths, include, exclude))
    if on_found:
        on_found(count)
    report = BuildReport()
    graphs: list[str] | None = [] if server is not None else None  # for the server
    in_memory: dict[str, list] | None = {} if server is not None and store is None else None
    # the store is locked from the start, so a second build is told at once
    with writer_lock(store) if store is not None else nullcontext():
        with ExitStack() as stack:
            writer = stack.enter_context(store_writer(store, force)) if store else None
            out = stack.enter_context(OutputFile(output)) if output is not None else None
            todo: Iterable[Source] = map(source_of, find_files(paths, include, exclude))
            skips_unchanged = writer is not None and out is None
            if skips_unchanged:
                todo = (s for s in todo
                        if not kept_unchanged(writer, s, report, graphs, progress))
            jobs = cores() if jobs is None else jobs
            results = stack.enter_context(closing(document_results(todo, validate, jobs)))
            for source, result in results:
                report.documents += 1
                if progress:
                    progress(result)
                if result.error:
                    report.failed.append(result.error)
                elif result.violations:
                    report.violations.extend(result.violations)
                else:
                    report.facts += result.facts
                    report.triples += result.triples
                    if graphs is not None:
                        graphs.append(result.graph)
                    if writer is not None:
                        writer.write(source, result.graph, result.content_hash, result.nquads,
                                     result.names)
                    if out is not None:
                        out.add(result.graph, result.nquads, result.names)
                    if in_memory is not None:
                        in_memory[result.graph] = parsed(result.nquads)
                if fail_fast and (result.error or result.violations):
                    if skips_unchanged:  # files after it the store holds are unchanged, not
                        for _ in todo:   # skipped, however far the workers had read ahead
                            pass
                    report.skipped = max(0, count - report.documents)
                    break
            if writer is not None and prune:
                report.pruned = writer.prune(paths)
            stale = writer is not None and (writer.changed or writer.index.interrupted
                                            or resolution_outdated(writer.store))
            compact = writer is not None and writer.worth_compacting()
        if stale:
            from kg.resolve import refresh_resolution

            resolution = refresh_resolution(store, compact=compact)  # store now closed
            report.violations.extend(resolution.violations)
        if out is not None:
            report.violations.extend(out.violations)
    if server is not None:
        report.load = load_to_server(server, store, graphs or [], in_memory, force)
    report.seconds = time.perf_counter() - started
    return report


def kept_unchanged(writer: StoreWriter, source: Source, report: BuildReport,
                   graphs: list[str] | None, progress: Callable | None) -> bool:
    """Whether the store holds the file's graph already (then counted, not read again)."""
    entry = writer.unchanged(source)
    if entry is None:
        return False
    report.documents += 1
    report.unchanged += 1
    if graphs is not None:
        graphs.append(entry.graph)
    if progress:
        progress(DocumentResult(source.path, graph=entry.graph, unchanged=True))
    return True


def document_results(sources: Iterable[Source], validate: bool, jobs: int
                     ) -> Iterator[tuple[Source, DocumentResult]]:
    """Each file with its `build_document`, in order, in `jobs` worker processes."""
    from kg.workers import ordered_map

    return ordered_map(build_document, ((s, validate) for s in sources), jobs=jobs)


def build_document(task: tuple[Source, bool]) -> tuple[Source, DocumentResult]:
    """`process` as a worker process runs it: the graph goes back as N-Quads bytes, which
    cost a tenth of pickled quads to send."""
    from pyoxigraph import RdfFormat, serialize

    from kg.mentions import rows_of

    source, validate = task
    result = process(source.path, validate=validate)
    result.triples = len(result.quads)
    if result.quads:
        result.nquads = serialize(result.quads, format=RdfFormat.N_QUADS) or b""
        result.names = rows_of(result.graph, result.quads)
    result.quads = []
    return source, result


def parsed(nquads: bytes) -> list:
    from pyoxigraph import RdfFormat, parse

    return sorted(parse(nquads, format=RdfFormat.N_QUADS), key=str)


@contextmanager
def store_writer(path: Path, force: bool) -> Iterator[StoreWriter]:
    """The store open for writing (readers kept out meanwhile), with its catalog; the caller
    holds the writer lock. Every graph is written whole, in its own transaction."""
    from kg.catalog import StoreWriter
    from kg.mentions import MentionIndex, index_path
    from kg.store import open_store, readers_excluded

    with readers_excluded(path):
        writer = StoreWriter(open_store(path), MentionIndex(index_path(path)), force=force,
                             reopen=lambda: open_store(path))
        writer.index.start_writing(writer.store)
        try:
            yield writer
            writer.store.flush()
            writer.index.done_writing()
        except OSError as err:
            raise KgError(f"{path}: cannot write the store ({str(err).splitlines()[0]}); "
                          "each graph written is whole: run the build again to finish") from None
        finally:
            writer.index.close()
            writer.store = None  # the only handle: close the database before readers open it


class OutputFile:
    """`kg build -o FILE`: each graph's lines go to a sorted spill, and what entity resolution
    reads of it to a scratch mention index (`kg.mentions`); the file is written at the end
    from the merged lines, in one global order, so it is byte-identical whatever order the
    graphs came in."""

    def __init__(self, path: Path) -> None:
        from kg.mentions import MentionIndex
        from kg.serialize import TRIPLE_ONLY, format_for
        from kg.spill import SortedLines

        format_for(path)
        self.path = path
        self.triples_only = path.suffix.lower() in TRIPLE_ONLY
        self.lines = SortedLines()
        self.scratch_dir = tempfile.mkdtemp(prefix="kg-output-")
        self.index = MentionIndex(Path(self.scratch_dir) / "mentions.sqlite")
        self.violations: list[str] = []  # of the resolution graph, then left out of the file

    def add(self, graph: str, nquads: bytes, names: GraphRows | None = None) -> None:
        from kg.mentions import rows_of_nquads

        self.index.put(graph, names if names is not None else rows_of_nquads(graph, nquads))
        self.lines.add(self.lines_of(nquads))

    def lines_of(self, nquads: bytes) -> list[bytes]:
        from pyoxigraph import RdfFormat, Triple, parse, serialize

        if self.triples_only:
            triples = (Triple(q.subject, q.predicate, q.object)
                       for q in parse(nquads, format=RdfFormat.N_QUADS))
            nquads = serialize(triples, format=RdfFormat.N_TRIPLES) or b""
        return nquads.splitlines(keepends=True)

    def write(self) -> None:
        from pyoxigraph import RdfFormat, serialize

        from kg.rdf import PREFIXES
        from kg.resolve import checked, resolution_quads, resolve
        from kg.serialize import write_lines

        self.index.commit()
        # a file build has no curation graph: nothing is kept apart
        resolution = resolution_quads(resolve(lambda _: (), self.index))
        self.violations = checked(resolution)
        if resolution and not self.violations:
            self.lines.add(self.lines_of(serialize(resolution, format=RdfFormat.N_QUADS)))
        write_lines(self.lines, self.path, PREFIXES)

    def __enter__(self) -> OutputFile:
        return self

    def __exit__(self, kind, *exc) -> None:
        try:
            if kind is None:
                self.write()
        finally:
            self.lines.close()
            self.index.close()
            shutil.rmtree(self.scratch_dir, ignore_errors=True)


class StoreGraphs(Mapping):
    """Graphs of the store by IRI, read when asked for (a server load of a large build)."""

    def __init__(self, store, graph_iris: list[str]) -> None:
        self.store, self.graph_iris = store, list(dict.fromkeys(graph_iris))

    def __getitem__(self, graph_iri: str) -> list:
        from pyoxigraph import NamedNode

        if graph_iri not in self.graph_iris:
            raise KeyError(graph_iri)
        return sorted(self.store.quads_for_pattern(None, None, None, NamedNode(graph_iri)),
                      key=str)

    def __iter__(self) -> Iterator[str]:
        return iter(self.graph_iris)

    def __len__(self) -> int:
        return len(self.graph_iris)


def resolution_outdated(store) -> bool:
    """Whether the store's resolution graph predates this version's form (no name keys
    while the store holds entities): then a build that changed no file still refreshes it."""
    from pyoxigraph import NamedNode

    from kg.resolve import RESOLUTION_GRAPH

    keyed = store.quads_for_pattern(None, NamedNode(iris.term("nameKey")), None,
                                    NamedNode(RESOLUTION_GRAPH))
    named = store.quads_for_pattern(None, NamedNode("http://www.w3.org/2004/02/skos/core#"
                                                    "prefLabel"), None, None)
    return next(iter(keyed), None) is None and next(iter(named), None) is not None


def load_to_server(server: SparqlServer, store: Path | None, graphs: list[str],
                   in_memory: dict[str, list] | None, force: bool) -> LoadReport:
    """The build's graphs to the server (read from the store one at a time when there is
    one), then `id:graph/resolution` resolved over everything the server then holds, so that
    graphs other builds loaded there stay resolvable too."""
    from kg.remote import load_graphs
    from kg.resolve import ResolvedOnServer
    from kg.store import reading

    if in_memory is not None:
        return load_graphs(server, ResolvedOnServer(server, in_memory), force=force)
    with reading(store) as opened:
        return load_graphs(server, ResolvedOnServer(server, StoreGraphs(opened, graphs)),
                           force=force)
