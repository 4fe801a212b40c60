"""Entity resolution across disclosures: one node per real-world drug, company or indication.

Each disclosure's graph names entities by deterministic IRIs, so `CLR 131` and `CLR-131` are
one IRI already, but `AB-123 (examplimab)` in one release and `examplimab (AB-123)` in the
next give `id:drug/ab123` and `id:drug/examplimab`. This stage reads every entity's names over
all disclosure graphs, builds an alias graph with networkx (entity IRIs and the names,
listings and identifiers they carry as nodes; "carries" as edges, each with its evidence:
which label, in which disclosure, by which rule) and merges the entities of each connected
component. The result is one named graph, `id:graph/resolution`:

- `<member> bkg:resolvesTo <canonical>` for every entity (the canonical, and an entity nothing
  merges with, resolves to itself), so queries join through it without OPTIONAL;
- the canonical's preferred and alternative labels over all its members, and the lookup key
  (`bkg:nameKey`) of each of their names, so a saved query finds an entity by any name with
  an index lookup;
- one `bkg:MergeEvidence` node per alias-graph edge, so a wrong merge can be traced.

Merges are conservative: only distinctive names count (`kg.names.distinctive`), a name
carried by entities that cannot be one (different codes, unrelated company names, different
MONDO ids) is dropped, and a component that still holds such a pair is left unmerged. A wrong
merge is undone with `kg resolve --split IRI`, kept in the store's `id:graph/curation`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from kg import grounding, iris, names
from kg.aliases import (
    ISSUERS,
    MENTIONS,
    PREFIXES,
    Entity,
    GraphIds,
    Link,
    Select,
    alias_graph,
    conflict,
    links,
    local_select,
    read_entities,
    read_issuers,
)
from kg.errors import KgError
from kg.names import DRUG, INDICATION, ORGANIZATION

if TYPE_CHECKING:
    from kg.mentions import MentionIndex

RESOLUTION_GRAPH = iris.graph("resolution")
CURATION_GRAPH = iris.graph("curation")
SPLITS = PREFIXES + f"""SELECT DISTINCT ?e WHERE {{
  GRAPH <{CURATION_GRAPH}> {{ ?e bkg:keptApart true }}
}}"""
RESOLVED = PREFIXES + f"""SELECT ?member ?canonical WHERE {{
  GRAPH <{RESOLUTION_GRAPH}> {{ ?member bkg:resolvesTo ?canonical }}
}}"""
KINDS_OF_IRI = ("drug", "company", "organization", "indication")
RESOLUTION_CHUNK = 4096  # quads written in one transaction (`update_resolution`)
EVIDENCE_DISCLOSURES = 10  # disclosures a merge evidence names (`bkg:disclosureCount`)


@dataclass(frozen=True)
class MergeEvidence:
    """Why `member` is merged: it carries `alias_key` (as `labels`, in `count` disclosures,
    the first EVIDENCE_DISCLOSURES of them by IRI in `graphs`) as another member does, found
    by `rule`."""

    member: str
    alias_key: str
    rule: str
    labels: tuple[str, ...]
    graphs: tuple[str, ...]
    count: int


@dataclass
class Cluster:
    """Entities resolved to one: the canonical IRI, its labels, members and evidence."""

    kind: str
    canonical: str
    members: tuple[str, ...]
    label: str
    alt_labels: tuple[str, ...]
    evidence: tuple[MergeEvidence, ...]


@dataclass
class Resolution:
    clusters: list[Cluster] = field(default_factory=list)
    conflicts: list[tuple[str, ...]] = field(default_factory=list)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)  # shared → carriers
    splits: set[str] = field(default_factory=set)
    entities: dict[str, Entity] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # evidence's graph IRI → file
    violations: list[str] = field(default_factory=list)  # of the graph, which was not written

    def canonical_map(self) -> dict[str, str]:
        return {m: c.canonical for c in self.clusters for m in c.members}


# --- components → clusters -------------------------------------------------------------------

def resolve(select: Select, index: MentionIndex | None = None) -> Resolution:
    """Read the entities of every disclosure graph and merge those that are one; their
    names come from `index` when given (kept in step with the store, `kg.mentions`), else
    from `select`, which also gives the curation's splits."""
    import networkx as nx

    from kg.mentions import IndexGraphIds

    graph_ids = IndexGraphIds(index) if index else GraphIds()
    issuers = read_issuers(index.issuer_rows() if index else select(ISSUERS), graph_ids)
    entities = read_entities(index.mention_rows() if index else select(MENTIONS), graph_ids)
    splits = {row[0] for row in select(SPLITS)}
    graph = alias_graph(entities, links(entities, issuers), splits)
    resolution = Resolution(splits=splits, entities=entities,
                            ambiguous=graph.graph["ambiguous"])
    for component in sorted(nx.connected_components(graph), key=lambda c: sorted(c)):
        members = sorted(node[1] for node in component if node[0] == "entity")
        if len(members) < 2:
            continue
        group = [entities[iri] for iri in members]
        if any(conflict(a, b) for a, b in combinations(group, 2)):
            resolution.conflicts.append(tuple(members))
        else:
            resolution.clusters.append(make_cluster(group, graph, graph_ids))
    named = {g for cluster in resolution.clusters for ev in cluster.evidence for g in ev.graphs}
    if named:
        resolution.sources = index.sources_of(sorted(named)) if index else {
            graph: source for graph, _issuer, source in select(ISSUERS) if graph in named}
    return resolution


