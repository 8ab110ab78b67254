"""Links and anchors of a built site, and which of them lead nowhere. Pure.

Three steps, each a plain function of plain values:

1. ``extract``: what one file offers and asks for, read from its bytes. An HTML page's ``href``,
   ``src`` and ``srcset`` addresses, and the ``id``s (and ``<a name>``s) a ``#fragment`` may name.
   A feed's own links are read from its XML, and the HTML its entries carry escaped (content,
   summary, description) is unescaped once and read the same way; a title is text. The calendar's
   ``URL:`` lines are links too, and so are the OPML file's ``xmlUrl`` and ``htmlUrl``.
   Our pages are well-formed HTML made by our templates, Markdown and the sanitiser, so a regular
   expression over whole tags reads them exactly, and several times faster than ``html.parser``
   (measured in docs/speed.md); text never holds a tag's ``<`` unescaped.
2. ``Site.resolve``: a link as written on a page, as a path inside the site and a fragment; or
   None for an address outside the site (another host, ``mailto:``), which is never fetched.
   Relative, root-relative and absolute addresses (SITEURL or PUBLIC_SITEURL, either scheme)
   are all inside; ``../`` above the root is outside the site and so is broken.
3. ``find_broken``: every link of every file against the files of the new site and the ids of
   each page.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
import sys
from dataclasses import dataclass
from typing import Iterable, Mapping
from urllib.parse import unquote, urlsplit

#: A whole start tag, attributes and all (a quoted value may hold ">"); comments and text never
#: match, because text in our HTML never holds an unescaped "<" followed by a letter.
_TAG = re.compile(rb"""<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>""")
_ATTRIBUTE = re.compile(rb"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_LINKING = {b"href", b"src", b"srcset"}
_NAMING = {b"id", b"name"}
#: The elements of a feed that may carry HTML, escaped: the rest is text.
_HTML_ELEMENT = re.compile(rb"<(content|summary|description|content:encoded)(\s[^>]*)?>(.*?)</\1>", re.DOTALL)
_RSS_LINK = re.compile(rb"<link>\s*([^<\s]+)\s*</link>")
_ICS_URL = re.compile(r"^URL(?:;[^:\r\n]*)?:(\S+)", re.MULTILINE)
_ICS_FOLD = re.compile(r"\r?\n[ \t]")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
#: A fragment every page has: the top of the page (HTML scrolls there without an element).
_TOP = {"", "top"}
FEED_ENDINGS = (".xml", ".atom", ".rss")
#: The OPML file of every feed: its outlines link each feed (xmlUrl) and its page (htmlUrl).
OPML_ENDINGS = (".opml",)
_OPML_URL = re.compile(rb"""\s(?:xmlUrl|htmlUrl|url)\s*=\s*("[^"]*"|'[^']*')""")


@dataclass(frozen=True)
class PageLinks:
    """What one file asks for (``links``, as written, each once) and offers (``ids``)."""

    links: tuple[str, ...] = ()
    ids: frozenset[str] = frozenset()
    #: A feed's entries, each by its digest (``entry_digest``): what a later build may find again.
    entries: tuple[bytes, ...] = ()


