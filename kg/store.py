"""The embedded on-disk store (pyoxigraph): one named graph per disclosure, each replaced in
a single transaction, and a lock file that tells a second writer who holds the store.

The store folder is a plain Oxigraph (RocksDB) database, so `oxigraph serve --location DIR`
serves it with its query UI once no kg command has it open (RocksDB admits one process).
A build holds an exclusive lock on `DIR.kg-writer.lock` from start to end, so a second
build is told at once who holds the store. Readers (`kg query`, `kg export`, …) share a lock
on `DIR.kg-readers.lock` that a build takes exclusively only while the database is open for
writing: RocksDB leaves a read-only open undefined while another process writes.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KgError

DEFAULT_STORE = Path(".kg/store")
READER_WAIT = 30.0


def store_path(explicit: str | Path | None) -> Path:
    """--store, else $KG_STORE, else ./.kg/store."""
    return Path(explicit or os.environ.get("KG_STORE") or DEFAULT_STORE)


def lock_path(path: Path, kind: str = "writer") -> Path:
    """`DIR.kg-writer.lock` (one build at a time) or `DIR.kg-readers.lock` (readers vs the
    moments the database is open for writing)."""
    return path.parent / f"{path.name}.kg-{kind}.lock"


@contextmanager
def writer_lock(path: Path, command: str = "kg build") -> Iterator[None]:
    """An exclusive advisory lock held for a whole build; released by the OS on a crash.

    The lock file names its holder (pid, command, host, start time) for the error a second
    writer or a reader gets; the file stays behind, only the lock on it matters.
    """
    path.mkdir(parents=True, exist_ok=True)
    handle = lock_path(path).open("a+")
    if not try_lock(handle, exclusive=True):
        holder = holder_of(path)
        handle.close()
        raise KgError(f"{path}: store is locked by {holder}; try again when it "
                      "finishes") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()} ({command} on {socket.gethostname()} since "
                 f"{time.strftime('%Y-%m-%d %H:%M:%S')})")
    handle.flush()
    try:
        yield
    finally:
        handle.close()


@contextmanager
def readers_excluded(path: Path, wait: float = READER_WAIT) -> Iterator[None]:
    """Held while the database is open for writing: waits up to `wait` s for readers."""
    handle = lock_path(path, "readers").open("a+")
    deadline = time.monotonic() + wait
    while not try_lock(handle, exclusive=True):
        if time.monotonic() > deadline:
            handle.close()
            raise KgError(f"{path}: store is still being read after {wait:g} s "
                          "(kg query, export, …); try again when it is done")
        time.sleep(0.05)
    try:
        yield
    finally:
        handle.close()


@contextmanager
def reader_lock(path: Path) -> Iterator[None]:
    """A shared lock: many readers at once, none while a build writes to the database."""
    try:
        handle = lock_path(path, "readers").open("a+")
    except OSError:  # a store on read-only media: nobody can be writing to it
        yield
        return
    if not try_lock(handle, exclusive=False):
        handle.close()
        raise KgError(f"{path}: store is being written by {holder_of(path)}; try again when "
                      "it finishes")
    try:
        yield
    finally:
        handle.close()


def try_lock(handle, *, exclusive: bool) -> bool:
    import fcntl

    try:
        fcntl.flock(handle, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def holder_of(path: Path) -> str:
    try:
        return lock_path(path).read_text().strip() or "another process"
    except OSError:
        return "another process"


def open_store(path: Path, *, read_only: bool = False):
    """Open (or create) the store, turning the engine's errors into one-line messages."""
    from pyoxigraph import Store

    if read_only and not path.exists():
        raise KgError(f"{path}: no store here (run `kg build` first or pass --store)")
    try:
        return Store.read_only(str(path)) if read_only else Store(str(path))
    except OSError as err:
        message = str(err).splitlines()[0]
        if "lock" in message.lower():
            raise KgError(f"{path}: store is open in another process (an `oxigraph serve "
                          "--location` on it?); stop that process, or load into the "
                          "server with --endpoint") from None
        raise KgError(f"{path}: cannot open store ({message})") from None


@contextmanager
def reading(path: Path) -> Iterator:
    """The store opened read-only under a shared lock, for one command's reads."""
    with reader_lock(path):
        yield open_store(path, read_only=True)


def write_graphs(path: Path, graphs: Iterable[tuple[str, Iterable]]) -> int:
    """Replace each (graph IRI, quads) in the store at `path` under the writer lock."""
    with writer_lock(path):
        return fill_store(path, graphs)


def fill_store(path: Path, graphs: Iterable[tuple[str, Iterable]]) -> int:
    """Replace each graph; the caller holds the writer lock. Each graph is replaced in its
    own transaction, so a crash part-way leaves every graph either as it was or as rebuilt.
    Returns the number of quads written."""
    written = 0
    with readers_excluded(path):
        store = open_store(path)
        try:
            for graph_iri, quads in graphs:
                written += replace_graph(store, graph_iri, quads)
            store.flush()
        except OSError as err:
            raise KgError(f"{path}: cannot write the store ({str(err).splitlines()[0]}); "
                          f"{written} quads were written, each graph whole") from None
        finally:
            del store  # close the database before readers may open it
    return written


def compact_store(store) -> None:
    """Compact the store's files after a large write, so each lookup reads fewer of them."""
    store.optimize()


def replace_graph(store, graph_iri: str, quads: Iterable) -> int:
    """Replace the graph with the quads (whose own graph name is ignored) in one transaction.

    All quads are made before the store is touched, so a failure while they are produced
    leaves the previous graph as it was. A graph the store lacks is added with `extend`
    (one transaction, twice as fast); one it holds is dropped and refilled by a single SPARQL
    update. No other writer can come in between: the caller holds the writer lock, and
    RocksDB lets no other process open the store. Returns the number of quads.
    """
    from pyoxigraph import NamedNode, Quad

    graph = NamedNode(graph_iri)
    new = [Quad(q.subject, q.predicate, q.object, graph) for q in quads]
    if not store.contains_named_graph(graph):
        store.extend(new)
        return len(new)
    body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in new)
    store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
    return len(new)


def graphs_in(store, source: str = "store") -> dict[str, list]:
    """The quads of each named graph, by graph IRI; triples outside a named graph are refused
    (the tool writes one named graph per disclosure, and a server load replaces graphs).
    The build catalog (kg.catalog) is left out: it describes this machine's files."""
    from pyoxigraph import DefaultGraph

    from kg.catalog import CATALOG_GRAPH

    if next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None:
        raise KgError(f"{source}: has triples outside a named graph; load .trig or .nq files "
                      "(kg build -o graph.trig) or the store")
    return {graph.value: sorted(store.quads_for_pattern(None, None, None, graph), key=str)
            for graph in sorted(store.named_graphs(), key=str) if graph.value != CATALOG_GRAPH}


def load_files(paths: Iterable[Path]):
    """An in-memory store holding the quads of RDF files (format from the extension)."""
    from pyoxigraph import RdfFormat, Store

    from kg.serialize import format_for

    store = Store()
    for path in paths:
        fmt = getattr(RdfFormat, format_for(path))
        try:
            store.bulk_load(path=str(path), format=fmt)
        except FileNotFoundError:
            raise KgError(f"{path}: file not found") from None
        except (SyntaxError, ValueError, OSError) as err:
            raise KgError(f"{path}: cannot parse ({str(err).splitlines()[0]})") from None
    return store
