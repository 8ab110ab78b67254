"""Connects output reuse (``network.reuse``) to the build: the site's fingerprint, the documents'
digests, a writer that reuses unchanged pages, and the memo kept between builds.

The writer reuses any page whose template reads the same values as last time (see
``ReusingWriter``). Entity pages judge it before making their views; feeds and newsletter issues
use the memo directly (see their generators).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import platform
import sysconfig
from typing import ClassVar
from zoneinfo import ZoneInfo

from jinja2 import meta
from pelican.contents import Article, Content, Page
from pelican.paginator import Page as ListPage
from pelican.paginator import Paginator
from pelican.urlwrappers import Author, Category, Tag, URLWrapper
from pelican.writers import Writer

from .generator import contents_with_documents
from .model import Document, Organisation, Person, Theme
from .reuse import Entry, Fingerprinter, OutputMemo, Unfingerprintable, new_digest

logger = logging.getLogger(__name__)

#: Functions called with a page's values just before it is rendered (never for a reused page):
#: views that follow from what the page's digest already covers can be made only when needed.
BEFORE_RENDERING: list = []

#: Settings that say where or how this build writes, not what it writes.
_WHERE_SETTINGS = frozenset({"OUTPUT_PATH", "CACHE_PATH", "REUSE_OUTPUT_FROM", "CHECK_ONLY",
                             "DELETE_OUTPUT_DIRECTORY", "READ_PROCESSES", "WRITE_PROCESSES"})

#: Attributes of a content object that are covered by its document's digest or are not shown.
_COVERED = frozenset({"_context", "settings", "metadata", "_content", "doc", "_summary"})


class _Build:
    memo: OutputMemo | None = None
    salt: str = ""
    fingerprinter: Fingerprinter | None = None  # documents in full
    listed: Fingerprinter | None = None  # documents as lists show them
    memo_file: str = ""
    contents: ClassVar[list] = []  # not digested yet


def memo() -> OutputMemo | None:
    """The memo of the build in progress (None: nothing is reused or recorded)."""
    return _Build.memo


def reused(paths: list[str], page_digest: str | None) -> bool:
    """Whether ``paths`` (files made together) were put in place from the previous build, made
    from the same inputs; False when nothing is reused in this build."""
    memo = _Build.memo
    return memo is not None and page_digest is not None and memo.reuse_all(paths, page_digest)


def write_bytes(output_path: str, path: str, data: bytes, page_digest: str | None) -> None:
    """Write a file the generator made itself (a feed, an e-mail, the calendar), recorded for the
    next build when anything is reused."""
    memo = _Build.memo
    if memo is not None:
        memo.write_bytes(path, data, page_digest)
        return
    full = os.path.join(output_path, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as handle:
        handle.write(data)


def digest(*values) -> str | None:
    """The digest of a file made from ``values`` in this build, documents in them counting in
    full (their text too); None if any cannot be summed up."""
    return _digest(_Build.fingerprinter, values)


def list_digest(*values) -> str | None:
    """Like ``digest``, for a page that shows its documents as a list does (title, address,
    date, summary) and counts what they involve, never their text."""
    return _digest(_Build.listed, values)


def _digest(fingerprinter, values) -> str | None:
    if fingerprinter is None:
        return None
    try:
        return fingerprinter.digest(_Build.salt, *values)
    except Unfingerprintable as exc:
        logger.debug("not reusable: %s", exc)
        return None


def start(generators, settings) -> None:
    """Before anything is written: fingerprint the site and every document; load the memo."""
    _Build.memo = _Build.fingerprinter = _Build.listed = None
    _Build.contents = []
    _reads.clear()  # a theme edited between two builds of one process (the devserver)
    previous = settings.get("REUSE_OUTPUT_FROM")
    if not settings.get("CACHE_CONTENT") or previous is None:
        return
    contents = list(contents_with_documents(generators))
    _Build.salt = site_fingerprint(settings, {c.doc.key for c in contents})
    _Build.fingerprinter, _Build.listed = _fingerprint_documents(contents)
    _Build.contents = contents
    folder_key = hashlib.sha256(os.path.abspath(previous).encode()).hexdigest()[:16]
    _Build.memo_file = os.path.join(settings["CACHE_PATH"], f"outputs-{folder_key}.json")
    _Build.memo = OutputMemo.load(_Build.memo_file, previous, settings["OUTPUT_PATH"])


def in_helper() -> None:
    """In the helper process, which writes no document page (their views, such as related
    documents, are made in the main process only): a content object appears in lists only, so
    it counts as its document, in full (its text makes its automatic summary)."""
    fingerprinter = _Build.fingerprinter
    if fingerprinter is not None:
        for content in _Build.contents:
            fingerprinter.known[id(content)] = fingerprinter.known[id(content.doc)]
    _Build.contents = []


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


def _fingerprint_documents(contents) -> tuple[Fingerprinter, Fingerprinter]:
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
        status = os.stat(content.source_path)
        digest = new_digest(f"{doc.key}\0{status.st_size}\0{status.st_mtime_ns}\0".encode("utf-8", "surrogatepass"))
        digest.update(content._content.encode("utf-8", "surrogatepass"))
        if doc.actions:
            brief.feed(digest, doc.actions)  # the minutes they come from count briefly
        full.known[id(doc)] = digest.digest()
    # As a list shows it (title, address, date, summary) with what it involves, from which
    # companions and groups are counted: a document edited without changing these leaves every
    # list it is in, and every related-documents box, as it was.
    listed = Fingerprinter({}, named, kinds)
    for content in contents:
        doc = content.doc
        involvement = sorted((entity.kind, entity.id, how.tagged) for entity, how in doc.involved.items())
        listed.known[id(doc)] = new_digest(brief.known[id(doc)] + repr(involvement).encode()).digest()
    return full, listed


def _digest_contents() -> None:
    """Digest every content object as its own page shows it, once, when the first such page is
    written: what only that page shows (its related documents) is made after the helper
    process has started (see ``network.glue.main_writing``)."""
    for content in _Build.contents:
        _Build.fingerprinter.known[id(content)] = _content_digest(content, _Build.fingerprinter, _Build.listed)
    _Build.contents = []


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


def _content_digest(content: Content, full: Fingerprinter, listed: Fingerprinter) -> bytes:
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


def site_fingerprint(settings, document_keys: set[str]) -> str:
    """Everything every page may show besides its own values: settings, theme, plugin code,
    package versions, the directory and every other non-document file, and today's date."""
    digest = new_digest()
    digest.update(_settings_digest(settings).encode())
    for folder in [settings["THEME"], *settings.get("PLUGIN_PATHS", [])]:
        _feed_folder(digest, folder, with_bytes=True)
    _feed_folder(digest, settings["PATH"], with_bytes=False, skip=document_keys)
    digest.update(_installed_packages().encode())
    digest.update(platform.python_version().encode())
    today = dt.datetime.now(ZoneInfo(settings["TIMEZONE"])).date()
    digest.update(today.isoformat().encode())  # "coming up", "open", "this month" move with the date
    return digest.hexdigest()


