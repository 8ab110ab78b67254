"""Running real builds from tests: the same command `make publish` runs, in a subprocess."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import subprocess
import sys
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTENT = os.path.join(ROOT, "content")


@dataclass
class BuildResult:
    returncode: int
    stdout: str
    stderr: str
    output: str

    @property
    def log(self) -> str:
        return self.stdout + self.stderr


def run_build(output: str, content: str = CONTENT, settings: str = "publishconf.py", env=None,
              check: bool = False) -> BuildResult:
    """``check``: only check, as `make check` does (nothing is written)."""
    command = [sys.executable, os.path.join(ROOT, "tools", "build.py"), "--settings",
               os.path.join(ROOT, settings), "--output", output, "--content", content]
    if check:
        command.append("--check")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})
    return BuildResult(done.returncode, done.stdout, done.stderr, output)


def settings_with(folder, name: str, overrides: str) -> str:
    """A settings file in ``folder``: the production settings with ``overrides`` (Python lines)."""
    path = os.path.join(str(folder), f"{name}.py")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"import sys\nsys.path.insert(0, {ROOT!r})\nfrom publishconf import *  # noqa\n{overrides}")
    return path


def build_sample_with(folder, name: str, overrides: str) -> BuildResult:
    """The sample site built into ``folder``/output with ``overrides`` to the production settings
    (short lists, say); the build must pass."""
    result = run_build(os.path.join(str(folder), "output"), settings=settings_with(folder, name, overrides))
    assert result.returncode == 0, result.log
    return result


def page_loader(output: str):
    """A function reading a page of the site in ``output`` by its address ('actions/2025/'),
    parsed, each page once."""
    from bs4 import BeautifulSoup

    cache = {}

    def load(address: str):
        if address not in cache:
            with open(os.path.join(output, address, "index.html"), encoding="utf-8") as handle:
                cache[address] = BeautifulSoup(handle.read(), "html.parser")
        return cache[address]

    load.output = output
    return load


#: The search index (Pagefind) names its files after their content and writes some of them in an
#: order of its own each build: the same index, under other names. It is compared as one entry.
SEARCH_INDEX = "pagefind/ (the search index, by what its files hold)"
_SEARCH_INDEX_DATA = (".pf_fragment", ".pf_index", ".pf_filter")


def _search_index_digest(files: list[bytes]) -> str:
    """What the index's pages, words and filters hold, whatever the files' names and order: how
    many times each byte value occurs in them, unzipped (Pagefind's order varies, not its bytes)."""
    data = b"".join(gzip.decompress(blob) for blob in files)
    return hashlib.sha256(repr([data.count(bytes([value])) for value in range(256)]).encode()).hexdigest()


def tree_digest(folder: str) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its bytes; the search index as one entry."""
    digest, index = {}, []
    for base, _, files in os.walk(folder):
        for name in files:
            full = os.path.join(base, name)
            relative = os.path.relpath(full, folder)
            with open(full, "rb") as handle:
                data = handle.read()
            if relative.startswith("pagefind/") and relative.endswith((*_SEARCH_INDEX_DATA, ".pf_meta", ".json")):
                if relative.endswith(_SEARCH_INDEX_DATA):
                    index.append(data)
                continue
            digest[relative] = hashlib.sha256(data).hexdigest()
    if index:
        digest[SEARCH_INDEX] = _search_index_digest(index)
    return digest


#: What differs in every build of an e-mail by design: its date, its id and its MIME boundaries.
_EMAIL_VOLATILE = re.compile(rb"^(?:Date|Message-ID):.*(?:\r?\n[ \t].*)*|={15}\d+==", re.MULTILINE)


def comparable_site(folder: str) -> dict:
    """Every file's digest (an e-mail's, without what differs in every build; the search index's
    by what it holds, see tree_digest), and every folder: equal for equal sites."""
    digests: dict = tree_digest(folder)
    for base, folders, _ in os.walk(folder):
        for name in folders:
            digests[os.path.relpath(os.path.join(base, name), folder) + "/"] = "folder"
    for path in digests:
        if path.endswith(".eml"):
            with open(os.path.join(folder, path), "rb") as handle:
                digests[path] = _EMAIL_VOLATILE.sub(b"", handle.read())
    return digests


def output_files(folder: str):
    """(relative path, text) of every text file in a built site."""
    for base, _, files in os.walk(folder):
        for name in files:
            full = os.path.join(base, name)
            with open(full, "rb") as handle:
                data = handle.read()
            yield os.path.relpath(full, folder), data.decode("utf-8", errors="replace")
