"""The last gate over a whole site: which files this build wrote, and the processes that read
them (``gate.LastGate`` reads each one). Reading starts in the background, so that the build can
go on meanwhile: the link gate reads the same site at the same time.
"""

from __future__ import annotations

import os
import stat

from .forking import MapInBackground
from .gate import LastGate
from .sitefiles import SiteFiles, list_site


def written_files(site: SiteFiles, previous: str | None) -> list[tuple[str, str]]:
    """(relative path, full path) of every file of ``site`` not put there from ``previous``
    (a hard link: the same inode, on the same device; a symbolic link is always read)."""
    shared = (previous is not None and os.path.isdir(previous)
              and os.stat(previous).st_dev == os.stat(site.top).st_dev)
    return [(file.relative, file.full) for file in site.files
            if not shared or stat.S_ISLNK(file.status.st_mode)
            or _inode(os.path.join(previous, file.relative)) != file.status.st_ino]


def _inode(path: str) -> int | None:
    try:
        return os.lstat(path).st_ino
    except OSError:
        return None


#: Fewer files than this are read in the build's own process.
MIN_FILES = 200


def scan_site(staging: str, previous: str | None, names, workers: int = 1) -> tuple[list[tuple[str, str]], int]:
    """Every file written in this build that names a private person, with why; and how many
    files were read. A large site is read by ``workers`` processes (started by fork, so they
    share the name engine without copying it)."""
    return SiteScan(list_site(staging), previous, names, workers if workers > 1 else 0).result()


class SiteScan:
    """``scan_site`` started: the files written in this build are read by forked processes while
    the build goes on (the link gate reads the same site meanwhile); ``result()`` waits for them.
    ``workers``: how many processes a large site is read by (0: a small one is read in this
    process, by ``result()``; else one at least, whatever its size)."""

    def __init__(self, site: SiteFiles, previous: str | None, names, workers: int):
        self.files = written_files(site, previous)
        gate = LastGate(names)

        def check(file: tuple[str, str]) -> tuple[str | None, int]:
            relative, full = file
            read_before = gate.read
            with open(full, "rb") as handle:
                why = gate.file_names_private(relative, handle.read())
            return why, gate.read - read_before

        wanted = workers if len(self.files) >= MIN_FILES else min(workers, 1)
        self._reading = MapInBackground(check, self.files, wanted)

    def result(self) -> tuple[list[tuple[str, str]], int]:
        """(every file naming a private person, with why, in order; how many files were read)."""
        results = self._reading.results()
        found = [(relative, why) for (relative, _), (why, _) in zip(self.files, results) if why]
        return sorted(found), sum(read for _, read in results)

    @property
    def finished(self) -> float | None:
        """When the last file was read, once ``result()`` returned (see ``MapInBackground``)."""
        return self._reading.finished

    def cancel(self) -> None:
        self._reading.cancel()
