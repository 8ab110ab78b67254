"""Every feed of the site in one OPML 2.0 file (/feeds/feeds.opml), to import into a feed reader
at once (Newsboat, Thunderbird, Feedly, NetNewsWire all read it). Pure.

The file lists feeds, not their documents: one outline per kind of feed, in the order /feeds/
shows them (``listing.FOLLOW_ORDER``), holding one ``type="rss"`` outline per feed, its RSS address
absolute. Names from the directory are text: the XML writer escapes them in attributes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime

from .listing import FOLLOW_ORDER, OtherWay, feed_name
from .select import FeedSpec, in_feeds

#: The date a site without a published document gives its OPML file (any fixed date: the file
#: must be the same at each build).
EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)
#: The specification a reader of the file may look up (OPML's <docs>).
OPML_SPEC = "http://opml.org/spec2.opml"
#: Characters XML 1.0 cannot hold at all, even escaped: left out of a name.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The group of other feeds (the newsletter's): after the site's, as /feeds/ mentions them at its top.
OTHER_FEEDS = "Other feeds"


@dataclass(frozen=True)
class OpmlFeed:
    """One feed as the OPML file lists it: its name, its title, its RSS file and its page (absolute)."""

    text: str
    title: str
    xml_url: str
    html_url: str


@dataclass(frozen=True)
class OpmlGroup:
    """The feeds of one kind, under the words /feeds/ heads them with."""

    label: str
    feeds: tuple[OpmlFeed, ...]


def opml_groups(specs: list[FeedSpec], site: str, others: tuple[OtherWay, ...] = ()) -> tuple[OpmlGroup, ...]:
    """Every feed of ``specs`` grouped by kind in ``FOLLOW_ORDER`` (a kind without feeds left out),
    with the RSS feeds among ``others`` in a group after the site's. ``site`` is the absolute
    address every path is joined to."""
    by_kind: dict[str, list[OpmlFeed]] = {}
    for spec in specs:
        by_kind.setdefault(spec.kind, []).append(
            OpmlFeed(feed_name(spec), spec.title, f"{site}/{spec.rss_path}", f"{site}/{spec.page_path}"))
    groups = [OpmlGroup(label, tuple(by_kind[kind])) for kind, label in FOLLOW_ORDER if by_kind.get(kind)]
    other_feeds = tuple(OpmlFeed(way.name, way.name, f"{site}/{way.path}", f"{site}/{way.page_path}")
                        for way in others if way.is_feed)
    if other_feeds:
        groups.insert(1 if groups else 0, OpmlGroup(OTHER_FEEDS, other_feeds))
    return tuple(groups)


def published_span(documents, now: datetime) -> tuple[datetime, datetime]:
    """The dates of the oldest and the newest document in the feeds (``documents`` newest first),
    for the file's dateCreated and dateModified: a document added moves them, nothing else does."""
    newest = next((document.date for document in documents if in_feeds(document, now)), None)
    if newest is None:
        return EPOCH, EPOCH
    oldest = next(document.date for document in reversed(documents) if in_feeds(document, now))
    return oldest, newest


def opml_bytes(groups: tuple[OpmlGroup, ...], *, title: str, owner: str, created: datetime,
               modified: datetime) -> bytes:
    """The OPML 2.0 file of ``groups``, as UTF-8 bytes."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    for tag, value in (("title", title), ("dateCreated", _rfc822(created)), ("dateModified", _rfc822(modified)),
                       ("ownerName", owner), ("docs", OPML_SPEC)):
        ElementTree.SubElement(head, tag).text = _text(value)
    body = ElementTree.SubElement(root, "body")
    for group in groups:
        outline = ElementTree.SubElement(body, "outline", text=_text(group.label))
        for feed in group.feeds:
            # ElementTree writes attributes in the order given: text first, as readers show it.
            ElementTree.SubElement(outline, "outline", {
                "type": "rss", "text": _text(feed.text), "title": _text(feed.title),
                "xmlUrl": feed.xml_url, "htmlUrl": feed.html_url})
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _rfc822(moment: datetime) -> str:
    """A date as RFC 822 writes it ("Sat, 01 Nov 2025 09:00:00 +0000"), as OPML asks."""
    return format_datetime(moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc))


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)
