"""The search (Pagefind) in Chromium: a word typed into any page's header finds the documents that
contain it, the filters narrow the results, entity pages are found by name, and a reader without
JavaScript is told where to browse instead."""

import re

import pytest

from tests import sources
from tests.browser.conftest import SITE, serve_site
from tests.building import CONTENT

pytestmark = pytest.mark.build


def body_of(path):
    with open(f"{CONTENT}/{path}", encoding="utf-8") as handle:
        return handle.read().split("---\n", 2)[2]


@pytest.fixture
def page(browser, built_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    serve_site(opened, built_site.output)
    yield opened
    context.close()


def result_titles(page, every=False):
    page.wait_for_function("document.querySelector('.search-status').textContent.includes('result')")
    while every and page.locator(".search-more").count():
        shown = page.locator(".search-results li").count()
        page.click(".search-more")
        page.wait_for_function(f"document.querySelectorAll('.search-results li').length > {shown}")
    return [title.strip() for title in page.locator(".search-results .document-title a").all_inner_texts()]


def test_a_word_typed_in_the_header_finds_every_document_that_has_it(page):
    expected = {meta["title"] for path, meta in sources.documents()
                if re.search(r"\bwaiting list\b", body_of(path), re.IGNORECASE)}
    assert expected, "the sample content has documents about the waiting list"
    page.goto(f"{SITE}/updates/")
    page.fill("#site-search-words", "waiting list")
    page.press("#site-search-words", "Enter")
    page.wait_for_url(f"{SITE}/search/?q=waiting+list")
    found = result_titles(page, every=True)
    assert expected <= set(found), expected - set(found)
    first = page.locator(".search-results .document-item").first
    assert first.locator(".document-meta").inner_text()  # its category and date
    assert first.locator("mark").count() > 0  # the words found are marked in the excerpt


def test_a_theme_filter_keeps_exactly_the_documents_about_it(page):
    theme = next(t for t in sources.directory("themes.yml") if t["id"] == "housing")
    page.goto(f"{SITE}/themes/housing/")
    listed = int(page.locator(".entity-documents h2 .count").first.inner_text())
    page.goto(f"{SITE}/search/")
    page.wait_for_function("!document.querySelector('.search-filters').hidden")
    page.select_option("#filter-theme", value=theme["name"])
    page.wait_for_url(re.compile(r".*theme=Housing.*"))
    found = result_titles(page, every=True)
    # Every document that involves the theme, and the theme's own page.
    assert len(found) == listed + 1 and theme["name"] in found


def test_an_organisations_page_is_found_by_its_name(page):
    organisation = next(o for o in sources.directory("organisations.yml") if o["id"] == "calderbridge-refugee-forum")
    page.goto(f"{SITE}/search/?q={organisation['name'].replace(' ', '+')}")
    assert organisation["name"] in result_titles(page)[:3]


def test_without_javascript_the_search_page_says_where_to_browse(browser, built_site):
    context = browser.new_context(java_script_enabled=False)
    opened = context.new_page()
    serve_site(opened, built_site.output)
    opened.goto(f"{SITE}/")
    opened.fill("#site-search-words", "housing")
    opened.press("#site-search-words", "Enter")
    opened.wait_for_url(f"{SITE}/search/?q=housing")
    fallback = opened.locator(".search-fallback")
    assert fallback.is_visible() and "needs JavaScript" in fallback.inner_text()
    assert opened.get_by_role("link", name="every document by date").is_visible()
    context.close()


def test_the_preview_searches_every_part_of_the_index_and_follows_an_edit(browser, tmp_path, content_copy):
    """make devserver: relative addresses, the index in parts (the directory's pages, each year),
    each made again in the background after an edit to a page of its own."""
    from tests.serving import devserver

    with devserver(str(tmp_path / "preview"), str(content_copy)) as (port, log):
        seen = log.wait_for("Search updated")
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/search/?q=waiting+list", timeout=10_000)
        found = set(result_titles(page, every=True))
        expected = {meta["title"] for path, meta in sources.documents()
                    if re.search(r"\bwaiting list\b", body_of(path), re.IGNORECASE)}
        assert {"2024", "2025", "2026"} <= {meta["date"][:4] for path, meta in sources.documents()
                                            if meta["title"] in expected}, "documents of several years"
        assert expected <= found, expected - found

        update = content_copy / "updates" / "2024-05-project-update.md"
        update.write_text(update.read_text(encoding="utf-8") + "\nThe Zephyrine rota starts in June.\n",
                          encoding="utf-8")
        log.wait_for("Search updated", seen)
        page.goto(f"http://127.0.0.1:{port}/search/?q=zephyrine", timeout=10_000)
        title = next(meta["title"] for path, meta in sources.documents() if path == "updates/2024-05-project-update.md")
        assert result_titles(page) == [title]
        context.close()