def make_cluster(group: list[Entity], graph, graph_ids: GraphIds) -> Cluster:
    kind = group[0].kind
    canonical = CANONICAL[kind](group)
    label = cluster_label(canonical)
    return Cluster(kind, canonical.iri, tuple(e.iri for e in group), label,
                   alternative_labels(group, label),
                   tuple(merge_evidence(group, graph, graph_ids)))


def alternative_labels(group: list[Entity], label: str) -> tuple[str, ...]:
    """Every name of every member once, ignoring case (the form used most, lower case first
    on a tie), except the preferred label."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for entity in group:
        for name, graphs in entity.names.items():
            forms[name.casefold()][name] += len(graphs)
    chosen = {min(c.items(), key=lambda kv: (-kv[1], not kv[0].islower(), kv[0]))[0]
              for folded, c in forms.items() if folded != label.casefold()}
    return tuple(sorted(chosen))


def merge_evidence(group: list[Entity], graph, graph_ids: GraphIds) -> list[MergeEvidence]:
    """One record per edge whose name joins two or more members, grouped by rule."""
    out = []
    for entity in group:
        for node in sorted(graph[("entity", entity.iri)]):
            if len(graph[node]) < 2:
                continue
            by_rule: dict[str, list[Link]] = defaultdict(list)
            for link in graph.edges[("entity", entity.iri), node]["links"]:
                by_rule[link.rule].append(link)
            for rule, found in sorted(by_rule.items()):
                seen = set().union(*(g for lk in found for g in lk.graphs))
                out.append(MergeEvidence(entity.iri, node[-1], rule,
                                         tuple(sorted({lk.label for lk in found})),
                                         graph_ids.first_iris(seen, EVIDENCE_DISCLOSURES),
                                         len(seen)))
    return out


def canonical_drug(group: list[Entity]) -> Entity:
    """The IRI of a development code when one is the code of the drug (codes come first and
    stay: a generic name is usually given later), else the smallest IRI."""
    codes = set().union(*(e.codes for e in group))
    return min(group, key=lambda e: (e.key not in codes, e.iri))


def canonical_organization(group: list[Entity]) -> Entity:
    """A company rather than an untyped organisation, then the fullest name."""
    return min(group, key=lambda e: ("Company" not in e.classes,
                                     -len(names.words_of(e.key)), e.iri))


def canonical_indication(group: list[Entity]) -> Entity:
    """The IRI worded as the vocabulary words the shared identifier, else the smallest."""
    worded = {iris.slug(grounding.indication_labels()[i])
              for e in group for i in e.identifiers if i in grounding.indication_labels()}
    return min(group, key=lambda e: (e.key not in worded, e.iri))


CANONICAL = {DRUG: canonical_drug, ORGANIZATION: canonical_organization,
             INDICATION: canonical_indication}


def cluster_label(canonical: Entity) -> str:
    """The canonical's own preferred label (its IRI was minted from it), except that an
    indication takes the vocabulary's wording of the identifier its members share."""
    if canonical.kind == INDICATION:
        for identifier in sorted(canonical.identifiers):
            label = grounding.indication_labels().get(identifier)
            if label and iris.slug(label) == canonical.key:
                return label
    return canonical.label


# --- the resolution graph --------------------------------------------------------------------

