"""Every page of the site has an address of its own. Pure.

Pelican gives each document an address from its file name or its `slug:`. Two documents with one
address (`My Update.md` beside `my-update.md`, or two `slug: march`), or a page whose address is
one the site makes itself (`slug: people`), used to end in a traceback when the second was
written, or, written by two processes, one silently replaced the other. Here they are found
before anything is written, and reported naming both.

Addresses are compared without regard to capitals: `My-Update/` and `my-update/` are one folder
on Windows and macOS, and one address to a reader.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import Iterable

from .errors import Problem
from .urls import ARCHIVES_URL, ENTITY_FOLDERS, archive_url

#: The pages the plugins write at fixed addresses, and what each is to a reader
#: (tests/site/test_addresses.py checks that the built sample site has each, and no other).
SITE_PAGES = {
    f"{ENTITY_FOLDERS['person']}index.html": "the list of people",
    f"{ENTITY_FOLDERS['organisation']}index.html": "the list of organisations",
    f"{ENTITY_FOLDERS['theme']}index.html": "the list of themes",
    "meetings/index.html": "the meetings page",
    "meetings.ics": "the meetings calendar",
    "actions/index.html": "the actions register",
    "feeds/index.html": "the list of feeds",
    "newsletter/index.html": "the list of newsletter issues",
    f"{ARCHIVES_URL}index.html": "the archive of every document",
    "search/index.html": "the search page",
    "pagefind/pages/pagefind.js": "the search index (its primary part: search/shards.py)",
    "404.html": "the page shown for an address that does not exist",
    "sitemap.xml": "the sitemap for search engines",
    "robots.txt": "the instructions for search engines",
    "favicon.ico": "the site's icon",
    "favicon.png": "the site's icon",
    "apple-touch-icon.png": "the site's icon on a phone's home screen",
    "logo.png": "the picture of a shared link",
}

#: What Pelican's own pages (DIRECT_TEMPLATES) are to a reader.
_DIRECT_PAGES = {"index": "the home page"}

#: The groups of content objects Pelican writes (drafts are never written).
_WRITTEN = ("articles", "translations", "hidden_articles", "hidden_translations", "pages", "hidden_pages")


@dataclass(frozen=True)
class Claim:
    """One file the build will write, and what asks for it."""

    save_as: str  # inside the output folder: "updates/my-update/index.html"
    address: str  # as a reader sees it: "updates/my-update/"
    owner: str  # the source file ("content/updates/my-update.md"), or what the site writes there
    line: int | None = None  # the line of 'slug:', when the document chose its address
    is_document: bool = True


def address_clashes(claims: Iterable[Claim]) -> list[Problem]:
    """One problem for each document whose address another document or a site page has too.

    Of the claims to one address, a site page keeps it, then a document whose address comes from
    its file name; each other document is reported, naming the one that keeps it.
    """
    by_address: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.save_as:
            by_address.setdefault(claim.save_as.casefold(), []).append(claim)
    problems = []
    for group in by_address.values():
        group.sort(key=lambda claim: (claim.is_document, claim.line is not None, claim.owner))
        keeper = group[0]
        problems += [_clash(claim, keeper) for claim in group[1:] if claim.is_document]
    return sorted(problems, key=Problem.sort_key)


def _clash(claim: Claim, keeper: Claim) -> Problem:
    key = "slug" if claim.line else None
    if not keeper.is_document:
        return Problem(claim.owner, f"has the address {claim.address}, which is the address of {keeper.owner}.",
                       claim.line, key, "Give the document an address of its own: change 'slug:' "
                       "(or, without one, rename the file).")
    written = "" if keeper.address == claim.address else f", written {keeper.address} (capitals do not count)"
    hint = ("Change 'slug:' to an address of its own." if claim.line else
            "Rename one of the two files, or give one of them a 'slug:' of its own.")
    return Problem(claim.owner, f"has the address {claim.address}, which {keeper.owner} has too{written}.",
                   claim.line, key, hint)


def claims_of(generators, settings) -> list[Claim]:
    """Every page of the build, from Pelican's generators once they have read everything.

    The one function here that knows Pelican's objects (by their attributes, without importing it).
    """
    claims = [Claim(save_as, save_as.removesuffix("index.html"), what, is_document=False)
              for save_as, what in SITE_PAGES.items()]
    for template in settings.get("DIRECT_TEMPLATES", ()):
        save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        what = _DIRECT_PAGES.get(template, f"the {template} page")
        claims.append(Claim(save_as, save_as.removesuffix("index.html") or "/", what, is_document=False))
    for generator in generators:
        for category, _ in getattr(generator, "categories", None) or []:
            claims.append(Claim(category.save_as, category.url, f"the list of {category.name}", is_document=False))
        for group in _WRITTEN:
            claims += [_document_claim(content) for content in getattr(generator, group, None) or []]
    return claims + _archive_claims(generators)


def _archive_claims(generators) -> list[Claim]:
    """The archive's page of each year and month in which a document was published."""
    months = {(content.date.year, content.date.month)
              for generator in generators for content in getattr(generator, "articles", None) or []}
    claims = []
    for year in sorted({year for year, _ in months}):
        claims.append(Claim(f"{archive_url(year)}index.html", archive_url(year), f"the archive of {year}",
                            is_document=False))
    for year, month in sorted(months):
        claims.append(Claim(f"{archive_url(year, month)}index.html", archive_url(year, month),
                            f"the archive of {calendar.month_name[month]} {year}", is_document=False))
    return claims


def _document_claim(content) -> Claim:
    front_matter = content.metadata.get("front_matter")
    line = front_matter.line_of("slug") if front_matter is not None and "slug" in front_matter else None
    owner = content.metadata.get("display_path") or content.source_path
    document = content.doc  # its addresses, as Pelican made them once (see assemble)
    return Claim(document.save_as, document.url, owner, line)


def is_not_pelicans_slug_warning(record) -> bool:
    """A logging filter. Pelican warns about documents that share a slug (with their full paths),
    even when their addresses differ ("updates/x/", "briefings/x/"); the clashes that matter are
    reported by ``address_clashes``, in words."""
    return not str(record.msg).startswith(("There are %s items", "There are %s original (not translated) items"))
