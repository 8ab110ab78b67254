"""Moving HTML fragments between pages without breaking their links. Pure.

A document's HTML has links relative to its own page (in previews) or absolute (in production).
A fragment reused elsewhere (an action in the register, a summary in a feed or an e-mail) is
first made *site-rooted* (every internal link starts with "/", meaning the site's root), then
written out for its new page with that page's base: a relative prefix, or SITEURL.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re

from .model import Entity, Organisation, Person, Theme

_LINK = re.compile(r'(?P<attr>\s(?:href|src))=(?P<quote>["\'])(?P<url>.*?)(?P=quote)', re.IGNORECASE)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def to_rooted(fragment: str, page_url: str, siteurl: str = "") -> str:
    """Rewrite internal links of a fragment from the page at ``page_url`` to site-rooted form."""
    return _rewritten(fragment, _rooting(page_url, siteurl))


def from_rooted(fragment: str, base: str) -> str:
    """Write a site-rooted fragment for a page whose way to the root is ``base``
    ("../.." in a preview, "https://example.org" in production, "" for root-relative)."""
    return _rewritten(fragment, _basing(base))


def absolute(fragment: str, page_url: str, siteurl: str) -> str:
    """Every internal link of a page's fragment as an absolute address (feeds, e-mail): site-rooted,
    then written with SITEURL, in one pass (every feed entry and e-mail goes through it)."""
    rooted, based = _rooting(page_url, siteurl), _basing(siteurl)
    return _rewritten(fragment, lambda url: based(rooted(url)))


def _rewritten(fragment: str, rewrite) -> str:
    """``fragment`` with the address of each of its links replaced by ``rewrite(address)``."""
    def with_url(match) -> str:
        quote = match.group("quote")
        return f"{match.group('attr')}={quote}{rewrite(match.group('url'))}{quote}"
    return _LINK.sub(with_url, fragment)


def _rooting(page_url: str, siteurl: str):
    """What writes one address of the page at ``page_url`` site-rooted."""
    page_dir = "/" + posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else "/"
    siteurl = siteurl.rstrip("/")

    def rooted(url: str) -> str:
        if siteurl and url.startswith(siteurl + "/"):
            return url[len(siteurl):]
        if url == siteurl and siteurl:
            return "/"
        if url.startswith("#"):
            return "/" + page_url.lstrip("/") + url
        # An address may be written with references (an e-mail link Markdown obfuscates as
        # "&#109;&#97;…", kept as typed when ALLOW_RAW_HTML is on): judged as a browser reads it.
        if url.startswith("/") or _EXTERNAL.match(html.unescape(url) if "&" in url else url):
            return url
        path, hash_, fragment_id = url.partition("#")
        joined = posixpath.normpath(posixpath.join(page_dir, path)) if path else page_dir
        if path.endswith("/") and not joined.endswith("/"):
            joined += "/"
        return joined + hash_ + fragment_id
    return rooted


def _basing(base: str):
    """What writes one site-rooted address for a page whose way to the root is ``base``."""
    base = base.rstrip("/")

    def based(url: str) -> str:
        if base and url.startswith("/") and not url.startswith("//"):
            return f"{base}{url}"
        return url
    return based


#: The folder of each kind of directory entry: its list, and one page per entry inside it.
ENTITY_FOLDERS = {"person": "people/", "organisation": "organisations/", "theme": "themes/"}
_KINDS = {Person: "person", Organisation: "organisation", Theme: "theme"}


#: The archive of every document by date; each year and each month has a page inside the site's root.
ARCHIVES_URL = "archives/"


def archive_url(year: int | None = None, month: int | None = None) -> str:
    """The archive's address: every year ("archives/"), one year ("2025/"), one month ("2025/03/")."""
    if year is None:
        return ARCHIVES_URL
    return f"{year}/" if month is None else f"{year}/{month:02d}/"


#: The newsletter's own RSS feed, one item per issue, for RSS-to-e-mail services.
NEWSLETTER_FEED = "newsletter/feed.xml"
#: Every feed of the site in one OPML file, to import into a reader at once.
FEEDS_OPML = "feeds/feeds.opml"


_SAFE_NAME = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")


def calendar_url(body: str | None = None) -> str:
    """The meetings calendar: every body's ("meetings.ics"), or one body's ("meetings/<body>.ics").
    A body the directory lacks may be any words: its file is named after them in lower-case
    letters, digits and hyphens, with a short digest of the words as typed, so that two bodies
    never share a file and no name reaches outside meetings/."""
    if body is None:
        return "meetings.ics"
    if _SAFE_NAME.match(body):
        return f"meetings/{body}.ics"
    words = re.sub(r"[^a-z0-9]+", "-", body.casefold()).strip("-")
    digest = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"meetings/{words}-{digest}.ics" if words else f"meetings/{digest}.ics"


def entity_url(entity: Entity) -> str:
    """The address inside the site of an entity's page, such as "themes/housing/"."""
    return f"{ENTITY_FOLDERS[entity.kind]}{entity.id}/"


def url_of(item) -> str:
    """The address inside the site of the page of an Entity, Person, Organisation or Theme."""
    return entity_url(item if isinstance(item, Entity) else Entity(_KINDS[type(item)], item.id))


def page_base(settings, save_as: str) -> str:
    """How the page written at ``save_as`` reaches the site's root: a relative prefix in
    previews (RELATIVE_URLS), SITEURL in production."""
    if settings["RELATIVE_URLS"]:
        depth = save_as.strip("/").count("/")
        return "/".join([".."] * depth) or "."
    return settings["SITEURL"]


#: What each e-mail service puts where the unsubscribe address goes (it fills in the real one).
UNSUBSCRIBE_PLACEHOLDERS = {
    "mailchimp": "*|UNSUB|*",
    "listmonk": "{{ UnsubscribeURL }}",
    "buttondown": "{{ unsubscribe_url }}",
}


def unsubscribe_link(profile: str) -> str:
    """The unsubscribe address for a service profile name, or the plain address given."""
    return UNSUBSCRIBE_PLACEHOLDERS.get(profile.strip().lower(), profile.strip())


def unsubscribe_outside_the_service(link: str) -> str:
    """The unsubscribe link as it may appear where no e-mail service fills in placeholders (a
    feed, read by people and by services alike): the link itself when it is an address anyone can
    follow, "" for a service's placeholder, which would reach a reader as a broken link."""
    return link if re.match(r"^(?:https?://|mailto:)", link) else ""


def public_siteurl(settings) -> str:
    """The absolute address feeds and e-mails link to: SITEURL when it is absolute (production),
    else PUBLIC_SITEURL (a preview built with relative links)."""
    siteurl = settings["SITEURL"]
    return (siteurl if re.match(r"^https?://", siteurl) else settings["PUBLIC_SITEURL"]).rstrip("/")
