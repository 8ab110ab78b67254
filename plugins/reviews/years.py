"""A theme's years, as its year-in-review pages show them. Pure.

Every theme has a page per year in which documents involve it: what was published, month by
month, oldest first; a year with more documents than a page holds goes on over numbered parts.
"""

from __future__ import annotations

from dataclasses import dataclass

from network.listings import ENTRIES_PER_PAGE, Part, by_month, by_year, cut_into_parts
from network.model import Document, Entity, Theme
from network.urls import entity_url


@dataclass(frozen=True)
class YearInReview:
    theme: Theme
    year: int
    part: Part  # this page's documents (oldest first) and the addresses of the year's parts
    years: list[tuple[int, str]]  # every year of the theme with its first page's address, newest first

    @property
    def url(self) -> str:
        return self.part.url

    @property
    def months(self) -> list[tuple[str, list[Document]]]:
        """This part's documents by month ("March 2025"), January first."""
        return by_month(self.part.entries, lambda document: document.date)


def year_links(theme: Theme, documents: list[Document]) -> list[tuple[int, str]]:
    """(year, address of its review) for every year with documents, newest first."""
    years = sorted({document.date.year for document in documents}, reverse=True)
    return [(year, f"{entity_url(Entity('theme', theme.id))}{year}/") for year in years]


def year_reviews(theme: Theme, documents: list[Document], per_page: int = ENTRIES_PER_PAGE) -> list[YearInReview]:
    """Every page of every year in which ``documents`` (the theme's, in any order) were published."""
    links = year_links(theme, documents)
    documents_in = dict(by_year(sorted(documents, key=lambda d: (d.date, d.title)), lambda d: d.date))
    return [YearInReview(theme, year, part, links)
            for year, url in links for part in cut_into_parts(documents_in[year], url, per_page)]
