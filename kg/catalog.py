"""The store's catalog of source files, so that a build redoes only what changed.

A disclosure's graph is named by the hash of its bytes, so an edited file makes a new graph
and nothing in the graph says which file it replaced. The catalog, the named graph
`id:graph/catalog` in the same store, holds one `bkg:CatalogEntry` per file built into it:
the file's resolved absolute path, the graph built from it, the SHA-256 of its bytes, its
size and modification time when it was read, and what built it (the tool's version and a
digest of the code and data that make a graph). Absolute paths, because one store may be
fed from several folders, and `--prune` must tell a file that is gone from one that lives
in another folder.

`StoreWriter` decides, per file, from the catalog alone: same size, time and builder →
unchanged, not even read; same size, new time, same hash → unchanged (the new time is
recorded); otherwise the file is built again, and its new graph, the removal of its old
one and its catalog entry are one transaction.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg import __version__, iris

if TYPE_CHECKING:
    from kg.mentions import GraphRows, MentionIndex

CATALOG_GRAPH = iris.graph("catalog")
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FIELDS = ("sourcePath", "builtGraph", "fileHash", "fileSize", "fileModified", "builtWith")
# RocksDB keeps what was written in memory tables until they are flushed, about 1 KB per
# triple here: flushing every few MB of N-Quads keeps a build's memory flat (costs ~5 %).
FLUSH_BYTES = 8 * 1024 * 1024
# RocksDB keeps the index and filter blocks of every table file it has opened, and fills its
# block caches, until the database closes: held open for a whole build, its memory grows with
# the store (some 3 KB per document). Closed and opened again every few flushes, it holds only
# what the last stretch of writing touched, so a build's memory stays flat (opening costs ms).
REOPEN_FLUSHES = 2
# A build that rewrote at least this share of the store's graphs compacts it after: RocksDB's
# freshly written files overlap, and a lookup probes each of them (saved queries ~15 % slower);
# a full compaction costs about the time of 1,000 documents' build per 10,000 in the store.
COMPACT_SHARE = 0.1


@dataclass(frozen=True)
class Source:
    """A file a build found, with what `stat` said before it was read."""

    path: Path
    key: str  # the resolved absolute path
    size: int = -1
    mtime_ns: int = -1


@dataclass(frozen=True)
class Entry:
    """What the catalog knows of one file."""

    key: str
    graph: str
    content_hash: str
    size: int
    mtime_ns: int
    built_with: str


def source_of(path: Path) -> Source:
    """The file with its size and time (-1 when it cannot be stat'ed: reading it will fail
    and say why)."""
    try:
        key = str(path.resolve())
        status = path.stat()
    except (OSError, RuntimeError):
        return Source(path, str(path.absolute()))
    return Source(path, key, status.st_size, status.st_mtime_ns)


# Modules that store, query or show graphs but never change what a document's graph holds;
# tests/test_build_scale.py checks that reading a document imports none of them.
NOT_IN_A_GRAPH = frozenset({
    "cli.py", "store.py", "remote.py", "queries.py", "stats.py", "progress.py", "spill.py",
    "workers.py", "serialize.py", "catalog.py", "resolve.py", "aliases.py", "names.py",
    "entity_graph.py", "mentions.py"})


@lru_cache(maxsize=1)
def built_with() -> str:
    """`version+digest` of the kg package's files that make a document's graph (code,
    vocabularies, shapes, ontology; not `NOT_IN_A_GRAPH`): a change to any of them
    rebuilds every file."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".tsv", ".ttl") and "__pycache__" not in path.parts \
                and path.is_file() and path.relative_to(package).as_posix() not in NOT_IN_A_GRAPH:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def read_catalog(store) -> dict[str, Entry]:
    """The store's whole catalog by path, in one scan (for inspection; a build looks entries
    up one by one); an incomplete entry is left out (its file is rebuilt)."""
    from pyoxigraph import NamedNode

    found: dict[str, dict[str, str]] = {}
    for quad in store.quads_for_pattern(None, None, None, NamedNode(CATALOG_GRAPH)):
        found.setdefault(quad.subject.value, {})[
            quad.predicate.value.removeprefix(iris.ONTOLOGY)] = quad.object.value
    entries = (entry_from(fields) for fields in found.values())
    return {entry.key: entry for entry in entries if entry is not None}