def resolution_quads(resolution: Resolution) -> list:
    """The quads of `id:graph/resolution`, sorted: every entity resolves to its canonical (an
    entity nothing merges with, to itself), every canonical carries its label and the lookup
    keys of all its members' names, and every merge its evidence."""
    from kg.rdf import PROV, GraphWriter, bkg, string, typed

    writer = GraphWriter(RESOLUTION_GRAPH)
    entities = resolution.entities
    clustered = {member for cluster in resolution.clusters for member in cluster.members}
    for iri in sorted(set(entities) - clustered):
        typed_label(writer, entities[iri], entities[iri].label)
        writer.add(iri, bkg("resolvesTo"), iri)
        add_name_keys(writer, iri, [entities[iri]])
    for cluster in resolution.clusters:
        typed_label(writer, entities[cluster.canonical], cluster.label, cluster.alt_labels)
        add_name_keys(writer, cluster.canonical, [entities[m] for m in cluster.members])
        for member in cluster.members:
            typed_label(writer, entities[member], entities[member].label)
            writer.add(member, bkg("resolvesTo"), cluster.canonical)
        for ev in cluster.evidence:
            node = writer.typed_node(iris.merge_evidence(ev.member, ev.alias_key, ev.rule),
                                     "MergeEvidence")
            writer.add(node, bkg("mergedEntity"), ev.member)
            writer.add(node, bkg("mergedInto"), cluster.canonical)
            writer.add(node, bkg("aliasKey"), string(ev.alias_key))
            writer.add(node, bkg("resolutionRule"), string(ev.rule))
            for label in ev.labels:
                writer.add(node, bkg("aliasLabel"), string(label))
            for graph in ev.graphs:
                writer.add(node, PROV + "wasDerivedFrom", graph)
            writer.add(node, bkg("disclosureCount"), typed(ev.count, "integer"))
    return sorted(writer.quads, key=str)


def add_name_keys(writer, canonical: str, members: list[Entity]) -> None:
    """`bkg:nameKey` of every name any member carries, so that a query finds an entity by
    any of its names with one index lookup instead of normalising every label it holds. An
    entity whose names have no ASCII letter or digit is keyed by its IRI, so that every
    entity has a key and a query that lists all of them through the keys misses none."""
    from kg.rdf import bkg, string

    keys = {names.lookup_key(name) for member in members for name in member.names} - {""}
    for key in sorted(keys or {names.lookup_key(canonical.rsplit("/", 1)[-1])}):
        writer.add(canonical, bkg("nameKey"), string(key))


def typed_label(writer, entity: Entity, label: str, alt: Iterable[str] = ()) -> None:
    cls = "Company" if "Company" in entity.classes else sorted(entity.classes)[0]
    writer.labelled(entity.iri, cls, label, alt)
    if cls == "Company":
        writer.typed_node(entity.iri, "Organization")


def refresh_resolution(path: Path, *, full: bool = False, compact: bool = False
                       ) -> Resolution:
    """Recompute `id:graph/resolution` over the whole store at `path` (closed), after a
    build or a split; the caller holds the store's writer lock. `full` compares the mention
    index with every graph of the store first (`MentionIndex.synced`); `compact` compacts
    the store once all is written (`kg.store.compact_store`)."""
    from kg.mentions import MentionIndex, index_path
    from kg.store import compact_store, open_store, readers_excluded

    with readers_excluded(path):
        store = open_store(path)
        index = MentionIndex(index_path(path))
        try:
            index.start_writing(store)  # a kill before the graph is whole: the next build
            resolution = update_resolution(store, index.synced(store, full=full))  # redoes it
            store.flush()
            index.done_writing()
            if compact:
                compact_store(store)
        finally:
            index.close()
            del store
    return resolution


def update_resolution(store, index: MentionIndex | None = None) -> Resolution:
    """Recompute `id:graph/resolution` in a store open for writing, the names read from
    `index` when given; the graph is removed when the store holds no entities.

    The old graph is removed, then the new one added, RESOLUTION_CHUNK quads a transaction:
    one SPARQL update doing both needs its whole text parsed in memory, and one transaction
    holds all its writes in memory until it commits (tens of MB at 50,000 releases). Meanwhile
    the store has no resolution graph, or part of one; a caller with an index keeps it marked
    `writing` until the store is flushed, so a build killed there is redone by the next one
    (and `kg.pipeline.resolution_outdated` sees the graph missing too)."""
    from pyoxigraph import NamedNode, Quad

    resolution = resolve(local_select(store), index)
    quads = resolution_quads(resolution)
    resolution.violations = checked(quads)
    if resolution.violations:
        return resolution  # the previous graph stays: the build reports the violations
    graph = NamedNode(RESOLUTION_GRAPH)
    store.remove_graph(graph)
    store.flush()
    for start in range(0, len(quads), RESOLUTION_CHUNK):
        store.extend(Quad(q.subject, q.predicate, q.object, graph)
                     for q in quads[start:start + RESOLUTION_CHUNK])
        store.flush()
    return resolution


