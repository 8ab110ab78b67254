"""An entity's years, as its year pages show them. Pure.

Every person, organisation and theme has a page per year in which documents involve it: what
was published, month by month, oldest first; a year with more documents than a page holds goes
on over numbered parts. The first part also lists the meetings and actions of that year.
"""

from __future__ import annotations

from dataclasses import dataclass

from network.listings import ENTRIES_PER_PAGE, Part, by_month, by_year, cut_into_parts, year_counts
from network.model import Document, Entity
from network.urls import entity_url


@dataclass(frozen=True)
class YearInReview:
    entity: Entity
    item: object  # the Person, Organisation or Theme
    year: int
    part: Part  # this page's documents (oldest first) and the addresses of the year's parts
    years: list[tuple[int, str]]  # every year of the entity with its first page's address, newest first
    meetings: tuple = ()  # the year's meetings, oldest first (on the first part only)
    actions: tuple = ()  # the year's actions, oldest first (on the first part only)

    @property
    def url(self) -> str:
        return self.part.url

    @property
    def months(self) -> list[tuple[str, list[Document]]]:
        """This part's documents by month ("March 2025"), January first."""
        return by_month(self.part.entries, lambda document: document.date)


def year_links(entity: Entity, documents: list[Document], also=()) -> list[tuple[int, str]]:
    """(year, address of its page) for every year with documents or with one of the dates
    ``also``, newest first."""
    counts = year_counts((document.date for document in documents), also)
    return [(year, f"{entity_url(entity)}{year}/") for year, _ in counts]


def year_reviews(entity: Entity, item, documents: list[Document], per_page: int = ENTRIES_PER_PAGE,
                 meetings=(), actions=()) -> list[YearInReview]:
    """Every page of every year in which ``documents`` (the entity's, in any order) were
    published. ``meetings`` (minutes) and ``actions`` are the entity's, in any order."""
    meetings = sorted(meetings, key=lambda d: (d.date, d.title))
    actions = sorted(actions, key=lambda a: (a.document.date, a.number))
    links = year_links(entity, documents, [d.date for d in meetings] + [a.document.date for a in actions])
    documents_in = dict(by_year(sorted(documents, key=lambda d: (d.date, d.title)), lambda d: d.date))
    meetings_in = dict(by_year(meetings, lambda d: d.date))
    actions_in = dict(by_year(actions, lambda a: a.document.date))
    reviews = []
    for year, url in links:
        for part in cut_into_parts(documents_in.get(year, []), url, per_page):
            first = part.number == 1
            reviews.append(YearInReview(entity, item, year, part, links,
                                        tuple(meetings_in.get(year, ())) if first else (),
                                        tuple(actions_in.get(year, ())) if first else ()))
    return reviews
