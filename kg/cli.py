"""The `kg` command: options in, one library call, output out. Heavy libraries are imported
inside the commands so `kg --help` and `kg queries` start fast."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError

FORMATS = ("table", "csv", "tsv", "json")
store_option = click.option(
    "--store", "store_dir", type=click.Path(path_type=Path), default=None,
    help="Embedded store folder (default: $KG_STORE or ./.kg/store).")
SERVER_KINDS = ("oxigraph", "fuseki", "graphdb", "virtuoso", "generic")  # = kg.remote.LAYOUTS
REMOTE_OPTIONS = [
    click.option("--endpoint", metavar="URL",
                 help="Base URL of a SPARQL server, e.g. http://localhost:7878 (see --server)."),
    click.option("--server", "server_kind", type=click.Choice(SERVER_KINDS),
                 default="oxigraph", show_default=True,
                 help="Which server --endpoint is: sets its query/update/data URLs."),
    click.option("--query-endpoint", metavar="URL", help="SPARQL query URL (overrides)."),
    click.option("--update-endpoint", metavar="URL", help="SPARQL update URL (overrides)."),
    click.option("--data-endpoint", metavar="URL", help="Graph Store Protocol URL (overrides)."),
    click.option("--user", help="User name; the password comes from $KG_PASSWORD or a prompt. "
                                "A bearer token is read from $KG_TOKEN."),
    click.option("--timeout", type=float, default=60.0, show_default=True,
                 help="Seconds to wait for each answer."),
    click.option("--retries", type=click.IntRange(0, 10), default=4, show_default=True,
                 help="Retries on 5xx answers and connection errors (backoff 0.5 s, 1 s, …)."),
]


def remote_options(command):
    for option in reversed(REMOTE_OPTIONS):
        command = option(command)
    return command


@click.group()
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build knowledge graphs from biotech disclosures and query them."""


def fail(err: KgError, code: int = 2) -> None:
    click.echo(f"kg: {err}", err=True)
    sys.exit(code)


def connect(endpoint: str | None, server_kind: str, user: str | None, **options):
    """A SPARQL server client from the remote options, or None without --endpoint/URLs.

    Secrets never come from the command line: the password from $KG_PASSWORD or a prompt,
    a bearer token from $KG_TOKEN.
    """
    urls = ("query_endpoint", "update_endpoint", "data_endpoint")
    if not endpoint and not any(options.get(u) for u in urls):
        return None
    from kg.remote import connect as remote_connect

    password = None
    if user:
        password = os.environ.get("KG_PASSWORD")
        if password is None:
            password = click.prompt(f"Password for {user}", hide_input=True, err=True)
    return remote_connect(endpoint, server=server_kind, user=user, password=password,
                          token=os.environ.get("KG_TOKEN") or None, **options)


def echo_load(report, quiet: bool) -> None:
    """One line per graph (failures always), then the summary."""
    if not quiet:
        for graph in report.loaded:
            click.echo(f"loaded   {graph}")
        for graph in report.skipped:
            click.echo(f"skipped  {graph}  (unchanged on the server)")
    for graph, reason in report.failed.items():
        click.echo(f"failed   {graph}  {reason}", err=True)
    click.echo(report.summary(), err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the graph to this file (.ttl .trig .nt .nq .jsonld).")
@store_option
@remote_options
@click.option("--force", is_flag=True,
              help="Read every file again, even those the store holds unchanged; with "
                   "--endpoint, load graphs even if unchanged.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that fails.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes reading documents (default: the number of cores, "
                   "fewer for a few documents).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Under folders, take only files matching GLOB (repeatable): `*.html`, "
                   "`2024/*`; a glob without / matches any name in the path.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Under folders, leave out files matching GLOB (repeatable): `drafts`.")
@click.option("--prune", is_flag=True,
              help="Remove from the store the graphs of files under PATHS that are gone.")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths: tuple[Path, ...], output: Path | None, store_dir: Path | None, force: bool,
          fail_fast: bool, jobs: int | None, include: tuple[str, ...],
          exclude: tuple[str, ...], prune: bool, quiet: bool, **remote) -> None:
    """Read disclosures (files or folders), extract, validate and write the graph.

    The graph goes to the file (-o), the store (--store) and/or a SPARQL server (--endpoint);
    with none of them, into the store. Files the store holds unchanged are not read again.
    A progress line goes to stderr (redrawn on a terminal, every 5 s otherwise).
    """
    from kg.pipeline import build as run_build
    from kg.progress import Progress
    from kg.serialize import format_for
    from kg.store import store_path

    bar = Progress(0, quiet=quiet)
    try:
        if output is not None:
            format_for(output)
        server = connect(**remote)
        default = output is None and server is None
        store = store_path(store_dir) if (store_dir or default) else None
        if prune and store is None:
            raise KgError("--prune removes graphs from the store: give --store as well")
        with bar:
            report = run_build(list(paths), output=output, store=store, server=server,
                               force=force, fail_fast=fail_fast, jobs=jobs, include=include,
                               exclude=exclude, prune=prune, on_found=bar.start,
                               progress=lambda _: bar.advance())
    except KgError as err:
        fail(err)
    except KeyboardInterrupt:
        fail(KgError("interrupted; no file or graph was left half-written"), 130)
    for line in report.failed + report.violations:
        click.echo(line, err=True)
    if not quiet:
        target = report.load.target if report.load is not None else None
        where = ", ".join(str(p) for p in (output, store, target) if p is not None)
        click.echo(f"{build_summary(report)} → {where} ({report.seconds:.1f} s)", err=True)
    if report.load is not None:
        echo_load(report.load, quiet)
    if report.violations:
        sys.exit(1)
    if report.failed or (report.load is not None and not report.load.ok):
        sys.exit(2)


