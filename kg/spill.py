"""Sorting more lines than memory should hold: sorted runs spilled to temporary files, then
merged. `kg build -o` writes its file in one global order (byte-identical whatever the order
the documents were read in) without keeping the corpus's quads in memory.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

RUN_BYTES = 32 * 1024 * 1024


class SortedLines:
    """Lines (bytes ending in a newline) added in any order, read back sorted and without
    duplicates. Memory holds at most about `run_bytes` of lines; the rest waits in temporary
    files that are deleted on `close()`."""

    def __init__(self, run_bytes: int = RUN_BYTES) -> None:
        self.run_bytes = run_bytes
        self.buffer: list[bytes] = []
        self.size = 0
        self.runs: list[BinaryIO] = []

    def add(self, lines: Iterable[bytes]) -> None:
        for line in lines:
            self.buffer.append(line)
            self.size += len(line) + 50  # the list slot and the bytes object's header
        if self.size >= self.run_bytes:
            self.spill()

    def spill(self) -> None:
        run = tempfile.TemporaryFile(prefix="kg-sort-")  # noqa: SIM115 (closed in close())
        run.writelines(unique(sorted(self.buffer)))
        run.seek(0)
        self.runs.append(run)
        self.buffer, self.size = [], 0

    def __iter__(self) -> Iterator[bytes]:
        """Every line once, in byte order (= code point order of the UTF-8 text)."""
        for run in self.runs:
            run.seek(0)
        return unique(heapq.merge(sorted(self.buffer), *self.runs))

    def close(self) -> None:
        for run in self.runs:
            run.close()
        self.runs, self.buffer, self.size = [], [], 0

    def __enter__(self) -> SortedLines:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Sorted lines without repeats."""
    previous = None
    for line in lines:
        if line != previous:
            yield line
            previous = line
