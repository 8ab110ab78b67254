"""The devserver as the officer meets it, for the benchmark: saved edits, the times it reports
("Page ready", "Ready", "Search updated") and when a page open in the preview has each new build."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from corpus import edit_one_update

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

_READY = re.compile(r"Ready ([0-9.]+) s after the file was saved")
_PAGE_READY = re.compile(r"Page ready ([0-9.]+) s after the file was saved")
_SEARCH = re.compile(r"Search updated ([0-9.]+) s later")


def devserver_ready(content: str, folder: str, size: int) -> dict:
    """Run `make devserver` on the corpus, with a page open in the preview; after its first
    build, save two edits one after the other and read the second's "Page ready" and "Ready N s
    after the file was saved." (and when the search followed), and when the open page had the
    page made first and the whole preview; the first edit fills what the first build left."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "tools", "devserver.py"), "--settings",
         os.path.join(ROOT, "pelicanconf.py"), "--content", content, "--output", os.path.join(folder, "preview"),
         "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = iter(process.stdout.readline, "")

    def wait_for(pattern: re.Pattern | str):
        for line in lines:
            found = re.search(pattern, line)
            if found:
                return found
        raise SystemExit("the devserver stopped before it said " + str(pattern))

    open_page = None
    try:
        wait_for("Serving the preview on")
        wait_for(_SEARCH)
        open_page = _OpenPage(port)  # open all along, as the officer's preview tab is
        readings = []
        for sentence in ("A sentence saved in the devserver.", "And one more."):
            time.sleep(1)  # as far apart as two saves in an editor
            builds_before = open_page.count()
            edit_one_update(content, size, sentence)
            saved = time.time()
            first = wait_for(re.compile(f"{_PAGE_READY.pattern}|{_READY.pattern}"))
            made_first = first.group(1) is not None  # the edited page came first (pipeline.onepage)
            if made_first:
                page, whole = float(first.group(1)), float(wait_for(_READY).group(1))
            else:
                page = whole = float(first.group(2))
            reloaded = open_page.reloaded(builds_before + (2 if made_first else 1)) - saved
            page_reloaded = open_page.reloaded(builds_before + 1) - saved
            readings.append((page, whole, page_reloaded, reloaded, float(wait_for(_SEARCH).group(1))))
        page, whole, page_reloaded, reloaded, search = readings[-1]
        return {"devserver": page, "devserver_whole": whole, "devserver_page_reloaded": page_reloaded,
                "devserver_reloaded": reloaded, "devserver_search": search}
    finally:
        if open_page is not None:
            open_page.stop()
        process.terminate()
        process.wait(timeout=60)


class _OpenPage(threading.Thread):
    """A page open in the preview, as livepreview.js is, but asking ten times as often: when did
    it have each new build's page (the time the officer sees it)? ``stop()`` when done. Like the
    officer's tab, it stays open between edits: the devserver frees a build's leftovers once an
    open page has had the new build (tools/devserver.py, ``Leftovers``)."""

    def __init__(self, port: int):
        super().__init__(daemon=True)
        self.base = f"http://127.0.0.1:{port}"
        self.last = self._state()  # the build shown before the edit, read before it is saved
        self.had: list[float] = []  # when the page was had again, after each new build
        self.failed: BaseException | None = None
        self.changed, self.stopped = threading.Condition(), threading.Event()
        self.start()

    def _get(self, address: str) -> bytes:
        with urllib.request.urlopen(self.base + address, timeout=60) as answer:
            return answer.read()

    def _state(self) -> str:
        return json.loads(self._get("/__preview/build"))["build"]

    def run(self) -> None:
        try:
            while not self.stopped.wait(0.07):
                state = self._state()
                if state != self.last:
                    self.last = state
                    self._get("/")
                    with self.changed:
                        self.had.append(time.time())
                        self.changed.notify_all()
        except BaseException as exc:  # told to the main thread, which reports it
            with self.changed:
                self.failed = exc
                self.changed.notify_all()

    def count(self) -> int:
        """How many new builds it has seen."""
        with self.changed:
            return len(self.had)

    def reloaded(self, builds: int) -> float:
        """When the page was had after the ``builds``-th new build it saw (the edited page made
        first is one)."""
        with self.changed:
            self.changed.wait_for(lambda: len(self.had) >= builds or self.failed is not None, timeout=120)
            if len(self.had) >= builds:
                return self.had[builds - 1]
        raise SystemExit(f"an open page never had build {builds} after the edit: {self.failed or 'none came'}")

    def stop(self) -> None:
        self.stopped.set()
        self.join(timeout=70)