class Extractor:
    """Reads the links and ids of many files. A site repeats most of its lines (the menu and the
    footer on every page, a document's paragraphs in its page and a dozen feeds), so each line is
    read once: what a line holds is kept by its hash. A tag written across lines is read with the
    lines it spans (a line whose last "<" opens a tag it does not close goes on to the next)."""

    def __init__(self, entries: Mapping[bytes, tuple[str, ...]] | None = None):
        self._lines: dict[tuple[bool, int], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        #: Feed entry digest -> its links: given from the last site (``scan.SiteMemo``), where an
        #: edit rewrites a dozen feeds, each with a few entries that changed and many that did not.
        self.entries: dict[bytes, tuple[str, ...]] = dict(entries or {})

    def extract(self, name: str, data: bytes) -> PageLinks:
        """The links and ids of the file at ``name`` (its path inside the site) from its bytes."""
        lowered = name.lower()
        if lowered.endswith(".html"):
            return self._from_lines(data)
        if lowered.endswith(FEED_ENDINGS):
            return self._from_feed(data)
        if lowered.endswith(OPML_ENDINGS):
            return PageLinks(tuple(dict.fromkeys(_attribute_text(m.group(1)) for m in _OPML_URL.finditer(data))))
        if lowered.endswith(".ics"):
            text = _ICS_FOLD.sub("", data.decode("utf-8", errors="replace"))
            return PageLinks(tuple(dict.fromkeys(m.group(1) for m in _ICS_URL.finditer(text))))
        return PageLinks()

    def _from_feed(self, data: bytes) -> PageLinks:
        """A document is the same entry in every feed that has it (a dozen of them), and in the
        same feeds build after build: each entry is read once, by its digest."""
        known = self.entries
        links: dict[str, None] = {}
        digests = []
        # Cut where each entry starts (Atom's <entry>, RSS's <item>): a plain split, at memory's speed.
        for entry in data.split(b"<entry" if b"<feed" in data[:1000] else b"<item"):
            digest = entry_digest(entry)
            found = known.get(digest)
            if found is None:
                found = known[digest] = self._entry_links(entry)
            links.update(dict.fromkeys(found))
            digests.append(digest)
        return PageLinks(tuple(links), entries=tuple(digests))

    def _entry_links(self, entry: bytes) -> tuple[str, ...]:
        """A feed entry's links: its own (Atom's ``<link href>``, RSS's ``<link>address</link>``)
        and those of the HTML it carries escaped (Atom's ``type="html"`` content and summary, RSS's
        description and content:encoded), read unescaped. A title is text: a tag typed in it is
        no link."""
        links = dict.fromkeys(m.group(1).decode("utf-8", errors="replace") for m in _RSS_LINK.finditer(entry))
        links.update(dict.fromkeys(_from_html(_HTML_ELEMENT.sub(b"", entry))[0]))
        for element in _HTML_ELEMENT.finditer(entry):
            name, attributes, inner = element.groups()
            if name in (b"content", b"summary") and b'type="html"' not in (attributes or b""):
                continue
            inner = html.unescape(inner.decode("utf-8", errors="replace")).encode("utf-8")
            links.update(dict.fromkeys(self._from_lines(inner).links))
        return tuple(sys.intern(link) for link in links)

    def _from_lines(self, data: bytes) -> PageLinks:
        known = self._lines
        links: dict[str, None] = {}
        ids: set[str] = set()
        for line in _logical_lines(data):
            key = (False, hash(line))
            found = known.get(key)
            if found is None:
                found = known[key] = _line_links(line)
            if found is not _NOTHING:
                links.update(dict.fromkeys(found[0]))
                ids.update(found[1])
        return PageLinks(tuple(links), frozenset(ids))


def entry_digest(entry: bytes) -> bytes:
    """What tells a feed entry (or the feed's head) from every other, in any process."""
    return hashlib.blake2b(entry, digest_size=16).digest()


def extract(name: str, data: bytes) -> PageLinks:
    """The links and ids of one file (see ``Extractor``, which reads many)."""
    return Extractor().extract(name, data)


_NOTHING: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())


def _logical_lines(data: bytes):
    """The lines of ``data``, a line joined with the next while a tag is open at its end."""
    pending = b""
    for line in data.split(b"\n"):
        if pending:
            line = pending + b"\n" + line
        if line.rfind(b"<") > line.rfind(b">"):
            pending = line
            continue
        pending = b""
        yield line
    if pending:
        yield pending


def _line_links(line: bytes) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if b"<" not in line:
        return _NOTHING
    links, ids = _from_html(line)
    if not links and not ids:
        return _NOTHING
    # Interned: a site repeats the same links on every page, and the memo pickles each once.
    return tuple(sys.intern(link) for link in dict.fromkeys(links)), tuple(ids)


