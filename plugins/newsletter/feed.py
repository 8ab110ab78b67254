"""The newsletter's own RSS feed: one item per issue, the issue's e-mail as its content, for the
services that send each new item of a feed by e-mail (Mailchimp's RSS campaigns, Buttondown's RSS
automation, a script posting to listmonk). Pure.

An issue joins the feed once its period is over: a service sends each item once, the first time
it sees it, so an issue still filling up would go out half made and never again.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime, timezone

from network.feedxml import FeedInfo, FeedItem, make_feeds

from .issues import Issue

#: The feed's date when no issue is finished yet (feedgen needs one; a stable one keeps the file).
_NO_ISSUE_YET = datetime(2000, 1, 1, tzinfo=timezone.utc)


def finished_issues(issues: list[Issue], now: datetime, limit: int) -> list[Issue]:
    """The newest ``limit`` issues (newest first, as given) whose period is over at ``now``."""
    return [issue for issue in issues if issue.end <= now][:max(0, limit)]


def body_of(document: str) -> str:
    """What is inside the <body> of our e-mail's HTML: a service puts an item's content inside
    its own template, where a second <html> and <head> have no place. The CSS is inlined, so the
    body keeps its look; only the phone rules of the <head> stay behind (the column narrows by
    itself: width 100%, at most 600 px)."""
    start = document.index(">", document.index("<body")) + 1
    return document[start:document.rindex("</body>")].strip()


@dataclass(frozen=True)
class FeedPlace:
    """Where the feed and its issues are: what every item's addresses and id are made from."""

    site: str  # absolute, no trailing slash
    domain: str  # the site's host name, as the e-mail's Message-ID has it


def feed_item(issue: Issue, place: FeedPlace, page_url: str, content_html: str, now: datetime) -> FeedItem:
    """An issue as a feed item. Its id is the e-mail's Message-ID key in a tag: URI, so a service
    sends an issue once however often the site is built; its date is the e-mail's Date:."""
    sent = issue.sent_at(now)
    intro = str(issue.intro_html).strip()
    summary = intro or f"<p>{html.escape(issue.preheader, quote=False)}</p>"  # the preheader is text
    return FeedItem(
        id=f"tag:{place.domain},{issue.start:%Y-%m-%d}:newsletter-{issue.key}",
        title=issue.title, url=f"{place.site}/{page_url}", published=sent, updated=sent,
        summary_html=summary, content_html=content_html)


def newsletter_rss(place: FeedPlace, feed_path: str, page_url: str, *, title: str, language: str,
                   items: list[FeedItem]) -> bytes:
    """The RSS 2.0 file of the items (newest first)."""
    info = FeedInfo(
        title=title, subtitle=f"Every issue of the {title}, as it is e-mailed.",
        page_url=f"{place.site}/{page_url}", atom_url=f"{place.site}/{feed_path}",
        rss_url=f"{place.site}/{feed_path}", id=f"{place.site}/{page_url}", language=language,
        updated=max((item.updated for item in items), default=_NO_ISSUE_YET))
    return make_feeds(info, items)[1]  # RSS only: what the services read (the Atom copy is not written)
