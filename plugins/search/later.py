"""Indexing the site for the search after the page is ready, for `make devserver`.

Pagefind cannot add to an index: every build indexes every page again, which is most of a warm
rebuild's time (about half at 1,000 documents). An officer previewing an edit is waiting for the
page, not for the search, so a preview build leaves the index to this module
(``SEARCH_INDEX_LATER``): the build carries the last index over unchanged (see
``glue.carry_previous_index``), the preview is put in place and reported ready, and only then is
the new index made, in the background, beside the live one:

1. Pagefind writes it into ``pagefind.next`` inside the preview;
2. its files that are the live index's byte for byte become hard links to them
   (``glue.keep_unchanged``);
3. the last gate reads the others, with the build's directory: the index holds every page's
   text, and a private name must not reach it by this route either;
4. it replaces the live index, folder for folder.

A new build cancels the indexing under way first: only one thing writes into the preview at a
time. `make publish` never indexes later: a published site is complete when it is put in place.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import threading
import time
from typing import Any, Callable

from network.gate import scan_site

#: The index's folder inside the site (as glue.INDEX_FOLDER; glue imports this module).
INDEX_FOLDER = "pagefind"
#: Where the next index is written, inside the site, before it replaces the live one.
NEXT_FOLDER = INDEX_FOLDER + ".next"
#: Where the live index goes for the moment of the exchange.
OLD_FOLDER = INDEX_FOLDER + ".old"


def pagefind_command(site: str, pages_glob: str, index: str) -> list[str]:
    """Pagefind indexing the pages of ``site`` that ``pages_glob`` names into the folder ``index``."""
    return [sys.executable, "-m", "pagefind", "--site", site, "--output-path", index, "--glob", pages_glob,
            "--silent"]


@dataclasses.dataclass(frozen=True)
class IndexJob:
    """What indexing a built site needs, kept from its build: Pagefind's glob of the pages to
    index, and the directory's names for the gate (None: nobody is private)."""

    pages_glob: str
    names: Any

    def run(self, site: str, keep: Callable[[str, str], int], started: Callable[[subprocess.Popen], None],
            cancelled: threading.Event) -> str:
        """Index ``site`` and put the index in place unless ``cancelled``; return what to tell the
        officer. ``keep`` links unchanged files (glue.keep_unchanged); ``started`` is given
        Pagefind's process, so that it can be stopped."""
        began = time.perf_counter()
        live, upcoming = os.path.join(site, INDEX_FOLDER), os.path.join(site, NEXT_FOLDER)
        shutil.rmtree(upcoming, ignore_errors=True)
        process = subprocess.Popen(pagefind_command(site, self.pages_glob, upcoming), stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)
        started(process)
        said, _ = process.communicate()
        if process.returncode != 0:
            shutil.rmtree(upcoming, ignore_errors=True)
            if process.returncode < 0:  # stopped by a new build
                return ""
            last = (said or "").strip().splitlines()
            return f"The search could not be updated: {last[-1] if last else 'Pagefind gave no reason'}."
        keep(upcoming, live)
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
        _exchange(upcoming, live, os.path.join(site, OLD_FOLDER))
        return f"Search updated {time.perf_counter() - began:.1f} s later."


def _exchange(upcoming: str, live: str, old: str) -> None:
    shutil.rmtree(old, ignore_errors=True)
    if os.path.isdir(live):
        os.rename(live, old)
    os.rename(upcoming, live)
    shutil.rmtree(old, ignore_errors=True)


class BackgroundIndexing:
    """At most one indexing at a time, in a thread; ``cancel`` stops it and waits for it."""

    def __init__(self, report: Callable[[str], None] = print):
        self.report = report
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen | None = None
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
        self._process = process
        if self._cancelled.is_set():
            process.kill()

    def cancel(self) -> None:
        self._cancelled.set()
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
        if self._thread is not None:
            self._thread.join()
        self._thread, self._process = None, None

    def wait(self) -> None:
        """Until the indexing under way (if any) has finished (for tests and tools)."""
        if self._thread is not None:
            self._thread.join()
