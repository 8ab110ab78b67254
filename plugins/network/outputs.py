"""Connects output reuse (``network.reuse``) to the build: the site's fingerprint, the documents'
digests, a writer that reuses unchanged pages, and the memo kept between builds.

The writer reuses only the page types whose template reads nothing but its own values and the
settings (``REUSABLE_TEMPLATES``): a document, a page, an entity. Lists, archives and indexes,
which read the whole site, are always rendered; they are few. Feeds and newsletter issues use
the memo directly (see their generators).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import os
import platform
from importlib import metadata
from typing import ClassVar
from zoneinfo import ZoneInfo

from pelican.contents import Article, Content, Page
from pelican.urlwrappers import Author, Category, Tag, URLWrapper
from pelican.writers import Writer

from .model import Document, Organisation, Person, Theme
from .reuse import Entry, Fingerprinter, OutputMemo, Unfingerprintable, new_digest

logger = logging.getLogger(__name__)

#: Templates whose pages depend only on their own values (and the site's fingerprint).
REUSABLE_TEMPLATES = frozenset({"article.html", "page.html", "person.html", "organisation.html", "theme.html"})

#: Functions called with a page's values just before it is rendered (never for a reused page):
#: views that follow from what the page's digest already covers can be made only when needed.
BEFORE_RENDERING: list = []

#: Packages whose versions change what is written.
_PACKAGES = ("pelican", "Jinja2", "MarkupSafe", "Markdown", "feedgen", "beautifulsoup4", "css-inline",
             "icalendar", "PyYAML", "pyahocorasick", "lxml")

#: Settings that say where or how this build writes, not what it writes.
_WHERE_SETTINGS = frozenset({"OUTPUT_PATH", "CACHE_PATH", "REUSE_OUTPUT_FROM", "CHECK_ONLY",
                             "DELETE_OUTPUT_DIRECTORY", "READ_PROCESSES", "WRITE_PROCESSES"})

#: Attributes of a content object that are covered by its document's digest or are not shown.
_COVERED = frozenset({"_context", "settings", "metadata", "_content", "doc", "_summary"})


class _Build:
    memo: OutputMemo | None = None
    salt: str = ""
    fingerprinter: Fingerprinter | None = None
    memo_file: str = ""
    contents: ClassVar[list] = []  # not digested yet


def memo() -> OutputMemo | None:
    """The memo of the build in progress (None: nothing is reused or recorded)."""
    return _Build.memo


def digest(*values) -> str | None:
    """The digest of a file made from ``values`` in this build; None if any cannot be summed up."""
    if _Build.fingerprinter is None:
        return None
    try:
        return _Build.fingerprinter.digest(_Build.salt, *values)
    except Unfingerprintable as exc:
        logger.debug("not reusable: %s", exc)
        return None


def start(generators, settings) -> None:
    """Before anything is written: fingerprint the site and every document; load the memo."""
    _Build.memo = _Build.fingerprinter = None
    _Build.contents = []
    previous = settings.get("REUSE_OUTPUT_FROM")
    if not settings.get("CACHE_CONTENT") or previous is None:
        return
    contents = list(_contents(generators))
    _Build.salt = site_fingerprint(settings, {c.doc.key for c in contents})
    _Build.fingerprinter = _fingerprint_documents(contents)
    _Build.contents = contents
    folder_key = hashlib.sha256(os.path.abspath(previous).encode()).hexdigest()[:16]
    _Build.memo_file = os.path.join(settings["CACHE_PATH"], f"outputs-{folder_key}.json")
    _Build.memo = OutputMemo.load(_Build.memo_file, previous, settings["OUTPUT_PATH"])


def merge(files: dict) -> None:
    """Take in what the helper process wrote or reused (see network.split)."""
    memo = _Build.memo
    if memo is None or not files:
        return
    for path, values in files["entries"].items():
        memo.new[path] = Entry(*values)
    memo.reused += files["reused"]
    memo.rendered += files["rendered"]


def finish() -> None:
    """After everything is written: keep the memo for the next build."""
    memo = _Build.memo
    if memo is None:
        return
    memo.save(_Build.memo_file)
    logger.info("%d files reused unchanged, %d written", memo.reused, memo.rendered)


def summary() -> str:
    memo = _Build.memo
    if memo is None or not memo.reused:
        return ""
    return f"{memo.reused:,} unchanged files reused, {memo.rendered:,} written"


def _contents(generators):
    for generator in generators:
        for group in ("articles", "translations", "pages", "hidden_articles", "hidden_pages"):
            for content in getattr(generator, group, []) or []:
                if getattr(content, "doc", None) is not None:
                    yield content


def _fingerprint_documents(contents) -> Fingerprinter:
    """Digest every document twice: briefly (as another page names it: title, address, date) to
    stand for it inside other documents' data, then in full.

    A document's fields follow from its source file, the directory and the settings (the last
    two are in the site's fingerprint), except two things other documents change: its actions'
    updates and its body (minutes are marked with their actions' progress). So the full digest is
    the source file's size and time, its actions and its body, without walking every field.
    """
    named = {Person: _entity_name, Organisation: _entity_name, Theme: _entity_name,
             Category: _wrapper_name, Tag: _wrapper_name, Author: _wrapper_name}
    kinds = (Document, Content, Article, Page)
    brief = Fingerprinter({}, named, kinds)
    for content in contents:
        doc = content.doc
        brief.known[id(doc)] = new_digest(
            f"{doc.key}\0{doc.title}\0{doc.url}\0{doc.date}\0{doc.category}\0{doc.summary}"
            .encode("utf-8", "surrogatepass")).digest()
    full = Fingerprinter({}, named, kinds)
    for content in contents:
        doc = content.doc
        status = os.stat(content.source_path)
        digest = new_digest(f"{doc.key}\0{status.st_size}\0{status.st_mtime_ns}\0".encode("utf-8", "surrogatepass"))
        digest.update(content._content.encode("utf-8", "surrogatepass"))
        if doc.actions:
            brief.feed(digest, doc.actions)  # the minutes they come from count briefly
        full.known[id(doc)] = digest.digest()
    return full


def _digest_contents() -> None:
    """Digest every content object as its own page shows it, once, when the first such page is
    written: what only that page shows (related documents, JSON-LD) is made after the helper
    process has started (see ``network.glue.main_writing``)."""
    fingerprinter = _Build.fingerprinter
    for content in _Build.contents:
        fingerprinter.known[id(content)] = _content_digest(content, fingerprinter)
    _Build.contents = []


def _entity_name(entity) -> str:
    return entity.id


def _wrapper_name(wrapper: URLWrapper) -> str:
    """A category, tag or author, by everything a page shows of it."""
    return f"{wrapper.name}|{wrapper.slug}|{wrapper.url}"


def _content_digest(content: Content, fingerprinter: Fingerprinter) -> bytes:
    """A content object as the page that shows it sees it: its document and everything the
    plugins attached to it (related documents, involved entities, JSON-LD, meeting header)."""
    # What the reader made from the front matter follows from the source file, like the document;
    # what the plugins attached later (related documents, JSON-LD...) is summed up here.
    from_source = content.metadata
    shown = {name: value for name, value in sorted(vars(content).items())
             if name not in _COVERED and name not in from_source}
    try:
        return bytes.fromhex(fingerprinter.digest(fingerprinter.known[id(content.doc)], shown))
    except Unfingerprintable as exc:
        logger.debug("%s is rendered every time: %s", content.relative_source_path, exc)
        return os.urandom(20)  # never equal to a previous digest


def site_fingerprint(settings, document_keys: set[str]) -> str:
    """Everything every page may show besides its own values: settings, theme, plugin code,
    package versions, the directory and every other non-document file, and today's date."""
    digest = new_digest()
    digest.update(_settings_digest(settings).encode())
    for folder in [settings["THEME"], *settings.get("PLUGIN_PATHS", [])]:
        _feed_folder(digest, folder, with_bytes=True)
    _feed_folder(digest, settings["PATH"], with_bytes=False, skip=document_keys)
    for package in _PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=-;".encode())
    digest.update(platform.python_version().encode())
    today = dt.datetime.now(ZoneInfo(settings["TIMEZONE"])).date()
    digest.update(today.isoformat().encode())  # "coming up", "open", "this month" move with the date
    return digest.hexdigest()


def _settings_digest(settings) -> str:
    """The settings, each by its value, or by its type where it cannot be serialised (a few
    objects Pelican keeps there)."""
    fingerprinter = Fingerprinter()
    parts = []
    for key in sorted(settings):
        if key in _WHERE_SETTINGS:
            continue
        try:
            parts.append(f"{key}={fingerprinter.digest(settings[key])}")
        except Unfingerprintable:
            parts.append(f"{key}:{type(settings[key]).__qualname__}")
    return ";".join(parts)


def _feed_folder(digest, folder: str, *, with_bytes: bool, skip: set[str] = frozenset()) -> None:
    """Every file of ``folder`` (its bytes, or its size and time) except the paths in ``skip``."""
    top = os.path.abspath(folder)
    for base, folders, names in os.walk(top):
        folders[:] = sorted(f for f in folders if f != "__pycache__" and not f.startswith("."))
        for name in sorted(names):
            full = os.path.join(base, name)
            relative = os.path.relpath(full, top).replace(os.sep, "/")
            if relative in skip or name.endswith(".pyc"):
                continue
            digest.update(relative.encode())
            if with_bytes:
                with open(full, "rb") as handle:
                    digest.update(handle.read())
            else:
                status = os.stat(full)
                digest.update(f":{status.st_size}:{status.st_mtime_ns};".encode())


class ReusingWriter(Writer):
    """Pelican's writer, which links a page from the previous build when its inputs are unchanged."""

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        memo = _Build.memo
        template_file = getattr(template, "name", "")
        # A generator that judged reuse itself, before making the page's values, gives its digest
        # (None: not reusable). It has already tried to reuse the page.
        given = kwargs.pop("reuse_digest", False)
        render = functools.partial(self._render, name, template, context, relative_urls, paginated, template_name,
                                   override_output, url, kwargs)
        if given is not False and memo is not None and name:
            render()
            if given is not None:
                memo.record(os.path.normpath(name).replace(os.sep, "/"), given)
            return None
        if memo is None or not name or paginated or override_output or template_file not in REUSABLE_TEMPLATES:
            return render()
        if _Build.contents:
            _digest_contents()
        path = os.path.normpath(name).replace(os.sep, "/")
        page_digest = digest("page", template_file, path, relative_urls, url, sorted(kwargs.items()))
        full = os.path.join(self.output_path, path)
        if page_digest is not None and full not in self._written_files and memo.reuse(path, page_digest):
            self._written_files.add(full)
            return None
        render()
        if page_digest is not None:
            memo.record(path, page_digest)
        return None

    def _render(self, name, template, context, relative_urls, paginated, template_name, override_output, url,
                values):
        for hook in BEFORE_RENDERING:
            hook(values)
        self._unlink_shared(name)
        return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                  override_output, url, **values)

    def _unlink_shared(self, name) -> None:
        """Never write through a hard link: it would change the previous build's file too."""
        memo = _Build.memo
        if not name or memo is None or not memo.linked:
            return
        path = os.path.normpath(name).replace(os.sep, "/")
        if path in memo.linked:
            os.unlink(os.path.join(self.output_path, path))
            memo.linked.discard(path)


def writer_class(pelican):
    return ReusingWriter
