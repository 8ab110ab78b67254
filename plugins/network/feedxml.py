"""Writing RSS 2.0 and Atom 1.0 with feedgen, around its known traps. No Pelican here.

In the model's package because two page types write feeds (feeds, and the newsletter's own) and
a page type imports no other page type.

- RSS gets content:encoded only when both a description and content are set: both always are.
- RSS <author> must be an e-mail address: names go into dc:creator instead.
- feedgen refuses naive dates: every date given here carries its time zone.
- feedgen prepends entries unless told to append: we place the items ourselves, newest first.
- feedgen 1.0.0 drops rel, type and length from Atom entry links (it reads them from the new XML
  element instead of the link it copies): our entry extension writes every Atom link itself.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator
from lxml import etree

RSS_PREFIXES = {"content": "http://purl.org/rss/1.0/modules/content/", "dc": "http://purl.org/dc/elements/1.1/"}


@dataclass
class Enclosure:
    url: str
    length: int
    media_type: str
    title: str = ""


@dataclass
class FeedItem:
    id: str
    title: str
    url: str
    published: datetime
    updated: datetime
    summary_html: str
    content_html: str
    author: str = ""
    categories: list[str] = field(default_factory=list)
    enclosures: list[Enclosure] = field(default_factory=list)


@dataclass
class FeedInfo:
    title: str
    subtitle: str
    page_url: str  # the web page the feed follows (absolute)
    atom_url: str  # absolute
    rss_url: str  # absolute
    id: str
    language: str
    updated: datetime


class _AtomLinks:
    """feedgen entry extension that writes an entry's Atom links with all their attributes."""

    def __init__(self):
        self.alternate = ""
        self.enclosures: list[Enclosure] = []

    def extend_ns(self):
        return {}

    def extend_atom(self, entry):
        # feedgen's elements carry no namespace of their own (the feed's default one applies).
        for old in entry.findall("link"):
            entry.remove(old)
        etree.SubElement(entry, "link", rel="alternate", type="text/html", href=self.alternate)
        for enclosure in self.enclosures:
            attributes = {"rel": "enclosure", "type": enclosure.media_type, "length": str(enclosure.length),
                          "href": enclosure.url}
            if enclosure.title:
                attributes["title"] = enclosure.title
            etree.SubElement(entry, "link", **attributes)
        return entry

    def extend_rss(self, item):
        return item


def _require_zone(value: datetime, what: str) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"{what} has no time zone")
    return value


def _entry(item: FeedItem) -> FeedEntry:
    entry = FeedEntry()
    entry.load_extension("dc", atom=False, rss=True)
    entry.id(item.id)
    entry.guid(item.id, permalink=False)
    entry.title(item.title)
    entry.link(href=item.url, rel="alternate")
    entry.published(_require_zone(item.published, f"'{item.title}'"))
    entry.updated(_require_zone(item.updated, f"'{item.title}'"))
    # Both are HTML: a document without a summary has its title there, escaped (it is text).
    summary_html = item.summary_html or html.escape(item.title, quote=False)
    entry.description(summary_html)
    entry.summary(summary_html, type="html")
    entry.content(item.content_html, type="html")
    if item.author:
        entry.author(name=item.author)
        entry.dc.dc_creator(item.author)
    for category in item.categories:
        entry.category(term=category)
    entry.register_extension("links", _AtomLinks, atom=True, rss=False)
    entry.links.alternate = item.url
    entry.links.enclosures = item.enclosures
    if item.enclosures:
        # RSS allows one enclosure an item: the first attachment.
        first = item.enclosures[0]
        entry.enclosure(first.url, str(first.length), first.media_type)
    return entry


class EntryCache:
    """Each item's Atom <entry> and RSS <item>, made by feedgen once and reused in every feed
    that lists it (a document is in the site feed, its category's and each entity's)."""

    def __init__(self):
        self._xml: dict[str, tuple[bytes, bytes]] = {}

    def xml(self, item: FeedItem) -> tuple[bytes, bytes]:
        found = self._xml.get(item.id)
        if found is None:
            entry = _entry(item)
            # Serialised inside the usual prefixes, so readers see content:encoded and dc:creator.
            scope = etree.Element("scope", nsmap=RSS_PREFIXES)
            scope.append(entry.rss_entry())
            found = (etree.tostring(entry.atom_entry(), encoding="UTF-8", pretty_print=True),
                     etree.tostring(scope[0], encoding="UTF-8", pretty_print=True))
            self._xml[item.id] = found
        return found


def _head(info: FeedInfo) -> FeedGenerator:
    generator = FeedGenerator()
    generator.load_extension("dc", atom=False, rss=True)
    generator.id(info.id)
    generator.title(info.title)
    generator.subtitle(info.subtitle or info.title)
    generator.description(info.subtitle or info.title)
    # feedgen makes the last link the RSS channel's <link>: the web page goes last.
    generator.link(href=info.atom_url, rel="self")
    generator.link(href=info.page_url, rel="alternate")
    generator.language(info.language)
    generator.updated(_require_zone(info.updated, "the feed's date"))
    generator.lastBuildDate(_require_zone(info.updated, "the feed's date"))
    generator.generator("Partnership publisher (feedgen)")
    return generator


def _insert(document: bytes, closing: bytes, parts: list[bytes]) -> bytes:
    at = document.rindex(closing)
    return document[:at] + b"".join(parts) + document[at:]


def make_feeds(info: FeedInfo, items: list[FeedItem], cache: EntryCache | None = None) -> tuple[bytes, bytes]:
    """(Atom bytes, RSS bytes) for the items, in the order given (newest first)."""
    cache = cache or EntryCache()
    entries = [cache.xml(item) for item in items]
    generator = _head(info)
    atom = _insert(generator.atom_str(pretty=True), b"</feed>", [atom for atom, _ in entries])
    # The RSS file's own address for its atom:link rel="self"; the page stays the channel link.
    generator.link(href=info.rss_url, rel="self", replace=True)
    generator.link(href=info.page_url, rel="alternate")
    # Atom's subtitle is text; RSS readers take the channel's description for HTML (feedparser
    # does): the same words, escaped, so a name in them is never read as markup.
    generator.description(html.escape(info.subtitle or info.title, quote=False))
    rss = _insert(generator.rss_str(pretty=True), b"</channel>", [rss for _, rss in entries])
    return atom, rss
