"""Pelican reader for Markdown with YAML front matter (our content format)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Mapping

from markdown import Markdown
from pelican.readers import MarkdownReader

from . import build as builds
from .contentfiles import DOCUMENT_ENDINGS
from .documents import read_basics
from .errors import WARNING, ContentError, Problem
from .sanitise import clean_body, removed_html, text_markdown
from .source import clean_word_debris, decode, split_front_matter

_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def display_path(source_path: str) -> str:
    """The path as the officer sees it from the project folder (content/updates/x.md)."""
    relative = os.path.relpath(source_path)
    return source_path if relative.startswith("..") else relative


#: Pelican adds Markdown's `meta` extension to MARKDOWN for its own reader. Ours splits the front
#: matter itself, and `meta` would take a body's or summary's first line for metadata and drop
#: it ("Update: the council agreed." became an empty summary).
_PELICAN_META = frozenset({"meta", "markdown.extensions.meta"})


def markdown_options(settings) -> dict:
    """The MARKDOWN setting as our reader uses it: without Pelican's `meta` extension."""
    options = dict(settings["MARKDOWN"])
    options["extensions"] = [e for e in options.get("extensions", []) if e not in _PELICAN_META]
    return options


def publishable_html(html: str, settings) -> tuple[str, list[str]]:
    """A body's HTML as the site publishes it (sanitised, unless ALLOW_RAW_HTML), and what was
    removed from it (see network.sanitise)."""
    if settings.get("ALLOW_RAW_HTML", False):
        return html, []
    cleaned = clean_body(html)
    return cleaned, (removed_html(html) if cleaned != html else [])  # nh3 gives back what it keeps as it was


def first_paragraph(html: str) -> str:
    match = _FIRST_PARAGRAPH.search(html)
    return match.group(1).strip() if match else ""


@dataclass
class MarkdownFile:
    """A file of our format, read: its front matter and its body as the site publishes it."""

    path: str  # as the officer sees it
    front_matter: Mapping
    html: str  # sanitised (unless ALLOW_RAW_HTML), Word's debris cleaned
    problems: list[Problem]  # a warning for each kind of HTML removed from the body
    markdown: Markdown  # the converter, with the site's options
    stamp: tuple[int, int] = (0, 0)  # the file's size and time (ns) when it was read (``file_stamp``)


def read_markdown(source_path: str, settings) -> MarkdownFile:
    """Decode, split the front matter, convert and sanitise the body: every file of our format
    (documents and editor's notes) is read this way. Raises ContentError."""
    path = display_path(source_path)
    with open(source_path, "rb") as handle:
        stamp = _stamp_of(os.fstat(handle.fileno()))  # before reading: a later save has another
        text = decode(handle.read(), path)
    front_matter, body, body_line = split_front_matter(text, path)
    markdown = Markdown(**markdown_options(settings))
    # Sanitised here, once, so every output (page, feeds, newsletter) gets the same clean HTML.
    html, removed = publishable_html(markdown.convert(clean_word_debris(body)), settings)
    return MarkdownFile(path, front_matter, html, removal_warnings(removed, body, body_line, path), markdown, stamp)


def file_stamp(source_path: str) -> tuple[int, int] | None:
    """The file's size and modification time (ns) now; None if it is gone."""
    try:
        return _stamp_of(os.stat(source_path))
    except OSError:
        return None


def _stamp_of(status: os.stat_result) -> tuple[int, int]:
    return status.st_size, status.st_mtime_ns


def is_as_read(source_path: str, metadata: Mapping) -> bool:
    """Whether the file is still as it was when the text ``metadata`` came with was read."""
    return metadata.get("source_stamp") == file_stamp(source_path)


def as_read(readers):
    """Pelican's reader cache for ``readers``, giving a text only while its file is as it was
    when the text was read. Pelican keeps a text under the file's time taken once our reader
    has returned: a save in between (or while the reader kept reading a file that kept
    changing) would otherwise keep the older text under the newer time, and every later build
    would show it.

    Our check (size and time in ns, one ``stat``) is stricter than Pelican's (the time alone,
    another ``stat``), so the kept entry is taken as Pelican keeps it, ``(its stamp, data)`` by
    path, and Pelican's own look-up is used only if its cache is shaped otherwise: each file
    is asked for twice a build, and 10,000 files were 40,000 ``stat`` calls."""
    kept = getattr(readers, "_cache", None)
    if not isinstance(kept, dict):
        return _checked(readers.get_cached_data)

    def get(path, default=None):
        entry = kept.get(path)
        if not isinstance(entry, tuple) or len(entry) != 2:
            return default
        data = entry[1]
        if not isinstance(data, tuple) or len(data) != 2 or not isinstance(data[1], Mapping):
            return default  # not our reader's: read again
        return data if is_as_read(path, data[1]) else default
    return get


