"""Connects the network model's reader to Pelican: our reader for every document, Pelican's
content cache keyed by our reader's version, and our problems kept out of Pelican's log (the
pipeline reports them all at once)."""

from __future__ import annotations

import logging
import os
import shutil
import sys

from pelican import signals

from .addresses import is_not_pelicans_slug_warning
from .errors import ContentError
from .reader import FrontMatterReader
from .versions import code_of, new_digest


class _ContentErrorFilter(logging.Filter):
    """Pelican logs "Could not process" for a reader's exception; ours are in the build's report
    already (see ``reader``), so Pelican's line is dropped.

    Pelican logs from inside its ``except`` block, so the exception is the one being handled.
    """

    def filter(self, record):
        exc = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        return not isinstance(exc, ContentError)


#: What the reader's output depends on besides the file itself; a change to any of them must
#: never be answered from Pelican's content cache.
_READER_SETTINGS = ("PATH", "ARTICLE_PATHS", "PAGE_PATHS", "CATEGORY_BY_FOLDER", "MARKDOWN", "ALLOW_RAW_HTML")


def fingerprint_cache(pelican) -> None:
    """Give Pelican's content cache a folder per version of our code and the reader's settings.

    Pelican invalidates cached files by their modification time only; it cannot know that our
    reader changed, and its cache holds objects of our plugins (a document's category keeps the
    settings, template helpers included), which other code may not read back. Older folders are
    removed.
    """
    settings = pelican.settings
    if not settings.get("CACHE_CONTENT"):
        return
    digest = new_digest(code_of(settings).encode())
    digest.update(repr([(key, settings.get(key)) for key in _READER_SETTINGS]).encode())
    base = settings["CACHE_PATH"]
    current = digest.hexdigest()[:16]
    if os.path.isdir(base):
        for name in os.listdir(base):
            if name != current:
                shutil.rmtree(os.path.join(base, name), ignore_errors=True)
    settings["CACHE_PATH"] = os.path.join(base, current)


def add_reader(readers) -> None:
    """Ours is the only reader: Pelican's HTML and reStructuredText readers would publish a file
    without our checks or withholding (such files are reported by ``contentfiles``)."""
    for extension in list(readers.reader_classes):
        if extension != "static":  # the static files' reader only copies them
            readers.reader_classes[extension] = None
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def register():
    logging.getLogger("pelican.generators").addFilter(_ContentErrorFilter())
    logging.getLogger("pelican.utils").addFilter(is_not_pelicans_slug_warning)
    signals.initialized.connect(fingerprint_cache)
    signals.readers_init.connect(add_reader)
