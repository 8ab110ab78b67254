"""A theme's years, as its year-in-review pages show them. Pure."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from network.model import Document, Theme


@dataclass(frozen=True)
class YearInReview:
    theme: Theme
    year: int
    #: (month's name, the documents of that month, oldest first), January first.
    months: list[tuple[str, list[Document]]]
    #: (category, how many documents of it), the largest first.
    categories: list[tuple[str, int]]
    previous: int | None  # the nearest earlier year with documents, if any
    next: int | None


def years_of(documents: list[Document]) -> list[int]:
    """The years with documents, newest first."""
    return sorted({document.date.year for document in documents}, reverse=True)


def year_reviews(theme: Theme, documents: list[Document]) -> list[YearInReview]:
    """One review per year in which ``documents`` (the theme's, in any order) were published."""
    by_year: dict[int, list[Document]] = {}
    for document in sorted(documents, key=lambda d: (d.date, d.title)):
        by_year.setdefault(document.date.year, []).append(document)
    years = sorted(by_year)
    reviews = []
    for position, year in enumerate(years):
        months: dict[str, list[Document]] = {}
        for document in by_year[year]:
            months.setdefault(f"{document.date:%B}", []).append(document)
        counts = Counter(document.category for document in by_year[year])
        reviews.append(YearInReview(
            theme, year, list(months.items()), sorted(counts.items(), key=lambda item: (-item[1], item[0])),
            previous=years[position - 1] if position > 0 else None,
            next=years[position + 1] if position + 1 < len(years) else None))
    return reviews
