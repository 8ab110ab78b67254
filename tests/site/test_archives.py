"""The archive by date (/archives/, /<year>/, /<year>/<month>/): the summary counts every year
and month; a reader following its links reaches every document; a year's or a month's page
holds exactly its documents, cut into parts that link to each other. Read against the sources."""

import os
import re
from collections import Counter

import pytest

from tests import sources
from tests.building import build_sample_with, page_loader
from tests.site.test_html_valid import vnu_errors

pytestmark = pytest.mark.build

ARCHIVE_PAGE = re.compile(r"(archives/|\d{4}/(\d{2}/)?(page/\d+/)?)")


def _norm(href):
    return re.sub(r"^(\.\./)+|^https?://[^/]+/|^/", "", href)


def _documents():
    """address -> date ("2025-03-14...") of every published document, from the sources."""
    return {f"{path.split('/')[0]}/{sources.slug(path)}/": str(meta["date"]) for path, meta in sources.documents()}


@pytest.fixture(scope="module")
def small_pages(tmp_path_factory):
    """The sample built with two documents to a page, so years and months have several parts."""
    folder = tmp_path_factory.mktemp("small-pages")
    return page_loader(build_sample_with(folder, "small", "LIST_PAGE_SIZE = 2\nLIST_LATEST = 3\n").output)


def _crawl(load):
    """Every archive page reached by links from /archives/, and the documents each lists."""
    seen, waiting, listed = set(), ["archives/"], {}
    while waiting:
        address = waiting.pop()
        if address in seen:
            continue
        seen.add(address)
        soup = load(address)
        listed[address] = [_norm(a["href"]) for a in soup.select("main .document-title a")]
        for link in soup.select("main a[href]"):
            target = _norm(link["href"])
            if ARCHIVE_PAGE.fullmatch(target):
                waiting.append(target)
    return listed


def test_a_reader_following_the_links_from_the_summary_reaches_every_document(small_pages):
    listed = _crawl(small_pages)
    documents = _documents()
    reached = {address for addresses in listed.values() for address in addresses}
    assert reached == set(documents)
    assert any("/page/" in address for address in listed)  # the parts were reached by their links


def test_each_year_and_month_lists_exactly_its_documents_once_each_part_at_most_a_page(small_pages):
    listed = _crawl(small_pages)
    documents = _documents()
    by_period = {}
    for address, items in listed.items():
        if address != "archives/":
            assert len(items) <= 2, address
            by_period.setdefault(address.split("page/")[0], []).extend(items)
    expected = Counter(date[:4] for date in documents.values()) + Counter(
        f"{date[:4]}/{date[5:7]}" for date in documents.values())
    assert {period.strip("/"): len(items) for period, items in by_period.items()} == dict(expected)
    for period, items in by_period.items():
        assert len(set(items)) == len(items), period
        assert all(documents[item].replace("-", "/").startswith(period.strip("/")) for item in items), period


def test_the_summary_counts_each_year_and_month_and_links_only_months_with_documents(page):
    dates = _documents().values()
    summary = page("archives/")
    years = summary.select(".archive-year")
    assert [int(y.h2.a.get_text()) for y in years] == sorted({int(d[:4]) for d in dates}, reverse=True)
    for year in years:
        number = year.h2.a.get_text()
        assert year.h2.select_one(".count").get_text() == str(sum(d.startswith(number) for d in dates))
        months = year.select(".archive-months li")
        assert len(months) == 12
        for month_number, month in enumerate(months, start=1):
            count = sum(d.startswith(f"{number}-{month_number:02d}") for d in dates)
            assert month.select_one(".count").get_text() == str(count)
            link = month.a
            assert (_norm(link["href"]) if link else None) == (f"{number}/{month_number:02d}/" if count else None)


def test_the_summary_shows_the_newest_documents_and_the_year_page_puts_them_under_their_months(page):
    newest = [address for address, _ in sorted(_documents().items(), key=lambda item: item[1], reverse=True)]
    shown = [_norm(a["href"]) for a in page("archives/").select(".archive-latest .document-title a")]
    assert shown == newest[:len(shown)] and len(shown) == min(20, len(newest))
    year = max(_documents().values())[:4]
    for group in page(f"{year}/").select(".document-group"):
        month = group.h2.get_text(strip=True)
        assert all(t.get_text().endswith(month) for t in group.select("time")), month


def test_the_parts_are_valid_html(small_pages):
    pages = [os.path.join(small_pages.output, address, "index.html") for address in _crawl(small_pages)]
    errors = vnu_errors(pages)
    assert not errors, errors[:10]