def _from_html(data: bytes) -> tuple[list[str], set[str]]:
    links: list[str] = []
    ids: set[str] = set()
    for tag, attributes in _TAG.findall(data):  # findall: no match objects, half the time
        if not attributes:
            continue
        for key, value in _ATTRIBUTE.findall(attributes):
            key = key.lower()
            if not value or (key not in _LINKING and key not in _NAMING):
                continue
            text = _attribute_text(value)
            if key == b"srcset":
                links += _srcset_addresses(text)
            elif key in _LINKING:
                links.append(text)
            elif key == b"id" or tag.lower() == b"a":  # a name names only an <a>
                ids.add(text)
    return links, ids


def _attribute_text(value: bytes) -> str:
    if value[:1] in (b'"', b"'"):
        value = value[1:-1]
    text = value.decode("utf-8", errors="replace")
    return html.unescape(text).strip() if "&" in text else text.strip()


def _srcset_addresses(srcset: str) -> list[str]:
    """The addresses of ``srcset`` ("a.png 1x, b.png 2x"): each candidate's first word."""
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


@dataclass(frozen=True)
class Target:
    """Where a link leads inside the site: a path ("" is the root) and a fragment ("" for none)."""

    path: str
    fragment: str = ""


#: A link that leaves the site upwards ("../" above its root): it can name nothing of the site.
ABOVE_ROOT = Target("..")


class Site:
    """How the site's own addresses are written: relative, from its root ("/"), or absolute from
    any of its public addresses (SITEURL, PUBLIC_SITEURL), by either scheme. The first address
    given says where the root is on its host ("/", or "/sub/" for a site in a folder)."""

    def __init__(self, siteurls: Iterable[str]):
        prefixes, roots = [], []
        for siteurl in siteurls:
            parts = urlsplit((siteurl or "").strip())
            if parts.scheme not in ("http", "https") or not parts.netloc:
                continue
            path = parts.path.rstrip("/")
            prefixes += [f"{scheme}//{parts.netloc.lower()}{path}" for scheme in ("https:", "http:", "")]
            roots.append(path + "/")
        self.prefixes = tuple(sorted(set(prefixes), key=len, reverse=True))
        self.root = roots[0] if roots else "/"

    @property
    def key(self) -> tuple:
        """What decides where each link leads: equal keys resolve every link alike."""
        return self.prefixes, self.root

    def from_root(self, link: str) -> str | None:
        """``link`` as an address from the site's root (no leading "/"), if it is written from
        the root or absolutely with one of the site's addresses; None for any other link."""
        link = link.strip()
        if link.startswith("/") and not link.startswith("//"):
            return link[len(self.root):] if (link + "/").startswith(self.root) else None
        lowered = link.lower()
        for prefix in self.prefixes:
            if lowered.startswith(prefix) and link[len(prefix):len(prefix) + 1] in ("", "/", "?", "#"):
                return link[len(prefix):].lstrip("/")
        return None

    def resolve(self, link: str, page: str) -> Target | None:
        """Where ``link``, written on the page at ``page`` (a path inside the site such as
        "minutes/x/index.html"), leads in the site; None if it leads out of it."""
        link = link.strip()
        address = self.from_root(link)
        if address is None:
            if _SCHEME.match(link) or link.startswith("/"):
                return None  # another host, another scheme, or elsewhere on this host
            address, base = link, posixpath.dirname(page)
        else:
            base = ""
        address, _, fragment = address.partition("#")
        address = address.partition("?")[0]
        if not address:  # "#part" or "?query" alone: the page itself (or the root, from the root)
            return Target(page if link[:1] in "#?" else "", fragment)
        path = posixpath.normpath(posixpath.join(base, address))
        if path == ".." or path.startswith("../"):
            return ABOVE_ROOT
        if path == ".":
            path = ""
        elif address.endswith("/"):
            path += "/"
        return Target(unquote(path), fragment)


@dataclass(frozen=True)
class Broken:
    """A link of ``page`` (as written) that leads nowhere: to ``target`` (a path inside the site,
    with its fragment), which is missing (``why``: "no page", "no anchor" or "above the root")."""

    page: str
    link: str
    target: str
    why: str


