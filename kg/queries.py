"""Saved SPARQL queries (`queries/*.rq`): find them, read their headers, bind parameters as
RDF terms (never pasted into the text), run them and format the rows."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.resources import data_path

HEADER_LINE = re.compile(r"^#\s*(?P<key>title|description|param)\s*:\s*(?P<value>.*)$")
PARAM = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<type>iri|string|name)\))?\s*"
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
    """Parameter values as RDF terms; unknown names are an error, IRIs must be absolute.

    A `name` parameter is bound in lookup form (`kg.names.lookup_key`: `AB-123` → `ab123`),
    the form entity resolution writes as `bkg:nameKey`, so the query finds the entity with
    one index lookup rather than normalising every label in the store."""
    from pyoxigraph import Literal, NamedNode, Variable

    from kg.names import lookup_key

    out = {}
    for name, value in values.items():
        if name not in query.params:
            known = ", ".join(query.params) or "none"
            raise KgError(f"--param {name}: query {query.name} has no such parameter ({known})")
        kind = query.params[name][0]
        try:
            term = (NamedNode(value) if kind == "iri"
                    else Literal(lookup_key(value)) if kind == "name" else Literal(value))
        except ValueError:
            raise KgError(f"--param {name}: not a valid IRI") from None
        out[Variable(name)] = term
    return out


def run_saved_query(store, query: SavedQuery, params: dict[str, str] | None = None
                    ) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT query over a pyoxigraph store; returns (columns, rows of strings).

    Parameters are bound as VALUES blocks (`bind_values`), exactly as on a SPARQL server, so
    both give the same rows (pyoxigraph's own `substitutions=` wants them in the projection).
    """
    text = bind_values(query.text, bindings(query, params or {}))
    try:
        solutions = store.query(text)
    except SyntaxError as err:
        raise KgError(f"{query.path}: invalid SPARQL ({str(err).splitlines()[0]})") from None
    columns = [v.value for v in solutions.variables]
    rows = [[term_text(solution[c]) for c in columns] for solution in solutions]
    return columns, rows


TOKEN = re.compile("|".join([
    r"(?P<comment>#[^\n]*)",
    r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*')",
    r"(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)",
    r"(?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)",
    r"(?P<brace>[{}])",
    r"(?P<word>[A-Za-z_][A-Za-z0-9_-]*)",
]))


def bind_values(sparql: str, substitutions: Mapping) -> str:
    """The SELECT query with each variable bound to its term by `VALUES ?v { term }`.

    The block goes at the start of the outermost WHERE group and of every group that uses
    the variable itself, because a FILTER sees only the variables of its own group; the
    term is its N-Triples form (`str(term)` of a pyoxigraph term), escaped by pyoxigraph, so
    no parameter text can become SPARQL. The embedded store and servers get the same text.
    Saved queries read parameters in FILTERs only (`!BOUND(?p) || …` makes them optional).
    """
    if not substitutions:
        return sparql
    values = {var.value: str(term) for var, term in substitutions.items()}
    tokens = [m for m in TOKEN.finditer(sparql) if m.lastgroup not in ("comment", "string")]
    stack: list[tuple[str, int]] = []
    inserts: dict[int, set[str]] = {}
    outermost = None
    after_values = False
    for i, match in enumerate(tokens):
        kind, text = match.lastgroup, match.group()
        if kind == "word" and text.upper() == "VALUES":
            after_values = True
        elif text == "{":
            following = tokens[i + 1].group().upper() if i + 1 < len(tokens) else ""
            frame = "data" if after_values else "select" if following == "SELECT" else "group"
            after_values = False
            if frame == "group" and outermost is None:
                outermost = match.end()
            stack.append((frame, match.end()))
        elif text == "}":
            if stack:
                stack.pop()
        elif kind == "var" and text[1:] in values and stack and stack[-1][0] == "group":
            inserts.setdefault(stack[-1][1], set()).add(text[1:])
    if outermost is None:
        raise KgError("cannot bind parameters: the query has no WHERE group")
    inserts.setdefault(outermost, set()).update(values)
    out = sparql
    for position in sorted(inserts, reverse=True):
        block = "".join(f" VALUES ?{name} {{ {values[name]} }}"
                        for name in sorted(inserts[position]))
        out = out[:position] + block + out[position:]
    return out


def run_saved_query_remote(server, query: SavedQuery, params: dict[str, str] | None = None
                           ) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT query on a SPARQL server (`kg.remote.SparqlServer`); same result shape
    as `run_saved_query`, parameters bound as VALUES of the same RDF terms."""
    return server.select(query.text, bindings(query, params or {}))


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
