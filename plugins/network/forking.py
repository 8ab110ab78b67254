"""Work shared between processes started by fork: each inherits everything in memory (the
settings, the name engine), so nothing large is copied or pickled on the way in, and the
function may be a closure. Only the results travel back, pickled, through a pipe.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import traceback
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fork_map(function: Callable[[Item], Result], items: Sequence[Item], workers: int) -> list[Result]:
    """``[function(item) for item in items]``, computed by ``workers`` forked processes (each takes
    every ``workers``-th item). An exception in a worker is raised here, with its traceback printed."""
    workers = max(1, min(workers, len(items)))
    if workers == 1 or not can_fork():
        return [function(item) for item in items]
    sys.stdout.flush()
    sys.stderr.flush()
    children = []
    for share in range(workers):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # a worker: compute its share, send it back, and leave without clean-up
            os.close(read_fd)
            _work(function, items[share::workers], write_fd)
        os.close(write_fd)
        children.append((pid, read_fd))
    shares, failure = [], None
    for pid, read_fd in children:
        with os.fdopen(read_fd, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        ok, value = pickle.loads(data) if data else (False, RuntimeError("a worker process stopped without a word"))
        shares.append(value if ok else [])
        failure = failure or (None if ok else value)
    if failure is not None:
        raise failure
    results: list = [None] * len(items)
    for share, values in enumerate(shares):
        results[share::workers] = values
    return results


def _work(function, items, write_fd) -> None:
    try:
        try:
            payload = pickle.dumps((True, [function(item) for item in items]))
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
