"""Feeds of the built sample site, parsed with feedparser and lxml."""

import glob
import os
import re
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from lxml import etree

from tests import sources

pytestmark = pytest.mark.build

NEWSLETTER_FEED = "newsletter/feed.xml"
SITE = "https://cvmp.example.org"
SITENAME = "Calder Valley Migration Partnership"
FOLDERS = {"theme": "themes", "organisation": "organisations", "person": "people"}
MAX_ITEMS = 20


@pytest.fixture(scope="module")
def feeds(built_site):
    paths = sorted(glob.glob(os.path.join(built_site.output, "feeds", "**", "*.xml"), recursive=True))
    return {os.path.relpath(p, built_site.output): p for p in paths}


@pytest.fixture(scope="module")
def parsed_feeds(feeds):
    """Every feed as feedparser reads it, read once for all the tests (it sanitises every item)."""
    return {relative: feedparser.parse(path) for relative, path in feeds.items()}


def test_every_feed_parses_without_error_and_is_well_formed_xml(feeds, parsed_feeds):
    assert len(feeds) >= 2 * (1 + 3 + 10 + 21 + 30)
    for relative, path in feeds.items():
        parsed = parsed_feeds[relative]
        assert not parsed.bozo, (relative, parsed.get("bozo_exception"))
        root = etree.parse(path).getroot()
        assert root.tag == ("{http://www.w3.org/2005/Atom}feed" if relative.endswith(".atom.xml") else "rss")


def test_every_address_in_every_feed_is_absolute(parsed_feeds):
    for relative, parsed in parsed_feeds.items():
        for entry in parsed.entries:
            assert entry.link.startswith(SITE + "/"), relative
            for link in entry.get("links", []):
                assert link["href"].startswith(SITE + "/"), (relative, link)
            for content in entry.get("content", []) + [{"value": entry.get("summary", "")}]:
                for url in re.findall(r'(?:href|src)="([^"]*)"', content["value"]):
                    assert re.match(r"^(https?://|mailto:)", url), (relative, entry.link, url)


def expected_links(expected, key):
    involved = [address for address, found in expected.items() if key in found]
    dated = sorted(involved, key=lambda a: dates()[a], reverse=True)
    return [f"{SITE}/{address}" for address in dated[:MAX_ITEMS]]


def dates():
    return {f"{p.split('/')[0]}/{sources.slug(p)}/": m["date"] for p, m in sources.documents()}


@pytest.mark.parametrize("kind", ["theme", "organisation", "person"])
def test_entity_feeds_hold_the_documents_computed_from_the_sources(parsed_feeds, expected, entities, kind):
    counts = {key: sum(key in found for found in expected.values()) for key in entities if key[0] == kind}
    key = max(counts, key=counts.get)  # the busiest one of this kind
    for extension in ("atom", "rss"):
        parsed = parsed_feeds[f"feeds/{FOLDERS[kind]}/{key[1]}.{extension}.xml"]
        assert [e.link for e in parsed.entries] == expected_links(expected, key), (key, extension)


def test_site_and_category_feeds(feeds):
    documents = sources.documents()
    parsed = feedparser.parse(feeds["feeds/all.atom.xml"])
    assert [e.link for e in parsed.entries] == [
        f"{SITE}/{p.split('/')[0]}/{sources.slug(p)}/" for p, _ in documents][:MAX_ITEMS]
    for folder in ("updates", "briefings", "minutes"):
        parsed = feedparser.parse(feeds[f"feeds/categories/{folder}.rss.xml"])
        assert len(parsed.entries) == min(MAX_ITEMS, sum(p.startswith(folder) for p, _ in documents))


