"""Memos kept in memory by a process that builds many times: the devserver.

Each build reads its memos from the cache folder (the linked text of every document, what every
page of the site links to) and writes them back changed by a few entries. At 10,000 documents,
reading them again was about a second of every rebuild in the devserver, which builds in one
process and could have kept them. So the devserver gives each build one ``ResidentMemos``
(under ``SETTING``): a memo read from a file is kept with the file's identity (inode, size,
time), and the next build that finds the very same file takes the kept one instead of reading
it again. A memo written back is kept as written, with the new file's identity. Any other
change to the file (another build's, ``make clean``) has another identity: the file is read.

What a memo gives back is shared between builds, so its users never change it in place: they
make a new one to save. A ``make publish`` has no ``ResidentMemos`` and reads every file.
"""

from __future__ import annotations

import os
from typing import Callable, TypeVar

#: The settings key a ResidentMemos is given to a build under.
SETTING = "RESIDENT_MEMOS"

Value = TypeVar("Value")


class ResidentMemos:
    """What each memo file held when this process last read or wrote it, by the file's identity."""

    def __init__(self):
        self._kept: dict[str, tuple[tuple[int, int, int], object]] = {}

    def __reduce__(self):
        # Kept in the settings, which Pelican's content cache pickles with every category: the
        # memos never travel into a file (they made it 260 MB at 10,000 documents), they come
        # back empty.
        return ResidentMemos, ()

    def load(self, path: str, read: Callable[[str], Value]) -> Value:
        """The memo in the file at ``path``: kept, if the file is the one last read or written
        here; else ``read(path)`` (a missing file is read too: ``read`` says what that means)."""
        identity = _identity(path)
        kept = self._kept.get(path)
        if identity is not None and kept is not None and kept[0] == identity:
            return kept[1]
        value = read(path)
        self._remember(path, identity, value)
        return value

    def saved(self, path: str, value) -> None:
        """``value`` was just written to ``path``: it is what the file holds now."""
        self._remember(path, _identity(path), value)

    def _remember(self, path: str, identity, value) -> None:
        if identity is None:
            self._kept.pop(path, None)
        else:
            self._kept[path] = (identity, value)


class _ReadEveryTime:
    """No process to keep memos in (``make publish``): every memo is read from its file."""

    @staticmethod
    def load(path: str, read: Callable[[str], Value]) -> Value:
        return read(path)

    @staticmethod
    def saved(path: str, value) -> None:
        pass


def resident_memos(settings: dict):
    """The memos this build may keep between builds (see the module's docstring)."""
    return settings.get(SETTING) or _ReadEveryTime()


def _identity(path: str) -> tuple[int, int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_ino, status.st_size, status.st_mtime_ns
