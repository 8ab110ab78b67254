"""What the devserver's last build left behind, and when it is freed (``Leftovers``).

Pelican's objects hold one another in cycles, which only Python's collector frees; the collection
after a build at 10,000 documents takes 1.1-1.3 s and holds Python's lock throughout, so the
threads serving the preview wait for it. It is made when no one waits for those threads.
"""

from __future__ import annotations

import gc
import time


def free_the_last_build() -> None:
    """Free what the build made and nothing keeps now, not in the middle of the next build:
    Pelican's objects hold one another in cycles, which only the collector frees, and a build
    sets it to run rarely (tools/build.py). What stays (the page-first data) is set aside from
    the collector's walks until the next time (``gc.freeze``). Without this, each rebuild
    at 10,000 documents left a million objects behind, and the next collection inside a build
    took 4 s."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


#: How long after a build its leftovers wait to be freed when no open page asks for the new
#: build (livepreview.js asks every 0.7 s, every 3 s in a hidden tab); how long after an open
#: page first asked, for its reload; how long at most for that after a page made first; and
#: for how long since its last question a page counts as open.
_FREE_AFTER_SECONDS, _RELOAD_SECONDS, _PAGE_FIRST_SECONDS, _OPEN_SECONDS = 2.0, 0.3, 1.0, 3.5


class Leftovers:
    """The last build's leftovers, freed (``free``) once open pages have had the new preview, or
    before the next build, whichever comes first. The collection holds Python's lock for the
    whole of it (1.1-1.3 s at 10,000 documents): straight after "Ready" it held up the pages'
    question and the reload that followed, which the officer waited for after being told the
    preview was ready. ``first_asked``: when an open page first asked for the latest build, and
    ``last_asked``: when one last asked (``Builds``; None before any has)."""

    def __init__(self, first_asked=lambda: None, last_asked=lambda: None, wait: float = _FREE_AFTER_SECONDS,
                 free=free_the_last_build, clock=time.monotonic, sleep=time.sleep):
        self.first_asked, self.last_asked, self.wait = first_asked, last_asked, wait
        self._free, self._clock, self._sleep = free, clock, sleep
        self._since: float | None = None

    def built(self) -> None:
        """A build has ended (its state is the latest): what it left is freed later."""
        self._since = self._clock()

    def free_if_due(self) -> None:
        """In a quiet spell: free what the last build left once an open page has asked for the
        new build and had time to reload, or once pages have had time to ask."""
        if self._since is not None and (self._clock() - self._since >= self.wait or self._reloaded()):
            self.free_now()

    def free_after_page_first(self) -> None:
        """A page was made first while the last build's leftovers wait: give open pages a moment
        to reload it (at most ``_PAGE_FIRST_SECONDS``; none when no page is open), then free
        them before the rebuild."""
        started, asked = self._clock(), self.last_asked()
        if asked is not None and started - asked < _OPEN_SECONDS:
            while self._since is not None and not self._reloaded() and self._clock() - started < _PAGE_FIRST_SECONDS:
                self._sleep(0.05)
        self.free_now()

    def free_now(self) -> None:
        """Before the next build (after the edited page is made first: the officer waits for that)."""
        if self._since is not None:
            self._since = None
            self._free()

    def _reloaded(self) -> bool:
        asked = self.first_asked()
        return asked is not None and self._clock() - asked >= _RELOAD_SECONDS
