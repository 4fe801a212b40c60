"""Saved SPARQL queries (`queries/*.rq`): find them, read their headers, bind parameters as
RDF terms (never pasted into the text), run them and format the rows."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.resources import data_path

HEADER_LINE = re.compile(r"^#\s*(?P<key>title|description|param)\s*:\s*(?P<value>.*)$")
PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<type>iri|string)\))?\s*"
                   r"(?:[-—:]\s*(?P<doc>.*))?$")


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path
    title: str
    description: str
    params: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def read_header(path: Path) -> SavedQuery:
    title = description = ""
    params: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = HEADER_LINE.match(line)
        if not match:
            continue
        key, value = match.group("key"), match.group("value").strip()
        if key == "title":
            title = value
        elif key == "description":
            description = f"{description} {value}".strip()
        elif param := PARAM.match(value):
            kind = param.group("type") or "string"
            params[param.group("name")] = (kind, param.group("doc") or "")
    return SavedQuery(path.stem, path, title, description, params)


def saved_queries() -> dict[str, SavedQuery]:
    folder = data_path("queries")
    return {p.stem: read_header(p) for p in sorted(folder.glob("*.rq"))}


def find_query(name: str) -> SavedQuery:
    queries = saved_queries()
    if name not in queries:
        raise KgError(f"{name}: no saved query of that name (see `kg queries`)")
    return queries[name]


def bindings(query: SavedQuery, values: dict[str, str]) -> dict:
    """Parameter values as RDF terms; unknown names are an error, IRIs must be absolute."""
    from pyoxigraph import Literal, NamedNode, Variable

    out = {}
    for name, value in values.items():
        if name not in query.params:
            known = ", ".join(query.params) or "none"
            raise KgError(f"--param {name}: query {query.name} has no such parameter ({known})")
        kind = query.params[name][0]
        try:
            term = NamedNode(value) if kind == "iri" else Literal(value)
        except ValueError:
            raise KgError(f"--param {name}: not a valid IRI") from None
        out[Variable(name)] = term
    return out


def run_saved_query(store, query: SavedQuery, params: dict[str, str] | None = None
                    ) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT query over a pyoxigraph store; returns (columns, rows of strings)."""
    substitutions = bindings(query, params or {})
    try:
        solutions = store.query(query.text, substitutions=substitutions)
    except SyntaxError as err:
        raise KgError(f"{query.path}: invalid SPARQL ({str(err).splitlines()[0]})") from None
    columns = [v.value for v in solutions.variables]
    rows = [[term_text(solution[c]) for c in columns] for solution in solutions]
    return columns, rows


def term_text(term) -> str:
    if term is None:
        return ""
    return term.value


def format_rows(columns: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t",
                            lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(columns, r, strict=True)) for r in rows], indent=2,
                          ensure_ascii=False) + "\n"
    return table(columns, rows)


def table(columns: list[str], rows: list[list[str]], width: int = 48) -> str:
    """A plain text table; long cells are cut with an ellipsis."""
    def cut(cell: str) -> str:
        cell = " ".join(cell.split())
        return cell if len(cell) <= width else cell[: width - 1] + "…"

    cells = [[cut(c) for c in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
