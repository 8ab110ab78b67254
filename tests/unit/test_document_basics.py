"""What a document must have before it exists at all: title, dates, status, category, slug,
summary, and the messages an officer reads when one is missing or unusable (documents.read_basics)."""

import pytest

from network.documents import read_basics
from network.errors import ContentError
from network.source import DATE_HINT, split_front_matter

PATH = "content/updates/2025-03-housing.md"
CATEGORIES = ["Updates", "Briefings", "Minutes"]


def basics(front_matter: str, *, default_category="Updates", is_page=False):
    front, _, _ = split_front_matter(f"---\n{front_matter}---\n", PATH)
    return read_basics(front, PATH, default_category=default_category, categories=CATEGORIES, is_page=is_page)


def problems(front_matter: str, **options) -> list[str]:
    with pytest.raises(ContentError) as caught:
        basics(front_matter, **options)
    return [problem.format() for problem in caught.value.problems]


def test_a_complete_front_matter_gives_every_basic_value():
    result = basics('title: " Housing update "\ndate: "2025-03-14 10:30"\nmodified: 2025-03-20\n'
                    "category: briefings\nstatus: Draft\nslug: housing-update\nsummary: \" Rents rose. \"\n")
    assert result == {
        "title": "Housing update", "date": result["date"], "modified": result["modified"],
        "category": "Briefings", "status": "draft", "slug": "housing-update", "summary": "Rents rose.",
    }
    assert (result["date"].year, result["date"].month, result["date"].day, result["date"].hour) == (2025, 3, 14, 10)
    assert (result["modified"].month, result["modified"].day) == (3, 20)


def test_what_is_left_out_takes_its_default():
    result = basics("title: Housing update\ndate: 2025-03-14\n", default_category="Minutes")
    assert result["modified"] is None and result["slug"] is None and result["summary"] is None
    assert result["status"] == "published" and result["category"] == "Minutes"


def test_an_empty_status_means_published():
    assert basics("title: A\ndate: 2025-03-14\nstatus:\n")["status"] == "published"


def test_a_number_is_accepted_as_title_and_summary():
    result = basics("title: 2025\ndate: 2025-03-14\nsummary: 42\n")
    assert (result["title"], result["summary"]) == ("2025", "42")


@pytest.mark.parametrize("title", ["title:\n", 'title: "  "\n', "title: [a, b]\n", "title: true\n"])
def test_an_empty_title_names_its_line(title):
    assert problems(f"date: 2025-03-14\n{title}") == [
        f"{PATH}, line 3, key 'title': the title is empty. "
        "Add a line such as 'title: March 2025 project update' to the front matter."]


def test_an_empty_front_matter_names_the_first_line_for_title_and_date():
    assert [problem.split(": ", 1)[0] for problem in problems("")] == [
        f"{PATH}, line 2, key 'title'", f"{PATH}, line 2, key 'date'"]


def test_a_document_without_a_date_is_told_how_to_write_one():
    assert problems("title: A\n") == [
        f"{PATH}, line 2, key 'date': the document has no date. "
        "Add a line such as 'date: 2025-03-14' to the front matter."]


def test_a_page_needs_no_date_but_a_date_it_has_must_be_readable():
    assert basics("title: About us\n", is_page=True)["date"] is None
    assert problems("title: About us\ndate: soon\n", is_page=True) == [
        f"{PATH}, line 3, key 'date': the date 'soon' cannot be read. {DATE_HINT}"]


def test_an_unreadable_modified_date_names_its_key_and_line():
    assert problems("title: A\ndate: 2025-03-14\nmodified: 20/03/2025\n") == [
        f"{PATH}, line 4, key 'modified': the date '20/03/2025' cannot be read. {DATE_HINT}"]


def test_every_problem_of_the_front_matter_is_reported_at_once():
    found = problems("date: never\nmodified: later\nstatus: gone\ncategory: Nowhere\nslug: Bad Slug\n"
                     "summary: [a, b]\n")
    assert [line.split(": ", 1)[0] for line in found] == [
        f"{PATH}, line 2, key 'title'", f"{PATH}, line 2, key 'date'", f"{PATH}, line 3, key 'modified'",
        f"{PATH}, line 4, key 'status'", f"{PATH}, line 5, key 'category'", f"{PATH}, line 6, key 'slug'",
        f"{PATH}, line 7, key 'summary'"]


def test_an_unknown_status_without_a_near_word_says_what_statuses_do():
    assert problems("title: A\ndate: 2025-03-14\nstatus: secret\n") == [
        f"{PATH}, line 4, key 'status': 'secret' is not a status. "
        "Write 'status: draft' to keep a document out of the site, or leave it out."]


def test_a_misspelt_status_gets_a_did_you_mean():
    assert problems("title: A\ndate: 2025-03-14\nstatus: publishd\n") == [
        f"{PATH}, line 4, key 'status': 'publishd' is not a status. Did you mean 'published'? "
        "Write 'status: draft' to keep a document out of the site, or leave it out."]


def test_a_category_is_matched_whatever_its_case():
    assert basics("title: A\ndate: 2025-03-14\ncategory: MINUTES\n")["category"] == "Minutes"


def test_an_unknown_category_lists_the_sites_categories():
    assert problems("title: A\ndate: 2025-03-14\ncategory: Events\n") == [
        f"{PATH}, line 4, key 'category': 'Events' is not a category of this site. "
        "Categories: Updates, Briefings, Minutes. Leave 'category' out to use the folder's."]


def test_a_misspelt_category_gets_a_did_you_mean_before_the_list():
    assert problems("title: A\ndate: 2025-03-14\ncategory: Briefing\n") == [
        f"{PATH}, line 4, key 'category': 'Briefing' is not a category of this site. Did you mean 'Briefings'? "
        "Categories: Updates, Briefings, Minutes. Leave 'category' out to use the folder's."]


def test_an_empty_category_is_not_a_category():
    assert problems("title: A\ndate: 2025-03-14\ncategory:\n") == [
        f"{PATH}, line 4, key 'category': '' is not a category of this site. "
        "Categories: Updates, Briefings, Minutes. Leave 'category' out to use the folder's."]


def test_a_slug_must_be_lowercase_words_joined_by_hyphens():
    assert problems("title: A\ndate: 2025-03-14\nslug: March Update\n") == [
        f"{PATH}, line 4, key 'slug': 'March Update' is not a valid slug. "
        "A slug is lowercase words joined by hyphens, such as 'march-update'."]


def test_a_summary_that_is_not_text_is_refused():
    assert problems("title: A\ndate: 2025-03-14\nsummary:\n  - one\n  - two\n") == [
        f"{PATH}, line 4, key 'summary': the summary must be text. Put the summary in quotes on one line."]
