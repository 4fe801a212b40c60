"""The embedded on-disk store (pyoxigraph): one named graph per disclosure, each replaced in
a single transaction, and a lock file that tells a second writer who holds the store."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import KgError

DEFAULT_STORE = Path(".kg/store")
LOCK_NAME = "kg-writer.lock"


def store_path(explicit: str | Path | None) -> Path:
    """--store, else $KG_STORE, else ./.kg/store."""
    return Path(explicit or os.environ.get("KG_STORE") or DEFAULT_STORE)


@contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock held for the whole write; released by the OS on a crash."""
    import fcntl

    path.mkdir(parents=True, exist_ok=True)
    lock_file = path.parent / f"{path.name}.{LOCK_NAME}"
    handle = lock_file.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise KgError(f"{path}: store is locked by {holder}") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}")
    handle.flush()
    try:
        yield
    finally:
        handle.close()


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
            raise KgError(f"{path}: store is locked by another process") from None
        raise KgError(f"{path}: cannot open store ({message})") from None


def replace_graph(store, graph_iri: str, quads: Iterable) -> None:
    """Drop the graph and insert its new quads in one SPARQL update (one transaction)."""
    from pyoxigraph import NamedNode

    graph = NamedNode(graph_iri)
    body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
    store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body} }} }}")


def remove_graph(store, graph_iri: str) -> None:
    from pyoxigraph import NamedNode

    store.update(f"DROP SILENT GRAPH {NamedNode(graph_iri)}")


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
