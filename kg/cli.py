"""The `kg` command: options in, one library call, output out. Heavy libraries are imported
inside the commands so `kg --help` and `kg queries` start fast."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError

FORMATS = ("table", "csv", "tsv", "json")
store_option = click.option(
    "--store", "store_dir", type=click.Path(path_type=Path), default=None,
    help="Embedded store folder (default: $KG_STORE or ./.kg/store).")


@click.group()
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build knowledge graphs from biotech disclosures and query them."""


def fail(err: KgError, code: int = 2) -> None:
    click.echo(f"kg: {err}", err=True)
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write the graph to this file (.ttl .trig .nt .nq .jsonld).")
@store_option
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths: tuple[Path, ...], output: Path | None, store_dir: Path | None, quiet: bool
          ) -> None:
    """Read disclosures (files or folders), extract, validate and write the graph.

    With -o only, the graph goes to the file; otherwise (or with --store too) into the store.
    """
    from kg.pipeline import build as run_build
    from kg.serialize import format_for
    from kg.store import store_path

    try:
        if output is not None:
            format_for(output)
        store = store_path(store_dir) if (store_dir or output is None) else None
        report = run_build(list(paths), output=output, store=store)
    except KgError as err:
        fail(err)
    for line in report.failed + report.violations:
        click.echo(line, err=True)
    if not quiet:
        where = ", ".join(str(p) for p in (output, store) if p is not None)
        click.echo(f"{report.documents} documents, {len(report.failed)} failed, "
                   f"{len(report.violations)} violations, {report.facts} facts, "
                   f"{report.triples} triples → {where} ({report.seconds:.1f} s)", err=True)
    if report.violations:
        sys.exit(1)
    if report.failed:
        sys.exit(2)


def open_source(files: tuple[Path, ...], store_dir: Path | None):
    """An in-memory store of the files, or the embedded store when no file is given."""
    from kg.store import load_files, open_store, store_path

    if files:
        return load_files(files)
    return open_store(store_path(store_dir), read_only=True)


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
def query(name: str, files: tuple[Path, ...], params: tuple[str, ...], fmt: str,
          store_dir: Path | None) -> None:
    """Run the saved query NAME over FILES, or over the store when no file is given."""
    from kg.queries import find_query, format_rows, run_saved_query

    try:
        saved = find_query(name)
        store = open_source(files, store_dir)
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
        store = open_source(files, store_dir)
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
        store = open_source((), store_dir)
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
        store = open_source(files, store_dir)
        lines = graph_stats(store)
    except KgError as err:
        fail(err)
    for label, count in lines:
        click.echo(f"{label:<28}{count:>8}")