def build_summary(report) -> str:
    """`12 documents: 10 read, 2 skipped (unchanged), 0 failed, 0 violations; 210 facts,
    3760 triples`, with files left unread by --fail-fast and pruned ones when there are."""
    parts = [f"{report.read} read", f"{report.unchanged} skipped (unchanged)",
             f"{len(report.failed)} failed", f"{len(report.violations)} violations"]
    if report.skipped:
        parts.append(f"{report.skipped} not read (--fail-fast)")
    if report.pruned:
        parts.append(f"{report.pruned} pruned")
    return (f"{report.documents} documents: {', '.join(parts)}; {report.facts} facts, "
            f"{report.triples} triples")


@contextmanager
def open_source(files: tuple[Path, ...], store_dir: Path | None):
    """An in-memory store of the files, or the embedded store (read-only, under a shared
    lock) when no file is given."""
    from kg.store import load_files, reading, store_path

    if files:
        yield load_files(files)
        return
    with reading(store_path(store_dir)) as store:
        yield store


def parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise KgError(f"--param {item}: expected KEY=VALUE")
        out[key.strip()] = value
    return out


@main.command()
@click.argument("name")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@store_option
@remote_options
def query(name: str, files: tuple[Path, ...], params: tuple[str, ...], fmt: str,
          store_dir: Path | None, **remote) -> None:
    """Run the saved query NAME over FILES, the store when no file is given, or a SPARQL
    server (--endpoint)."""
    from kg.queries import find_query, format_rows, run_saved_query, run_saved_query_remote

    try:
        saved = find_query(name)
        server = connect(**remote)
        if server is not None:
            if files:
                raise KgError("give FILES or --endpoint, not both")
            columns, rows = run_saved_query_remote(server, saved, parse_params(params))
        else:
            with open_source(files, store_dir) as store:
                columns, rows = run_saved_query(store, saved, parse_params(params))
    except KgError as err:
        fail(err)
    click.echo(format_rows(columns, rows, fmt), nl=False)


@main.command("queries")
def list_queries() -> None:
    """List the saved queries with their descriptions and parameters."""
    from kg.queries import saved_queries

    for query_ in saved_queries().values():
        click.echo(f"{query_.name:<22} {query_.title}")
        for pname, (kind, doc) in query_.params.items():
            click.echo(f"{'':<22}   --param {pname}=… ({kind}) {doc}")


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@store_option
def validate(files: tuple[Path, ...], store_dir: Path | None) -> None:
    """Check graph files (or the store) against the SHACL shapes; exit 1 on violations."""
    from kg.validate import validate_store

    try:
        with open_source(files, store_dir) as store:
            report = validate_store(store)
    except KgError as err:
        fail(err)
    for violation in report.violations:
        click.echo(str(violation))
    click.echo("conforms" if report.conforms else f"{len(report.violations)} violations",
               err=True)
    sys.exit(0 if report.conforms else 1)


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write (.ttl .trig .nt .nq .jsonld).")
@store_option
def export(output: Path, store_dir: Path | None) -> None:
    """Write the whole store to a file."""
    from kg.rdf import PREFIXES
    from kg.serialize import write_sorted

    try:
        with open_source((), store_dir) as store:
            count = write_sorted(store, output, PREFIXES)
    except KgError as err:
        fail(err)
    click.echo(f"{count} quads → {output}", err=True)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@store_option
