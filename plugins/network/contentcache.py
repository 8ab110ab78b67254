"""Pelican's content cache, kept trustworthy: one folder per version of our code and reader
settings, and never a file cut short by a build that was stopped while Pelican saved it.

Pelican writes its cache files in place (open, truncate, pickle) and, reading them back, treats
a file that ends too early as a crash, not as a missing cache. A build killed at that instant
would leave every later build failing with "Ran out of input". Pelican saves its caches between
the start of reading and the end of the pages' context, so a marker file spans that window: if
the marker is still there when a build starts, the last one was stopped inside it, and each cache
file is read once to check it; a file that cannot be read back is removed. An ordinary build, a
build failed by a content error included, pays nothing: it finishes the window and removes the
marker, so the officer's fix-and-rebuild loop keeps its cache.
"""

from __future__ import annotations

import gzip
import logging
import os
import pickle
import shutil

from .journal import JournaledFile
from .versions import code_of, new_digest

logger = logging.getLogger(__name__)

#: What the reader's output depends on besides the file itself; a change to any of them must
#: never be answered from Pelican's content cache.
_READER_SETTINGS = ("PATH", "ARTICLE_PATHS", "PAGE_PATHS", "CATEGORY_BY_FOLDER", "MARKDOWN", "ALLOW_RAW_HTML")

#: Present from the start of a build until Pelican has saved its last cache file.
SAVING_MARKER = ".saving"


def fingerprint_cache(settings) -> None:
    """Give Pelican's content cache a folder per version of our code and the reader's settings.

    Pelican invalidates cached files by their modification time only; it cannot know that our
    reader changed, and its cache holds objects of our plugins (a document's category keeps the
    settings, template helpers included), which other code may not read back. Older folders are
    removed.
    """
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
    _open_saving_window(settings)


def _open_saving_window(settings) -> None:
    folder = settings["CACHE_PATH"]
    marker = os.path.join(folder, SAVING_MARKER)
    if os.path.exists(marker):
        drop_unreadable_files(folder, gzipped=bool(settings.get("GZIP_CACHE")))
    os.makedirs(folder, exist_ok=True)
    with open(marker, "w", encoding="utf-8") as stream:
        stream.write("A build is reading; Pelican's cache files may be half written until this goes.\n")


def journal_reader_cache(readers) -> None:
    """Pelican's reader cache, kept by a ``JournaledFile`` instead of Pelican's one pickle: its
    whole cache (43 MB at 10,000 documents) was pickled again after every build, 0.26 s, when
    a rebuild after an edit changes one entry. Left to Pelican when it caches at another layer or
    compresses its files (GZIP_CACHE)."""
    settings = readers.settings
    if (not settings.get("CACHE_CONTENT") or settings.get("CONTENT_CACHING_LAYER") != "reader"
            or settings.get("GZIP_CACHE") or not isinstance(getattr(readers, "_cache", None), dict)):
        return
    memo = JournaledFile(f"{readers._cache_path}.memo")  # a name with a dot: ours, not Pelican's
    if settings.get("LOAD_CONTENT_CACHE"):
        readers._cache = memo.load()  # Pelican found no file under its own name

    def save_cache() -> None:
        try:
            memo.save(readers._cache)
        except (OSError, pickle.PicklingError, TypeError) as error:  # as Pelican's own save: a warning
            logger.warning("Could not save the reader cache %s: %s", memo.path, error)
    readers.save_cache = save_cache


def close_saving_window(settings) -> None:
    """Pelican has saved its caches (the pages' context is the last to save)."""
    if settings.get("CACHE_CONTENT"):
        try:
            os.remove(os.path.join(settings["CACHE_PATH"], SAVING_MARKER))
        except FileNotFoundError:
            pass


def drop_unreadable_files(folder: str, gzipped: bool) -> list[str]:
    """Remove each of Pelican's cache files in ``folder`` that cannot be read back whole; return
    their names. Our own caches are written atomically and are left alone."""
    dropped = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not _is_pelicans(name) or not os.path.isfile(path):
            continue
        try:
            with (gzip.open if gzipped else open)(path, "rb") as stream:
                pickle.load(stream)
        except Exception as error:  # any way of being cut short: EOFError, UnpicklingError, ...
            logger.info("Pelican's cache file %s was cut short by a stopped build (%s); removed.", path, error)
            os.remove(path)
            dropped.append(name)
    return dropped


def _is_pelicans(name: str) -> bool:
    """Pelican names its cache files after the class that keeps them (``ArticlesGenerator``,
    ``PagesGenerator-Readers``); ours have extensions, and the marker starts with a dot."""
    return "." not in name
