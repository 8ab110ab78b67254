"""The archive by date, without a build (archives.periods): what goes on which page."""

from datetime import datetime, timezone

from archives.periods import archive
from network.model import Document


def _document(title, year, month, day):
    return Document(path=f"content/updates/{title}.md", title=title, category="Updates",
                    date=datetime(year, month, day, 9, tzinfo=timezone.utc))


def _titles(documents):
    return [document.title for document in documents]


def test_the_summary_counts_every_year_newest_first_and_every_month_of_each():
    documents = [_document("a", 2023, 5, 2), _document("b", 2025, 1, 9), _document("c", 2025, 1, 20),
                 _document("d", 2025, 12, 1)]
    summary, _ = archive(documents, per_page=100, latest=20)
    assert [(year.year, year.count, year.url) for year in summary.years] == [(2025, 3, "2025/"), (2023, 1, "2023/")]
    months = summary.years[0].months
    assert [month.name for month in months][:3] == ["January", "February", "March"] and len(months) == 12
    assert [(month.count, month.url) for month in months if month.count] == [(2, "2025/01/"), (1, "2025/12/")]
    assert months[1].url is None  # February 2025 has no documents, so no page to link to
    assert summary.total == 4


def test_the_summary_shows_only_the_newest_documents():
    documents = [_document(f"day {day}", 2025, 3, day) for day in range(1, 11)]
    summary, _ = archive(documents, per_page=100, latest=3)
    assert _titles(summary.latest) == ["day 10", "day 9", "day 8"]


def test_each_year_and_month_is_cut_into_parts_newest_first():
    documents = [_document(f"{month}-{day}", 2025, month, day) for month in (2, 3) for day in (1, 2, 3)]
    documents.append(_document("old", 2024, 7, 1))
    _, parts = archive(documents, per_page=2, latest=20)
    pages = {period.part.url: (period.name, _titles(period.part.entries)) for period in parts}
    assert pages == {
        "2025/": ("2025", ["3-3", "3-2"]), "2025/page/2/": ("2025", ["3-1", "2-3"]),
        "2025/page/3/": ("2025", ["2-2", "2-1"]),
        "2025/03/": ("March 2025", ["3-3", "3-2"]), "2025/03/page/2/": ("March 2025", ["3-1"]),
        "2025/02/": ("February 2025", ["2-3", "2-2"]), "2025/02/page/2/": ("February 2025", ["2-1"]),
        "2024/": ("2024", ["old"]), "2024/07/": ("July 2024", ["old"]),
    }
    assert len(parts) == len(pages)  # no address given twice


def test_a_year_part_groups_its_documents_under_their_months_and_counts_the_whole_period():
    documents = [_document("march", 2025, 3, 1), _document("february", 2025, 2, 1), _document("jan", 2025, 1, 5)]
    _, parts = archive(documents, per_page=2, latest=20)
    first, second = (period for period in parts if period.month is None)
    assert [(month, _titles(items)) for month, items in first.by_month] == [
        ("March 2025", ["march"]), ("February 2025", ["february"])]
    assert [(month, _titles(items)) for month, items in second.by_month] == [("January 2025", ["jan"])]
    assert (first.count, second.count) == (3, 3)
    march = next(period for period in parts if period.month == 3)
    assert (march.count, march.year.year) == (1, 2025)


def test_one_day_is_ordered_by_title_whatever_the_reading_order():
    documents = [_document("zeta", 2025, 2, 3), _document("alpha", 2025, 2, 3)]
    summary, parts = archive(documents, per_page=100, latest=20)
    assert _titles(summary.latest) == ["alpha", "zeta"]
    assert all(_titles(period.part.entries) == ["alpha", "zeta"] for period in parts)


def test_no_documents_an_empty_summary_and_no_period_pages():
    summary, parts = archive([], per_page=100, latest=20)
    assert (summary.years, summary.latest, summary.total, parts) == ((), (), 0, [])
