"""Loading into and querying a shared SPARQL server (Oxigraph, Fuseki, GraphDB, Virtuoso, …).

Writes use the SPARQL 1.1 Graph Store HTTP Protocol: one PUT per disclosure replaces its named
graph. A graph larger than one request may be (`max_request_bytes`, or the server answering
413) is assembled in a staging graph — PUT of the first chunk, POST of the others — and then
put in place by one SPARQL update (`move_into_place`), so nobody sees half a graph and a
failure part-way leaves the previous graph as it was. Queries use the SPARQL 1.1 Protocol
(URL-encoded POST, which every server accepts); parameter values are bound by VALUES blocks
of RDF terms, never by pasting text into the query.

Every request has a timeout and is retried with exponential backoff on 5xx, 429 and connection
errors; other failures are one-line `RemoteError`s naming the URL, the HTTP status and the
first line of the server's message. Only the standard library is used (urllib).
"""

from __future__ import annotations

import html
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.client import HTTPException

from kg import iris
from kg.errors import KgError
from kg.queries import bind_values

# server kind → (query, update, graph store) paths appended to --endpoint
LAYOUTS = {
    "oxigraph": ("/query", "/update", "/store"),  # http://host:7878
    "fuseki": ("/sparql", "/update", "/data"),  # http://host:3030/DATASET
    "graphdb": ("", "/statements", "/rdf-graphs/service"),  # http://host:7200/repositories/ID
    "virtuoso": ("/sparql", "/sparql-auth", "/sparql-graph-crud-auth"),  # http://host:8890
    "generic": ("", "", ""),  # one URL answers everything
}
N_TRIPLES = "application/n-triples"
SPARQL_JSON = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"
DEFAULT_MAX_REQUEST = 16 * 1024 * 1024
MIN_REQUEST = 4 * 1024
FINGERPRINT_BATCH = 200
CONTENT_HASH = iris.term("contentHash")
EXTRACTOR_VERSION = iris.term("extractorVersion")


class RemoteError(KgError):
    """A request the server refused or failed; `status` is the HTTP status (0: no answer)."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class Unreachable(RemoteError):
    """No answer from the server after the retries: later requests would fail the same way."""


@dataclass(frozen=True)
class Endpoints:
    """The three URLs of one server; "" when the server has none for that use."""

    query: str
    update: str
    data: str

    @classmethod
    def derive(cls, endpoint: str | None, server: str = "oxigraph", *, query: str | None = None,
               update: str | None = None, data: str | None = None) -> Endpoints:
        """URLs from a base URL and the server's layout; explicit URLs win."""
        if server not in LAYOUTS:
            raise KgError(f"--server {server}: expected one of {', '.join(LAYOUTS)}")
        base = checked_url("--endpoint", endpoint).rstrip("/") if endpoint else ""
        paths = LAYOUTS[server]
        derived = [f"{base}{path}" if base else "" for path in paths]
        given = [checked_url(f"--{kind}-endpoint", url) if url else ""
                 for kind, url in zip(("query", "update", "data"), (query, update, data),
                                      strict=True)]
        urls = [g or d for g, d in zip(given, derived, strict=True)]
        if not any(urls):
            raise KgError("no server given: pass --endpoint URL")
        return cls(*urls)

    def need(self, use: str) -> str:
        url = getattr(self, use)
        if not url:
            raise KgError(f"no {use} endpoint: pass --endpoint or --{use}-endpoint")
        return url


