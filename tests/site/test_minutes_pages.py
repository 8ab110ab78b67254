"""The register and the meetings page cut small: the sample site built with one entry a page and
three latest entries, so every year has parts. A reader who starts at /actions/ or /meetings/ and
follows links reaches every action and every meeting; no page holds more than one; the links
from minutes pages into the register lead to the row."""


import pytest

from tests.building import build_sample_with, page_loader
from tests.site.test_minutes import minutes_sources, source_actions
from tests.site.walking import pages_reached, site_address
from tests import sources

pytestmark = pytest.mark.build

LATEST = 3  # the newest open actions are on different parts of their year
PER_PAGE = 1  # the sample has two meetings a year at most: one a page makes parts of both lists


@pytest.fixture(scope="module")
def small_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small-lists")
    built = build_sample_with(folder, "smallconf", f"LIST_PAGE_SIZE = {PER_PAGE}\nLIST_LATEST = {LATEST}\n")
    return page_loader(built.output)


def test_every_action_is_reached_from_the_register_and_no_page_holds_more_than_a_part(small_pages):
    pages = pages_reached(small_pages, "actions/", "actions/")
    assert any("/page/" in address for address in pages), "the sample's years need parts at two rows a page"
    listed = []
    for address, soup in pages.items():
        rows = soup.select("table.register tbody tr[id]")
        if address != "actions/":
            assert 0 < len(rows) <= PER_PAGE, address
        for row in rows:
            slug, number = row.select_one(".register-ref a")["href"].split("minutes/")[1].split("/#action-")
            listed.append((slug, int(number)))
            assert row["id"] == f"{slug}-action-{number}"
    assert sorted(listed) == sorted(source_actions())
    summary = small_pages("actions/")
    assert len(summary.select(".register-latest tbody tr")) == LATEST


def test_the_summary_counts_match_the_year_pages(small_pages):
    summary = small_pages("actions/")
    for link in summary.select("a.register-year"):
        year = site_address(link["href"])
        cells = link.find_parent("tbody").select("tr")
        open_count = sum(int(row.select("td")[1].get_text()) for row in cells)
        closed_count = sum(int(row.select("td")[2].get_text()) for row in cells)
        parts = {address: soup for address, soup in pages_reached(small_pages, year, year).items()}
        statuses = [row.select_one(".register-status .status").get_text(strip=True)
                    for soup in parts.values() for row in soup.select("table.register tbody tr[id]")]
        assert (statuses.count("Open"), len(statuses) - statuses.count("Open")) == (open_count, closed_count), year


def test_links_into_the_register_lead_to_the_row(small_pages):
    for path, _, _ in minutes_sources():
        soup = small_pages(f"minutes/{sources.slug(path)}")
        link = soup.select_one("a.register-link")
        if link is None:
            continue
        target = small_pages(site_address(link["href"]))
        row = target.find(id=link["href"].split("#")[1])
        assert row is not None and row.name == "tr", link["href"]
        assert f"minutes/{sources.slug(path)}/" in row.select_one(".register-ref a")["href"]
    latest = small_pages("actions/").select(".register-latest a.register-row-link")
    assert len({site_address(link["href"]) for link in latest}) > 1, "rows on more than one part"
    for link in latest:
        assert small_pages(site_address(link["href"])).find(id=link["href"].split("#")[1]) is not None, link["href"]


def test_every_meeting_is_reached_from_the_meetings_page(small_pages):
    pages = pages_reached(small_pages, "meetings/", "meetings/")
    assert any("/page/" in address for address in pages)
    listed = []
    for address, soup in pages.items():
        if address == "meetings/":
            continue
        links = [site_address(a["href"]) for a in soup.select(".past-meetings .meeting-list a")]
        assert 0 < len(links) <= PER_PAGE, address
        listed += links
    assert sorted(listed) == sorted(f"minutes/{sources.slug(path)}/" for path, _, _ in minutes_sources())