def checked(quads: list) -> list[str]:
    """The cross-document shapes (canonicals resolve to themselves, evidence agrees, name
    keys in lookup form) on the resolution graph, as `id:graph/resolution: …` lines."""
    from kg.validate import validate_quads

    return [f"id:graph/resolution: {v}" for v in validate_quads(quads).violations]


def resolution_of(store) -> dict[str, str]:
    """member IRI → canonical IRI: from the store's resolution graph when it has one,
    else computed from its disclosure graphs (graph files written without it)."""
    select = local_select(store)
    found = {member: canonical for member, canonical in select(RESOLVED)}
    return found or resolve(select).canonical_map()


# --- undoing a merge -------------------------------------------------------------------------

def entity_iri(text: str) -> str:
    """An entity IRI from `id:drug/ab123` or the full IRI; only resolvable kinds."""
    iri = iris.ID + text[3:] if text.startswith("id:") else text
    kind = iri[len(iris.ID):].split("/", 1)[0] if iri.startswith(iris.ID) else ""
    if kind not in KINDS_OF_IRI or iri.count("/") != iris.ID.count("/") + 1:
        raise KgError(f"{text}: not an entity IRI (id:drug/…, id:company/…, "
                      "id:organization/… or id:indication/…)")
    return iri


def keep_apart(path: Path, split: Iterable[str] = (), unsplit: Iterable[str] = ()) -> None:
    """Record in the store's `id:graph/curation` that entities are never merged (split) or
    may be again (unsplit); the caller holds the writer lock and refreshes the resolution."""
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.store import open_store, readers_excluded

    graph, prop = NamedNode(CURATION_GRAPH), NamedNode(iris.term("keptApart"))
    yes = Literal("true", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    with readers_excluded(path):
        store = open_store(path)
        try:
            for iri in split:
                if not any(store.quads_for_pattern(NamedNode(iri), None, None)):
                    raise KgError(f"{iri}: no such entity in the store")
                store.add(Quad(NamedNode(iri), prop, yes, graph))
            for iri in unsplit:
                store.remove(Quad(NamedNode(iri), prop, yes, graph))
            store.flush()
        finally:
            del store


def evidence_rows(resolution: Resolution) -> tuple[list[str], list[list[str]]]:
    """One row per merge evidence, for `kg resolve`: which member joined which entity, on
    which shared name, as written where."""
    columns = ["canonical", "label", "member", "rule", "shared", "as_written", "documents"]
    rows = []
    for cluster in resolution.clusters:
        for ev in cluster.evidence:
            docs = sorted(resolution.sources.get(g, g) for g in ev.graphs)
            if ev.count > len(docs):
                docs.append(f"… {ev.count - len(docs)} more")
            rows.append([compact(cluster.canonical), cluster.label, compact(ev.member),
                         ev.rule.split(".")[2], ev.alias_key, " | ".join(ev.labels),
                         ", ".join(docs)])
    return columns, rows


def compact(iri: str) -> str:
    return "id:" + iri[len(iris.ID):] if iri.startswith(iris.ID) else iri


class ResolvedOnServer(Mapping):
    """Graphs to load to a SPARQL server, then `id:graph/resolution` resolved over the
    server when asked for, which `kg.remote.load_graphs` does after putting the others: a
    store's own resolution covers only that store, and would hide what other loads put on a
    shared server. A resolution graph among `graphs` is left out for the server's."""

    def __init__(self, server, graphs: Mapping[str, list]) -> None:
        self.server, self.graphs = server, graphs

    def __getitem__(self, graph_iri: str) -> list:
        if graph_iri != RESOLUTION_GRAPH:
            return self.graphs[graph_iri]
        quads = resolution_quads(resolve(lambda sparql: self.server.select(sparql)[1]))
        violations = checked(quads)
        if violations:
            raise KgError(f"{violations[0]} (and {len(violations) - 1} more)"
                          if len(violations) > 1 else violations[0])
        return quads

    def __iter__(self) -> Iterator[str]:
        yield from (g for g in self.graphs if g != RESOLUTION_GRAPH)
        yield RESOLUTION_GRAPH

    def __len__(self) -> int:
        return sum(1 for _ in self)