def checked_url(option: str, url: str) -> str:
    """An http(s) URL without credentials in it (they belong in --user or $KG_TOKEN)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KgError(f"{option} {url}: expected an http:// or https:// URL")
    if parts.username or parts.password:
        raise KgError(f"{option}: put no credentials in the URL; use --user (password from "
                      "$KG_PASSWORD or a prompt) or a bearer token in $KG_TOKEN")
    return url


class SparqlServer:
    """A client for one SPARQL server: graph loads, SELECT queries and updates."""

    def __init__(self, endpoints: Endpoints, *, user: str | None = None,
                 password: str | None = None, token: str | None = None, timeout: float = 60.0,
                 retries: int = 4, backoff: float = 0.5,
                 max_request_bytes: int = DEFAULT_MAX_REQUEST) -> None:
        self.endpoints = endpoints
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_request_bytes = max_request_bytes
        self._token = token
        self._opener = make_opener(endpoints, user, password)

    def __repr__(self) -> str:  # never shows credentials
        return f"SparqlServer({self.endpoints.data or self.endpoints.query!r})"

    # --- the SPARQL 1.1 Protocol -------------------------------------------------------------

    def select(self, sparql: str, substitutions: Mapping | None = None
               ) -> tuple[list[str], list[list[str]]]:
        """Run a SELECT query; returns (columns, rows of term values, "" when unbound)."""
        text = bind_values(sparql, substitutions or {})
        url = self.endpoints.need("query")
        body = urllib.parse.urlencode({"query": text}).encode()
        answer = self._request("POST", url, body, FORM, accept=SPARQL_JSON)
        try:
            results = json.loads(answer)
            columns = results["head"]["vars"]
            rows = [[b.get(c, {}).get("value", "") for c in columns]
                    for b in results["results"]["bindings"]]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise RemoteError(f"{short(url)}: the answer is not SPARQL JSON results") from None
        return columns, rows

    def update(self, sparql: str) -> None:
        url = self.endpoints.need("update")
        self._request("POST", url, urllib.parse.urlencode({"update": sparql}).encode(), FORM)

    # --- the Graph Store HTTP Protocol ---------------------------------------------------------

    def put_graph(self, graph_iri: str, quads: Sequence) -> None:
        """Replace the named graph with the quads' triples (their own graph is ignored)."""
        lines = ntriples_lines(quads)
        body = b"".join(lines)
        if len(body) <= self.max_request_bytes:
            try:
                self._request("PUT", self.graph_url(graph_iri), body, N_TRIPLES)
                return
            except RemoteError as err:
                if err.status != 413:
                    raise
                self.shrink_requests(len(body), err)
        if any(is_blank(q.subject) or is_blank(q.object) for q in quads):
            raise KgError(f"{graph_iri}: too large for one request and has blank nodes, which "
                          "cannot be split across requests")
        self.put_in_chunks(graph_iri, lines)

    def put_in_chunks(self, graph_iri: str, lines: list[bytes]) -> None:
        """PUT the first chunk into a staging graph, POST the others, then move it in place."""
        staging = iris.staging_graph(graph_iri)
        while True:
            try:
                for n, chunk in enumerate(chunked(lines, self.max_request_bytes)):
                    self._request("PUT" if n == 0 else "POST", self.graph_url(staging), chunk,
                                  N_TRIPLES)
                break
            except RemoteError as err:
                if err.status != 413:
                    raise
                self.shrink_requests(self.max_request_bytes, err)
        self.update(move_into_place(staging, graph_iri))

    def shrink_requests(self, refused: int, err: RemoteError) -> None:
        """After a 413, send at most half the refused size from now on."""
        if refused <= MIN_REQUEST:
            raise err
        self.max_request_bytes = max(refused // 2, MIN_REQUEST)

    def graph_url(self, graph_iri: str) -> str:
        data = self.endpoints.need("data")
        return f"{data}{'&' if '?' in data else '?'}graph={urllib.parse.quote(graph_iri, safe='')}"

    def fingerprints(self, graph_iris: Sequence[str]) -> dict[str, tuple]:
        """(triples, content hash, extractor version) of those graphs the server holds."""
        from pyoxigraph import NamedNode

        found: dict[str, tuple] = {}
        for start in range(0, len(graph_iris), FINGERPRINT_BATCH):
            batch = " ".join(str(NamedNode(g))
                             for g in graph_iris[start:start + FINGERPRINT_BATCH])
            query = (
                "SELECT ?g ?n ?hash ?version WHERE {\n"
                f"  {{ SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {batch} }}\n"
                "      GRAPH ?g { ?s ?p ?o } } GROUP BY ?g }\n"
                f"  OPTIONAL {{ GRAPH ?g {{ ?d <{CONTENT_HASH}> ?hash }} }}\n"
                f"  OPTIONAL {{ GRAPH ?g {{ ?d2 <{EXTRACTOR_VERSION}> ?version }} }}\n}}")
            for graph, count, content_hash, version in self.select(query)[1]:
                found.setdefault(graph, (int(count), content_hash, version))
        return found

    # --- HTTP ------------------------------------------------------------------------------

    def _request(self, method: str, url: str, body: bytes | None = None,
                 content_type: str | None = None, accept: str | None = None) -> bytes:
        """One request with the timeout, retried with backoff on 5xx/429/connection errors."""
        headers = {k: v for k, v in (("Content-Type", content_type), ("Accept", accept)) if v}
        attempt = 0
        while True:
            request = urllib.request.Request(url, data=body, method=method, headers=headers)
            if self._token:
                request.add_unredirected_header("Authorization", f"Bearer {self._token}")
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as err:
                retry = err.code >= 500 or err.code == 429
                error = RemoteError(http_error_text(url, err), err.code)
                err.close()
            except (urllib.error.URLError, OSError, HTTPException) as err:
                retry = True
                error = Unreachable(f"{short(url)}: no answer ({connection_text(err, self)})")
            if not retry or attempt >= self.retries:
                raise error
            time.sleep(min(self.backoff * 2 ** attempt, 8.0))
            attempt += 1


def move_into_place(staging: str, graph_iri: str) -> str:
    """One update that replaces the graph with the staging graph's triples, then drops it.

    Not `MOVE`: retried after an answer that got lost, `MOVE SILENT` would find no staging
    graph and leave the graph empty (Oxigraph does). This does nothing a second time.
    """
    from pyoxigraph import NamedNode

    source, target = NamedNode(staging), NamedNode(graph_iri)
    return (f"DELETE {{ GRAPH {target} {{ ?s ?p ?o }} }} WHERE {{\n"
            f"  FILTER EXISTS {{ GRAPH {source} {{ ?a ?b ?c }} }}\n"
            f"  GRAPH {target} {{ ?s ?p ?o }} }} ;\n"
            f"INSERT {{ GRAPH {target} {{ ?s ?p ?o }} }}\n"
            f"WHERE {{ GRAPH {source} {{ ?s ?p ?o }} }} ;\n"
            f"DROP SILENT GRAPH {source}")


def make_opener(endpoints: Endpoints, user: str | None, password: str | None):
    """An opener that answers Basic and Digest challenges (Virtuoso's -auth endpoints use
    Digest); after one Basic success it sends the credentials up front."""
    if not user:
        return urllib.request.build_opener()
    manager = urllib.request.HTTPPasswordMgrWithPriorAuth()
    for url in {endpoints.query, endpoints.update, endpoints.data} - {""}:
        manager.add_password(None, url, user, password or "")
    return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(manager),
                                       urllib.request.HTTPDigestAuthHandler(manager))


