"""The edited page first: how `make devserver` shows an edit to a document's text in a moment.

A whole rebuild at 10,000 documents takes half a minute, though most edits are to the text of
one document and change nothing else the site shows. So when one document's text changed and
nothing else about it did, the devserver (tools/devserver.py) makes that page at once, by the same
steps as the build: the reader (Markdown, sanitising), withholding private names, linking the
mentions for that page. It puts the new text in place of the old in the page the last build
wrote, reads the page at the last gate, and replaces the file. The whole rebuild follows as
usual and writes the same page, with everything else the edit changes (feeds, lists, search).

The page is made this way only when it is certain to be the page the build will write:

- the document was in the last build, and is not minutes (their actions are numbered and
  reported on across meetings);
- its front matter is the same, and so is its summary (the first paragraph, when none is given);
- the text involves the same people, organisations and themes, as often and in the same order
  (the page lists them; related documents follow from them);
- the text has no link Pelican rewrites (``{filename}``), and the reader had nothing to remove;
- the file is in the content folder, not a link (the build refuses links out of it);
- the last build's text is in the page exactly once.

Otherwise the devserver just rebuilds. A test edits pages both ways and compares, byte for byte.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import Any

from crosslinks.glue import link_body
from crosslinks.index import record_involvement
from crosslinks.linker import count_mentions
from network.build import write_whole
from network.contentfiles import leads_outside
from network.errors import ContentError
from network.gate import LastGate
from network.generator import contents_with_documents
from network.model import Document, Network
from network.privacy import withhold
from network.reader import convert

#: An address Pelican rewrites as it renders a page ("{filename}/updates/x.md", "|static|...").
_PELICAN_LINK = re.compile(r"""(?:href|src|poster|data|cite|formaction|action|content)\s*=\s*["'][{|]""")


@dataclasses.dataclass(frozen=True)
class PageOfDocument:
    """What the last build knew of one document's page: the document (its finished body among
    it), where its page was written, and what the reader gave besides the body."""

    document: Document
    save_as: str
    front_matter: Any
    summary: str


@dataclasses.dataclass(frozen=True)
class LastBuild:
    """What the devserver keeps of its last build for the edited page first: each document's
    page by source key ("updates/x.md"), and the directory (names, who is public)."""

    pages: dict[str, PageOfDocument]
    directory: Any


def keep_for_page_first(build, generators, settings) -> None:
    """Once the pipeline is done, in a build for the devserver (PAGE_FIRST): what it needs to
    make a page again alone (not minutes') after the build."""
    pages = {content.doc.key: PageOfDocument(content.doc, content.doc.save_as, content.metadata.get("front_matter"),
                                             content.metadata.get("summary", ""))
             for content in contents_with_documents(generators)
             if content.doc.category != settings["MINUTES_CATEGORY"]}
    build.page_first = LastBuild(pages, build.network.directory)


@dataclasses.dataclass(frozen=True)
class PageMadeFirst:
    """A page made before its build: its file inside the site, and the bytes it replaced (put
    back if the build then fails, so that the preview is the last build that worked)."""

    save_as: str
    before: bytes


def page_first(source_path: str, settings: dict, last: LastBuild, site: str) -> PageMadeFirst | None:
    """Make the page of the document at ``source_path`` again in ``site`` if only its text changed
    (see above); return what was made, or None when it must wait for the whole rebuild."""
    key = os.path.relpath(source_path, settings["PATH"]).replace(os.sep, "/")
    known = last.pages.get(key)
    if known is None or settings.get("TYPOGRIFY"):  # Pelican changes the text after our reader
        return None
    if os.path.islink(source_path) or leads_outside(source_path, settings["PATH"]):
        return None  # the build refuses a link out of the content folder, and says why
    body = _new_body(source_path, settings, last, known)
    if body is None:
        return None
    page = os.path.join(site, known.save_as)
    try:
        with open(page, "rb") as handle:
            written = handle.read()
    except OSError:
        return None
    old = known.document.body.encode()
    if written.count(old) != 1:
        return None
    new_page = written.replace(old, body.encode())
    if LastGate(last.directory.names).file_names_private(known.save_as, new_page) is not None:
        return None  # the whole rebuild reports it
    write_whole(page, new_page)  # a new file: never through a link the page may share
    last.pages[key] = dataclasses.replace(known, document=dataclasses.replace(known.document, body=body))
    return PageMadeFirst(known.save_as, written)


def _new_body(source_path: str, settings: dict, last: LastBuild, known: PageOfDocument) -> str | None:
    """The document's finished body as the build would make it, if nothing but it changed."""
    try:
        html, metadata = convert(source_path, settings)
    except (ContentError, OSError, UnicodeError):
        return None  # the whole rebuild says what is wrong
    names, replacement = last.directory.names, settings["PRIVATE_NAME_REPLACEMENT"]
    if metadata["front_matter"] != known.front_matter or metadata["reader_problems"]:
        return None
    if withhold(metadata.get("summary", ""), names, replacement, markup=True)[0] != known.summary:
        return None
    body = withhold(html, names, replacement, markup=True)[0]
    document = known.document
    linked = link_body(document, body, names, settings, known.save_as)
    if not document.is_page:  # a standing page involves no one: it is in no entity's list
        again = dataclasses.replace(document, body=linked.html, involved={})
        record_involvement(again, count_mentions(linked.mentions), Network(last.directory))
        if list(again.involved.items()) != list(document.involved.items()):
            return None
    if _PELICAN_LINK.search(linked.html) or _PELICAN_LINK.search(document.body):
        return None
    return linked.html
