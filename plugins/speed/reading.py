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


def prepare_articles(generator) -> None:
    prepare(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def prepare_pages(generator) -> None:
    prepare(generator, "PAGE_PATHS", "PAGE_EXCLUDES")