def catalog_keys(store) -> Iterator[str]:
    """The path of every file in the catalog, streamed from the store."""
    from pyoxigraph import NamedNode

    for quad in store.quads_for_pattern(None, NamedNode(iris.term("sourcePath")), None,
                                        NamedNode(CATALOG_GRAPH)):
        yield quad.object.value


def entry_of(store, key: str) -> Entry | None:
    """The catalog's entry for the file at `key` (its absolute path), None when it has none
    or an incomplete one."""
    from pyoxigraph import NamedNode

    return entry_from({quad.predicate.value.removeprefix(iris.ONTOLOGY): quad.object.value
                       for quad in store.quads_for_pattern(NamedNode(iris.catalog_entry(key)),
                                                           None, None, NamedNode(CATALOG_GRAPH))})


def entry_from(fields: dict[str, str]) -> Entry | None:
    """An entry from its field values by local name, None when one is missing."""
    if not all(f in fields for f in FIELDS):
        return None
    return Entry(fields["sourcePath"], fields["builtGraph"], fields["fileHash"],
                 int(fields["fileSize"]), int(fields["fileModified"]), fields["builtWith"])


def shared_graph(store, entry: Entry) -> bool:
    """Whether another file's catalog entry names the same graph (two copies of one file)."""
    from pyoxigraph import NamedNode

    own = NamedNode(iris.catalog_entry(entry.key))
    return any(quad.subject != own for quad in store.quads_for_pattern(
        None, NamedNode(iris.term("builtGraph")), NamedNode(entry.graph),
        NamedNode(CATALOG_GRAPH)))


def entry_quads(entry: Entry) -> list:
    from pyoxigraph import Literal, NamedNode, Quad

    node, graph = NamedNode(iris.catalog_entry(entry.key)), NamedNode(CATALOG_GRAPH)
    integer = NamedNode(XSD + "integer")
    values = (
        (RDF_TYPE, NamedNode(iris.term("CatalogEntry"))),
        (iris.term("sourcePath"), Literal(entry.key)),
        (iris.term("builtGraph"), NamedNode(entry.graph)),
        (iris.term("fileHash"), Literal(entry.content_hash)),
        (iris.term("fileSize"), Literal(str(entry.size), datatype=integer)),
        (iris.term("fileModified"), Literal(str(entry.mtime_ns), datatype=integer)),
        (iris.term("builtWith"), Literal(entry.built_with)),
    )
    return [Quad(node, NamedNode(p), o, graph) for p, o in values]


