"""The archive of every document by date, as its pages show it. Pure.

The archive's own page sums up every year and month (a count each) and shows the newest
documents; each year and each month has a page listing its documents, newest first, cut into
parts of at most a set number of documents (``network.listings``). No page grows with the
archive: a year holds one year, a part at most ``per_page`` documents, and the summary one line
per year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from network.listings import Part, by_month, cut_into_parts, newest_first
from network.model import Document
from network.urls import archive_url


@dataclass(frozen=True)
class Month:
    """A month of a year in the archive, with how many documents it has (it may have none)."""

    year: int
    number: int  # 1 to 12
    count: int

    @property
    def name(self) -> str:
        return calendar.month_name[self.number]

    @property
    def url(self) -> str | None:
        """The month's page; None when it has no documents (and so no page)."""
        return archive_url(self.year, self.number) if self.count else None


@dataclass(frozen=True)
class Year:
    """A year in the archive: its count and its twelve months, January first."""

    year: int
    count: int
    months: tuple[Month, ...]

    @property
    def url(self) -> str:
        return archive_url(self.year)


@dataclass(frozen=True)
class Summary:
    """The archive's own page: every year, newest first, and the newest documents."""

    years: tuple[Year, ...]
    latest: tuple[Document, ...]
    total: int


@dataclass(frozen=True)
class PeriodPart:
    """One part of the page of a year (``month`` None) or of one of its months."""

    year: Year  # the year's months, linked at the top of the page
    month: int | None
    part: Part  # its documents, newest first

    @property
    def name(self) -> str:
        """"2025" or "March 2025"."""
        return str(self.year.year) if self.month is None else f"{calendar.month_name[self.month]} {self.year.year}"

    @property
    def count(self) -> int:
        """How many documents the whole period has (on every part)."""
        return self.year.count if self.month is None else self.year.months[self.month - 1].count

    @property
    def by_month(self) -> list[tuple[str, list[Document]]]:
        """This part's documents under the month of each ("March 2025"), newest first."""
        return by_month(self.part.entries, _date)


def _date(document: Document):
    return document.date


def _title(document: Document) -> str:
    return document.title


def archive(documents: list[Document], per_page: int, latest: int) -> tuple[Summary, list[PeriodPart]]:
    """The summary and every part of every year's and month's page, from the published
    documents (in any order)."""
    ordered = newest_first(documents, _date, _title)
    in_month: dict[tuple[int, int], list[Document]] = {}
    for document in ordered:
        in_month.setdefault((document.date.year, document.date.month), []).append(document)
    years = []
    parts: list[PeriodPart] = []
    for year_number in sorted({year for year, _ in in_month}, reverse=True):
        months = tuple(Month(year_number, number, len(in_month.get((year_number, number), ())))
                       for number in range(1, 13))
        year = Year(year_number, sum(month.count for month in months), months)
        years.append(year)
        in_year = [document for number in range(12, 0, -1) for document in in_month.get((year_number, number), ())]
        parts += [PeriodPart(year, None, part) for part in cut_into_parts(in_year, year.url, per_page)]
        for month in reversed(months):
            if month.count:
                documents_of_month = in_month[(year_number, month.number)]
                parts += [PeriodPart(year, month.number, part)
                          for part in cut_into_parts(documents_of_month, month.url, per_page)]
    return Summary(tuple(years), tuple(ordered[:latest]), len(ordered)), parts
