"""Work shared between processes started by fork: each inherits everything in memory (the
settings, the name engine), so nothing large is copied or pickled on the way in, and the
function may be a closure. Only the results travel back, pickled, through a pipe.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import time
import traceback
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Child:
    """A forked process computing ``function()``; its result, or its exception, comes back
    through a pipe when asked for (the parent goes on working meanwhile)."""

    def __init__(self, function: Callable[[], Result]):
        sys.stdout.flush()
        sys.stderr.flush()
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:  # refused (no memory, too many processes): no pipe left open
            os.close(read_fd)
            os.close(write_fd)
            raise
        if pid == 0:  # the child: compute, send the result back, and leave without clean-up
            os.close(read_fd)
            _work(function, write_fd)
        os.close(write_fd)
        self.pid, self._fd = pid, read_fd

    def result(self) -> Result:
        """Wait for the child; its result, or its exception raised here (its traceback printed)."""
        with os.fdopen(self._fd, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self.pid, 0)
        ok, value = pickle.loads(data) if data else (False, RuntimeError("the process stopped without a word"))
        if not ok:
            raise value
        return value

    def kill(self) -> None:
        """Stop the child without its result (a build that failed meanwhile)."""
        try:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self._fd)


def fork_map(function: Callable[[Item], Result], items: Sequence[Item], workers: int) -> list[Result]:
    """``[function(item) for item in items]``, computed by ``workers`` forked processes (each takes
    every ``workers``-th item). An exception in a worker is raised here, once every worker is done."""
    workers = max(1, min(workers, len(items)))
    if workers == 1 or not can_fork():
        return [function(item) for item in items]
    return MapInBackground(function, items, workers).results()


class MapInBackground:
    """``[function(item) for item in items]`` computed by ``workers`` forked processes (no more
    than there are items; none where processes cannot be forked) while this one goes on with
    other work; ``results()`` waits for them. Where nothing is forked, ``results()`` computes them.
    ``finished``: when the last of them was done (``time.perf_counter``, the same clock in every
    process), once ``results()`` has returned: the work's own time, whatever this process did
    meanwhile (work done here when asked counts from its start, as if it had begun at once)."""

    def __init__(self, function: Callable[[Item], Result], items: Sequence[Item], workers: int):
        self._function, self._items = function, items
        self.finished: float | None = None
        self._started = time.perf_counter()
        self._workers = workers = min(workers, len(items)) if workers > 0 and can_fork() else 0
        self._children: list[Child] = []
        try:
            for share in range(self._workers):
                self._children.append(Child(lambda share=share: _timed([function(item) for item in items[share::workers]])))
        except BaseException:  # a fork refused (no memory, too many processes): none left behind
            self.cancel()
            raise

    def results(self) -> list[Result]:
        """Every result, in the items' order; an exception in a worker raised once all are done."""
        if not self._workers:
            begun = time.perf_counter()
            results, done = _timed([self._function(item) for item in self._items])
            self.finished = self._started + (done - begun)
            return results
        results: list = [None] * len(self._items)
        failure = None
        for share, child in enumerate(self._children):
            try:
                results[share::self._workers], finished = child.result()
                self.finished = max(self.finished or finished, finished)
            except BaseException as exc:  # every worker is waited for before one failure is raised
                failure = failure or exc
        self._children = []
        if failure is not None:
            raise failure
        return results

    def cancel(self) -> None:
        """Stop the workers without their results."""
        for child in self._children:
            child.kill()
        self._children = []


def _timed(results: list) -> tuple[list, float]:
    return results, time.perf_counter()


def _work(function, write_fd) -> None:
    try:
        try:
            payload = pickle.dumps((True, function()))
        except BaseException as exc:  # reported to the parent, which raises it
            traceback.print_exc()
            sys.stderr.flush()
            try:
                payload = pickle.dumps((False, exc))
            except Exception:
                payload = pickle.dumps((False, RuntimeError(f"{exc.__class__.__name__}: {exc}")))
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(0)  # never return into the parent's code
