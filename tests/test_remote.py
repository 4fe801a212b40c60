"""Loading into and querying a SPARQL server: a real `oxigraph serve` started by the tests,
and a fault-injecting proxy in front of it for 500s, 413s and a server that stops."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from acme_releases import write_releases
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, Quad
from servers import FaultyProxy, OxigraphServer
from synthetic import write_corpus

from kg.cli import SERVER_KINDS, main
from kg.errors import KgError
from kg.iris import staging_graph
from kg.pipeline import build
from kg.queries import bind_values, run_saved_query, run_saved_query_remote, saved_queries
from kg.remote import (
    LAYOUTS,
    Endpoints,
    RemoteError,
    SparqlServer,
    Unreachable,
    chunked,
    connect,
    fingerprint,
    load_graphs,
    move_into_place,
    ntriples_lines,
)
from kg.resolve import RESOLUTION_GRAPH, ResolvedOnServer
from kg.store import graphs_in, reading

ROOT = Path(__file__).resolve().parent.parent
PARAMS = {"designations-by-agency": {"agency_filter": "fda"},
          "drug-profile": {"drug": "al-100"},
          "pipeline-by-indication": {"contains": "LEUKEMIA"},
          "timeline": {"name": "al100"}, "latest-outcomes": {"name": "AL-100"}}

BKG = "https://w3id.org/biotech-kg/ontology#"

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """The seed and nine synthetic disclosures, built once into an embedded store."""
    folder = tmp_path_factory.mktemp("corpus")
    docs = folder / "docs"
    write_corpus(docs, 9)
    (docs / "seed.txt").write_bytes(next((ROOT / "seeds").glob("*.txt")).read_bytes())
    store = folder / "store"
    report = build([docs], store=store)
    assert report.ok and report.documents == 10
    with reading(store) as embedded:
        graphs = graphs_in(embedded)
    return {"docs": docs, "store": store, "graphs": graphs}


def client(url: str, **options) -> SparqlServer:
    return connect(url, retries=options.pop("retries", 1), backoff=0.01, **options)


def server_graphs(server: SparqlServer) -> dict[str, set[str]]:
    """Every named graph on the server as a set of N-Triples-ish (s, p, o) strings."""
    _, rows = server.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    found: dict[str, set[str]] = {}
    for g, s, p, o in rows:
        found.setdefault(g, set()).add(f"{s} {p} {o}")
    return found


def local_graphs(graphs: dict) -> dict[str, set[str]]:
    return {g: {f"{q.subject.value} {q.predicate.value} {q.object.value}" for q in quads}
            for g, quads in graphs.items()}


# --- URLs, binding, chunks -------------------------------------------------------------------

def test_endpoints_follow_each_servers_layout():
    assert Endpoints.derive("http://h:7878/", "oxigraph") == Endpoints(
        "http://h:7878/query", "http://h:7878/update", "http://h:7878/store")
    assert Endpoints.derive("http://h:3030/ds", "fuseki").data == "http://h:3030/ds/data"
    graphdb = Endpoints.derive("http://h:7200/repositories/kg", "graphdb")
    assert graphdb.query == "http://h:7200/repositories/kg"
    assert graphdb.update == "http://h:7200/repositories/kg/statements"
    assert graphdb.data == "http://h:7200/repositories/kg/rdf-graphs/service"
    assert Endpoints.derive("http://h:8890", "virtuoso").data == \
        "http://h:8890/sparql-graph-crud-auth"
    split = Endpoints.derive("http://h", "oxigraph", update="https://w/up")
    assert split.update == "https://w/up" and split.query == "http://h/query"
    assert set(SERVER_KINDS) == set(LAYOUTS)


@pytest.mark.parametrize("url", ["localhost:7878", "ftp://h/x", "http://"])
def test_a_bad_url_is_refused_before_any_request(url):
    with pytest.raises(KgError, match="expected an http"):
        Endpoints.derive(url)


def test_credentials_in_the_url_are_refused_and_never_echoed():
    with pytest.raises(KgError) as err:
        Endpoints.derive("http://alice:s3cret@h:7878")
    assert "s3cret" not in str(err.value) and "--user" in str(err.value)


@settings(max_examples=60, deadline=None)
@given(value=st.text(max_size=40), other=st.text(max_size=40))
def test_bound_values_match_exactly_that_text_whatever_it_holds(value, other):
    """Any text, quotes and braces included, is one literal: never SPARQL."""
    from pyoxigraph import Literal, NamedNode, Quad, Store, Variable

    store = Store()
    graph = NamedNode("http://example.org/g")
    store.add(Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"),
                   Literal(value), graph))
    query = "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o FILTER(?o = ?wanted) } }"
    hit = store.query(bind_values(query, {Variable("wanted"): Literal(value)}))
    assert [row["s"].value for row in hit] == ["http://example.org/s"]
    miss = store.query(bind_values(query, {Variable("wanted"): Literal(other)}))
    assert len(list(miss)) == (1 if other == value else 0)


def test_chunks_keep_whole_lines_under_the_limit(corpus):
    lines = ntriples_lines(next(iter(corpus["graphs"].values())))
    chunks = list(chunked(lines, 2000))
    assert len(chunks) > 1 and all(len(c) <= 2000 for c in chunks)
    assert b"".join(chunks) == b"".join(lines)


# --- a real server ---------------------------------------------------------------------------

def test_every_saved_query_gives_the_embedded_rows(corpus, oxigraph):
    server = client(oxigraph.url)
    report = load_graphs(server, corpus["graphs"])
    assert report.ok and len(report.loaded) == len(corpus["graphs"])  # and id:graph/resolution
    assert server_graphs(server) == local_graphs(corpus["graphs"])
    non_empty = 0
    with reading(corpus["store"]) as embedded:
        for name, query in saved_queries().items():
            params = PARAMS.get(name, {})
            local = run_saved_query(embedded, query, params)
            remote = run_saved_query_remote(server, query, params)
            assert remote[0] == local[0], name
            assert sorted(remote[1]) == sorted(local[1]), name
            non_empty += bool(local[1])
    assert non_empty == len(saved_queries())


def test_a_rerun_loads_only_what_is_missing_or_changed(corpus, oxigraph):
    server = client(oxigraph.url)
    graphs = {g: q for g, q in corpus["graphs"].items() if g != RESOLUTION_GRAPH}
    first, second, *rest = graphs
    load_graphs(server, {first: graphs[first], second: graphs[second]})
    report = load_graphs(server, graphs)
    assert sorted(report.skipped) == sorted([first, second])
    assert sorted(report.loaded) == sorted(rest)
    changed = dict(graphs, **{first: graphs[first][:-1]})
    report = load_graphs(server, changed)
    assert report.loaded == [first] and len(report.skipped) == len(graphs) - 1
    assert server_graphs(server)[first] == local_graphs(changed)[first]
    assert len(load_graphs(server, graphs, force=True).loaded) == len(graphs)


def test_the_resolution_graph_is_sent_again_even_when_its_size_is_unchanged(corpus, oxigraph):
    server = client(oxigraph.url)
    resolution = corpus["graphs"][RESOLUTION_GRAPH]
    load_graphs(server, {RESOLUTION_GRAPH: resolution})
    renamed = [Quad(q.subject, q.predicate, Literal("zz" + q.object.value), q.graph_name)
               if q.predicate.value == BKG + "nameKey" else q for q in resolution]
    report = load_graphs(server, {RESOLUTION_GRAPH: renamed})
    assert report.loaded == [RESOLUTION_GRAPH]
    assert server_graphs(server)[RESOLUTION_GRAPH] == local_graphs(
        {RESOLUTION_GRAPH: renamed})[RESOLUTION_GRAPH]


def test_a_graph_too_large_for_one_request_is_split_and_moved_in_place(corpus, oxigraph):
    server = client(oxigraph.url, max_request_bytes=8 * 1024)
    graphs = {g: q for g, q in corpus["graphs"].items() if "/disclosure/" in g}  # the large ones
    assert all(len(b"".join(ntriples_lines(q))) > 8 * 1024 for q in graphs.values())
    with FaultyProxy(oxigraph.url) as proxy:
        proxy_client = client(proxy.url, max_request_bytes=8 * 1024)
        report = load_graphs(proxy_client, graphs)
    assert report.ok and len(report.loaded) == len(graphs)
    assert proxy.statuses("PUT") and proxy.statuses("POST")  # first chunk PUT, others POST
    assert all(size <= 8 * 1024 for _, _, size, _ in proxy.requests)
    assert server_graphs(server) == local_graphs(graphs)  # no staging graph left behind
    graph = next(iter(graphs))
    server.update(move_into_place(staging_graph(graph), graph))  # a retry whose answer got lost
    assert server_graphs(server) == local_graphs(graphs)


def test_a_413_answer_makes_requests_smaller(corpus, oxigraph):
    graphs = corpus["graphs"]
    with FaultyProxy(oxigraph.url, max_body=10_000, message="Request Entity Too Large") as proxy:
        report = load_graphs(client(proxy.url), graphs)
    assert report.ok and len(report.loaded) == len(graphs)
    assert 413 in proxy.statuses("PUT")
    assert server_graphs(client(oxigraph.url)) == local_graphs(graphs)


def test_a_500_is_retried_with_backoff_then_succeeds(corpus, oxigraph):
    graphs = corpus["graphs"]
    with FaultyProxy(oxigraph.url, fail=lambda method, n: 500 if n in (0, 2, 3) else None
                     ) as proxy:
        report = load_graphs(client(proxy.url, retries=2), graphs)
    assert report.ok and len(report.loaded) == len(graphs)
    statuses = [s for _, _, _, s in proxy.requests]
    assert statuses[:4] == [500, 200, 500, 500] and statuses[4] in (200, 201, 204)
    assert server_graphs(client(oxigraph.url)) == local_graphs(graphs)


def test_a_lasting_500_is_one_line_with_status_and_message_and_loses_nothing(corpus, oxigraph):
    graphs = corpus["graphs"]
    first = next(iter(graphs))
    load_graphs(client(oxigraph.url), {first: graphs[first]})
    with FaultyProxy(oxigraph.url, fail=lambda method, n: 500 if method == "PUT" else None,
                     message="storage is read-only") as proxy:
        report = load_graphs(client(proxy.url), graphs, force=True)
    assert report.loaded == [] and set(report.failed) == set(graphs)
    reason = report.failed[first]
    assert reason == f"{proxy.url}/store: HTTP 500 Internal Server Error: storage is read-only"
    assert proxy.statuses("PUT").count(500) == 2 * len(graphs)  # one retry each
    assert server_graphs(client(oxigraph.url)) == local_graphs({first: graphs[first]})


def test_cli_reports_a_lasting_500_in_one_line_and_exits_2(corpus):
    with FaultyProxy(None, fail=lambda method, n: 500, message="database is on fire") as proxy:
        result = CliRunner().invoke(main, ["load", "--store", str(corpus["store"]),
                                           "--endpoint", proxy.url, "--retries", "1"])
    assert result.exit_code == 2
    assert result.stderr == (f"kg: {proxy.url}/query: HTTP 500 Internal Server Error: "
                             "database is on fire\n")
    assert len(proxy.requests) == 2


def test_a_bad_url_gives_a_one_line_error(corpus, oxigraph):
    store = ["load", "--store", str(corpus["store"]), "--retries", "0"]
    closed = f"http://127.0.0.1:{_closed_port()}"
    result = CliRunner().invoke(main, [*store, "--endpoint", closed])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kg: {closed}/query: no answer (")
    assert result.stderr.count("\n") == 1
    result = CliRunner().invoke(main, [*store, "--endpoint", f"{oxigraph.url}/not/here"])
    assert result.exit_code == 2 and "HTTP 404" in result.stderr
    result = CliRunner().invoke(main, [*store, "--endpoint", "localhost:7878"])
    assert result.exit_code == 2 and "expected an http://" in result.stderr


def _closed_port() -> int:
    from servers import free_port

    return free_port()


def test_server_stopped_half_way_then_a_rerun_loads_only_the_rest(corpus, tmp_path):
    graphs = corpus["graphs"]
    location = tmp_path / "data"
    server = OxigraphServer(location).start()
    try:
        def stop_after_first(graph: str, status: str) -> None:
            server.stop()

        report = load_graphs(client(server.url), graphs, progress=stop_after_first)
        first, *rest = graphs
        assert report.loaded == [first]
        assert list(report.failed) == rest
        assert "no answer" in report.failed[rest[0]]
        assert all("not sent" in report.failed[g] for g in rest[1:])
        server.start()  # same folder, another port
        again = client(server.url)
        report = load_graphs(again, graphs)
        assert report.skipped == [first] and report.loaded == rest
        assert server_graphs(again) == local_graphs(graphs)
    finally:
        server.stop()


def test_cli_build_load_and_query_end_to_end(corpus, oxigraph, tmp_path):
    runner = CliRunner()
    endpoint = ["--endpoint", oxigraph.url]
    result = runner.invoke(main, ["build", str(corpus["docs"]), *endpoint])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("loaded   ") == 11  # and the resolution graph, last
    assert result.stdout.splitlines()[-1] == f"loaded   {RESOLUTION_GRAPH}"
    assert "11 graphs loaded, 0 skipped (unchanged), 0 failed" in result.stderr
    timeline = ["query", "timeline", "--format", "json", "--param", "name=AL-100"]
    on_server = runner.invoke(main, [*timeline, *endpoint])
    assert on_server.exit_code == 0 and json.loads(on_server.stdout)
    result = runner.invoke(main, ["load", "--store", str(corpus["store"]), *endpoint])
    assert result.exit_code == 0 and result.stdout.count("skipped  ") == 10
    trig = tmp_path / "graph.trig"
    assert runner.invoke(main, ["export", "--store", str(corpus["store"]), "-o", str(trig)]
                         ).exit_code == 0
    result = runner.invoke(main, ["load", str(trig), *endpoint, "--force", "--quiet"])
    assert result.exit_code == 0 and result.stdout == ""
    for name in ("designations", "drug-profile"):
        args = ["query", name, "--format", "json",
                *(f"--param={k}={v}" for k, v in PARAMS.get(name, {}).items())]
        remote = runner.invoke(main, [*args, *endpoint])
        local = runner.invoke(main, [*args, "--store", str(corpus["store"])])
        assert remote.exit_code == 0 and json.loads(remote.stdout)
        assert sorted(json.loads(remote.stdout), key=str) == sorted(json.loads(local.stdout),
                                                                    key=str)


def test_kg_load_refuses_triples_outside_named_graphs(tmp_path, oxigraph):
    turtle = tmp_path / "g.ttl"
    turtle.write_text("<http://example.org/s> <http://example.org/p> 1 .\n")
    result = CliRunner().invoke(main, ["load", str(turtle), "--endpoint", oxigraph.url])
    assert result.exit_code == 2 and "outside a named graph" in result.stderr


# --- authentication --------------------------------------------------------------------------

def test_user_password_and_token_are_sent_but_never_shown(corpus, monkeypatch):
    graphs = dict(list(corpus["graphs"].items())[:1])
    with FaultyProxy(None, fail=lambda method, n: 401 if n == 0 else None) as proxy:
        server = connect(proxy.url, user="alice", password="pa55-word", retries=0)
        with pytest.raises(RemoteError) as err:
            load_graphs(server, graphs)
    # a 401 without a challenge is an error like any other; credentials never reach a message
    assert "pa55-word" not in str(err.value) and "pa55-word" not in repr(server)
    with FaultyProxy(None, fail=lambda method, n: 400) as proxy:
        monkeypatch.setenv("KG_TOKEN", "tok-123")
        monkeypatch.setenv("KG_PASSWORD", "pa55-word")
        result = CliRunner().invoke(main, ["query", "drugs", "--endpoint", proxy.url,
                                           "--user", "alice", "--retries", "0"])
    assert result.exit_code == 2
    assert "tok-123" not in result.output and "pa55-word" not in result.output
    assert proxy.headers[0]["Authorization"] == "Bearer tok-123"


def test_basic_auth_answers_the_servers_challenge(corpus):
    """A 401 with a Basic challenge gets the credentials; later requests send them at once."""
    expected = "Basic " + base64.b64encode(b"alice:pa55-word").decode()
    calls: list[str] = []
    with FaultyProxy(None) as proxy:
        handler = proxy.server.RequestHandlerClass

        def guarded(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            calls.append(self.headers.get("Authorization") or "")
            if calls[-1] != expected:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="kg"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.answer(200, b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}',
                        "application/sparql-results+json")

        handler.do_POST = guarded
        server = connect(proxy.url, user="alice", password="pa55-word", retries=0)
        assert server.select("SELECT ?s WHERE { ?s ?p ?o }") == (["s"], [])
        assert server.select("SELECT ?s WHERE { ?s ?p ?o }") == (["s"], [])
    assert calls == ["", expected, expected]


def test_unreachable_is_a_remote_error_with_no_status():
    server = connect(f"http://127.0.0.1:{_closed_port()}", retries=0)
    with pytest.raises(Unreachable) as err:
        server.select("SELECT * WHERE { ?s ?p ?o }")
    assert err.value.status == 0


def test_fingerprint_counts_triples_and_reads_the_disclosure(corpus):
    quads = next(iter(corpus["graphs"].values()))
    count, content_hash, version = fingerprint(quads)
    assert count == len(quads) and len(content_hash) == 64 and version


def test_two_stores_loaded_to_one_server_stay_resolvable_together(tmp_path, oxigraph):
    first = write_releases(tmp_path / "a", "acme-2023-03-01.txt")
    third = write_releases(tmp_path / "b", "acme-2024-09-02.txt")
    runner = CliRunner()
    for docs, store in ((first, "store-a"), (third, "store-b")):
        result = runner.invoke(main, ["build", *map(str, docs), "--store", str(tmp_path / store),
                                      "--endpoint", oxigraph.url, "--quiet"])
        assert result.exit_code == 0, result.output
    timeline = runner.invoke(main, ["query", "timeline", "--param", "name=AB-123", "--format",
                                    "json", "--endpoint", oxigraph.url])
    assert timeline.exit_code == 0 and json.loads(timeline.stdout)  # the first store's drug


def test_a_resolution_the_server_cannot_answer_is_reported_not_raised(corpus):
    server = client(f"http://127.0.0.1:{_closed_port()}")
    graphs = ResolvedOnServer(server, {})
    report = load_graphs(server, graphs, force=True)
    assert list(report.failed) == [RESOLUTION_GRAPH]
