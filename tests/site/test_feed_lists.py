"""The feeds pages of the sample site built with two feeds a page: a subscriber who starts at
/feeds/ and follows its links reaches every feed the site writes, each list page stays small,
and each letter of an index leads to the heading where its names begin."""

import glob
import os
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup

from tests import sources
from tests.building import build_sample_with

pytestmark = pytest.mark.build

SITE = "https://cvmp.example.org"
PER_PAGE = 2


@pytest.fixture(scope="module")
def small_parts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("feed-lists")
    return build_sample_with(folder, "two-a-page", f"LIST_PAGE_SIZE = {PER_PAGE}\n").output


def read(output, address):
    with open(os.path.join(output, address, "index.html"), encoding="utf-8") as handle:
        return BeautifulSoup(handle.read(), "html.parser")


def crawl_feeds_pages(output):
    """{address: page} of every feeds page reached by links from /feeds/."""
    seen, waiting = {}, ["feeds/"]
    while waiting:
        address = waiting.pop()
        if address in seen:
            continue
        seen[address] = read(output, address)
        for link in seen[address].select("main a[href]"):
            target = urldefrag(link["href"])[0].removeprefix(f"{SITE}/")
            if target.startswith("feeds/") and target.endswith("/"):
                waiting.append(target)
    return seen


def feed_hrefs(pages):
    return {a["href"] for soup in pages.values() for a in soup.select("main a[href$='.xml']")}


def test_every_feed_is_reached_from_the_feeds_page(small_parts):
    pages = crawl_feeds_pages(small_parts)
    written = {f"{SITE}/{os.path.relpath(path, small_parts)}"
               for path in glob.glob(os.path.join(small_parts, "feeds", "**", "*.xml"), recursive=True)}
    # The newsletter's feed too, among the other ways to follow.
    assert feed_hrefs(pages) == written | {f"{SITE}/newsletter/feed.xml"}
    people = [p for p in sources.directory("people.yml") if p.get("public") is not False]
    assert "feeds/people/page/2/" in pages and f"feeds/people/page/{(len(people) + 1) // 2}/" in pages


def test_each_list_page_holds_at_most_a_page_of_feeds_each_once(small_parts):
    pages = crawl_feeds_pages(small_parts)
    names = []
    for address, soup in pages.items():
        if address.startswith("feeds/people/"):
            entries = soup.select(".feed-list li")
            assert 0 < len(entries) <= PER_PAGE, address
            names += [li.a.get_text() for li in entries]
    public = [p["name"] for p in sources.directory("people.yml") if p.get("public") is not False]
    assert sorted(names) == sorted(public)
    private = [p for p in sources.directory("people.yml") if p.get("public") is False]
    for soup in pages.values():
        text = str(soup)
        assert not any(p["name"] in text or f"people/{p['id']}" in text for p in private)


def test_each_letter_leads_to_the_heading_where_its_names_begin(small_parts):
    index = read(small_parts, "feeds/").select("nav.letter-index a")
    assert index
    for link in index:
        address, anchor = urldefrag(link["href"])
        heading = read(small_parts, address.removeprefix(f"{SITE}/")).find(id=anchor)
        assert heading is not None and heading.get_text() == link.get_text(), link["href"]
        first = heading.find_next("li").a.get_text()
        assert first.upper().startswith(link.get_text()), (link["href"], first)