class StoreWriter:
    """The open embedded store during a build: which files changed, each new graph written
    with its catalog entry in one transaction, graphs of vanished files pruned. The caller
    holds the writer lock and has the store open for writing.

    Entries are looked up in the store file by file (a few index reads), never held all in
    memory, so a build's memory does not grow with the number of files in the catalog.
    `reopen` opens the database again (`REOPEN_FLUSHES`); the writer holds its only handle."""

    def __init__(self, store, index: MentionIndex, *, force: bool = False,
                 reopen: Callable[[], object] | None = None) -> None:
        self.store = store
        self.reopen = reopen
        self.flushes = 0
        self.index = index  # kept in step with the store's disclosure graphs
        self.force = force
        self.built_with = built_with()
        self.changed = False
        self.written = 0  # graphs written
        self.unflushed = 0  # bytes of N-Quads written since the last flush

    def unchanged(self, source: Source) -> Entry | None:
        """The catalog entry of this file when the store already holds its graph as this
        build would make it, else None."""
        from pyoxigraph import NamedNode

        entry = entry_of(self.store, source.key)
        if (self.force or entry is None or entry.built_with != self.built_with
                or entry.size != source.size
                or not self.store.contains_named_graph(NamedNode(entry.graph))):
            return None
        if entry.mtime_ns == source.mtime_ns:
            return entry
        try:
            if file_hash(source.path) != entry.content_hash:
                return None
        except OSError:
            return None  # reading it again will report the problem
        touched = replace(entry, mtime_ns=source.mtime_ns)
        self.store.update(replacement(set(), [entry], None, b"", touched))
        self.changed = True
        return touched

    def write(self, source: Source, graph: str, content_hash: str, nquads: bytes,
              names: GraphRows | None = None) -> None:
        """Put the file's graph (N-Quads of that one graph, with the rows `names` the mention
        index keeps of it, `kg.mentions.rows_of`) in place of its previous one."""
        from pyoxigraph import NamedNode, RdfFormat, serialize

        entry = Entry(source.key, graph, content_hash, source.size, source.mtime_ns,
                      self.built_with)
        old = entry_of(self.store, source.key)
        exists = self.store.contains_named_graph(NamedNode(graph))
        if old == entry and exists:
            return  # read again only for an output file: the store holds it already
        drop = {graph} if exists else set()
        if old is not None and old.graph != graph and not shared_graph(self.store, old):
            drop.add(old.graph)
        if old is None and not drop:  # the common case: one load, one transaction
            catalog = serialize(entry_quads(entry), format=RdfFormat.N_QUADS) or b""
            self.store.load(nquads + catalog, format=RdfFormat.N_QUADS)
        else:
            self.store.update(replacement(drop, [old] if old else [], graph, nquads, entry))
        for dropped in drop - {graph}:
            self.index.drop(dropped)
        if names is None:
            from kg.mentions import rows_of_nquads

            names = rows_of_nquads(graph, nquads)
        self.index.put(graph, names)
        self.changed = True
        self.written += 1
        self.unflushed += len(nquads)
        if self.unflushed > FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Flush the store and commit the index; every `REOPEN_FLUSHES`-th time, close the
        database and open it again."""
        self.store.flush()
        self.index.commit()
        self.unflushed = 0
        self.flushes += 1
        if self.reopen is not None and self.flushes % REOPEN_FLUSHES == 0:
            self.store = None  # the last handle: RocksDB closes, freeing what it held
            self.store = self.reopen()

    def worth_compacting(self) -> bool:
        """Whether this build rewrote enough of the store (COMPACT_SHARE of its disclosure
        graphs, as the mention index counts them) to compact it once done. Counting the
        store's own graph list would make RocksDB load the index blocks of every table
        holding graph names: some 80 MB at 50,000 releases, the build's peak."""
        return self.written > 0 and self.written >= COMPACT_SHARE * self.index.count()

    def prune(self, roots: list[Path]) -> int:
        """Forget files under `roots` (folders or files) that no longer exist, and drop the
        graphs no other file shares; returns how many files were forgotten."""
        bases = [str(root.resolve()) for root in roots]
        gone = sorted(key for key in catalog_keys(self.store)
                      if any(key == b or key.startswith(b.rstrip(os.sep) + os.sep)
                             for b in bases)
                      and not os.path.lexists(key))
        entries = [e for e in (entry_of(self.store, key) for key in gone) if e is not None]
        for entry in entries:
            drop = set() if shared_graph(self.store, entry) else {entry.graph}
            self.store.update(replacement(drop, [entry], None, b""))
            for graph in drop:
                self.index.drop(graph)
            self.changed = True
        return len(entries)


def replacement(drop: set[str], olds: list[Entry], graph: str | None, nquads: bytes,
                *entries: Entry) -> str:
    """One SPARQL update (one transaction): drop graphs, delete old catalog entries, insert
    a graph and new entries."""
    from pyoxigraph import NamedNode, RdfFormat, parse

    parts = [f"DROP SILENT GRAPH {NamedNode(g)}" for g in sorted(drop)]
    catalog = NamedNode(CATALOG_GRAPH)
    parts += [f"DELETE WHERE {{ GRAPH {catalog} {{ {NamedNode(iris.catalog_entry(o.key))} "
              "?p ?o } }" for o in olds]
    blocks = []
    if graph is not None:
        triples = "\n".join(f"{q.subject} {q.predicate} {q.object} ."
                            for q in parse(nquads, format=RdfFormat.N_QUADS))
        blocks.append(f"GRAPH {NamedNode(graph)} {{\n{triples}\n}}")
    if entries:
        triples = "\n".join(f"{q.subject} {q.predicate} {q.object} ."
                            for e in entries for q in entry_quads(e))
        blocks.append(f"GRAPH {catalog} {{\n{triples}\n}}")
    if blocks:
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(parts)
