"""The newsletter's own RSS feed (newsletter/feed.xml), as an RSS-to-e-mail service reads it: read
with feedparser and lxml, each item compared with the issue's .eml."""

import email
import email.policy
import os
from collections import Counter
from datetime import datetime, timezone

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from network.gate import LastGate
from tests import sources
from tests.building import build_sample_with

pytestmark = pytest.mark.build

SITE = "https://cvmp.example.org"
FEED = "newsletter/feed.xml"
PLACEHOLDER = "*|UNSUB|*"  # the sample's NEWSLETTER_UNSUBSCRIBE is "mailchimp"
SAMPLE_FEED_ITEMS = 12  # pelicanconf.NEWSLETTER_FEED_ITEMS


def _finished_months() -> list[str]:
    """Every month with published documents that is over, newest first (read from the content)."""
    this_month = datetime.now(timezone.utc).strftime("%Y-%m")  # the sample is in Europe/London
    months = Counter(meta["date"][:7] for _, meta in sources.documents())
    return sorted((month for month in months if month < this_month), reverse=True)


def _read(output: str, path: str) -> bytes:
    with open(os.path.join(output, path), "rb") as handle:
        return handle.read()


def _email_html(output: str, key: str) -> BeautifulSoup:
    message = email.message_from_bytes(_read(output, f"newsletter/{key}/email.eml"), policy=email.policy.default)
    return BeautifulSoup(message.get_body(("html",)).get_content(), "html.parser")


@pytest.fixture(scope="module")
def feed(built_site):
    return feedparser.parse(_read(built_site.output, FEED))


@pytest.fixture(scope="module")
def every_issue(tmp_path_factory):
    """The sample built with room in the feed for every issue."""
    result = build_sample_with(tmp_path_factory.mktemp("feed"), "roomy", "NEWSLETTER_FEED_ITEMS = 1000\n")
    return result.output, feedparser.parse(_read(result.output, FEED))


def test_the_feed_is_well_formed_rss(built_site, feed):
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    root = etree.fromstring(_read(built_site.output, FEED))
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert feed.feed.link == f"{SITE}/newsletter/"
    assert {(link.rel, link.href) for link in feed.feed.links} >= {("self", f"{SITE}/{FEED}")}


def test_one_item_per_finished_issue_newest_first_with_stable_ids_and_its_own_month(feed):
    months = _finished_months()[:SAMPLE_FEED_ITEMS]
    assert len(months) == SAMPLE_FEED_ITEMS, "the sample has more finished issues than the feed holds"
    assert [item.link for item in feed.entries] == [f"{SITE}/newsletter/{month}/" for month in months]
    for month, item in zip(months, feed.entries):
        assert item.id == f"tag:cvmp.example.org,{month}-01:newsletter-{month}"
        assert item.guidislink is False  # isPermaLink="false": a service keys on the id, not an address
        assert f"{item.published_parsed.tm_year}-{item.published_parsed.tm_mon:02d}" == month, item.published


def test_every_issue_is_in_a_feed_with_room_the_first_dated_in_its_own_month(every_issue):
    output, feed = every_issue
    assert not feed.bozo
    assert [item.link for item in feed.entries] == [f"{SITE}/newsletter/{m}/" for m in _finished_months()]
    january = next(item for item in feed.entries if item.link.endswith("/2024-01/"))
    assert tuple(january.published_parsed[:3]) == (2024, 1, 31), january.published  # not the build's date
    assert january.id == "tag:cvmp.example.org,2024-01-01:newsletter-2024-01"


def test_each_item_carries_its_issues_email_without_the_placeholder_or_the_preheader(built_site, feed):
    for item in feed.entries:
        key = item.link.rstrip("/").rsplit("/", 1)[1]
        sent = _email_html(built_site.output, key)
        content = BeautifulSoup(item.content[0].value, "html.parser")
        assert content.h1.get_text(strip=True) == sent.h1.get_text(strip=True) == item.title
        sent_links = [a["href"] for a in sent.find_all("a") if a["href"] != PLACEHOLDER]
        assert [a["href"] for a in content.find_all("a")] == sent_links, key
        assert content.select_one(".doc-title a")["href"].startswith(SITE + "/")
        # The CSS is inlined, so a service's template keeps the look (feedparser re-spaces the styles it keeps).
        styles = [[td.get("style", "").replace(" ", "") for td in soup.select("td.box")] for soup in (content, sent)]
        assert styles[0] == styles[1] and all("padding" in style for style in styles[0]), key
        assert PLACEHOLDER not in item.content[0].value and "Unsubscribe" not in content.get_text()
        assert sent.body.find(True).name == "div" and content.find("div", style=True) is None  # no preheader
        assert not content.find(["html", "head", "body", "style"]), "a service puts it inside its own template"
        summary = BeautifulSoup(item.summary, "html.parser").get_text(" ", strip=True)
        assert summary and summary.split()[0] in sent.get_text(), key


def test_the_newsletter_page_links_its_feed_for_readers_and_people(page):
    archive = page("newsletter/")
    alternate = archive.find("link", rel="alternate", type="application/rss+xml", href=f"{SITE}/{FEED}")
    assert alternate is not None and "newsletter" in alternate["title"]
    follow = archive.find("a", string="Follow the newsletter by feed")
    assert follow is not None and follow["href"] == f"{SITE}/{FEED}"


def test_the_last_gate_reads_the_newsletter_feed(built_site):
    """A private name typed into the feed (escaped in an item's content, as feeds carry HTML)
    is found by the gate that reads every file the build writes."""
    private = next(person["name"] for person in sources.directory("people.yml") if person.get("public") is False)
    data = _read(built_site.output, FEED)
    assert private.encode() not in data
    gate = LastGate(_names())
    assert gate.file_names_private(FEED, data) is None
    first, last = private.split(" ", 1)
    typed = data.replace(b"&lt;/h1&gt;", f"&lt;/h1&gt;&lt;p&gt;{first} &amp;lt;b&amp;gt;{last}&lt;/p&gt;".encode(), 1)
    assert gate.file_names_private(FEED, typed) == "it names a private person"


def _names():
    from network.directory import load_directory
    from network.errors import ProblemLog

    folder = os.path.join(sources.CONTENT, "directory")
    files = {}
    for name in ("people.yml", "organisations.yml", "themes.yml"):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            files[name] = handle.read()
    return load_directory(files, "content/directory", ProblemLog()).names


def test_the_link_gate_reads_the_links_each_item_carries(built_site, feed):
    """The link gate checks what the e-mails in the feed link to, as it checks every page."""
    from linkgate.links import extract

    found = set(extract(FEED, _read(built_site.output, FEED)).links)
    for item in feed.entries:
        content = BeautifulSoup(item.content[0].value, "html.parser")
        assert item.link in found
        assert {a["href"] for a in content.find_all("a")} | {i["src"] for i in content.find_all("img")} <= found