def _checked(get_cached_data):
    """Pelican's own look-up, with our check after it."""
    def get(path, default=None):
        data = get_cached_data(path, default)
        if data is default or not data or not isinstance(data[1], Mapping):
            return data
        return data if is_as_read(path, data[1]) else default
    return get


def convert(source_path: str, settings) -> tuple[str, dict]:
    """The work of reading one document: (HTML, metadata with the category as its name).

    Plain data in and out, so it can run in another process (see speed.reading).
    """
    read = read_markdown(source_path, settings)
    path, front_matter, content = read.path, read.front_matter, read.html
    folder = os.path.relpath(source_path, settings["PATH"]).replace(os.sep, "/").split("/")[0]
    is_page = folder in settings["PAGE_PATHS"]
    by_folder = settings["CATEGORY_BY_FOLDER"]
    basics = read_basics(
        front_matter, path, default_category=by_folder.get(folder),
        categories=list(by_folder.values()), is_page=is_page,
    )
    metadata = {"title": basics["title"], "status": basics["status"]}
    if basics["date"]:
        metadata["date"] = basics["date"]
    if basics["modified"]:
        metadata["modified"] = basics["modified"]
    if basics["category"] and not is_page:
        metadata["category"] = basics["category"]
    if basics["slug"]:
        metadata["slug"] = basics["slug"]
    if basics["summary"]:
        # Text with Markdown's formatting: HTML typed into a summary is shown as typed.
        summary = text_markdown(markdown_options(settings), read.markdown).convert(basics["summary"])
        metadata["summary"] = clean_body(summary)
    else:
        metadata["summary"] = first_paragraph(content)
    # Kept for the network model, which checks every reference once the directory is read.
    metadata["front_matter"] = front_matter
    # The file as it was read: Pelican's reader cache keeps the metadata with the content, so a
    # document's stamp always belongs to its text (the model's fingerprint for reusing pages).
    metadata["source_stamp"] = read.stamp
    metadata["basics"] = basics
    metadata["display_path"] = path
    metadata["reader_problems"] = read.problems
    return content, metadata


def removal_warnings(removed: list[str], body: str, body_line: int, path: str) -> list[Problem]:
    """A warning for each kind of HTML removed from a body, at the line where it is first typed."""
    problems = []
    lowered = body.lower()
    for piece in removed:
        at = lowered.find(piece)
        line = body_line + lowered.count("\n", 0, at) if at >= 0 else None
        what = (f"the {piece}> element" if piece.startswith("<") else
                f"the {piece[:-1]} attribute" if piece.endswith("=") else f"a {piece} address")
        problems.append(Problem(
            path, f"{what} was removed from the body: the site publishes the HTML that formats text "
            "(bold, lists, tables, images, links), not scripts, frames, forms, on...= attributes or "
            "javascript: links, which could run a program in a reader's browser.", line=line, severity=WARNING,
            hint="Remove it from the text (link to an embedded video's page instead). A site whose writers "
            "are all trusted can publish it with ALLOW_RAW_HTML = True in pelicanconf.py (README, 'Text and HTML')."))
    return problems


class FrontMatterReader(MarkdownReader):
    """Reads `---` YAML front matter and a Markdown body; checks title, date and status."""

    file_extensions = list(DOCUMENT_ENDINGS)

    def read(self, source_path):
        build = builds.of(self.settings)
        # Converted ahead by the reading processes (see the speed plugin), or now.
        prepared = build.prepared.pop(source_path, None)
        try:
            # A file the reading processes found wrong is read again: it may have been fixed since.
            if prepared is None or isinstance(prepared, ContentError):
                content, metadata = convert(source_path, self.settings)
            else:
                content, metadata = prepared
            content, metadata = self._as_the_file_is_now(source_path, content, metadata)
        except ContentError as exc:  # Pelican skips the file; the build reports it with the rest
            build.problems.extend(exc.problems)
            raise
        if "category" in metadata:
            metadata["category"] = self.process_metadata("category", metadata["category"])
        return content, metadata

    def _as_the_file_is_now(self, source_path: str, content: str, metadata: dict) -> tuple[str, dict]:
        """Read again a file saved since it was read (by the reading processes, seconds ago, or
        while it was read). Pelican keeps what this returns in its cache under the file's time
        as it is once this returns: an older text kept under a newer time would be shown until
        the file was saved once more (an officer saving twice in a second saw the first save)."""
        for _ in range(_READ_AGAIN_AT_MOST):
            if is_as_read(source_path, metadata):
                break
            content, metadata = convert(source_path, self.settings)
        return content, metadata


#: How many times a file that keeps changing is read again before it is taken as last read.
_READ_AGAIN_AT_MOST = 3
