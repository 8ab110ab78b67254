"""make devserver: serves the preview, rebuilds it when a file is saved, reusing what did not
change, and keeps showing the last good build while a file has mistakes."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.building import ROOT

pytestmark = pytest.mark.build

PAGE = "briefings/2024-11-turning-eighteen-briefing/"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Log:
    """The server's output, read as it comes."""

    def __init__(self, stream):
        self.text = ""
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            self.text += line

    def wait_for(self, words: str, after: int = 0, timeout: float = 120) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.text.find(words, after)
            if found >= 0:
                return found + len(words)
            time.sleep(0.1)
        raise AssertionError(f"'{words}' never came; the server said:\n{self.text[-3000:]}")


def _get(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.fixture
def devserver(tmp_path, content_copy):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "tools", "devserver.py"), "--settings", "pelicanconf.py",
         "--output", str(tmp_path / "preview"), "--content", str(content_copy), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = _Log(process.stdout)
    try:
        yield port, log, content_copy
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_saved_edit_shows_in_the_preview_and_a_mistake_keeps_the_last_good_one(devserver):
    port, log, content = devserver
    seen = log.wait_for("Serving the preview on")
    assert "turning eighteen" in _get(port, PAGE)

    briefing = content / "briefings" / "2024-11-turning-eighteen-briefing.md"
    text = briefing.read_text(encoding="utf-8")
    briefing.write_text(text.replace("Briefing: turning eighteen", "Briefing: at eighteen"), encoding="utf-8")
    seen = log.wait_for("unchanged files reused", seen)
    assert "Briefing: at eighteen" in _get(port, PAGE)

    briefing.write_text(text.replace("themes: [", "themes: [housng, ", 1), encoding="utf-8")
    seen = log.wait_for("still shows the last build that worked", seen)
    assert "Did you mean 'housing'?" in log.text
    assert "Briefing: at eighteen" in _get(port, PAGE)
