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
@click.option("--force", is_flag=True, help="With --endpoint: load graphs even if unchanged.")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths: tuple[Path, ...], output: Path | None, store_dir: Path | None, force: bool,
          quiet: bool, **remote) -> None:
    """Read disclosures (files or folders), extract, validate and write the graph.

    The graph goes to the file (-o), the store (--store) and/or a SPARQL server (--endpoint);
    with none of them, into the store.
    """
    from kg.pipeline import build as run_build
    from kg.serialize import format_for
    from kg.store import store_path

    try:
        if output is not None:
            format_for(output)
        server = connect(**remote)
        default = output is None and server is None
        store = store_path(store_dir) if (store_dir or default) else None
        report = run_build(list(paths), output=output, store=store, server=server, force=force)
    except KgError as err:
        fail(err)
    for line in report.failed + report.violations:
        click.echo(line, err=True)
    if not quiet:
        target = report.load.target if report.load is not None else None
        where = ", ".join(str(p) for p in (output, store, target) if p is not None)
        click.echo(f"{report.documents} documents, {len(report.failed)} failed, "
                   f"{len(report.violations)} violations, {report.facts} facts, "
                   f"{report.triples} triples → {where} ({report.seconds:.1f} s)", err=True)
    if report.load is not None:
        echo_load(report.load, quiet)
    if report.violations:
        sys.exit(1)
    if report.failed or (report.load is not None and not report.load.ok):
        sys.exit(2)


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
    from kg.validate import validate_quads

    try:
        with open_source(files, store_dir) as store:
            report = validate_quads(list(store))
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
    from kg.serialize import serialize, write_atomic

    try:
        with open_source((), store_dir) as store:
            quads = sorted(store, key=str)
        write_atomic(output, serialize(quads, output, PREFIXES))
    except KgError as err:
        fail(err)
    click.echo(f"{len(quads)} quads → {output}", err=True)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@store_option
def stats(files: tuple[Path, ...], store_dir: Path | None) -> None:
    """Counts of disclosures, entities and facts in the store (or FILES)."""
    from kg.stats import graph_stats

    try:
        with open_source(files, store_dir) as store:
            lines = graph_stats(store)
    except KgError as err:
        fail(err)
    for label, count in lines:
        click.echo(f"{label:<28}{count:>8}")


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
    Exit 2 when any graph failed.
    """
    from kg.remote import load_graphs
    from kg.store import graphs_in

    try:
        if max_request_mb <= 0:
            raise KgError(f"--max-request-mb {max_request_mb:g}: must be positive")
        server = connect(**remote, max_request_bytes=int(max_request_mb * 1024 * 1024))
        if server is None:
            raise KgError("no server given: pass --endpoint URL")
        with open_source(files, store_dir) as store:
            graphs = graphs_in(store, ", ".join(map(str, files)) or "store")
        report = load_graphs(server, graphs, force=force)
    except KgError as err:
        fail(err)
    echo_load(report, quiet)
    sys.exit(0 if report.ok else 2)
