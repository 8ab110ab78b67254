"""sitemap.xml and robots.txt, from the pages a build wrote. Pure.

Which pages: every HTML page Pelican announced (``content_written``) whatever made it, less those
that ask not to be indexed (``<meta name="robots" content="noindex">``, as the 404 page does) and
redirects (``<meta http-equiv="refresh">``). So a new page type is in the sitemap without a line
here. Each page's ``lastmod`` is read from the page itself: a document's ``article:modified_time``
(its modified date, or its date), else the newest date the page shows (``<time datetime>``) that
is not in the future (a list of meetings shows the next one), else the day the page last
changed: a page that shows no date (a list of people) is dated by the build that first wrote it
as it is now, which the next builds remember by the page's digest (``date_undated``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote
from xml.sax.saxutils import escape

#: The protocol's limit of addresses in one file (sitemaps.org); over it, an index and parts.
MOST_URLS = 50_000
_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
_MODIFIED = re.compile(rb'<meta property="article:modified_time" content="(\d{4}-\d\d-\d\d)')
_SHOWN_DATE = re.compile(rb'<time[^>]*\sdatetime="(\d{4}-\d\d-\d\d)')
_NOINDEX = re.compile(rb'<meta name="robots" content="[^"]*noindex', re.IGNORECASE)
_REFRESH = re.compile(rb'<meta http-equiv="refresh"', re.IGNORECASE)
_HEAD_END = b"</head>"


@dataclass(frozen=True, order=True)
class SitemapEntry:
    path: str  # the page's address inside the site: "updates/new-office/"
    lastmod: date | None


def address_of(output_file: str) -> str:
    """The address a file is read at: "a/b/index.html" -> "a/b/", "index.html" -> ""."""
    if output_file == "index.html" or output_file.endswith("/index.html"):
        return output_file[: -len("index.html")]
    return output_file


def entry_of(output_file: str, html: bytes, today: date) -> SitemapEntry | None:
    """The page's sitemap entry, or None when it is not to be listed (noindex, a redirect)."""
    head = html[: html.find(_HEAD_END) + 1 or len(html)]
    if _NOINDEX.search(head) or _REFRESH.search(head):
        return None
    return SitemapEntry(address_of(output_file), _lastmod(head, html, today))


def _lastmod(head: bytes, html: bytes, today: date) -> date | None:
    modified = _MODIFIED.search(head)
    if modified:
        return date.fromisoformat(modified.group(1).decode())
    shown = [date.fromisoformat(found.decode()) for found in _SHOWN_DATE.findall(html)]
    return max((day for day in shown if day <= today), default=None)


def date_undated(entries: list[SitemapEntry], digests: dict[str, str], known: dict, today: date):
    """Entries whose page shows no date, dated by when their page last changed: the date kept
    in ``known`` (address -> [digest, day]) while the page's digest is the same, else ``today``.
    Returns (entries, what to keep for the next build)."""
    dated, keep = [], {}
    for entry in entries:
        if entry.lastmod is None:
            digest = digests[entry.path]
            previous = known.get(entry.path)
            day = date.fromisoformat(previous[1]) if previous and previous[0] == digest else today
            keep[entry.path] = [digest, day.isoformat()]
            entry = SitemapEntry(entry.path, day)
        dated.append(entry)
    return dated, keep


def sitemap_files(entries: list[SitemapEntry], site: str, most: int = MOST_URLS) -> dict[str, bytes]:
    """sitemap.xml listing ``entries`` (absolute addresses under ``site``); with more than
    ``most``, sitemap.xml is an index of sitemap-1.xml, sitemap-2.xml ... of ``most`` each."""
    ordered = sorted(set(entries))
    parts = [ordered[start:start + most] for start in range(0, len(ordered), most)] or [[]]
    if len(parts) == 1:
        return {"sitemap.xml": _urlset(parts[0], site)}
    files = {f"sitemap-{number}.xml": _urlset(part, site) for number, part in enumerate(parts, 1)}
    index = [f"<sitemap><loc>{_loc(site, name)}</loc>{_lastmod_tag(_newest(part))}</sitemap>\n"
             for (name, part) in zip(files, parts)]
    files["sitemap.xml"] = _document("sitemapindex", index)
    return files


def _urlset(entries: list[SitemapEntry], site: str) -> bytes:
    return _document("urlset", [f"<url><loc>{_loc(site, entry.path)}</loc>{_lastmod_tag(entry.lastmod)}</url>\n"
                                for entry in entries])


def _document(root: str, lines: list[str]) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="{_NAMESPACE}">\n'
            + "".join(lines) + f"</{root}>\n").encode("utf-8")


def _loc(site: str, path: str) -> str:
    # An address is ASCII in a sitemap: anything else in a file's name is %-encoded, then XML-escaped.
    return escape(f"{site}/{quote(path, safe='/')}")


def _lastmod_tag(day: date | None) -> str:
    return f"<lastmod>{day.isoformat()}</lastmod>" if day else ""


def _newest(entries: list[SitemapEntry]) -> date | None:
    return max((entry.lastmod for entry in entries if entry.lastmod), default=None)


def robots_txt(site: str) -> bytes:
    """Every crawler may read everything; where the sitemap is."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site}/sitemap.xml\n".encode("ascii")
