"""Load throughput (triples/s): the embedded store vs an `oxigraph serve` over HTTP.

Run on demand, not a test:

    .venv/bin/python benchmarks/load_throughput.py [--documents 300]

It writes N synthetic disclosures (tests/synthetic.py), extracts their graphs once, then times
only the loading: into a fresh embedded store (one transaction per graph), again over the
existing graphs (each replaced), into a fresh `oxigraph serve` with the Graph Store Protocol
(one PUT per graph), the re-run that finds every graph unchanged, and a forced reload.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from servers import OxigraphServer  # noqa: E402
from synthetic import write_corpus  # noqa: E402

from kg.pipeline import process  # noqa: E402
from kg.remote import connect, load_graphs  # noqa: E402
from kg.store import write_graphs  # noqa: E402


def timed(label: str, triples: int, action):
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    print(f"{label:<50}{triples:>7} triples {seconds:>7.2f} s {triples / seconds:>10,.0f} "
          "triples/s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_corpus(folder / "docs", args.documents)
        started = time.perf_counter()
        graphs = {r.graph: r.quads for r in (process(p, validate=False) for p in paths)}
        triples = sum(len(q) for q in graphs.values())
        print(f"{len(graphs)} graphs, {triples} triples (extracted in "
              f"{time.perf_counter() - started:.1f} s; not timed below)")
        store = folder / "store"
        timed("embedded store, new graphs", triples,
              lambda: write_graphs(store, graphs.items()))
        timed("embedded store, every graph replaced", triples,
              lambda: write_graphs(store, graphs.items()))
        with OxigraphServer(folder / "server") as server:
            client = connect(server.url)
            report = timed("oxigraph serve, GSP PUT per graph", triples,
                           lambda: load_graphs(client, graphs))
            assert report.ok and len(report.loaded) == len(graphs)
            report = timed("oxigraph serve, re-run: all unchanged, skipped", triples,
                           lambda: load_graphs(client, graphs))
            assert len(report.skipped) == len(graphs)
            timed("oxigraph serve, forced reload (replaced)", triples,
                  lambda: load_graphs(client, graphs, force=True))
            small = connect(server.url, max_request_bytes=8 * 1024)
            timed("oxigraph serve, 8 KiB requests (staged, moved)", triples,
                  lambda: load_graphs(small, graphs, force=True))


if __name__ == "__main__":
    main()
