"""Running `make devserver` from tests: the real script in a subprocess, its output read as it comes."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time

from tests.building import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServerLog:
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


@contextlib.contextmanager
def devserver(preview: str, content: str):
    """tools/devserver.py serving ``preview`` built from ``content``: (port, log) once it serves."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, os.path.join(ROOT, "tools", "devserver.py"), "--settings", "pelicanconf.py",
         "--output", preview, "--content", content, "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = ServerLog(process.stdout)
    try:
        yield port, log
    finally:
        process.terminate()
        process.wait(timeout=30)
