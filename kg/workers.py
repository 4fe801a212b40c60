"""Work spread over processes, results in input order, with few results waiting at a time.

Processes are spawned, not forked: a fork would copy the parent's open store (RocksDB
threads and locks) into every worker. A spawned worker imports only what the function it
runs imports, the first time it runs it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice

CHUNK = 8  # items per task: fewer round trips, results still arrive soon
IN_FLIGHT = 4  # tasks queued per worker: workers never wait, memory holds only these


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(function: Callable, items: Iterable, *, jobs: int) -> Iterator:
    """`function(item)` for each item, in order, in up to `jobs` worker processes (in this
    one when jobs <= 1, or when the items fill no more than one chunk: a worker takes some
    0.3 s to start). `function` must be importable by name (a module-level function). Items
    are taken as tasks are sent, so a long stream of them is never held in memory."""
    stream = iter(items)
    chunks = iter(lambda: list(islice(stream, CHUNK)), [])
    first = list(islice(chunks, max(1, jobs)))
    if jobs <= 1 or len(first) < 2:
        for chunk in chain(first, chunks):
            yield from map(function, chunk)
        return
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(len(first), initializer=ignore_interrupts)
    pending: deque = deque()
    try:
        for chunk in chain(first, chunks):
            pending.append(pool.apply_async(run_chunk, (function, chunk)))
            if len(pending) >= len(first) * IN_FLIGHT:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    finally:
        # Closed, not terminated, when the caller stops early (--fail-fast): the few tasks
        # in flight finish and the workers exit. Pool.terminate() can hang for good when its
        # task thread is still handing a task over (seen once in a CI run).
        pool.close()
        for task in pending:
            task.wait()
        pool.join()


def run_chunk(function: Callable, items: Iterable) -> list:
    return [function(item) for item in items]


def ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the group: the parent stops the workers, which
    would otherwise each print a traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