def _installed_packages() -> str:
    """Every installed package and its version, from the names of their metadata folders
    ("Jinja2-3.1.4.dist-info"): one listing, where asking each package took longer."""
    names = []
    for folder in sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}):
        try:
            names += sorted(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            pass
    return ";".join(names)


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
    """Pelican's writer, which links a page from the previous build when what its template reads
    is unchanged.

    What a template reads is found once per template by Jinja's own analysis of it and of every
    template it extends, includes or imports (``template_reads``): the page's digest is made of
    the values of those variables (helpers are code, settings are in the site's fingerprint).
    A template that includes another by a computed name is always rendered. Lists are paginated
    here, page by page, as Pelican does, so that each page of a list is judged on its own.
    """

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        # A generator that judged reuse itself, before making the page's values, gives its digest
        # (None: not reusable). It has already tried to reuse the page.
        given = kwargs.pop("reuse_digest", False)
        memo = _Build.memo
        if memo is None or not name or override_output:
            return self._render(name, template, context, relative_urls, paginated, template_name,
                                override_output, url, kwargs)
        if given is not False:
            self._render(name, template, context, relative_urls, paginated, template_name, override_output, url,
                         kwargs)
            if given is not None:
                memo.record(_relative(name), given)
            return None
        if paginated is None:
            paginated = {key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            for page_name, page_values in self._pages(name, url, paginated, template_name, kwargs):
                self._write_reusing(page_name, template, context, relative_urls, None, page_values)
            return None
        self._write_reusing(name, template, context, relative_urls, url, kwargs)
        return None

    def _pages(self, name, url, paginated, template_name, kwargs):
        """(file, values) of every page of a paginated list, exactly as Pelican's writer makes them."""
        per_page = self.settings["PAGINATED_TEMPLATES"][template_name] or self.settings["DEFAULT_PAGINATION"]
        paginators = {key: Paginator(name, url, value, self.settings, per_page) for key, value in paginated.items()}
        for number in range(next(iter(paginators.values())).num_pages):
            values = kwargs.copy()
            for key, paginator in paginators.items():
                page = paginator.page(number + 1)
                values.update({
                    f"{key}_paginator": paginator,
                    f"{key}_page": page,
                    f"{key}_previous_page": paginator.page(number) if number > 0 else None,
                    f"{key}_next_page": paginator.page(number + 2) if number + 1 < paginator.num_pages else None,
                })
            yield page.save_as, values

    def _write_reusing(self, name, template, context, relative_urls, url, values):
        memo = _Build.memo
        path = _relative(name)
        page_digest = self._digest(template, path, relative_urls, url, context, values)
        full = os.path.join(self.output_path, path)
        if page_digest is not None and full not in self._written_files and memo.reuse(path, page_digest):
            self._written_files.add(full)
            return
        # paginated={}: one page, already cut (see _pages)
        self._render(name, template, context, relative_urls, {}, None, False, url, values)
        if page_digest is not None:
            memo.record(path, page_digest)

    def _digest(self, template, path, relative_urls, url, context, values) -> str | None:
        reads = template_reads(template)
        if reads is None:
            return None
        if _Build.contents:
            _digest_contents()
        settings = self.settings
        read = [(variable, values[variable] if variable in values else context.get(variable, _ABSENT))
                for variable in sorted(reads) if variable not in settings]
        return digest("page", template.name, path, relative_urls, url, read)

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
        path = _relative(name)
        if path in memo.linked:
            os.unlink(os.path.join(self.output_path, path))
            memo.linked.discard(path)


#: A variable a template reads that the page does not have.
_ABSENT = "<absent>"

_reads: dict = {}


def template_reads(template) -> frozenset | None:
    """Every variable ``template`` may read (besides the environment's helpers), with the templates
    it extends, includes and imports; None when one of them is chosen at render time."""
    env = template.environment
    key = (id(env), template.name)
    if key not in _reads:
        names: set = set()
        seen: set = set()
        waiting = [template.name]
        while waiting:
            current = waiting.pop()
            if current in seen:
                continue
            seen.add(current)
            tree = env.parse(env.loader.get_source(env, current)[0])
            names |= meta.find_undeclared_variables(tree)
            referenced = list(meta.find_referenced_templates(tree))
            if None in referenced:
                names = None
                break
            waiting.extend(referenced)
        _reads[key] = None if names is None else frozenset(names - set(env.globals))
    return _reads[key]


def _relative(name: str) -> str:
    return os.path.normpath(name).replace(os.sep, "/")


def writer_class(pelican):
    return ReusingWriter
