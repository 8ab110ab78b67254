"""Long lists cut into pages a phone can load: by year, by month, and into numbered parts of at
most a set number of entries. Pure: the page types decide what is listed and where.

A list page never grows with the archive: a summary shows the latest entries and a count per
year, each year has pages of its own, and a year with more entries than a page holds continues
on ``<year address>page/2/`` and so on, as Pelican's own pagination names its pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Callable, Iterable, Sequence, TypeVar

T = TypeVar("T")

#: How many of the newest entries a summary (an entity's page, the register's front page) shows.
LATEST_SHOWN = 20
#: The most entries on one page of a long list (about 60 KB of HTML for documents with summaries).
ENTRIES_PER_PAGE = 100


@dataclass(frozen=True)
class Part:
    """One page of a list cut into parts: its entries, and the addresses of every part."""

    entries: tuple
    number: int  # from 1
    urls: tuple[str, ...]  # the address of each part, the first first

    @property
    def url(self) -> str:
        return self.urls[self.number - 1]

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def previous_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None


def part_url(base_url: str, number: int) -> str:
    """The address of part ``number`` of the list at ``base_url`` (which ends in "/" or is "")."""
    return base_url if number == 1 else f"{base_url}page/{number}/"


def cut_into_parts(entries: Sequence[T], base_url: str, per_page: int = ENTRIES_PER_PAGE) -> list[Part]:
    """``entries`` in parts of at most ``per_page``; an empty list is one empty part."""
    if per_page < 1:
        raise ValueError(f"a page must hold at least one entry, not {per_page}")
    chunks = [tuple(entries[start:start + per_page]) for start in range(0, len(entries), per_page)] or [()]
    urls = tuple(part_url(base_url, number) for number in range(1, len(chunks) + 1))
    return [Part(chunk, number, urls) for number, chunk in enumerate(chunks, start=1)]


def by_year(entries: Iterable[T], date_of: Callable[[T], object]) -> list[tuple[int, list[T]]]:
    """[(year, its entries in the given order)], newest year first."""
    years: dict[int, list[T]] = {}
    for entry in entries:
        years.setdefault(date_of(entry).year, []).append(entry)
    return sorted(years.items(), key=lambda item: item[0], reverse=True)


def year_counts(dates: Iterable) -> list[tuple[int, int]]:
    """[(year, how many of ``dates`` fall in it)], newest year first."""
    counts: dict[int, int] = {}
    for moment in dates:
        counts[moment.year] = counts.get(moment.year, 0) + 1
    return sorted(counts.items(), reverse=True)


def by_month(entries: Iterable[T], date_of: Callable[[T], object]) -> list[tuple[str, list[T]]]:
    """[("March 2025", entries)] for runs of entries in one month, in the order given."""
    return [(label, list(group)) for label, group in groupby(entries, key=lambda e: f"{date_of(e):%B %Y}")]


def newest_first(entries: Iterable[T], date_of: Callable[[T], object], title_of: Callable[[T], str]) -> list[T]:
    """Newest first; on one date, by title (so the order never depends on reading order)."""
    return sorted(sorted(entries, key=title_of), key=date_of, reverse=True)
