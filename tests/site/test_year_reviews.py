"""A year in review per theme (/themes/<id>/<year>/): every document involving the theme that
year, month by month, and nothing else; reached from the theme's page and from the year around.
With short lists, an entity's page shows only the newest, and every document is still reached
from it: through a theme's years, or a person's or organisation's pages of every document."""

import glob
import os
import re

import pytest

from tests import sources
from tests.building import build_sample_with, page_loader
from tests.site.test_html_valid import vnu_errors
from tests.site.walking import site_address

pytestmark = pytest.mark.build


def _norm(href):
    return re.sub(r"^(\.\./)+|^https?://[^/]+/|^/", "", href)


def _years_of_themes(expected, entities):
    """theme id -> year -> addresses of its documents, from the sources and the independent reading."""
    dates = {f"{path.split('/')[0]}/{sources.slug(path)}/": meta["date"] for path, meta in sources.documents()}
    found = {}
    for address, involved in expected.items():
        for kind, entity_id in involved:
            if kind == "theme" and (kind, entity_id) in entities:
                found.setdefault(entity_id, {}).setdefault(int(dates[address][:4]), set()).add(address)
    return found


def test_each_year_lists_exactly_the_themes_documents_of_that_year(page, expected, entities):
    years_of = _years_of_themes(expected, entities)
    assert sum(len(years) for years in years_of.values()) >= 10
    for theme_id, years in years_of.items():
        for year, addresses in years.items():
            review = page(f"themes/{theme_id}/{year}/")
            assert str(year) in review.select_one("h1").get_text()
            listed = [_norm(a["href"]) for a in review.select(".document-list .document-title a")]
            assert sorted(listed) == sorted(addresses), f"themes/{theme_id}/{year}/"


def test_months_run_from_january_and_documents_from_oldest(page, expected, entities):
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    for theme_id, years in _years_of_themes(expected, entities).items():
        for year in years:
            review = page(f"themes/{theme_id}/{year}/")
            shown = [h.get_text(" ", strip=True).split()[0] for h in review.select(".document-group h2")]
            assert shown == sorted(shown, key=months.index), f"themes/{theme_id}/{year}/"
            times = [t["datetime"] for t in review.select(".document-list time")]
            assert times == sorted(times) and all(t.startswith(str(year)) for t in times)


def test_the_theme_page_and_each_review_link_every_year_newest_first(page, expected, entities):
    for theme_id, years in _years_of_themes(expected, entities).items():
        wanted = [f"themes/{theme_id}/{year}/" for year in sorted(years, reverse=True)]
        assert [_norm(a["href"]) for a in page(f"themes/{theme_id}/").select(".year-links a")] == wanted
        for year in years:
            review = page(f"themes/{theme_id}/{year}/")
            links = review.select(".year-links a")
            if len(years) > 1:
                assert [_norm(a["href"]) for a in links] == wanted
                assert [a.get_text() for a in links if a.get("aria-current") == "page"] == [str(year)]
            else:
                assert not links  # nowhere else to go


def test_a_theme_without_documents_has_no_years(page, entities, expected):
    with_documents = set(_years_of_themes(expected, entities))
    for kind, theme_id in entities:
        if kind == "theme" and theme_id not in with_documents:
            assert not page(f"themes/{theme_id}/").select(".year-links")


def reachable_documents(load, address):
    """Every document listed on an entity's page, its year pages and their further parts, and
    the most any one list on the entity's own page shows."""
    summary = load(address)
    found = {_norm(a["href"]) for a in summary.select(".entity-documents .document-title a")}
    longest = max((len(ul.select(".document-title")) for ul in summary.select(".entity-documents .document-list")),
                  default=0)
    for year_link in summary.select(".year-links a"):
        part = site_address(year_link["href"])
        while part:
            soup = load(part)
            found |= {_norm(a["href"]) for a in soup.select(".document-list .document-title a")}
            following = soup.select_one(".pager a[rel=next]")
            part = site_address(following["href"]) if following else None
    return found, longest


def test_with_short_lists_every_document_is_still_reached_from_its_entitys_page(tmp_path, expected, entities):
    load = page_loader(build_sample_with(tmp_path, "short", "LIST_LATEST = 2\nLIST_PAGE_SIZE = 2\n").output)

    documents_of = {}
    for address, involved in expected.items():
        for key in involved:
            if key in entities:
                documents_of.setdefault(key, set()).add(address)
    assert max(len(addresses) for addresses in documents_of.values()) > 4  # parts are needed
    for key, addresses in documents_of.items():
        found, longest = reachable_documents(load, entities[key]["url"])
        assert addresses <= found, f"{key}: {addresses - found} cannot be reached"
        assert longest <= 2, f"{key}: its page lists {longest} documents in one list"
    every = glob.glob(os.path.join(load.output, "*", "*", "documents", "**", "index.html"), recursive=True)
    assert len(every) > 10
    assert not vnu_errors(every)