def test_items_carry_dates_with_time_zone_author_summary_and_full_content(feeds):
    atom = etree.parse(feeds["feeds/all.atom.xml"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for entry in atom.getroot().findall("a:entry", ns):
        for tag in ("a:published", "a:updated"):
            assert re.search(r"[+-]\d\d:\d\d$|Z$", entry.find(tag, ns).text)
        assert entry.find("a:summary", ns).text and len(entry.find("a:content", ns).text) > 200
    rss = etree.parse(feeds["feeds/all.rss.xml"])
    items = rss.getroot().findall("channel/item")
    encoded = "{http://purl.org/rss/1.0/modules/content/}encoded"
    assert all(item.find(encoded) is not None and item.find("description") is not None for item in items)
    creators = [i.find("{http://purl.org/dc/elements/1.1/}creator") for i in items]
    assert any(c is not None for c in creators)
    assert all(item.find("author") is None for item in items)  # RSS <author> wants an e-mail address


def test_enclosures_are_correct_in_both_formats(feeds):
    attached = [(p, m) for p, m in sources.documents() if m.get("attachments")]
    assert attached
    path, meta = attached[0]
    link = f"{SITE}/{path.split('/')[0]}/{sources.slug(path)}/"
    file = meta["attachments"][0]["file"]
    size = os.path.getsize(os.path.join(sources.CONTENT, file))
    atom = next(e for e in feedparser.parse(feeds["feeds/all.atom.xml"]).entries if e.link == link)
    enclosure = next(l for l in atom.links if l["rel"] == "enclosure")
    assert enclosure == {"rel": "enclosure", "type": "application/pdf", "length": str(size),
                         "href": f"{SITE}/{file}", "title": meta["attachments"][0]["title"]}
    alternate = next(l for l in atom.links if l["rel"] == "alternate")
    assert alternate["href"] == link and alternate["type"] == "text/html"
    rss = next(e for e in feedparser.parse(feeds["feeds/all.rss.xml"]).entries if e.link == link)
    assert rss.enclosures == [{"length": str(size), "type": "application/pdf", "href": f"{SITE}/{file}"}]


def test_pelicans_own_feeds_are_not_produced_and_paths_never_collide(built_site, feeds):
    for relative in feeds:
        assert relative.count("/") == 1 and relative.startswith("feeds/all.") or relative.count("/") == 2, relative
    with open(feeds["feeds/all.atom.xml"], encoding="utf-8") as handle:
        assert "Partnership publisher (feedgen)" in handle.read()
    for slug in ("updates", "briefings", "minutes"):  # where Pelican would write category feeds
        assert not os.path.exists(os.path.join(built_site.output, "feeds", f"{slug}.atom.xml"))
    assert not glob.glob(os.path.join(built_site.output, "feeds", "*-en.*"))


def test_no_private_person_or_draft_in_any_feed(feeds):
    private = [p for p in sources.directory("people.yml") if p.get("public") is False]
    drafts = [m["title"] for _, m in sources.drafts()]
    for relative, path in feeds.items():
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        for person in private:
            assert person["name"] not in text and f"people/{person['id']}" not in text, relative
        for title in drafts:
            assert title not in text, relative


def test_autodiscovery_and_the_feeds_page(page, entities, feeds):
    for address in ("", "about/", "updates/"):
        head = page(address).head
        assert head.select_one('link[rel="alternate"][type="application/atom+xml"][href$="feeds/all.atom.xml"]')
        assert head.select_one('link[rel="alternate"][type="application/rss+xml"][href$="feeds/all.rss.xml"]')
    assert page("updates/").head.select_one('link[href$="feeds/categories/updates.atom.xml"]')
    for (kind, entity_id), entity in list(entities.items())[::7]:
        soup = page(entity["url"])
        # Its own feed first, titled with its name: what a reader finding feeds from the page offers.
        first = soup.head.select_one('link[rel="alternate"]')
        assert first["href"] == f"{SITE}/feeds/{FOLDERS[kind]}/{entity_id}.rss.xml", entity_id
        assert (first["type"], first["title"]) == ("application/rss+xml", f"{SITENAME}: {entity['names'][0]}")
        follow = soup.select_one(".follow")
        assert follow.get_text(" ", strip=True).startswith(f"Follow {entity['names'][0]}:"), entity_id
        assert [a.get_text() for a in follow.select("a")] == ["RSS feed", "Atom feed", "by e-mail (newsletter)",
                                                              "what is a feed?"]
        assert follow.select_one(f'a[href$="feeds/{FOLDERS[kind]}/{entity_id}.atom.xml"]'), entity_id
        assert follow.select_one(f'a[href="{SITE}/feeds/#what-is-a-feed"]')
    assert page("feeds/").find(id="what-is-a-feed")
    listings = [page(address) for address in ("feeds/", "feeds/organisations/", "feeds/people/")]
    hrefs = {a["href"] for listing in listings for a in listing.select("main a[href$='.xml']")}
    assert {f"{SITE}/feeds/all.rss.xml", f"{SITE}/feeds/all.atom.xml"} <= {
        a["href"] for a in listings[0].select(".feed-table a.address")}
    # Two files a row, and the newsletter's one feed among the other ways to follow.
    assert len(hrefs) == 1 + 2 * sum(len(listing.select(".feed-table tbody tr, .feed-list li")) for listing in listings)
    # Every feed the site writes is offered on /feeds/ or the lists it links, each under its own name.
    written = {f"{SITE}/{path}" for path in [*feeds, NEWSLETTER_FEED]}
    assert hrefs == written


def feeds_page_sections(page):
    """The kinds of feed /feeds/ shows, by their headings, in its order (a heading's count aside)."""
    return [h2.contents[0].strip() for h2 in page("feeds/").select("main section.feed-group[id^=feeds-] h2")]


def test_the_feeds_page_shows_the_kinds_most_people_follow_first_and_other_ways_at_the_top(page):
    soup = page("feeds/")
    assert feeds_page_sections(page) == ["The whole site", "Themes", "Organisations", "People", "Categories"]
    first_sections = soup.select("main section")
    assert first_sections[0].h2.get_text() == "Other ways to follow"
    assert {a["href"] for a in first_sections[0].select("a")} == {
        f"{SITE}/newsletter/", f"{SITE}/{NEWSLETTER_FEED}", f"{SITE}/meetings.ics"}
    opml = soup.select_one(f'main a[href="{SITE}/feeds/feeds.opml"]')
    assert opml is not None and "every feed" in opml.get_text()
    assert soup.select("main a")[:4] == [opml, *first_sections[0].select("a")]  # before any single feed
    themes = [li.a.get_text() for li in soup.select("#feeds-theme .feed-list li")]
    assert themes == sorted(theme["name"] for theme in sources.directory("themes.yml"))


def test_the_opml_file_lists_every_public_feed_once_by_kind_in_the_feeds_page_order(built_site, page, feeds,
                                                                                  parsed_feeds):
    path = os.path.join(built_site.output, "feeds", "feeds.opml")
    with open(path, "rb") as handle:
        data = handle.read()
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    assert root.tag == "opml" and root.get("version") == "2.0" and root.findtext("head/ownerName") == SITENAME
    groups = root.findall("body/outline")
    # The site's feed, then the newsletter's (/feeds/ shows it among the other ways), then the kinds.
    assert [group.get("text") for group in groups] == ["The whole site", "Other feeds", *feeds_page_sections(page)[1:]]
    folders = {"The whole site": "feeds/all", "Other feeds": NEWSLETTER_FEED, "Themes": "feeds/themes/", "Organisations": "feeds/organisations/",
               "People": "feeds/people/", "Categories": "feeds/categories/"}
    listed = []
    for group in groups:
        for outline in group.findall("outline"):
            assert outline.get("type") == "rss" and outline.get("text") and outline.get("title")
            address = outline.get("xmlUrl").removeprefix(f"{SITE}/")
            assert address.startswith(folders[group.get("text")]), address
            assert outline.get("htmlUrl").startswith(f"{SITE}/")
            listed.append(address)
    assert len(listed) == len(set(listed))
    assert set(listed) == {relative for relative in feeds if relative.endswith(".rss.xml")} | {NEWSLETTER_FEED}
    for address in listed:
        parsed = parsed_feeds.get(address) or feedparser.parse(os.path.join(built_site.output, address))
        assert not parsed.bozo and parsed.version == "rss20", address
    people = root.findall("body/outline[@text='People']/outline")
    public = sorted(p["name"] for p in sources.directory("people.yml") if p.get("public") is not False)
    assert sorted(outline.get("text") for outline in people) == public
    text = data.decode("utf-8")
    for person in sources.directory("people.yml"):
        if person.get("public") is False:
            assert person["name"] not in text and f"people/{person['id']}" not in text
    # Its dates are RFC 822: modified when the newest document was published.
    newest = feedparser.parse(feeds["feeds/all.rss.xml"]).entries[0]
    modified = parsedate_to_datetime(root.findtext("head/dateModified"))
    assert modified.utctimetuple()[:6] == newest.published_parsed[:6]
    assert parsedate_to_datetime(root.findtext("head/dateCreated")) < modified
