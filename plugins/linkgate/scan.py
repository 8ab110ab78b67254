"""Reading the new site for the link gate: every file's name, and the links and ids of every
page, feed, calendar and OPML file. Pure apart from the files it reads and the memo it keeps.

A kept page need not be read again: the memo (``SiteMemo``, a file in the build's cache folder)
keeps what each file held, by the file's identity (inode, size, time). A page reused from the
previous site is a hard link to the same file, so a warm rebuild reads only the files written
anew. Nor need its links be checked again: the memo is kept only after a site passed the gate,
and a link that led somewhere still does while nothing it could lead to went away. So only the
pages read anew are checked, unless a file that a page of the last site linked to is gone, a page
lost an id, or the site's own addresses changed (``SiteRead.to_check``); then every page is. (The
search index's files are named after what they hold, so most edits remove a few, which no page
links to: a check of every page after each edit, 1.6 s at 10,000 documents, for nothing.)

A feed rewritten because one document changed still holds the same entries for the others: the
memo keeps each feed entry's links by the entry's digest, and only entries never seen are read
(at 10,000 documents an edit rewrote 69 feeds with 989 entries: 0.9 s of reading, for one entry).
"""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

from network.build import file_identity, write_whole
from network.resident import resident_memos
from network.sitefiles import SiteFiles

from .links import FEED_ENDINGS, OPML_ENDINGS, Extractor, PageLinks

#: Files whose links are read; every other file is only a target.
READ_ENDINGS = (".html", ".ics", *FEED_ENDINGS, *OPML_ENDINGS)

Identity = tuple[int, int, int]  # inode, size, modification time (ns)


@dataclass
class SiteMemo:
    """What each file of a site that passed the gate held (path inside the site -> its identity
    and its links), every file of that site, how the site's own addresses were written
    (``links.Site.key``) and every file its pages' links led to (None: not known)."""

    entries: dict[str, tuple[Identity, PageLinks]] = field(default_factory=dict)
    files: frozenset[str] = frozenset()
    site_key: tuple = ()
    reached: frozenset[str] | None = None
    #: The links of every entry of the site's feeds, by the entry's digest (None: none known).
    feed_entries: dict[bytes, tuple[str, ...]] | None = None

    @classmethod
    def load(cls, path: str, memos=None) -> SiteMemo:
        """The memo at ``path``; an empty one if there is none or it cannot be read (a memo is
        only a shortcut: without it, every file is read). ``memos``: where the devserver keeps
        it between builds (``network.resident``)."""
        return (memos or resident_memos({})).load(path, cls._read)

    @classmethod
    def _read(cls, path: str) -> SiteMemo:
        try:
            with open(path, "rb") as handle:
                memo = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return cls()
        return memo if isinstance(memo, cls) else cls()

    def save(self, path: str, memos=None) -> None:
        write_whole(path, pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))
        (memos or resident_memos({})).saved(path, self)


@dataclass
class SiteRead:
    """The new site as the link gate sees it."""

    files: set[str]  # every file, as a path inside the site ("people/x/index.html")
    pages: dict[str, PageLinks]  # the links and ids of every file that has any to read
    read: int  # how many of them were read in this build (the others came from the memo)
    memo: SiteMemo  # what to keep if this site passes the gate (see ``memo_reaching``)
    to_check: set[str] | None  # the pages whose links need checking; None: every page
    reached_before: frozenset[str] | None = None  # what the last site's pages linked to

    def memo_reaching(self, reached: set[str]) -> SiteMemo:
        """The memo to keep once this site passed the gate, where checking its links (the pages
        in ``to_check``) reached the files in ``reached``: a kept page still links where it did."""
        if self.to_check is not None:
            reached = None if self.reached_before is None else self.reached_before | reached
        return dataclasses.replace(self.memo, reached=None if reached is None else frozenset(reached))


def _pages_to_check(last: SiteMemo, site_key: tuple, files: set[str], fresh: dict[str, PageLinks]):
    """The pages read anew, when nothing a kept page's link leads to went away since the last
    site passed the gate; else None (check every page)."""
    if not last.files or last.site_key != site_key:
        return None
    gone = last.files - files
    if gone and (last.reached is None or not gone.isdisjoint(last.reached)):
        return None
    for relative, found in fresh.items():
        before = last.entries.get(relative)
        if before is not None and not before[1].ids <= found.ids:
            return None
    return set(fresh)


def read_site(site: SiteFiles, memo: SiteMemo, site_key: tuple) -> SiteRead:
    """Every file of the new ``site`` (see ``network.sitefiles``), and the links and ids of those that have them: from
    ``memo`` for a file unchanged since it was read, read afresh otherwise; ``site_key``: how
    this build writes the site's own addresses. In this process: one
    reader sees every repeated line and feed entry once, where two forked ones would each read
    them and send every link back through a pipe (measured: 5.3 s alone, 7.4 s with two, for
    the 1,000-document corpus's 455 MB)."""
    files: set[str] = set()
    pages: dict[str, PageLinks] = {}
    kept: dict[str, tuple[Identity, PageLinks]] = {}
    to_read: list[tuple[str, str, Identity]] = []
    for file in site.files:
        relative, full, identity = file.relative, file.full, file_identity(file.identity_status())
        files.add(relative)
        if not relative.lower().endswith(READ_ENDINGS):
            continue
        known = memo.entries.get(relative)
        if known is not None and known[0] == identity:
            kept[relative] = known
            pages[relative] = known[1]
        else:
            to_read.append((relative, full, identity))
    extractor = Extractor(getattr(memo, "feed_entries", None))  # a memo from older code has none
    fresh: dict[str, PageLinks] = {}
    for relative, full, identity in to_read:
        with open(full, "rb") as handle:
            found = fresh[relative] = extractor.extract(relative, handle.read())
        kept[relative] = (identity, found)
        pages[relative] = found
    return SiteRead(files, pages, len(to_read),
                    SiteMemo(kept, frozenset(files), site_key, feed_entries=_feed_entries(pages, extractor.entries)),
                    _pages_to_check(memo, site_key, files, fresh), memo.reached)


def _feed_entries(pages: dict[str, PageLinks], known: dict[bytes, tuple[str, ...]]) -> dict:
    """The links of the entries the site's feeds have now, for the next build (an entry no feed
    has any more is dropped)."""
    return {digest: known[digest] for found in pages.values() for digest in found.entries if digest in known}
