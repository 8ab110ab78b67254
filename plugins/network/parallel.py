"""Reading many files on every core: Markdown to HTML is the costliest part of reading.

Pelican reads files one after another. Before it starts, the files it will not find in its
content cache are converted in a pool of processes (one per core, started by fork so they share
the settings without copying them); Pelican's reader then takes each result from
``reader.PREPARED``. A small build is not worth the pool and reads as usual.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from . import reader
from .errors import ContentError

#: Fewer files than this are read in the build's own process.
MIN_FILES = 64

_settings = None  # the build's settings, inherited by the forked workers


def _convert(path: str):
    try:
        return path, reader.convert(path, _settings)
    except ContentError as exc:
        return path, exc


def prepare(generator, paths_setting: str, excludes_setting: str) -> None:
    """Convert the generator's uncached files in parallel, before Pelican reads them."""
    global _settings
    settings = generator.settings
    workers = settings.get("READ_PROCESSES") or os.cpu_count() or 1
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return
    files = generator.get_files(settings[paths_setting], exclude=settings[excludes_setting],
                                extensions=tuple(reader.FrontMatterReader.file_extensions))
    paths = []
    for relative in files:
        path = os.path.abspath(os.path.join(generator.path, relative))
        if generator.readers.get_cached_data(path, None) is None:
            paths.append(path)
    if len(paths) < MIN_FILES:
        return
    _settings = settings
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for path, result in pool.map(_convert, paths, chunksize=max(1, len(paths) // (workers * 8))):
            reader.PREPARED[path] = result
    _settings = None


def prepare_articles(generator) -> None:
    reader.PREPARED.clear()  # leftovers of a build that stopped early (devserver)
    prepare(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def prepare_pages(generator) -> None:
    prepare(generator, "PAGE_PATHS", "PAGE_EXCLUDES")
