"""The year pages of a person, organisation or theme, without a build (reviews.years): one per
year with something to show, month by month, long years over numbered parts, and the year's
meetings and actions on its first part."""

from datetime import datetime, timezone

from network.model import Action, Document, Entity, Person, Theme
from reviews.years import year_links, year_reviews

THEME, HOUSING = Theme("housing", "Housing"), Entity("theme", "housing")
AMY, AMY_ENTITY = Person("amy-ash", "Amy Ash"), Entity("person", "amy-ash")


def _document(title, year, month, day, category="Updates"):
    return Document(path=f"content/x/{title}.md", title=title, category=category,
                    date=datetime(year, month, day, 9, tzinfo=timezone.utc))


def test_one_review_per_year_with_documents_each_linking_every_year_newest_first():
    documents = [_document("c", 2026, 3, 1), _document("a", 2023, 5, 2), _document("b", 2025, 1, 9)]
    reviews = year_reviews(HOUSING, THEME, documents)
    links = [(2026, "themes/housing/2026/"), (2025, "themes/housing/2025/"), (2023, "themes/housing/2023/")]
    assert [(r.year, r.url) for r in reviews] == links
    assert all(r.years == links and r.item is THEME and r.entity == HOUSING for r in reviews)
    assert year_links(HOUSING, documents) == links
    assert [[d.title for _, docs in r.months for d in docs] for r in reviews] == [["c"], ["b"], ["a"]]


def test_months_in_calendar_order_documents_oldest_first_same_day_by_title():
    documents = [_document("late", 2025, 11, 30), _document("zeta", 2025, 2, 3), _document("alpha", 2025, 2, 3),
                 _document("first", 2025, 2, 1), _document("other year", 2024, 2, 2)]
    review = next(r for r in year_reviews(HOUSING, THEME, documents) if r.year == 2025)
    assert [(month, [d.title for d in docs]) for month, docs in review.months] == [
        ("February 2025", ["first", "alpha", "zeta"]), ("November 2025", ["late"])]


def test_a_long_year_goes_on_over_parts_that_link_each_other_and_lose_nothing():
    documents = [_document(f"d{day:02}", 2025, 1 + day % 12, 1 + day) for day in range(25)]
    reviews = year_reviews(HOUSING, THEME, documents, per_page=10)
    assert [r.url for r in reviews] == ["themes/housing/2025/", "themes/housing/2025/page/2/",
                                        "themes/housing/2025/page/3/"]
    listed = [d.title for r in reviews for _, docs in r.months for d in docs]
    assert sorted(listed) == sorted(d.title for d in documents) and len(listed) == 25
    assert reviews[1].part.previous_url == "themes/housing/2025/" and reviews[2].part.next_url is None


def test_a_persons_year_lists_its_meetings_and_actions_on_the_first_part_only():
    minutes = _document("Steering Group minutes", 2024, 6, 12, "Minutes")
    later = _document("Operations Group notes", 2025, 5, 22, "Minutes")
    actions = [Action(later, 2, "<p>b</p>", "b"), Action(minutes, 5, "<p>a</p>", "a")]
    documents = [_document(f"u{i}", 2025, 3, 1 + i) for i in range(3)]
    reviews = year_reviews(AMY_ENTITY, AMY, documents, per_page=2, meetings=[later, minutes], actions=actions)
    # 2024 has no documents about her, only a meeting and an action: it still has its page.
    assert [(r.year, r.part.number) for r in reviews] == [(2025, 1), (2025, 2), (2024, 1)]
    assert [d.title for d in reviews[0].meetings] == ["Operations Group notes"]
    assert [a.number for a in reviews[0].actions] == [2]
    assert reviews[1].meetings == () and reviews[1].actions == ()
    assert [a.number for a in reviews[2].actions] == [5] and reviews[2].months == []
    assert reviews[0].years == [(2025, "people/amy-ash/2025/"), (2024, "people/amy-ash/2024/")]


def test_no_documents_no_reviews():
    assert year_reviews(HOUSING, THEME, []) == []
    assert year_links(HOUSING, []) == []
