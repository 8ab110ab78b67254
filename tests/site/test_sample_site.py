"""The sample site, built for real: pages a reader reaches, and what must never be published."""

import os
import re
from collections import Counter

import pytest

from tests import sources
from tests.building import output_files

pytestmark = pytest.mark.build

CATEGORY_OF_FOLDER = {"updates": "Updates", "briefings": "Briefings", "minutes": "Minutes"}


def article_address(path):
    folder = path.split("/")[0]
    return f"{folder}/{sources.slug(path)}/"


def test_every_published_document_has_its_page_with_title_and_date(page):
    for path, meta in sources.documents():
        soup = page(article_address(path))
        assert soup.h1.get_text(strip=True) == meta["title"], path
        assert soup.find("time")["datetime"].startswith(meta["date"][:10]), path
        kicker = soup.select_one(".document-kicker").get_text(strip=True)
        assert kicker == CATEGORY_OF_FOLDER[path.split("/")[0]]


def test_home_page_lists_the_latest_documents_across_categories(page):
    home = page("")
    titles = [a.get_text(strip=True) for a in home.select(".document-list .document-title a")]
    newest = [meta["title"] for _, meta in sources.documents()][: len(titles)]
    assert titles == newest
    shown = {label.get_text(strip=True) for label in home.select(".document-list .category-label")}
    assert len(shown) >= 2, "the home page mixes categories"
    counts = Counter(CATEGORY_OF_FOLDER[p.split("/")[0]] for p, _ in sources.documents())
    for link in home.select(".category-summary li"):
        name = link.a.get_text(strip=True)
        assert link.select_one(".count").get_text(strip=True) == str(counts[name])


def test_each_category_lists_exactly_its_documents_newest_first(page):
    for folder, name in CATEGORY_OF_FOLDER.items():
        soup = page(f"{folder}/")
        assert soup.h1.get_text(strip=True) == name
        listed = [a.get_text(strip=True) for a in soup.select(".document-title a")]
        expected = [m["title"] for p, m in sources.documents() if p.startswith(folder + "/")]
        assert listed == expected[: len(listed)] and listed, folder


def test_about_page(page):
    soup = page("about/")
    assert soup.h1.get_text(strip=True) == sources.front_matter(
        os.path.join(sources.CONTENT, "pages", "about.md"))["title"]
    assert soup.select_one('nav a[aria-current="page"]')["href"].endswith("about/")


def test_every_page_has_a_skip_link_landmarks_and_language(built_site):
    for relative, text in output_files(built_site.output):
        if not relative.endswith(".html") or relative.endswith("email.html"):  # e-mails: test_newsletter
            continue
        assert re.search(r'<html lang="en-gb" dir="ltr"', text, re.IGNORECASE), relative
        assert 'href="#content"' in text and '<main id="content"' in text, relative
        assert '<meta name="viewport"' in text, relative


def test_no_draft_reaches_any_output_file(built_site):
    drafts = sources.drafts()
    assert drafts, "the sample content has a draft"
    for _, meta in drafts:
        for relative, text in output_files(built_site.output):
            assert meta["title"] not in text, relative


def test_private_person_is_named_in_no_output_file_and_the_build_warns(built_site):
    private = [p for p in sources.directory("people.yml") if p.get("public") is False]
    assert private, "the sample directory has a private person"
    names = [n for p in private for n in [p["name"], *p.get("aliases", [])]]
    mentioned_in = [path for path, meta in sources.documents()
                    if any(n in open(os.path.join(sources.CONTENT, path), encoding="utf-8").read() for n in names)]
    assert mentioned_in, "the sample content types a private name into a body"
    pattern = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)
    for relative, text in output_files(built_site.output):
        assert not pattern.search(text), relative
    for path in mentioned_in:
        assert re.search(rf"WARNING: .*{re.escape(path)}.*private person's name was replaced by "
                         r"'\[name withheld\]' \(line \d+", built_site.log), built_site.log
    soup_text = open(os.path.join(built_site.output, article_address(mentioned_in[0]), "index.html"),
                     encoding="utf-8").read()
    assert "[name withheld]" in soup_text


def test_pelican_pages_this_site_does_not_use_are_not_written(built_site):
    for unwanted in ("author", "authors.html", "tag", "tags.html", "categories.html", "drafts"):
        assert not os.path.exists(os.path.join(built_site.output, unwanted)), unwanted
