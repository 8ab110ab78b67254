"""The findable cores: the sitemap's entries and files, robots.txt, the social values, and the
images made from the logo. No build."""

from datetime import date, datetime
from xml.etree import ElementTree

from markupsafe import Markup

from findable.sitemap import SitemapEntry, address_of, date_undated, entry_of, robots_txt, sitemap_files
from findable.social import social_meta
from network.logo import ico_of, png_of, png_size

SITE = "https://cvmp.example.org"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
TODAY = date(2026, 11, 1)


def _page(head: str = "", body: str = "") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_a_folder_page_is_read_at_its_folder():
    assert address_of("index.html") == ""
    assert address_of("updates/new-office/index.html") == "updates/new-office/"
    assert address_of("404.html") == "404.html"


def test_a_documents_lastmod_is_its_modified_date_before_any_date_it_shows():
    html = _page('<meta property="article:modified_time" content="2026-03-02T10:00:00+00:00">',
                 '<time datetime="2026-05-01">1 May</time>')
    assert entry_of("updates/a/index.html", html, TODAY) == SitemapEntry("updates/a/", date(2026, 3, 2))


def test_a_lists_lastmod_is_the_newest_date_it_shows_that_has_passed():
    body = ('<time datetime="2025-01-31">a</time><time class="x" datetime="2026-10-30T09:00:00+00:00">b</time>'
            '<time datetime="2027-01-14T10:00:00+00:00">next meeting</time>')
    assert entry_of("index.html", _page(body=body), TODAY).lastmod == date(2026, 10, 30)
    assert entry_of("people/index.html", _page(body="<p>no dates</p>"), TODAY).lastmod is None


def test_pages_that_ask_not_to_be_indexed_and_redirects_are_left_out():
    assert entry_of("404.html", _page('<meta name="robots" content="noindex">'), TODAY) is None
    assert entry_of("old/index.html", _page('<meta http-equiv="refresh" content="0; url=/new/">'), TODAY) is None
    # Only the head counts: a document may quote the tag in its text.
    assert entry_of("a/index.html", _page(body='<code>&lt;meta name="robots"&gt;</code><p><meta name="robots" '
                                               'content="noindex"></p>'), TODAY) is not None


def test_the_sitemap_lists_absolute_addresses_sorted_with_lastmod_when_known():
    entries = [SitemapEntry("updates/b/", date(2026, 1, 2)), SitemapEntry("", None), SitemapEntry("a b&c/", None)]
    files = sitemap_files(entries, SITE)
    assert list(files) == ["sitemap.xml"]
    root = ElementTree.fromstring(files["sitemap.xml"])
    assert root.tag == "{%s}urlset" % NS["s"]
    urls = [(u.findtext("s:loc", namespaces=NS), u.findtext("s:lastmod", namespaces=NS))
            for u in root.findall("s:url", NS)]
    assert urls == [(f"{SITE}/", None), (f"{SITE}/a%20b%26c/", None), (f"{SITE}/updates/b/", "2026-01-02")]


def test_over_the_limit_the_sitemap_is_an_index_of_parts():
    entries = [SitemapEntry(f"p{number}/", date(2026, 1, number)) for number in range(1, 6)]
    files = sitemap_files(entries, SITE, most=2)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ElementTree.fromstring(files["sitemap.xml"])
    assert index.tag == "{%s}sitemapindex" % NS["s"]
    assert [(s.findtext("s:loc", namespaces=NS), s.findtext("s:lastmod", namespaces=NS))
            for s in index.findall("s:sitemap", NS)] == [
        (f"{SITE}/sitemap-1.xml", "2026-01-02"), (f"{SITE}/sitemap-2.xml", "2026-01-04"),
        (f"{SITE}/sitemap-3.xml", "2026-01-05")]
    listed = [loc.text for name in ("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml")
              for loc in ElementTree.fromstring(files[name]).iter("{%s}loc" % NS["s"])]
    assert listed == [f"{SITE}/p{number}/" for number in range(1, 6)]


def test_robots_txt_names_the_sitemap():
    assert robots_txt(SITE).decode().splitlines()[-1] == f"Sitemap: {SITE}/sitemap.xml"


class _Article:
    date = datetime(2026, 3, 1, 9, 0)
    modified = None


def test_social_values_of_a_document_and_of_a_list():
    title = Markup("A &#34;quoted&#34; &lt;script&gt; title · CVMP")
    meta = social_meta(SITE, "CVMP", "updates/a/index.html", title, Markup("Its &amp; summary"), _Article())
    assert (meta.url, meta.title, meta.description, meta.kind) == (
        f"{SITE}/updates/a/", 'A "quoted" <script> title', "Its & summary", "article")
    assert meta.published == meta.modified == "2026-03-01T09:00:00"
    assert meta.image == f"{SITE}/logo.png"
    home = social_meta(SITE, "CVMP", "index.html", "CVMP", "News")
    assert (home.url, home.title, home.kind, home.published) == (f"{SITE}/", "CVMP", "website", "")


SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 5" width="10" height="5">'
       b'<rect width="10" height="5" fill="#ff0000"/></svg>')


def test_the_logo_is_drawn_at_the_width_asked_and_wrapped_as_an_icon():
    png = png_of(SVG, 40)
    assert png.startswith(b"\x89PNG") and png_size(png) == (40, 20)
    icon = ico_of(png)
    assert icon[:6] == b"\x00\x00\x01\x00\x01\x00" and icon[22:] == png


def test_a_page_showing_no_date_is_dated_by_the_day_it_last_changed():
    entries = [SitemapEntry("people/", None), SitemapEntry("feeds/", None), SitemapEntry("about/", date(2025, 1, 2))]
    known = {"people/": ["same", "2026-03-04"], "feeds/": ["before", "2026-03-04"], "gone/": ["x", "2020-01-01"]}
    dated, keep = date_undated(entries, {"people/": "same", "feeds/": "after"}, known, date(2026, 12, 1))
    assert [(e.path, e.lastmod) for e in dated] == [
        ("people/", date(2026, 3, 4)),  # unchanged since
        ("feeds/", date(2026, 12, 1)),  # changed in this build
        ("about/", date(2025, 1, 2))]  # its own date, nothing kept
    assert keep == {"people/": ["same", "2026-03-04"], "feeds/": ["after", "2026-12-01"]}
