"""Fingerprints of what a build is made from: the whole site (settings, theme, plugin code,
packages, the directory and other files, today's date) and every document, in the three ways
pages show documents. Equal fingerprints mean equal output (see ``speed.reuse``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from zoneinfo import ZoneInfo

from network.build import SETTING as BUILD_SETTING
from network.resident import SETTING as MEMOS_SETTING
from network.model import Document, Organisation, Person, Theme
from network.versions import code_of, feed_folder, feed_stamps, new_digest
from pelican.contents import Article, Content, Page
from pelican.paginator import Page as ListPage
from pelican.paginator import Paginator
from pelican.urlwrappers import Author, Category, Tag, URLWrapper

from .reuse import Fingerprinter, Unfingerprintable

logger = logging.getLogger(__name__)

#: Settings that say where or how this build writes, not what it writes.
_WHERE_SETTINGS = frozenset({"OUTPUT_PATH", "CACHE_PATH", "REUSE_OUTPUT_FROM", "CHECK_ONLY",
                             "DELETE_OUTPUT_DIRECTORY", "READ_PROCESSES", "WRITE_PROCESSES", BUILD_SETTING,
                             MEMOS_SETTING})

#: Attributes of a content object that are covered by its document's digest or are not shown.
_COVERED = frozenset({"_context", "settings", "metadata", "_content", "doc", "_summary"})


def fingerprint_documents(contents) -> tuple[Fingerprinter, Fingerprinter]:
    """Digest every document three ways: briefly (as another page names it: title, address,
    date) to stand for it inside other documents' data; in full; and as a list shows it.

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
    full = Fingerprinter({}, named, kinds, parts={ListPage: _list_page_parts, Paginator: _paginator_parts})
    for content in contents:
        doc = content.doc
        size, modified = doc.source_stamp  # the source file when its text was read
        digest = new_digest(f"{doc.key}\0{size}\0{modified}\0".encode("utf-8", "surrogatepass"))
        digest.update(doc.body.encode("utf-8", "surrogatepass"))
        if doc.actions:
            brief.feed(digest, doc.actions)  # the minutes they come from count briefly
        full.known[id(doc)] = digest.digest()
    # As a list shows it (title, address, date, summary) with what it involves, from which
    # companions and groups are counted: a document edited without changing these leaves every
    # list it is in, and every related-documents box, as it was.
    listed = Fingerprinter({}, named, kinds)
    for content in contents:
        doc = content.doc
        involvement = "\n".join(sorted([f"{kind}\0{id_}\0{how.tagged:d}" for (kind, id_), how in doc.involved.items()]))
        listed.known[id(doc)] = new_digest(brief.known[id(doc)] + involvement.encode("utf-8", "surrogatepass")).digest()
    return full, listed


def _list_page_parts(page) -> tuple:
    """One page of a list, by what its template can show: number, count, addresses, documents."""
    return (page.number, page.paginator.num_pages, page.paginator.count, page.save_as, page.url,
            list(page.object_list))


def _paginator_parts(paginator) -> tuple:
    return paginator.num_pages, paginator.count, paginator.per_page


def _entity_name(entity) -> str:
    return entity.id


def _wrapper_name(wrapper: URLWrapper) -> str:
    """A category, tag or author, by everything a page shows of it."""
    return f"{wrapper.name}|{wrapper.slug}|{wrapper.url}"


def content_digest(content: Content, full: Fingerprinter, listed: Fingerprinter) -> bytes:
    """A content object as its own page shows it: its document in full, and everything the
    plugins attached to it (related documents, meeting header), where other documents count as
    a list shows them."""
    # What the reader made from the front matter follows from the source file, like the document;
    # what the plugins attached later (related documents, meeting header) is summed up here.
    from_source = content.metadata
    shown = {name: value for name, value in sorted(vars(content).items())
             if name not in _COVERED and name not in from_source}
    try:
        return bytes.fromhex(listed.digest(full.known[id(content.doc)], shown))
    except Unfingerprintable as exc:
        logger.debug("%s is rendered every time: %s", content.relative_source_path, exc)
        return os.urandom(20)  # never equal to a previous digest


#: What the content puts in every page's frame (the main menu), given to ``site_fingerprint``.
FRAME = "menu_items"


def site_fingerprint(settings, document_keys: set[str], content_stamps: list, frame=()) -> str:
    """Everything every page may show besides its own values: settings, theme, plugin code,
    package versions, the directory and every other non-document file, today's date, and
    ``frame``, what the content puts in every page's frame (the main menu). ``content_stamps``:
    the content folder's files as the build started, before any was read
    (``Build.content_stamps``)."""
    digest = new_digest()
    digest.update(_settings_digest(settings).encode())
    digest.update(Fingerprinter().digest(frame).encode())
    digest.update(code_of(settings).encode())
    feed_folder(digest, settings["THEME"])
    feed_stamps(digest, content_stamps, skip=document_keys)
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
