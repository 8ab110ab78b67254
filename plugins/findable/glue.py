"""Connects the findable page type to Pelican: the 404 page, robots.txt, the favicons and the
picture of shared links (a generator that describes them); the helper base.html calls for each
page's canonical address and link-preview values; and the sitemap, made once every page is
written from the pages Pelican announced."""

from __future__ import annotations

import json
import os
from datetime import date
from functools import partial

from jinja2 import pass_context
from network.build import file_identity, memo_path, site_today, write_whole
from network.generator import NetworkGenerator
from network.logo import ico_of, logo_problem, png_of, read_logo
from network.pages import Files, Page
from network.urls import public_siteurl
from network.versions import new_digest

from .sitemap import MOST_URLS, SitemapEntry, address_of, date_undated, entry_of, robots_txt, sitemap_files
from .social import SHARE_IMAGE, SHARE_IMAGE_SIZE, social_meta

#: How many of the latest documents the 404 page lists.
LATEST_ON_404 = 10
#: Where the pages announced in a build are noted: a key of Pelican's context, which every
#: announcement carries (the context lives as long as the build).
PAGES_HEARD = "findable_pages_heard"
#: Files made from the logo, and the width each is drawn at; an Apple touch icon has no transparency.
_LOGO_IMAGES = {"favicon.png": (32, None), "apple-touch-icon.png": (180, "#0f6b5c"),
                SHARE_IMAGE: (SHARE_IMAGE_SIZE, None)}


@pass_context
def page_meta(context, title, description):
    """The social values of the page being rendered (see ``social.social_meta``)."""
    document = context.get("article")
    return social_meta(public_siteurl(context), context["SITENAME"], context.get("output_file") or "index.html",
                       title, description, document if getattr(document, "doc", None) is not None else None)


class FindableGenerator(NetworkGenerator):
    """Describes 404.html, robots.txt and the images made from the logo."""

    stage = "findable: 404, robots.txt, favicons"
    template_globals = {"page_meta": page_meta}

    def describe(self, network):
        settings = self.settings
        site = public_siteurl(settings)
        yield Files(("robots.txt",), ("robots", site), lambda: {"robots.txt": robots_txt(site)})
        logo = read_logo(settings)
        yield Files(("favicon.ico", *_LOGO_IMAGES), ("logo images", logo), partial(_logo_images, logo))
        latest = network.documents[:LATEST_ON_404]
        # A host serves this page at any missing address, however deep: its links start at the
        # site's root (or are absolute), never relative to where it was written.
        root = settings["SITEURL"] if settings["SITEURL"].startswith(("http://", "https://")) else ""
        yield Page("404.html", "404", {"latest": latest, "SITEURL": root},
                   inputs=("page not found", root, latest), as_listed=True)


def _logo_images(logo: bytes) -> dict[str, bytes]:
    images = {name: png_of(logo, width, background) for name, (width, background) in _LOGO_IMAGES.items()}
    return {"favicon.ico": ico_of(images["favicon.png"]), **images}


def check_settings(settings, problems) -> None:
    """Before anything is written: the logo exists and can be drawn; the sitemap's limit is one
    the protocol allows."""
    problem = logo_problem(settings)
    if problem is not None:
        problems.add(problem)
    most = settings["SITEMAP_MAX_URLS"]
    if not isinstance(most, int) or not 1 <= most <= MOST_URLS:
        problems.error("pelicanconf.py", f"SITEMAP_MAX_URLS is {most!r}, not a number from 1 to {MOST_URLS:,}.",
                       key="SITEMAP_MAX_URLS", hint=f"Leave it at {MOST_URLS} (the sitemap protocol's limit), "
                       "or set a smaller whole number.")


def _read_json(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            found = json.load(handle)
        return found if isinstance(found, dict) else {}
    except (OSError, ValueError):  # none yet, or cut short: every undated page changed today
        return {}


def listen_for_pages(context) -> None:
    """From now on, note every page announced in this build (see ``note_page``)."""
    context[PAGES_HEARD] = set()


def note_page(path, context) -> None:
    heard = context.get(PAGES_HEARD)
    if heard is not None and path.endswith(".html"):
        heard.add(path)


def sitemap(settings, context) -> Files:
    """The sitemap of every page announced in this build (see ``sitemap``), once all are written.
    A page reused from the last build (the same file: inode, size, time) is not read again: its
    entry comes from a memo of what each page gave (``sitemap-pages.json``)."""
    output, site = settings["OUTPUT_PATH"], public_siteurl(settings)
    today = site_today(settings)
    pages_memo = memo_path(settings, "sitemap-pages.json")
    known = _read_json(pages_memo) if pages_memo else {}
    read = known.get("pages", {}) if known.get("today") == today.isoformat() else {}
    entries, digests, kept = [], {}, {}
    inside = os.path.join(os.path.abspath(output), "")
    for path in sorted(context.get(PAGES_HEARD, ())):
        # Each page is written inside the output folder: its address there without a relpath
        # of two absolute paths each (17,500 of them at 10,000 documents, 0.2 s).
        # (The staging folder's own name starts with a dot: only the part inside it is looked at.)
        rest = path[len(inside):]
        plain = path.startswith(inside) and not {"", ".", ".."} & set(rest.split("/"))
        relative = rest if plain else os.path.relpath(path, output)
        relative = relative.replace(os.sep, "/")
        identity = list(file_identity(os.stat(path)))  # as JSON keeps it
        entry, digest = _page_entry(path, relative, today) if read.get(relative, [None])[:3] != identity \
            else _remembered(relative, read[relative])
        kept[relative] = [*identity, entry.lastmod.isoformat() if entry and entry.lastmod else None,
                          digest, entry is not None]
        if entry is not None:
            entries.append(entry)
            if entry.lastmod is None:
                digests[entry.path] = digest
    if pages_memo:
        write_whole(pages_memo, json.dumps({"today": today.isoformat(), "pages": kept}).encode())
    memo = memo_path(settings, "sitemap-changed-on.json")
    entries, keep = date_undated(entries, digests, _read_json(memo) if memo else {}, today)
    if memo:
        write_whole(memo, json.dumps(keep, sort_keys=True).encode())
    files = sitemap_files(entries, site, settings["SITEMAP_MAX_URLS"])
    return Files(tuple(files), ("sitemap", site, entries), lambda: files)


def _page_entry(path: str, relative: str, today):
    """(the page's entry or None, its digest where it shows no date) from the page itself."""
    with open(path, "rb") as handle:
        html = handle.read()
    entry = entry_of(relative, html, today)
    return entry, new_digest(html).hexdigest() if entry is not None and entry.lastmod is None else None


def _remembered(relative: str, known: list):
    _, _, _, lastmod, digest, listed = known
    if not listed:
        return None, None
    return SitemapEntry(address_of(relative), date.fromisoformat(lastmod) if lastmod else None), digest
