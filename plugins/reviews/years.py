"""A theme's years, as its year-in-review pages show them. Pure."""

from dataclasses import dataclass
from itertools import groupby

from network.model import Document, Entity, Theme
from network.urls import entity_url


@dataclass(frozen=True)
class YearInReview:
    theme: Theme
    year: int
    url: str
    months: list[tuple[str, list[Document]]]  # (month, its documents oldest first), January first
    years: list[tuple[int, str]]  # every year of the theme with its review's address, newest first


def year_links(theme: Theme, documents: list[Document]) -> list[tuple[int, str]]:
    """(year, address of its review) for every year with documents, newest first."""
    years = sorted({document.date.year for document in documents}, reverse=True)
    return [(year, f"{entity_url(Entity('theme', theme.id))}{year}/") for year in years]


def year_reviews(theme: Theme, documents: list[Document]) -> list[YearInReview]:
    """One review per year in which ``documents`` (the theme's, in any order) were published."""
    oldest_first = sorted(documents, key=lambda d: (d.date, d.title))
    by_year = {year: list(group) for year, group in groupby(oldest_first, key=lambda d: d.date.year)}
    links = year_links(theme, documents)
    return [YearInReview(theme, year, url, _by_month(by_year[year]), links) for year, url in links]


def _by_month(documents: list[Document]) -> list[tuple[str, list[Document]]]:
    return [(month, list(group)) for month, group in groupby(documents, key=lambda d: f"{d.date:%B}")]
