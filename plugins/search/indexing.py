"""Making the parts of the search index (see ``shards``) with Pagefind, and carrying unchanged
parts over from the site before.

Each part is indexed from a folder of its own that holds hard links to its pages only (Pagefind
reads a folder, and a list of 1,000 pages is too long for its command line). That folder is made
inside the site being built (``SCRATCH``), so that links always work and a build stopped midway
leaves nothing outside the folder the next build empties; it is gone before the gate reads the
site. Two parts are indexed at a time: Pagefind keeps one core busy for most of a part.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
from typing import Callable

from network.build import file_identity

from .shards import MANIFEST, Shard, is_merged_part_file

#: The folder, inside the site, where each part's pages are gathered for Pagefind.
SCRATCH = ".pagefind-pages"
#: How many Pagefind processes run at once.
AT_ONCE = 2


def pagefind_version() -> str:
    try:
        return importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def pagefind_command(pages: str, index: str) -> list[str]:
    """Pagefind indexing the pages in the folder ``pages`` into the folder ``index``."""
    return [sys.executable, "-m", "pagefind", "--site", pages, "--output-path", index, "--silent"]


def fresh_parts(shards: list[Shard], site: str, previous_site: str, version: str) -> set[str]:
    """The names of the parts of the previous site's index that were made from the same pages,
    in the same role, with the same Pagefind, and whose pages are byte for byte the new site's:
    they can be carried over as they are."""
    fresh = set()
    for shard in shards:
        try:
            with open(os.path.join(previous_site, shard.folder, MANIFEST), "rb") as handle:
                read = shard.made_as(handle.read(), version)
        except OSError:
            continue
        if read is not None and all(_same_page(site, previous_site, page, read[page]) for page in shard.pages):
            fresh.add(shard.name)
    return fresh


def _same_page(site: str, previous_site: str, page: str, indexed: list[int]) -> bool:
    """Whether ``page`` of the new site holds the bytes of the file its part was made from: the
    same file (reused from the site before), or a file of the same bytes as that one, still
    there in the site before."""
    try:
        ours = os.stat(os.path.join(site, page))
        if list(file_identity(ours)) == indexed:
            return True
        theirs = os.stat(os.path.join(previous_site, page))
        if list(file_identity(theirs)) != indexed or ours.st_size != theirs.st_size:
            return False
        with open(os.path.join(site, page), "rb") as first, open(os.path.join(previous_site, page), "rb") as second:
            return first.read() == second.read()
    except OSError:
        return False


def carry_part(source: str, target: str, manifest: bool = True) -> bool:
    """Hard-link the index part in folder ``source`` into ``target`` (its manifest too, unless
    ``manifest`` is False: a part carried only until it is made again must not pass for fresh).
    False, and no part at all, if a file could not be linked."""
    for base, _, names in os.walk(source):
        folder = os.path.join(target, os.path.relpath(base, source))
        os.makedirs(folder, exist_ok=True)
        for name in names:
            if not manifest and base == source and name == MANIFEST:
                continue
            try:
                os.link(os.path.join(base, name), os.path.join(folder, name))
            except OSError:  # gone meanwhile, or another disk: no part is better than half of one
                shutil.rmtree(target, ignore_errors=True)
                return False
    return True


def index_parts(site: str, shards: list[Shard], into: str, version: str,
                started: Callable[[subprocess.Popen], None] = lambda process: None,
                cancelled: Callable[[], bool] = lambda: False) -> str | None:
    """Index each part's pages of ``site`` into ``into``/<part>, AT_ONCE at a time; None when
    every part is made, else what Pagefind said (or "" if ``cancelled`` stopped it). ``started``
    is given each Pagefind process, so that it can be stopped."""
    scratch = os.path.join(site, SCRATCH)
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    running: list[tuple[Shard, subprocess.Popen, str, dict]] = []
    waiting = list(shards)
    try:
        while waiting or running:
            while waiting and len(running) < AT_ONCE and not cancelled():
                shard = waiting.pop(0)
                running.append(_start(site, shard, os.path.join(into, shard.name), scratch))
                started(running[-1][1])
            if not running:
                return ""
            shard, process, log, identities = running.pop(0)
            if process.wait() != 0:
                return "" if cancelled() else _last_line(log)
            _finish(shard, os.path.join(into, shard.name), version, identities)
        return None
    finally:
        for _, process, _, _ in running:
            process.kill()
            process.wait()
        shutil.rmtree(scratch, ignore_errors=True)


def _start(site: str, shard: Shard, index: str, scratch: str) -> tuple[Shard, subprocess.Popen, str, dict]:
    pages, identities = tempfile.mkdtemp(prefix=shard.name, dir=scratch), {}
    for page in shard.pages:
        target = os.path.join(pages, page)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            os.link(os.path.join(site, page), target)
        except FileNotFoundError:
            continue  # planned but not written (nothing to index there)
        except OSError:  # a file system without hard links: the copy's identity is no page's
            shutil.copyfile(os.path.join(site, page), target)
            continue
        identities[page] = file_identity(os.stat(target))  # the very file Pagefind reads
    shutil.rmtree(index, ignore_errors=True)
    log = os.path.join(scratch, f"{os.path.basename(pages)}.log")
    with open(log, "wb") as said:
        process = subprocess.Popen(pagefind_command(pages, index), stdout=said, stderr=subprocess.STDOUT)
    return shard, process, log, identities


def _finish(shard: Shard, index: str, version: str, identities: dict) -> None:
    """Leave in a merged part only what merging needs, and write the part's manifest."""
    if not shard.primary:
        for name in os.listdir(index):
            if not is_merged_part_file(name):
                path = os.path.join(index, name)
                shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    with open(os.path.join(index, MANIFEST), "wb") as handle:
        handle.write(shard.manifest(version, identities))


def _last_line(log: str) -> str:
    try:
        with open(log, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().strip().splitlines()
    except OSError:
        lines = []
    return lines[-1] if lines else "Pagefind gave no reason"
