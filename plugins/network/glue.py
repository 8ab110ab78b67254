"""Connects the network model's reader to Pelican: our reader for every document, Pelican's
content cache keyed by our reader's version, and our problems kept out of Pelican's log (the
pipeline reports them all at once)."""

from __future__ import annotations

import logging
import sys

from pelican import signals

from . import contentcache
from .addresses import is_not_pelicans_slug_warning
from .contentfiles import SCRATCH_PATTERNS
from .errors import ContentError
from .reader import FrontMatterReader, as_read


class _ContentErrorFilter(logging.Filter):
    """Pelican logs "Could not process" for a reader's exception; ours are in the build's report
    already (see ``reader``), so Pelican's line is dropped.

    Pelican logs from inside its ``except`` block, so the exception is the one being handled.
    """

    def filter(self, record):
        exc = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        return not isinstance(exc, ContentError)


def fingerprint_cache(pelican) -> None:
    contentcache.fingerprint_cache(pelican.settings)


def ignore_scratch_files(pelican) -> None:
    """An editor's scratch files (a swap file, a backup of an attachment ending in ``~``) are
    neither read nor copied into the site: Pelican's own IGNORE_FILES covered hidden paths only,
    and published ``files/minutes.docx~`` beside the minutes."""
    settings = pelican.settings
    settings["IGNORE_FILES"] = [*settings["IGNORE_FILES"], *SCRATCH_PATTERNS]


def cache_saved(generator) -> None:
    contentcache.close_saving_window(generator.settings)


def add_reader(readers) -> None:
    """Ours is the only reader: Pelican's HTML and reStructuredText readers would publish a file
    without our checks or withholding (such files are reported by ``contentfiles``)."""
    for extension in list(readers.reader_classes):
        if extension != "static":  # the static files' reader only copies them
            readers.reader_classes[extension] = None
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def keep_reader_cache(generator) -> None:
    """When a generator starts (its reader cache is set up only after ``readers_init``): the
    cache is kept by a journal (``contentcache.journal_reader_cache``), and gives a text only
    while its file is as it was read (``reader.as_read``)."""
    readers = generator.readers
    contentcache.journal_reader_cache(readers)  # before as_read, which looks into the cache it keeps
    readers.get_cached_data = as_read(readers)


def register():
    logging.getLogger("pelican.generators").addFilter(_ContentErrorFilter())
    logging.getLogger("pelican.utils").addFilter(is_not_pelicans_slug_warning)
    signals.initialized.connect(fingerprint_cache)
    signals.initialized.connect(ignore_scratch_files)
    signals.page_generator_finalized.connect(cache_saved)
    signals.readers_init.connect(add_reader)
