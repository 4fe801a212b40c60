"""Real servers for the integration tests, started and stopped by the tests themselves.

`OxigraphServer` runs `oxigraph serve` (the `oxigraph` test dependency, nothing installed at
run time) on 127.0.0.1 with a free port and its own folder, waits until it answers and stops
it by its PID. `FaultyProxy` sits in front of it (or of nothing) and answers some requests
with an error — 500s, 413 for large bodies — the way a misbehaving server or proxy would.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def oxigraph_executable() -> str:
    """The `oxigraph` of this virtualenv (next to python), else the one on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.exists():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("no `oxigraph` executable: install the test extras "
                           "(pip install -e '.[test]')")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OxigraphServer:
    """`oxigraph serve --location FOLDER --bind 127.0.0.1:PORT`, started and stopped by us."""

    def __init__(self, location: Path, log: Path | None = None) -> None:
        self.location = location
        self.log = log or location.with_name(f"{location.name}.log")
        self.process: subprocess.Popen | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, wait: float = 15.0) -> OxigraphServer:
        """Start on a free port (a few tries: another process may take the port first)."""
        for _ in range(3):
            self.port = free_port()
            with self.log.open("ab") as log:
                self.process = subprocess.Popen(
                    [oxigraph_executable(), "serve", "--location", str(self.location),
                     "--bind", f"127.0.0.1:{self.port}"],
                    stdin=subprocess.DEVNULL, stdout=log, stderr=log)
            if self._wait_until_answering(wait):
                return self
        raise RuntimeError(f"oxigraph serve did not start: {self.log.read_text()[-500:]}")

    def _wait_until_answering(self, wait: float) -> bool:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=1):
                    return True
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        self.stop()
        return False

    def stop(self) -> None:
        """SIGTERM by PID, then wait; SIGKILL if it does not exit."""
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class FaultyProxy:
    """An HTTP proxy to `upstream` on a free port of 127.0.0.1 that fails on demand.

    `fail(method, number)` → a status to answer instead of forwarding (or None), where number
    counts the requests from 0; bodies larger than `max_body` get 413. `requests` records
    (method, path, body size, answered status) of every request.
    """

    def __init__(self, upstream: str | None, *,
                 fail: Callable[[str, int], int | None] = lambda method, n: None,
                 max_body: int | None = None, message: str = "simulated failure") -> None:
        self.upstream = upstream
        self.fail = fail
        self.max_body = max_body
        self.message = message
        self.requests: list[tuple[str, str, int, int]] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def handle_any(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with proxy._lock:  # numbered on arrival: the client may send the next
                    number = len(proxy.requests)  # request before this thread records it
                    proxy.requests.append((self.command, self.path, len(body), 0))
                    proxy.headers.append(dict(self.headers))
                status = proxy.fail(self.command, number)
                if status is None and proxy.max_body is not None and len(body) > proxy.max_body:
                    status = 413
                if status is None and proxy.upstream is None:
                    status = 404
                if status is not None:
                    self.answer(status, f"{proxy.message}\nsecond line of detail\n".encode(),
                                "text/plain")
                else:
                    status = self.forward(body)
                with proxy._lock:
                    proxy.requests[number] = (self.command, self.path, len(body), status)

            def forward(self, body: bytes) -> int:
                host, port = proxy.upstream.removeprefix("http://").split(":")
                connection = http.client.HTTPConnection(host, int(port), timeout=30)
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() in ("content-type", "accept")}
                connection.request(self.command, self.path, body=body, headers=headers)
                answer = connection.getresponse()
                data = answer.read()
                self.answer(answer.status, data, answer.getheader("Content-Type") or "")
                connection.close()
                return answer.status

            def answer(self, status: int, data: bytes, content_type: str) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = handle_any

        return Handler

    def statuses(self, method: str) -> list[int]:
        return [status for m, _, _, status in self.requests if m == method]

    def __enter__(self) -> FaultyProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
