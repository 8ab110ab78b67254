"""What one build knows, from the moment Pelican starts reading to the moment the site is written.

A ``Build`` is made afresh when each build starts (``start``) and handed along: the problems found,
the time each stage took, the network model, what the reading pool converted ahead, and the
writing layer's own state. Nothing of a build outlives it in a module, so the devserver, which
builds many times in one process, starts each build clean.

Pelican's hooks are given the settings, a generator or Pelican itself; the one object all of them
reach is the settings dictionary, so the build in progress is kept there, under ``SETTING``.
"""

from __future__ import annotations

import dataclasses
import os
import time
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo
from typing import Any, Callable

from .errors import ProblemLog
from .versions import new_digest

#: The settings key of the build in progress (never a setting a writer gives).
SETTING = "NETWORK_BUILD"


class Stages:
    """Time spent in each stage of a build, for `tools/build.py --timings` and the benchmark."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._marks: dict[str, float] = {"start": time.perf_counter()}

    def mark(self, name: str) -> None:
        self._marks[name] = time.perf_counter()

    def between(self, stage: str, start: str, end: str) -> None:
        if start in self._marks and end in self._marks:
            self.add(stage, self._marks[end] - self._marks[start])

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @contextmanager
    def timed(self, stage: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - started)

    def record_max(self, stage: str, seconds: float) -> None:
        """Keep the largest value seen for ``stage`` (the slowest of many similar pieces of work)."""
        self.seconds[stage] = max(self.seconds.get(stage, 0.0), seconds)


@dataclasses.dataclass(eq=False)
class Build:
    """One build in progress."""

    problems: ProblemLog = dataclasses.field(default_factory=ProblemLog)
    stages: Stages = dataclasses.field(default_factory=Stages)
    #: The network model, once it is complete (see the pipeline).
    network: Any = None
    #: Every file of the content folder as the build started: (relative path, size, time in ns).
    #: The site's fingerprint takes the files that are not documents from here: a file saved
    #: after it was read (the directory, an editor's note) must never be recorded as built.
    content_stamps: list | None = None
    #: Documents converted ahead by the reading pool: absolute path -> (content, metadata) or the
    #: ContentError to raise; each is taken out as Pelican reads the file.
    prepared: dict[str, Any] = dataclasses.field(default_factory=dict)
    #: Called with a page's values just before it is rendered (never for a reused page): views
    #: that follow from what the page's digest covers are made only when needed.
    before_rendering: list[Callable[[dict], None]] = dataclasses.field(default_factory=list)
    #: The writing layer's state for this build (see the speed plugin); None until it starts.
    writing: Any = None
    #: Names the content uses that the directory lacks, found in a check (the authoring plugin):
    #: tools/build.py prints them after the problems; `make suggest` writes them as entries.
    suggestions: list = dataclasses.field(default_factory=list)
    #: How to index the site for the search once it is in place, when the build leaves that to
    #: the devserver (SEARCH_INDEX_LATER, see search.later); None otherwise.
    search_index_later: Any = None
    #: What the devserver keeps to make an edited page first (pipeline.onepage), in a build for
    #: it (PAGE_FIRST); None otherwise.
    page_first: Any = None
    #: Every file of the new site, listed once its last file is written (``network.sitefiles``):
    #: read by both gates and by putting the site in place. None until then.
    site_files: Any = None

    def __reduce__(self):
        # The build is kept in the settings, which Pelican's content cache pickles with every
        # category: what one build knew never travels into a cache, it comes back empty.
        return Build, ()


def memo_path(settings: dict, name: str) -> str | None:
    """Where a memo about the site published in REUSE_OUTPUT_FROM is kept between builds: in
    the cache, one per published folder (the preview and the public site differ), ``name`` with
    the folder's key before its extension ("links.pickle" -> "links-<key>.pickle"). None when
    nothing is kept (no cache, or no published folder)."""
    previous = settings.get("REUSE_OUTPUT_FROM")
    if not settings.get("CACHE_CONTENT") or previous is None:
        return None
    key = new_digest(os.path.abspath(previous).encode()).hexdigest()[:16]
    stem, extension = os.path.splitext(name)
    return os.path.join(settings["CACHE_PATH"], f"{stem}-{key}{extension}")


def file_identity(status: os.stat_result) -> tuple[int, int, int]:
    """What tells a file seen by an earlier build: its inode, size and modification time. A page
    reused from the last site is a hard link to that very file, so it has the same identity; a
    file written anew has another inode. Memos of what each file held are kept by it."""
    return status.st_ino, status.st_size, status.st_mtime_ns


def write_whole(path: str, data: bytes) -> None:
    """Write a file whole or not at all, never through a link it may share: a process stopped
    while writing it leaves the last one (a memo or cache the next build reads, a page the
    preview serves), or nothing."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def site_today(settings: dict) -> date:
    """Today where the site is: what "lately", "coming up" and "this quarter" are measured from
    (the date is part of every page's fingerprint, so a page showing it is made again next day)."""
    return datetime.now(ZoneInfo(settings["TIMEZONE"])).date()


def start(settings: dict) -> Build:
    """A new build: what an earlier one left is dropped."""
    build = Build()
    settings[SETTING] = build
    return build


def of(settings: dict) -> Build:
    """The build in progress."""
    try:
        return settings[SETTING]
    except KeyError:
        raise RuntimeError("No build in progress: the network plugin starts one when Pelican reads "
                           "the content (is 'network' in PLUGINS?).") from None