def stats(files: tuple[Path, ...], store_dir: Path | None) -> None:
    """Counts of disclosures, entities and facts in the store (or FILES)."""
    from kg.stats import graph_stats, most_connected

    try:
        with open_source(files, store_dir) as store:
            lines = graph_stats(store)
            connected = most_connected(store)
    except KgError as err:
        fail(err)
    for label, count in lines:
        click.echo(f"{label:<28}{count:>8}")
    for heading, ranked in connected:
        click.echo(heading)
        for name, degree in ranked:
            click.echo(f"  {name[:25] + '…' if len(name) > 26 else name:<26}{degree:>8}")


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@store_option
@remote_options
@click.option("--force", is_flag=True, help="Load every graph, even those unchanged.")
@click.option("--max-request-mb", type=float, default=16.0, show_default=True,
              help="Larger graphs go in several requests (also after a 413 answer).")
@click.option("--quiet", is_flag=True, help="Print only failures and the summary.")
def load(files: tuple[Path, ...], store_dir: Path | None, force: bool, max_request_mb: float,
         quiet: bool, **remote) -> None:
    """Load named graphs from FILES (.trig .nq), or the whole store, into a SPARQL server.

    Each graph replaces its namesake (Graph Store Protocol PUT); graphs the server already
    holds unchanged are skipped, so a re-run after a failure loads only what is missing.
    The entity resolution graph is then computed over all the server holds.
    Exit 2 when any graph failed.
    """
    from kg.remote import load_graphs
    from kg.resolve import ResolvedOnServer
    from kg.store import graphs_in

    try:
        if max_request_mb <= 0:
            raise KgError(f"--max-request-mb {max_request_mb:g}: must be positive")
        server = connect(**remote, max_request_bytes=int(max_request_mb * 1024 * 1024))
        if server is None:
            raise KgError("no server given: pass --endpoint URL")
        with open_source(files, store_dir) as store:
            graphs = graphs_in(store, ", ".join(map(str, files)) or "store")
        report = load_graphs(server, ResolvedOnServer(server, graphs), force=force)
    except KgError as err:
        fail(err)
    echo_load(report, quiet)
    sys.exit(0 if report.ok else 2)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--split", "split", multiple=True, metavar="IRI",
              help="Never merge this entity (id:drug/… or its full IRI) with another: undoes a "
                   "wrong merge; kept in the store (repeatable).")
@click.option("--unsplit", multiple=True, metavar="IRI", help="Undo a --split (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
def resolve(files: tuple[Path, ...], store_dir: Path | None, split: tuple[str, ...],
            unsplit: tuple[str, ...], fmt: str) -> None:
    """Show which entities are merged across disclosures, and why (one row per evidence).

    On the store this recomputes its resolution graph (a build does so too), after recording
    any --split/--unsplit; on FILES it only shows what would be merged.
    """
    from kg.queries import format_rows
    from kg.resolve import entity_iri, evidence_rows, keep_apart, local_select
    from kg.resolve import refresh_resolution as refresh
    from kg.resolve import resolve as run_resolve
    from kg.store import load_files, store_path, writer_lock

    try:
        if files:
            if split or unsplit:
                raise KgError("--split and --unsplit change the store: give no FILES")
            resolution = run_resolve(local_select(load_files(files)))
        else:
            path = store_path(store_dir)
            if not path.exists():
                raise KgError(f"{path}: no store here (run `kg build` first or pass --store)")
            with writer_lock(path, "kg resolve"):
                keep_apart(path, [entity_iri(i) for i in split],
                           [entity_iri(i) for i in unsplit])
                resolution = refresh(path, full=True)
    except KgError as err:
        fail(err)
    click.echo(format_rows(*evidence_rows(resolution), fmt), nl=False)
    for shared, carriers in sorted(resolution.ambiguous.items()):
        click.echo(f"ambiguous, not used: {shared} ({', '.join(carriers)})", err=True)
    for group in resolution.conflicts:
        click.echo(f"not merged (names that cannot be one entity): {', '.join(group)}", err=True)
    members = sum(len(c.members) for c in resolution.clusters)
    click.echo(f"{members} entities merged into {len(resolution.clusters)}, "
               f"{len(resolution.conflicts)} left apart as conflicting, "
               f"{len(resolution.splits)} split by hand", err=True)


@main.command("graph")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write: .graphml (Gephi, Cytoscape) or .json (networkx node-link).")
@store_option
def graph_export(files: tuple[Path, ...], output: Path, store_dir: Path | None) -> None:
    """Export the entity graph (companies, drugs, indications, agencies, trials and how they
    relate, entities resolved across disclosures) of the store or FILES."""
    from kg.entity_graph import entity_graph, write_entity_graph

    try:
        if output.suffix.lower() not in (".graphml", ".json"):
            raise KgError(f"{output}: unknown graph format (use .graphml or .json)")
        with open_source(files, store_dir) as store:
            graph = entity_graph(store)
        write_entity_graph(graph, output)
    except KgError as err:
        fail(err)
    click.echo(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges → {output}",
               err=True)
