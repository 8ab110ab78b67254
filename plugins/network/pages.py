"""What a page type gives the writing layer: a description of each file, never the file itself.

A generator (see ``network.generator``) yields one ``Page`` per HTML page it makes from a theme
template, and one ``Files`` per group of files it makes itself (a feed in two formats, the
calendar, an issue's e-mails). The writing layer (the speed plugin) decides for each whether the
previous build's file can be kept, renders it if not, and chooses the process that does it; a page
type never needs to know how.

``inputs`` are everything the file shows besides the site itself (settings, theme, directory and
today's date, which are always taken into account). Equal inputs mean an equal file: leave one
out and an edit to it would leave the page stale (``tests/rebuilds`` compares every page of a
rebuild with a cold build to catch that). Documents among the inputs count in full (their text
too), or, with ``as_listed``, as a list shows them: title, address, date, summary, what they involve.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Mapping


@dataclasses.dataclass(frozen=True)
class Page:
    """One HTML page rendered from the theme's ``template`` to ``save_as`` (ending in index.html)."""

    save_as: str
    template: str
    #: The template's values, or a function making them (called only when the page is rendered).
    values: Mapping[str, Any] | Callable[[], Mapping[str, Any]]
    #: What the page shows (see the module); None: judged by the values its template reads.
    inputs: tuple | None = None
    as_listed: bool = False

    def made_values(self) -> Mapping[str, Any]:
        return self.values() if callable(self.values) else self.values


@dataclasses.dataclass(frozen=True)
class Files:
    """Files made together by ``make`` (path -> bytes), from ``inputs``; kept or made as one."""

    paths: tuple[str, ...]
    inputs: tuple
    make: Callable[[], Mapping[str, bytes]]
