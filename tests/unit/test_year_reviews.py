"""A theme's year-in-review pages, without a build (reviews.years)."""

from datetime import datetime, timezone

from network.model import Document, Theme
from reviews.years import year_reviews, years_of

THEME = Theme("housing", "Housing")


def _document(title, year, month, day, category="Updates"):
    return Document(path=f"content/x/{title}.md", title=title, category=category,
                    date=datetime(year, month, day, 9, tzinfo=timezone.utc))


def test_one_review_per_year_with_documents_oldest_year_first_with_neighbours():
    documents = [_document("c", 2026, 3, 1), _document("a", 2023, 5, 2), _document("b", 2025, 1, 9)]
    reviews = year_reviews(THEME, documents)
    assert [r.year for r in reviews] == [2023, 2025, 2026]
    assert [(r.previous, r.next) for r in reviews] == [(None, 2025), (2023, 2026), (2025, None)]
    assert years_of(documents) == [2026, 2025, 2023]  # the theme page lists the newest first


def test_months_in_calendar_order_documents_oldest_first_same_day_by_title():
    documents = [_document("late", 2025, 11, 30), _document("zeta", 2025, 2, 3), _document("alpha", 2025, 2, 3),
                 _document("first", 2025, 2, 1)]
    (review,) = year_reviews(THEME, documents)
    assert [(month, [d.title for d in docs]) for month, docs in review.months] == [
        ("February", ["first", "alpha", "zeta"]), ("November", ["late"])]


def test_categories_counted_largest_first_then_by_name():
    documents = [_document("m1", 2025, 1, 1, "Minutes"), _document("b1", 2025, 1, 2, "Briefings"),
                 _document("m2", 2025, 2, 1, "Minutes"), _document("u1", 2025, 3, 1, "Updates")]
    (review,) = year_reviews(THEME, documents)
    assert review.categories == [("Minutes", 2), ("Briefings", 1), ("Updates", 1)]
    assert review.theme is THEME


def test_no_documents_no_reviews():
    assert year_reviews(THEME, []) == []
    assert years_of([]) == []
