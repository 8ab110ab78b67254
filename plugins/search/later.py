"""Indexing the site for the search after the page is ready, for `make devserver`.

The index is made of parts (see ``shards``), and an edit changes one or two of them; still, an
officer previewing an edit is waiting for the page, not for the search. So a preview build leaves
the parts it cannot carry over unchanged to this module (``SEARCH_INDEX_LATER``): the build
carries them over as they were, the preview is put in place and reported ready, and only then
are those parts made again, in the background, beside the live index:

1. Pagefind writes them into ``pagefind.next`` inside the preview (see ``indexing``);
2. their files that are the live parts' byte for byte become hard links to them
   (``glue.keep_unchanged``);
3. the last gate reads the others, with the build's directory: the index holds every page's
   text, and a private name must not reach it by this route either;
4. each replaces its live part, folder for folder.

A new build cancels the indexing under way first: only one thing writes into the preview at a
time. `make publish` never indexes later: a published site is complete when it is put in place.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import threading
import time
from typing import Any, Callable

from network.gatescan import scan_site

from .indexing import index_parts
from .shards import INDEX_FOLDER, Shard

#: Where the parts made again are written, inside the site, before they replace the live ones.
NEXT_FOLDER = INDEX_FOLDER + ".next"
#: Where a live part goes for the moment of the exchange.
OLD_FOLDER = INDEX_FOLDER + ".old"


@dataclasses.dataclass(frozen=True)
class IndexJob:
    """What indexing a built site needs, kept from its build: the parts of the index to make
    again, the directory's names for the gate (None: nobody is private) and Pagefind's version."""

    shards: tuple[Shard, ...]
    names: Any
    version: str

    def run(self, site: str, keep: Callable[[str, str], int], started: Callable[[subprocess.Popen], None],
            cancelled: threading.Event) -> str:
        """Make the parts of ``site``'s index and put them in place unless ``cancelled``; return
        what to tell the officer. ``keep`` links unchanged files (glue.keep_unchanged);
        ``started`` is given each Pagefind process, so that it can be stopped."""
        if not self.shards:
            return ""
        began = time.perf_counter()
        live, upcoming = os.path.join(site, INDEX_FOLDER), os.path.join(site, NEXT_FOLDER)
        shutil.rmtree(upcoming, ignore_errors=True)
        said = index_parts(site, list(self.shards), upcoming, self.version, started, cancelled.is_set)
        if said is not None:
            shutil.rmtree(upcoming, ignore_errors=True)
            return f"The search could not be updated: {said}." if said else ""
        for shard in self.shards:
            keep(os.path.join(upcoming, shard.name), os.path.join(live, shard.name))
        if self.names is not None and self.names.private_claims():
            # In this process (a fork beside the server's threads could inherit a held lock): only
            # the files that changed are read, a handful after an edit.
            found, _ = scan_site(upcoming, live, self.names)
            if found:
                shutil.rmtree(upcoming, ignore_errors=True)
                relative, why = found[0]
                return (f"The search was not updated, because {INDEX_FOLDER}/{relative} would show that "
                        f"{why} (public: false). Report this to whoever maintains the site's code.")
        if cancelled.is_set():  # a new build is waiting to write into the site
            shutil.rmtree(upcoming, ignore_errors=True)
            return ""
        for shard in self.shards:
            _exchange(os.path.join(upcoming, shard.name), os.path.join(live, shard.name),
                      os.path.join(site, OLD_FOLDER, shard.name))
        shutil.rmtree(upcoming, ignore_errors=True)
        shutil.rmtree(os.path.join(site, OLD_FOLDER), ignore_errors=True)
        return f"Search updated {time.perf_counter() - began:.1f} s later."


def _exchange(upcoming: str, live: str, old: str) -> None:
    shutil.rmtree(old, ignore_errors=True)
    if os.path.isdir(live):
        os.makedirs(os.path.dirname(old), exist_ok=True)
        os.rename(live, old)
    os.makedirs(os.path.dirname(live), exist_ok=True)
    os.rename(upcoming, live)
    shutil.rmtree(old, ignore_errors=True)


class BackgroundIndexing:
    """At most one indexing at a time, in a thread; ``cancel`` stops it and waits for it."""

    def __init__(self, report: Callable[[str], None] = print):
        self.report = report
        self._thread: threading.Thread | None = None
        self._processes: list[subprocess.Popen] = []
        self._cancelled = threading.Event()

    def start(self, site: str, job: IndexJob, keep: Callable[[str, str], int]) -> None:
        self.cancel()
        self._cancelled = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(site, job, keep, self._cancelled), daemon=True)
        self._thread.start()

    def _run(self, site: str, job: IndexJob, keep, cancelled: threading.Event) -> None:
        try:
            said = job.run(site, keep, self._started, cancelled)
        except OSError as exc:  # the preview folder replaced or removed meanwhile
            said = "" if cancelled.is_set() else f"The search could not be updated: {exc}."
        if said and not cancelled.is_set():
            self.report(said)

    def _started(self, process: subprocess.Popen) -> None:
        self._processes.append(process)
        if self._cancelled.is_set():
            process.kill()

    def cancel(self) -> None:
        self._cancelled.set()
        for process in list(self._processes):
            if process.poll() is None:
                process.kill()
        if self._thread is not None:
            self._thread.join()
        self._thread, self._processes = None, []

    def wait(self) -> None:
        """Until the indexing under way (if any) has finished (for tests and tools)."""
        if self._thread is not None:
            self._thread.join()
