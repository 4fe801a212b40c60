"""Progress of a long build on stderr: documents done, documents/s and the time left.

On a terminal one line is redrawn in place (`[#####     ] 1200/10000 docs  310 docs/s  ETA
28s`); elsewhere (a log file, CI) a plain line is written every `interval` seconds, and at
each tenth of the work if a second has passed since the last (a build of a few seconds
writes a line or two, one under a second none); `quiet` writes nothing.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

BAR_WIDTH = 24


class Progress:
    """Call `advance()` once per document, then `close()` (or use it as a context manager)."""

    def __init__(self, total: int, *, stream: TextIO | None = None, quiet: bool = False,
                 tty: bool | None = None, interval: float = 5.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = interval
        self.clock = clock
        self.started = clock()
        self.done = 0
        self.last_line = self.started
        self.last_tenth = 0
        self.drawn = False

    def start(self, total: int) -> None:
        """Begin counting towards `total` from now."""
        self.total, self.done = total, 0
        self.started = self.last_line = self.clock()
        self.last_tenth = 0

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.quiet or not self.total:
            return
        now = self.clock()
        if self.tty:
            if now - self.last_line >= 0.1 or self.done >= self.total:
                self.last_line = now
                self.stream.write(f"\r{self.line(now, bar=True)}\x1b[K")
                self.stream.flush()
                self.drawn = True
            return
        tenth = self.done * 10 // self.total
        since = now - self.last_line
        if (since >= self.interval or (tenth > self.last_tenth and since >= 1.0)
                or (self.done >= self.total and now - self.started >= 1.0)):
            self.last_line, self.last_tenth = now, tenth
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()

    def line(self, now: float, *, bar: bool = False) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        text = f"{self.done}/{self.total} docs  {rate:,.0f} docs/s  ETA {duration(left)}"
        if not bar:
            return text
        filled = BAR_WIDTH * self.done // self.total
        return f"[{'#' * filled}{' ' * (BAR_WIDTH - filled)}] {text}"

    def close(self) -> None:
        """End the redrawn line, so that what follows starts on a line of its own."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def duration(seconds: float) -> str:
    """`42s`, `3m05s`, `1h02m`."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
