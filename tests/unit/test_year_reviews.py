"""A theme's year-in-review pages, without a build (reviews.years): one per year with
documents, month by month, a long year over numbered parts."""

from datetime import datetime, timezone

from network.model import Document, Theme
from reviews.years import year_links, year_reviews

THEME = Theme("housing", "Housing")


def _document(title, year, month, day, category="Updates"):
    return Document(path=f"content/x/{title}.md", title=title, category=category,
                    date=datetime(year, month, day, 9, tzinfo=timezone.utc))


def test_one_review_per_year_with_documents_each_linking_every_year_newest_first():
    documents = [_document("c", 2026, 3, 1), _document("a", 2023, 5, 2), _document("b", 2025, 1, 9)]
    reviews = year_reviews(THEME, documents)
    links = [(2026, "themes/housing/2026/"), (2025, "themes/housing/2025/"), (2023, "themes/housing/2023/")]
    assert [(r.year, r.url) for r in reviews] == links
    assert all(r.years == links and r.theme is THEME for r in reviews)
    assert year_links(THEME, documents) == links  # what the theme's own page links to
    assert [[d.title for _, docs in r.months for d in docs] for r in reviews] == [["c"], ["b"], ["a"]]


def test_months_in_calendar_order_documents_oldest_first_same_day_by_title():
    documents = [_document("late", 2025, 11, 30), _document("zeta", 2025, 2, 3), _document("alpha", 2025, 2, 3),
                 _document("first", 2025, 2, 1), _document("other year", 2024, 2, 2)]
    review = next(r for r in year_reviews(THEME, documents) if r.year == 2025)
    assert [(month, [d.title for d in docs]) for month, docs in review.months] == [
        ("February 2025", ["first", "alpha", "zeta"]), ("November 2025", ["late"])]


def test_a_long_year_goes_on_over_parts_that_link_each_other_and_lose_nothing():
    documents = [_document(f"d{day:02}", 2025, 1 + day % 12, 1 + day) for day in range(25)]
    reviews = year_reviews(THEME, documents, per_page=10)
    assert [r.url for r in reviews] == ["themes/housing/2025/", "themes/housing/2025/page/2/",
                                        "themes/housing/2025/page/3/"]
    listed = [d.title for r in reviews for _, docs in r.months for d in docs]
    assert sorted(listed) == sorted(d.title for d in documents) and len(listed) == 25
    assert reviews[1].part.previous_url == "themes/housing/2025/" and reviews[2].part.next_url is None


def test_no_documents_no_reviews():
    assert year_reviews(THEME, []) == []
    assert year_links(THEME, []) == []
