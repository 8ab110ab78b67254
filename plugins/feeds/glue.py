"""Connects the feeds to Pelican: one generator writes every feed, the OPML file of them all, the
/feeds/ page and the lists of organisations' and people's feeds."""

from __future__ import annotations

from datetime import datetime, timezone
from functools import partial
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from markupsafe import Markup

from network.feedxml import Enclosure, EntryCache, FeedInfo, FeedItem, make_feeds
from network.generator import NetworkGenerator
from network.listings import ENTRIES_PER_PAGE
from network.pages import Files, Page
from network.urls import FEEDS_OPML, NEWSLETTER_FEED, absolute, calendar_url, public_siteurl

from .content import expand_initials
from .listing import LISTED_KINDS, OtherWay, feed_list_pages, feed_name, feed_sections, listed_kinds
from .opml import opml_bytes, opml_groups, published_span
from .select import feed_paths, feed_specs

_EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)
#: The other ways to follow the site, which /feeds/ mentions at its top (and whose RSS feeds the
#: OPML file lists).
OTHER_WAYS = (
    OtherWay("The newsletter", "newsletter/", "newsletter/", "by e-mail, every month"),
    OtherWay("The newsletter's feed", NEWSLETTER_FEED, "newsletter/", "RSS, one item per finished issue",
             is_feed=True),
    OtherWay("The meetings calendar", calendar_url(), "meetings/",
             "iCalendar: subscribe in Outlook, Google or Apple Calendar"),
)


class FeedsGenerator(NetworkGenerator):
    """Writes RSS and Atom for the site, each category, theme, organisation and public person."""

    stage = "feeds: writing RSS and Atom"
    template_globals = {"feed_paths": feed_paths, "feed_name": feed_name}

    def _item(self, document, content, site):
        author = ""
        if document.author is not None:
            person = self.network.people.get(document.author.person_id) if document.author.person_id else None
            author = person.name if person is not None and person.public else (
                document.author.text if person is None else "")
        stem = document.key.rsplit(".", 1)[0]
        return FeedItem(
            id=f"tag:{self.domain},{document.date:%Y-%m-%d}:{stem}",
            title=document.title,
            url=f"{site}/{document.url}",
            published=document.date,
            updated=getattr(content, "modified", None) or document.date,
            summary_html=absolute(document.summary, document.url, site),
            content_html=self._content(document, content, site),
            author=author,
            categories=[self.network.themes[t].name for t in document.themes],
            enclosures=[Enclosure(f"{site}/{a.path}", a.size, a.media_type, a.title) for a in document.attachments],
        )

    def _content(self, document, content, site):
        """The item's content: the document's body inside what makes it read on its own (the
        meeting and its actions ahead of minutes, attachments after), links absolute, the people
        behind initials named."""
        page = self.get_template("feed/item").render(
            {"SITEURL": site, "article": content, "body": Markup(content.get_content(site))})
        return expand_initials(absolute(page, document.url, site), self.network.people)

    def describe(self, network):
        settings = self.settings
        site = public_siteurl(settings)
        self.network = network
        self.domain = urlparse(site).hostname or "localhost"
        now = datetime.now(ZoneInfo(settings["TIMEZONE"]))
        categories = {category.name: category.slug for category, _ in self.context.get("categories", [])}
        content_of = {id(a.doc): a for a in self.context.get("articles", []) if getattr(a, "doc", None)}
        specs = feed_specs(network, sitename=settings["SITENAME"], categories=categories, now=now,
                           limit=settings["FEED_MAX_ITEMS"])
        items: dict[int, FeedItem] = {}  # each document's entry, made once for all its feeds
        entries = EntryCache()
        newest = network.documents[0].date if network.documents else _EPOCH

        def make(spec):
            for document in spec.documents:
                if id(document) not in items:
                    items[id(document)] = self._item(document, content_of[id(document)], site)
            info = FeedInfo(
                title=spec.title, subtitle=spec.subtitle, page_url=f"{site}/{spec.page_path}",
                atom_url=f"{site}/{spec.atom_path}", rss_url=f"{site}/{spec.rss_path}",
                id=f"{site}/{spec.page_path}", language=settings["DEFAULT_LANG"],
                updated=max((items[id(d)].updated for d in spec.documents), default=newest),
            )
            atom, rss = make_feeds(info, [items[id(d)] for d in spec.documents], entries)
            return {spec.atom_path: atom, spec.rss_path: rss}

        for spec in specs:  # its documents count in full: their text is in the feed
            # A feed with no entries is as new as the site's newest document (its updated date).
            inputs = ("feed", site, spec) if spec.documents else ("feed", site, spec, newest)
            yield Files((spec.atom_path, spec.rss_path), inputs, partial(make, spec))
        yield _opml_file(specs, site, settings, network.documents, now)
        per_page = settings.get("LIST_PAGE_SIZE", ENTRIES_PER_PAGE)
        lists = {kind: feed_list_pages(specs, kind, per_page) for kind in LISTED_KINDS}
        yield Page("feeds/index.html", "feeds", {
            "feed_sections": feed_sections(specs, listed_kinds(lists)), "feed_site": site,
            "other_ways": OTHER_WAYS, "feeds_opml": FEEDS_OPML})
        for parts in lists.values():
            for listed in parts:  # names and addresses only: cheap, and all the page shows
                yield Page(listed.save_as, "feed_list", {"feed_list": listed, "feed_site": site},
                           inputs=("feed list", site, listed))


def _opml_file(specs, site, settings, documents, now):
    """/feeds/feeds.opml: its inputs are the feeds' names and addresses and the dates of the
    oldest and newest published document, not the feeds' documents (an edited text leaves it)."""
    groups = opml_groups(specs, site, OTHER_WAYS)
    created, modified = published_span(documents, now)
    title = f"{settings['SITENAME']}: every feed"
    make = partial(opml_bytes, groups, title=title, owner=settings["SITENAME"], created=created, modified=modified)
    return Files((FEEDS_OPML,), ("feeds opml", groups, title, created, modified), lambda: {FEEDS_OPML: make()})


def register():
    FeedsGenerator.register()