def short(url: str) -> str:
    """The URL without its query string, for messages."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def http_error_text(url: str, err: urllib.error.HTTPError) -> str:
    """`URL: HTTP 500 Internal Server Error: first line of the server's message`."""
    try:
        raw = err.read(4096).decode("utf-8", errors="replace")
    except (OSError, HTTPException):
        raw = ""
    if "<" in raw and re.search(r"<(html|body|h1|p|title)\b", raw, re.IGNORECASE):
        raw = html.unescape(re.sub(r"<[^>]*>", "\n", raw))
    line = next((s.strip() for s in raw.splitlines() if s.strip()), "")
    text = f"{short(url)}: HTTP {err.code} {err.reason or ''}".rstrip()
    if line and line != str(err.reason):
        text += f": {line[:200]}"
    if err.code in (401, 403):
        text += " (credentials: --user with $KG_PASSWORD or a prompt, or $KG_TOKEN)"
    return text


def connection_text(err: Exception, server: SparqlServer) -> str:
    reason = getattr(err, "reason", err)
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return f"timed out after {server.timeout:g} s"
    return str(reason).splitlines()[0] if str(reason) else type(reason).__name__


def is_blank(term) -> bool:
    from pyoxigraph import BlankNode

    return isinstance(term, BlankNode)


def ntriples_lines(quads: Iterable) -> list[bytes]:
    """One N-Triples line per triple, in a stable order."""
    return sorted({f"{q.subject} {q.predicate} {q.object} .\n".encode() for q in quads})


def chunked(lines: list[bytes], limit: int) -> Iterator[bytes]:
    """Bodies of whole lines, each at most `limit` bytes (unless a single line is larger)."""
    chunk: list[bytes] = []
    size = 0
    for line in lines:
        if chunk and size + len(line) > limit:
            yield b"".join(chunk)
            chunk, size = [], 0
        chunk.append(line)
        size += len(line)
    if chunk:
        yield b"".join(chunk)


# --- loading a set of graphs ------------------------------------------------------------------

@dataclass
class LoadReport:
    """Which graphs a load put on the server, which it skipped as unchanged, which failed."""

    target: str
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    triples: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        rate = self.triples / self.seconds if self.seconds else 0.0
        return (f"{len(self.loaded)} graphs loaded, {len(self.skipped)} skipped (unchanged), "
                f"{len(self.failed)} failed → {self.target} ({self.triples} triples, "
                f"{rate:,.0f} triples/s)")


def fingerprint(quads: Sequence) -> tuple:
    """What `SparqlServer.fingerprints` reports for a graph holding these quads ("" for a
    value the graph lacks, as `select` reports an unbound one: the resolution graph has no
    content hash)."""
    values = {CONTENT_HASH: "", EXTRACTOR_VERSION: ""}
    for quad in quads:
        if quad.predicate.value in values:
            values[quad.predicate.value] = quad.object.value
    return (len(ntriples_lines(quads)), values[CONTENT_HASH], values[EXTRACTOR_VERSION])


def load_graphs(server: SparqlServer, graphs: Mapping[str, Sequence], *, force: bool = False,
                progress: Callable[[str, str], None] | None = None) -> LoadReport:
    """PUT each graph that the server lacks or holds in another version (unless `force`).

    A graph is unchanged when the server's copy has the same number of triples, content
    hash and extractor version; a graph without a content hash (the resolution graph, which
    each build recomputes) is always sent. A graph the server refuses is reported and the next one
    tried; when the server stops answering, the graphs not yet sent are reported as not
    loaded, and a later run sends only those.
    """
    started = time.perf_counter()
    report = LoadReport(short(server.endpoints.need("data")))
    on_server = {} if force else server.fingerprints(list(graphs))
    pending = list(graphs)
    for n, graph_iri in enumerate(pending):
        try:
            quads = graphs[graph_iri]  # the resolution graph is computed now, over the server
            known = fingerprint(quads)
            if known[1] and on_server.get(graph_iri) == known:
                report.skipped.append(graph_iri)
                status = "skipped"
            else:
                server.put_graph(graph_iri, quads)
                report.loaded.append(graph_iri)
                report.triples += len(quads)
                status = "loaded"
        except Unreachable as err:
            report.failed[graph_iri] = str(err)
            for rest in pending[n + 1:]:
                report.failed[rest] = "not sent: the server stopped answering"
            break
        except KgError as err:
            report.failed[graph_iri] = str(err)
            status = "failed"
        if progress:
            progress(graph_iri, status)
    report.seconds = time.perf_counter() - started
    return report


def connect(endpoint: str | None = None, *, server: str = "oxigraph",
            query_endpoint: str | None = None, update_endpoint: str | None = None,
            data_endpoint: str | None = None, user: str | None = None,
            password: str | None = None, token: str | None = None, timeout: float = 60.0,
            max_request_bytes: int = DEFAULT_MAX_REQUEST, **options) -> SparqlServer:
    """A client from the CLI's options; `token` is a bearer token (the CLI reads $KG_TOKEN)."""
    endpoints = Endpoints.derive(endpoint, server, query=query_endpoint, update=update_endpoint,
                                 data=data_endpoint)
    if timeout <= 0:
        raise KgError(f"--timeout {timeout:g}: must be positive")
    return SparqlServer(endpoints, user=user, password=password, token=token, timeout=timeout,
                        max_request_bytes=max_request_bytes, **options)
