"""A function over many items, shared between this process and forked workers.

Parsing 2,000 YAML files is most of a cold `check` at 1,000 lessons, and it is the same
work on every file (issue 8). `map_forked` deals the items out in turn (neighbouring
files cost alike, so the shares stay even): this process works through the first
share while one forked child per other CPU works through another, then reads each
child's results back as `marshal` data (plain values only: nothing is run to load
them) from a pipe.

A worker is a copy of this process made by `fork`, so it needs nothing sent to start,
and it only ever runs the function and exits with `os._exit` (the parent's buffers,
`atexit` handlers and clean-up are the parent's). It cannot outlive the command: the
parent waits for every child before returning, and kills the ones still running if it
stops early (an error, Ctrl-C). A child that dies, or sends back anything but its
whole share, costs time and nothing else: the parent does that share itself.

Forking is used only where it is safe and worth it: a platform with `fork` that is not
macOS (whose system libraries are not fork-safe; Python no longer forks there by
default), more than one CPU, no other thread in the process (a forked thread's locks
stay locked in the child: `serve` has threads), enough items, and not inside a worker.
Everywhere else the items are simply done one after another, with the same results.
"""

from __future__ import annotations

import marshal
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

# Below this, forking saves little (a fork costs 3-5 ms of copied pages; 400 course files
# parse in 0.1 s) and loses when another program keeps a CPU busy; each process gets at
# least half of it.
MIN_ITEMS = 400
MAX_WORKERS = 8
CHILD_TIMEOUT = 120.0  # seconds; a child that takes longer is assumed stuck, and its share done here

_in_worker = False


def map_forked(function: Callable[[T], Any], items: Sequence[T], *, min_items: int = MIN_ITEMS) -> list[Any]:
    """[function(item) for item in items], in order; function's results must be plain
    values `marshal` can hold (None, numbers, strings, lists, tuples, dicts)."""
    workers = worker_count(len(items), min_items)
    if workers <= 1:
        return [function(item) for item in items]
    shares = [items[w::workers] for w in range(workers)]
    children: list[_Child] = []
    try:
        for share in shares[1:]:
            children.append(_Child(function, share))
        results: list[list[Any] | None] = [[function(item) for item in shares[0]]]
        results += [child.results() for child in children]
    finally:
        for child in children:  # stopped early: none of them may outlive us
            child.stop()
    out: list[Any] = [None] * len(items)
    for w, (share, done) in enumerate(zip(shares, results, strict=True)):
        out[w::workers] = done if done is not None else [function(item) for item in share]
    return out


def worker_count(items: int, min_items: int = MIN_ITEMS) -> int:
    """How many processes would share `items` items here: 1 means no fork."""
    if items < max(min_items, 2) or _in_worker or not hasattr(os, "fork") or sys.platform == "darwin":
        return 1
    if threading.active_count() > 1:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - platforms without affinity
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS, items // max(min_items // 2, 1)))


class _Child:
    """A forked worker doing one share, and the pipe its results come back through."""

    def __init__(self, function: Callable[[T], Any], share: Sequence[T]):
        self.expected = len(share)
        readable, writable = os.pipe()
        _widen(writable)
        _flush()  # or the child's copy of unwritten output could be written twice
        self.pid: int | None = os.fork()
        if self.pid == 0:  # pragma: no cover - runs in the child, which exits without returning
            _work(function, share, writable)
        os.close(writable)  # the child holds the only write end: its exit means end of data
        self.pipe: int | None = readable

    def results(self) -> list[Any] | None:
        """The child's results, or None if it failed, stalled or sent something else."""
        payload = self._read()
        code = self._reap(kill=payload is None)  # after the end of its data, the child is exiting
        if payload is None or code != 0:
            return None
        try:
            results = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None
        return results if isinstance(results, list) and len(results) == self.expected else None

    def stop(self) -> None:
        """End the child if it is still running (the parent stops early), and reap it."""
        self._reap(kill=True)

    def _read(self) -> bytes | None:
        pipe = self.pipe
        if pipe is None:  # already reaped
            return None
        chunks: list[bytes] = []
        deadline = time.monotonic() + CHILD_TIMEOUT
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([pipe], [], [], left)[0]:
                return None  # stuck
            chunk = os.read(pipe, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def _reap(self, *, kill: bool) -> int | None:
        """Close the pipe and wait for the child to end (killing it first if asked): its exit code."""
        if self.pipe is not None:
            pipe, self.pipe = self.pipe, None
            os.close(pipe)
        if self.pid is None:
            return None
        if kill:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:  # pragma: no cover - already gone
                pass
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        return os.waitstatus_to_exitcode(status)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):  # closed, gone (pythonw), or a reader that quit
            pass


def _widen(pipe: int) -> None:
    """A 1 MB pipe where Linux allows it: the results (12 MB at 1,000 lessons) then cross
    in a dozen writes instead of 200 turns of a 64 KB pipe (issue 8)."""
    try:
        import fcntl

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _work(function: Callable[[T], Any], share: Sequence[T], pipe: int) -> None:  # pragma: no cover - child
    global _in_worker
    _in_worker = True
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends a worker at once, without a traceback
        payload = memoryview(marshal.dumps([function(item) for item in share]))
        while payload:
            payload = payload[os.write(pipe, payload):]
        code = 0
    except BaseException:  # noqa: BLE001 - the parent does the share itself
        pass
    finally:
        os._exit(code)
