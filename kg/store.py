"""The embedded on-disk store (pyoxigraph): one named graph per disclosure, each replaced in
a single transaction, and a lock file that tells a second writer who holds the store.

The store folder is a plain Oxigraph (RocksDB) database, so `oxigraph serve --location DIR`
serves it with its query UI once no kg command has it open (RocksDB admits one process).
Writers (`kg build`) hold an exclusive lock on `DIR.kg-writer.lock`, readers (`kg query`,
`kg export`, …) a shared one: opening a store read-only while another process writes to it
is undefined behaviour in RocksDB, so a reader waits for nobody and says who is writing.
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
LOCK_NAME = "kg-writer.lock"


def store_path(explicit: str | Path | None) -> Path:
    """--store, else $KG_STORE, else ./.kg/store."""
    return Path(explicit or os.environ.get("KG_STORE") or DEFAULT_STORE)


def lock_path(path: Path) -> Path:
    return path.parent / f"{path.name}.{LOCK_NAME}"


@contextmanager
def writer_lock(path: Path, command: str = "kg build") -> Iterator[None]:
    """An exclusive advisory lock held for the whole write; released by the OS on a crash.

    The lock file names its holder (pid, command, host, start time) for the error a second
    writer gets; the file stays behind, only the lock on it matters.
    """
    import fcntl

    path.mkdir(parents=True, exist_ok=True)
    handle = lock_path(path).open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = holder_of(handle)
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
def reader_lock(path: Path) -> Iterator[None]:
    """A shared lock: many readers at once, none while a writer holds the store."""
    import fcntl

    try:
        handle = lock_path(path).open("a+")
    except OSError:  # a store on read-only media: nobody can be writing to it
        yield
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = holder_of(handle)
        handle.close()
        raise KgError(f"{path}: store is being written by {holder}; try again when it "
                      "finishes") from None
    try:
        yield
    finally:
        handle.close()


def holder_of(handle) -> str:
    handle.seek(0)
    return handle.read().strip() or "another process"


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
    """Replace each (graph IRI, quads) in the store at `path` under the writer lock.

    Each graph is replaced in its own transaction, so a crash part-way leaves every graph
    either as it was or as rebuilt. Returns the number of quads written.
    """
    written = 0
    with writer_lock(path):
        store = open_store(path)
        for graph_iri, quads in graphs:
            written += replace_graph(store, graph_iri, quads)
        store.flush()
        del store  # close the database before releasing the lock
    return written


def replace_graph(store, graph_iri: str, quads: Iterable) -> int:
    """Drop the graph and insert its new quads in one SPARQL update (one transaction).

    The whole update text is built before the store is touched, so a failure while the
    quads are produced leaves the previous graph as it was. Returns the number of quads.
    """
    from pyoxigraph import NamedNode

    graph = NamedNode(graph_iri)
    lines = [f"{q.subject} {q.predicate} {q.object} ." for q in quads]
    body = "\n".join(lines)
    store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
    return len(lines)


def remove_graph(store, graph_iri: str) -> None:
    from pyoxigraph import NamedNode

    store.update(f"DROP SILENT GRAPH {NamedNode(graph_iri)}")


def graphs_in(store, source: str = "store") -> dict[str, list]:
    """The quads of each named graph, by graph IRI; triples outside a named graph are refused
    (the tool writes one named graph per disclosure, and a server load replaces graphs)."""
    from pyoxigraph import DefaultGraph

    if next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None:
        raise KgError(f"{source}: has triples outside a named graph; load .trig or .nq files "
                      "(kg build -o graph.trig) or the store")
    return {graph.value: sorted(store.quads_for_pattern(None, None, None, graph), key=str)
            for graph in sorted(store.named_graphs(), key=str)}


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
