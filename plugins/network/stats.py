"""Time spent in each stage of the build, for `tools/build.py --timings` and the benchmark."""

from __future__ import annotations

import time
from contextlib import contextmanager

#: stage name -> seconds, for the build in progress (reset when a build starts)
STAGES: dict[str, float] = {}
_marks: dict[str, float] = {}


def reset() -> None:
    STAGES.clear()
    _marks.clear()
    mark("start")


def mark(name: str) -> None:
    _marks[name] = time.perf_counter()


def between(stage: str, start: str, end: str) -> None:
    if start in _marks and end in _marks:
        STAGES[stage] = STAGES.get(stage, 0.0) + _marks[end] - _marks[start]


@contextmanager
def timed(stage: str):
    started = time.perf_counter()
    try:
        yield
    finally:
        STAGES[stage] = STAGES.get(stage, 0.0) + time.perf_counter() - started


def record_max(stage: str, seconds: float) -> None:
    """Keep the largest value seen for ``stage`` (the slowest of many similar pieces of work)."""
    STAGES[stage] = max(STAGES.get(stage, 0.0), seconds)
