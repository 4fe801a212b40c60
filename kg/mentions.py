"""What each disclosure graph names, kept beside the store so that entity resolution never
scans the store.

Resolution needs, over every disclosure, each entity's names, identifiers and listings and
each disclosure's issuer and file. Read from the store, that question touches every table
RocksDB has, and RocksDB then keeps every table's index and filter blocks in memory: some
170 MB at 50,000 releases, more than reading and writing them adds. So the build also writes
these rows, made by the worker from the graph it already holds (`rows_of`), to a small SQLite
file beside the store, `DIR.kg-mentions.sqlite`, replaced graph by graph as the store's
graphs are.

The file is a cache. An index is `complete` once it holds every graph of the store: made
beside an empty store, or after a full comparison of its graph list with the store's
(`MentionIndex.synced`: graphs it lacks are read from the store one by one, graphs it has in
excess are dropped). Builds keep a complete index complete, so before each resolution it is
only checked that the store still holds each graph it lists (a lookup per graph); listing the
store's graphs instead would make RocksDB look up every graph IRI's text, and keep the index
blocks of every table those lie in (some 100 MB at 50,000 releases). `kg resolve` compares
the full lists. Every row is read again after a build that stopped half-way
(`MentionIndex.interrupted`). So a store built before the index existed, a killed build, a
damaged file or a copied store folder give the same answer, only slower once.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg import iris

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SKOS = "http://www.w3.org/2004/02/skos/core#"
COMPANY, ORGANIZATION = iris.term("Company"), iris.term("Organization")
CLASSES = frozenset((iris.term("DrugCandidate"), COMPANY, ORGANIZATION, iris.term("Indication")))
PROPERTIES = frozenset([SKOS + "prefLabel", SKOS + "altLabel", SKOS + "exactMatch",
                        *(iris.term(p) for p in ("codeName", "genericName", "brandName",
                                                 "hasListing"))])
DISCLOSURE, SOURCE_FILE, ISSUER = (iris.term(t) for t in ("Disclosure", "sourceFile", "issuer"))
FORMAT = 1  # PRAGMA user_version: a file of another format is rebuilt
SCHEMA = """
CREATE TABLE IF NOT EXISTS graphs (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS disclosures (
  graph INTEGER NOT NULL REFERENCES graphs(id) ON DELETE CASCADE,
  issuer TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (
  graph INTEGER NOT NULL REFERENCES graphs(id) ON DELETE CASCADE,
  entity TEXT NOT NULL, class TEXT NOT NULL, property TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY);
CREATE INDEX IF NOT EXISTS disclosures_by_graph ON disclosures(graph);
CREATE INDEX IF NOT EXISTS mentions_by_graph ON mentions(graph);
"""


CHUNK = 500  # ids in one `IN (…)` (SQLite allows 999 parameters at least)


class IndexGraphIds:
    """`kg.aliases.GraphIds` for rows that come with the index's own graph ids: resolution
    holds no IRI, and reads back only those of the few graphs merge evidence names."""

    def __init__(self, index: MentionIndex) -> None:
        self.index = index

    def id(self, graph: int) -> int:
        return graph

    def first_iris(self, ids: Iterable[int], limit: int) -> tuple[str, ...]:
        return tuple(heapq.nsmallest(limit, self.index.iris_of(ids)))


@dataclass(frozen=True)
class GraphRows:
    """One disclosure graph's rows: (issuer IRI or "", source file) and (entity, class,
    property, value), the same rows `kg.aliases.ISSUERS` and `MENTIONS` select from it."""

    disclosures: tuple[tuple[str, str], ...] = ()
    mentions: tuple[tuple[str, str, str, str], ...] = ()


def rows_of(graph: str, quads: Iterable) -> GraphRows:
    """The rows of one disclosure graph from its quads (pyoxigraph terms; graph names
    ignored): entities of the four resolved classes, a company not also as organisation."""
    types: dict[str, set[str]] = {}
    values: dict[str, list[tuple[str, str]]] = {}
    files, issuers = [], []
    for quad in quads:
        subject, predicate, obj = quad.subject.value, quad.predicate.value, quad.object.value
        if predicate == RDF_TYPE:
            types.setdefault(subject, set()).add(obj)
        elif predicate in PROPERTIES:
            values.setdefault(subject, []).append((predicate, obj))
        elif subject == graph and predicate == SOURCE_FILE:
            files.append(obj)
        elif subject == graph and predicate == ISSUER:
            issuers.append(obj)
    if DISCLOSURE not in types.get(graph, ()):
        return GraphRows()
    mentions = []
    for entity, classes in types.items():
        kept = classes & CLASSES
        if COMPANY in kept:
            kept.discard(ORGANIZATION)
        mentions += [(entity, cls, prop, value) for cls in sorted(kept)
                     for prop, value in values.get(entity, ())]
    return GraphRows(tuple((issuer, file) for file in sorted(files)
                           for issuer in sorted(issuers) or [""]), tuple(sorted(mentions)))


def rows_of_nquads(graph: str, nquads: bytes) -> GraphRows:
    """`rows_of` a graph given as N-Quads (when its worker did not send the rows)."""
    from pyoxigraph import RdfFormat, parse

    return rows_of(graph, parse(nquads, format=RdfFormat.N_QUADS))


def index_path(store: Path) -> Path:
    return store.parent / f"{store.name}.kg-mentions.sqlite"


class MentionIndex:
    """The rows of every disclosure graph of one store, in SQLite beside it. Writes are
    committed with `commit` (the build does so when it flushes the store, and at its end).

    A build marks the index `writing` before its first store write and clears the mark once
    the store is flushed and the rows committed: an index still marked when it is next
    opened may hold rows the store never got or miss rows it did (the same graph IRI
    rewritten by a new extractor), so its rows are dropped there and `synced` reads every
    graph again. A file SQLite cannot read is deleted and made anew; it is only a cache."""

    def __init__(self, path: Path) -> None:
        self.path = path  # `index_path(store)`, or a scratch file for a build to a file
        try:
            self.db = self.opened()
        except sqlite3.DatabaseError:
            for stale in (path, path.with_name(path.name + "-wal"),
                          path.with_name(path.name + "-shm")):
                stale.unlink(missing_ok=True)
            self.db = self.opened()
        self.interrupted = self.marked("writing")  # a build stopped between its two writes
        if self.interrupted:
            self.db.execute("DELETE FROM graphs")
            self.db.execute("DELETE FROM state WHERE key = 'complete'")
            self.db.commit()

    def opened(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                db.executescript("DROP TABLE IF EXISTS mentions; DROP TABLE IF EXISTS "
                                 "disclosures; DROP TABLE IF EXISTS graphs; DROP TABLE IF "
                                 f"EXISTS state; PRAGMA user_version = {FORMAT};")
            db.executescript("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                             "PRAGMA journal_mode = WAL;" + SCHEMA)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def marked(self, key: str) -> bool:
        return self.db.execute("SELECT 1 FROM state WHERE key = ?", (key,)).fetchone() is not None

    def start_writing(self, store) -> None:
        """Mark the index `writing` before the store is written to; an index made beside a
        store that holds no graph yet is complete from here on."""
        self.db.execute("INSERT OR IGNORE INTO state VALUES ('writing')")
        if next(iter(store.named_graphs()), None) is None:
            self.db.execute("INSERT OR IGNORE INTO state VALUES ('complete')")
        self.db.commit()

    def done_writing(self) -> None:
        self.db.execute("DELETE FROM state WHERE key = 'writing'")
        self.db.commit()

    def put(self, graph: str, rows: GraphRows) -> None:
        """Replace what the index holds for the graph."""
        self.drop(graph)
        graph_id = self.db.execute("INSERT INTO graphs (iri) VALUES (?)", (graph,)).lastrowid
        self.db.executemany("INSERT INTO disclosures VALUES (?, ?, ?)",
                            [(graph_id, *row) for row in rows.disclosures])
        self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
                            [(graph_id, *row) for row in rows.mentions])

    def drop(self, graph: str) -> None:
        self.db.execute("DELETE FROM graphs WHERE iri = ?", (graph,))

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def synced(self, store, *, full: bool = False) -> MentionIndex:
        """Make the index hold exactly the store's disclosure graphs, then return it for
        reading: a complete index drops the graphs the store no longer holds; an index that
        is not complete, or `full`, is compared with the list of the store's graphs and reads
        the graphs it lacks from the store. The `writing` mark stays: the caller clears it
        once what it writes from these rows is in the store."""
        from pyoxigraph import NamedNode

        if self.marked("complete") and not full:
            for graph in sorted(self.graphs()):
                if not store.contains_named_graph(NamedNode(graph)):
                    self.drop(graph)
            return self
        prefix = iris.entity("disclosure", "")
        held = {g.value for g in store.named_graphs() if g.value.startswith(prefix)}
        indexed = self.graphs()
        for graph in sorted(indexed - held):
            self.drop(graph)
        for graph in sorted(held - indexed):
            self.put(graph, rows_of(graph, store.quads_for_pattern(None, None, None,
                                                                   NamedNode(graph))))
        self.db.execute("INSERT OR IGNORE INTO state VALUES ('complete')")
        return self

    def count(self) -> int:
        """How many disclosure graphs the index holds."""
        return self.db.execute("SELECT count(*) FROM graphs").fetchone()[0]

    def graphs(self) -> set[str]:
        return {iri for (iri,) in self.db.execute("SELECT iri FROM graphs")}

    def issuer_rows(self) -> Iterator[tuple[int, str]]:
        """(graph id, issuer IRI) of each disclosure that names its issuer."""
        yield from self.db.execute("SELECT graph, issuer FROM disclosures WHERE issuer != ''")

    def mention_rows(self) -> Iterator[tuple[int, str, str, str, str]]:
        """`mentions` with the graph as the index's integer id (`IndexGraphIds`)."""
        yield from self.db.execute("SELECT graph, entity, class, property, value FROM mentions")

    def iris_of(self, ids: Iterable[int]) -> Iterator[str]:
        ids = list(ids)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            yield from (iri for (iri,) in self.db.execute(
                f"SELECT iri FROM graphs WHERE id IN ({','.join('?' * len(chunk))})", chunk))

    def sources_of(self, graphs: Iterable[str]) -> dict[str, str]:
        """graph IRI → source file, for the graphs given."""
        out = {}
        for graph in graphs:
            for (source,) in self.db.execute("SELECT d.source FROM disclosures d JOIN graphs g "
                                             "ON g.id = d.graph WHERE g.iri = ?", (graph,)):
                out[graph] = source
        return out

    def disclosures(self) -> Iterator[list[str]]:
        """Rows (graph, issuer or "", source file), as `kg.aliases.ISSUERS` selects them."""
        for row in self.db.execute("SELECT g.iri, d.issuer, d.source FROM disclosures d "
                                   "JOIN graphs g ON g.id = d.graph"):
            yield list(row)

    def mentions(self) -> Iterator[list[str]]:
        """Rows (graph, entity, class, property, value), as `kg.aliases.MENTIONS` selects
        them."""
        for row in self.db.execute("SELECT g.iri, m.entity, m.class, m.property, m.value "
                                   "FROM mentions m JOIN graphs g ON g.id = m.graph"):
            yield list(row)
