"""Findable and shareable: sitemap.xml, robots.txt, the 404 page, each page's canonical address and
link-preview metadata, the favicons and the logo, read from the built sample site and checked
against the sample content read independently of the plugins."""

import os
import re
from datetime import date
from xml.etree import ElementTree

import pytest

from network.logo import png_of, png_size
from tests import sources

pytestmark = pytest.mark.build

SITE = "https://cvmp.example.org"
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LOGO = os.path.join(os.path.dirname(__file__), "..", "..", "theme", "static", "images", "logo.svg")


def _document_address(path: str) -> str:
    return f"{path.split('/')[0]}/{sources.slug(path)}/"


@pytest.fixture(scope="module")
def sitemap(built_site):
    with open(os.path.join(built_site.output, "sitemap.xml"), "rb") as handle:
        root = ElementTree.fromstring(handle.read())
    assert root.tag == NS + "urlset"
    return {url.findtext(NS + "loc"): url.findtext(NS + "lastmod") for url in root.iter(NS + "url")}


def test_the_sitemap_lists_every_web_page_and_nothing_else(built_site, sitemap):
    pages = set()
    for folder, _, names in os.walk(built_site.output):
        for name in names:
            relative = os.path.relpath(os.path.join(folder, name), built_site.output).replace(os.sep, "/")
            # Not the 404 page, nor an issue's e-mail (email.html is an e-mail, not a page of the site).
            if name.endswith(".html") and name not in ("404.html", "email.html"):
                pages.add(f"{SITE}/{relative[:-len('index.html')] if name == 'index.html' else relative}")
    assert len(pages) > 100
    assert set(sitemap) == pages


def test_every_page_has_a_lastmod_and_a_documents_is_its_date(sitemap):
    for loc, lastmod in sitemap.items():  # a page showing no date: the day it last changed
        assert lastmod is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", lastmod), loc
    documents = sources.documents()
    for path, meta in documents:
        assert sitemap[f"{SITE}/{_document_address(path)}"] == (meta.get("modified") or meta["date"])[:10], path
    newest = documents[0][1]["date"][:10]
    assert sitemap[f"{SITE}/"] == newest  # the home page lists the newest document
    assert sitemap[f"{SITE}/updates/"] == max(m["date"] for p, m in documents if p.startswith("updates/"))[:10]
    assert sitemap[f"{SITE}/2024/"] == max(m["date"] for _, m in documents if m["date"].startswith("2024"))[:10]
    assert all(lastmod <= date.today().isoformat() for lastmod in sitemap.values() if lastmod)


def test_no_draft_and_no_private_person_in_the_sitemap_or_robots(built_site, sitemap):
    drafts = sources.drafts()
    assert drafts
    for path, _ in drafts:
        assert sources.slug(path) not in " ".join(sitemap)
    private = [p for p in sources.directory("people.yml") if p.get("public") is False]
    assert private
    for name in ("sitemap.xml", "robots.txt"):
        with open(os.path.join(built_site.output, name), encoding="utf-8") as handle:
            text = handle.read().lower()
        for person in private:
            assert person["id"] not in text and person["name"].lower() not in text


def test_robots_txt_names_the_sitemap(built_site):
    with open(os.path.join(built_site.output, "robots.txt"), encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert "User-agent: *" in lines and f"Sitemap: {SITE}/sitemap.xml" in lines
    assert not any(line.startswith("Disallow: /") and line.strip() != "Disallow:" for line in lines)


def test_the_404_page_helps(page):
    missing = page("404.html")
    assert missing.h1.get_text(strip=True) == "Page not found"
    assert missing.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    form = missing.find("form")
    assert form["action"] == f"{SITE}/search/" and form.get("method", "get").lower() == "get"
    field = form.find("input", attrs={"name": "q"})
    assert field and missing.find("label", attrs={"for": field["id"]})
    listed = [a["href"] for a in missing.select(".document-list .document-title a")]
    assert listed == [f"{SITE}/{_document_address(path)}" for path, _ in sources.documents()[:10]]
    assert missing.select_one(".site-header .site-nav") and missing.select_one(".site-footer")
    # Served at any missing address, however deep: no link may be relative to where it was written.
    for element in missing.find_all(["a", "link", "img", "script", "form"]):
        url = element.get("href") or element.get("src") or element.get("action") or ""
        assert url.startswith((SITE + "/", "#", "mailto:")), url


def _meta(soup, key):
    found = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return found["content"] if found else None


@pytest.mark.parametrize("address, title, kind", [
    ("", "Calder Valley Migration Partnership", "website"),
    ("updates/2026-10-project-update/", "October 2026 project update", "article"),
    ("themes/housing/", "Housing and homelessness", "website"),
])
def test_canonical_open_graph_and_twitter_card(page, address, title, kind):
    soup = page(address)
    canonical = [link["href"] for link in soup.find_all("link", rel="canonical")]
    assert canonical == [f"{SITE}/{address}"]
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description
    assert (_meta(soup, "og:title"), _meta(soup, "og:url"), _meta(soup, "og:type")) == (title, f"{SITE}/{address}", kind)
    assert _meta(soup, "og:description") == _meta(soup, "twitter:description") == description
    assert _meta(soup, "og:site_name") == "Calder Valley Migration Partnership"
    assert _meta(soup, "og:image") == _meta(soup, "twitter:image") == f"{SITE}/logo.png"
    assert (_meta(soup, "twitter:card"), _meta(soup, "twitter:title")) == ("summary", title)
    if kind == "article":
        assert _meta(soup, "article:published_time").startswith("2026-10-30")


def _file(built_site, url):
    assert url.startswith(SITE + "/"), url
    with open(os.path.join(built_site.output, url[len(SITE) + 1:]), "rb") as handle:
        return handle.read()


def test_the_logo_is_in_the_header_once_for_screen_readers_and_is_every_icon(built_site, page):
    with open(LOGO, "rb") as handle:
        svg = handle.read()
    soup = page("")
    name = soup.select_one(".site-header a.site-name")
    logo = name.find("img")
    assert logo["alt"] == "" and name.get_text(strip=True) == "Calder Valley Migration Partnership"
    assert _file(built_site, logo["src"]) == svg and 32 <= int(logo["height"]) <= 40
    icons = {link["type"]: link["href"] for link in soup.find_all("link", rel="icon")}
    assert _file(built_site, icons["image/svg+xml"]) == svg
    assert _file(built_site, icons["image/png"]) == png_of(svg, 32)
    touch = _file(built_site, soup.find("link", rel="apple-touch-icon")["href"])
    assert png_size(touch) == (180, 180)
    shared = _file(built_site, _meta(soup, "og:image"))
    assert shared == png_of(svg, 512)
    assert _file(built_site, f"{SITE}/favicon.ico").endswith(png_of(svg, 32))


def test_the_emails_logo_is_the_site_logo_drawn_as_png(built_site):
    with open(LOGO, "rb") as handle:
        svg = handle.read()
    issue = sorted(os.listdir(os.path.join(built_site.output, "newsletter")))[0]
    with open(os.path.join(built_site.output, "newsletter", issue, "email.html"), encoding="utf-8") as handle:
        html = handle.read()
    image = re.search(r'<img src="([^"]+)" width="(\d+)" height="(\d+)"', html)
    png = _file(built_site, image.group(1))
    assert image.group(1).endswith(".png") and png == png_of(svg, 2 * int(image.group(2)))
    assert png_size(png) == (2 * int(image.group(2)), 2 * int(image.group(3)))
    assert "Calder Valley Migration Partnership</td>" in html  # the name beside it, as text