def find_file(path: str, files: set[str] | frozenset[str]) -> str | None:
    """The file a site path names: a folder's index.html (with or without its "/"), or the file."""
    if path == "" or path.endswith("/"):
        index = path + "index.html"
        return index if index in files else None
    if path in files:
        return path
    index = path + "/index.html"
    return index if index in files else None


class Checker:
    """Checks links against one new site: its files, and the ids of each of its pages."""

    def __init__(self, files: set[str] | frozenset[str], pages: Mapping[str, PageLinks], site: Site,
                 to_check: set[str] | None = None):
        """``to_check``: the pages whose links ``find_broken`` checks (None: every page)."""
        self.files, self.pages, self.site = files, pages, site
        self.to_check = to_check
        #: Every file a link checked so far led to.
        self.reached: set[str] = set()

    def why_broken(self, link: str, page: str) -> tuple[str, str] | None:
        """None if ``link``, written on ``page``, leads somewhere (or out of the site); else
        where it leads (the path inside the site, with its fragment) and what is missing there."""
        target = self.site.resolve(link, page)
        if target is None:
            return None
        where = target.path + (f"#{target.fragment}" if target.fragment else "")
        if target is ABOVE_ROOT:
            return where, "above the root"
        file = find_file(target.path, self.files)
        if file is None:
            return where, "no page"
        self.reached.add(file)
        fragment = target.fragment
        if fragment.lower() in _TOP or not file.endswith(".html"):
            return None
        ids = self.pages.get(file, _NO_IDS).ids
        if fragment in ids or unquote(fragment) in ids:
            return None
        # Named by the page's address, however the link reached it ("#part", "../x/", "x/index.html").
        return f"{page_addresses([file])[0]}#{fragment}", "no anchor"

    def find_broken(self) -> list[Broken]:
        """Every link of every page that leads nowhere. A link is checked once: once in all if
        it leads to the same place from any page (absolute, or from the root), once for each
        depth if it climbs to the root ("../../people/" leads to the same page from every page
        two folders down, and elsewhere from one three down), else once for each folder it is
        written in; then it is only looked up, in sets. A link to a part of its own page
        ("#part") is checked on that page."""
        anywhere: _Checked = (set(), {})
        by_depth: dict[int, _Checked] = {}
        by_folder: dict[str, _Checked] = {}
        broken = []
        pages = self.pages if self.to_check is None else {page: self.pages[page] for page in self.to_check}
        for page, found in pages.items():
            folder = posixpath.dirname(page)
            depth = folder.count("/") + 1 if folder else 0
            here, level = by_folder.setdefault(folder, (set(), {})), by_depth.setdefault(depth, (set(), {}))
            climb = "../" * depth
            links = set(found.links)
            for link in links - anywhere[0] - level[0] - here[0]:
                verdict = self.why_broken(link, page)
                if _on_its_page(link):
                    if verdict is not None:
                        broken.append(Broken(page, link, *verdict))
                    continue
                if link.startswith("/") or _SCHEME.match(link):
                    checked, bad = anywhere
                else:
                    checked, bad = level if depth and link.startswith(climb) else here
                checked.add(link)
                if verdict is not None:
                    bad[link] = verdict
            for _, bad in (anywhere, level, here):
                broken += [Broken(page, link, *bad[link]) for link in links & bad.keys()]
        return broken


#: Links already checked in one scope (see ``Checker.find_broken``), and those that lead nowhere.
_Checked = tuple[set[str], dict[str, tuple[str, str]]]


def _on_its_page(link: str) -> bool:
    """Whether ``link`` names a part of the page it is on ("#part", "?query", "")."""
    return not link or link[0] in "#?"


_NO_IDS = PageLinks()


def page_addresses(files: Iterable[str]) -> list[str]:
    """The addresses of a site's pages and files, as a link names them ("about/", "files/x.pdf"),
    for "Did you mean …?"."""
    return [file[:-len("index.html")] if file.endswith("index.html") else file for file in files]
