"""Reading many files on every core: Markdown to HTML is the costliest part of reading.

Pelican reads files one after another. Before it starts, the files it will not find in its
content cache are converted by forked processes, one per core, which share the settings
without copying them; Pelican's reader then takes each result from the build's ``prepared``
table. A small build is not worth the processes and reads as usual.
"""

from __future__ import annotations

import os

from network import build as builds
from network import reader
from network.errors import ContentError
from network.forking import can_fork, fork_map

#: Fewer files than this are read in the build's own process.
MIN_FILES = 64


def prepare(generator, paths_setting: str, excludes_setting: str) -> None:
    """Convert the generator's uncached files in parallel, before Pelican reads them."""
    settings = generator.settings
    workers = settings.get("READ_PROCESSES") or os.cpu_count() or 1
    if workers < 2 or not can_fork():
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

    def convert(path: str):
        try:
            return reader.convert(path, settings)
        except ContentError as exc:
            return exc

    prepared = builds.of(settings).prepared
    for path, result in zip(paths, fork_map(convert, paths, workers)):
        prepared[path] = result


def read_with_less_work(generator) -> None:
    """When a generator starts (before ``prepare``): the content folder is walked once for it,
    and the generator's own cache layer, which this site leaves off, is not asked.

    Pelican walks a generator's folders for the files to read, again for files of a reader
    left out (to warn of them), and ``prepare`` walked them a third time: each walk matches
    every file name against every pattern of IGNORE_FILES. And with the content cached at the
    reader's layer (CONTENT_CACHING_LAYER = "reader"), the generator's layer still took each
    file's time twice, to find nothing and to keep nothing. At 10,000 documents, these were
    0.3 s of every rebuild."""
    walk = generator.get_files
    walked: dict[tuple, set] = {}

    def get_files(paths, exclude=None, extensions=None):
        key = (tuple([paths] if isinstance(paths, str) else paths), tuple(exclude or ()))
        if key not in walked:
            walked[key] = walk(paths, exclude=exclude, extensions=False)  # every file not ignored
        if extensions is None:
            extensions = tuple(generator.readers.extensions)  # as Pelican's _include_path chooses
        if extensions is False:
            return set(walked[key])
        return {path for path in walked[key] if os.path.splitext(os.path.basename(path))[1][1:] in extensions}

    generator.get_files = get_files
    if generator.settings.get("CONTENT_CACHING_LAYER") != "generator":
        generator.get_cached_data = _nothing_kept
        generator.cache_data = _keep_nothing


def _nothing_kept(path, default=None):
    return default


def _keep_nothing(path, data) -> None:
    pass


def prepare_articles(generator) -> None:
    prepare(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def prepare_pages(generator) -> None:
    prepare(generator, "PAGE_PATHS", "PAGE_EXCLUDES")
