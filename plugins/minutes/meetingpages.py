"""The meetings page and a page per year of past meetings, so no page grows with the archive. Pure.

/meetings/ shows what is coming up, the past meetings of the last twelve months by body (or the
newest ``latest`` when the year had fewer) and every year with its count; /meetings/<year>/ lists
every meeting of that year by body, newest first, in parts of at most ``per_page`` meetings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from network.listings import Part, by_year, cut_into_parts
from network.model import Document, Network

from .meetings import body_order

MEETINGS_URL = "meetings/"


def year_url(year: int) -> str:
    return f"{MEETINGS_URL}{year}/"


def twelve_months_before(today: date) -> date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def _past_meetings(network: Network) -> list[Document]:
    """Every minutes document, newest first (as network.documents orders them)."""
    return [document for document in network.documents if document.meeting is not None]


def by_body(documents: list[Document], network: Network) -> list[tuple[object, str, list[Document]]]:
    """[(body or None, body id, its meetings in the order given)], bodies by name."""
    groups: dict[str, list[Document]] = {}
    for document in documents:
        groups.setdefault(document.meeting.body, []).append(document)
    order = body_order(network)
    return [(network.organisations.get(body_id), body_id, groups[body_id]) for body_id in sorted(groups, key=order)]


def recent_meetings(network: Network, today: date, latest: int) -> tuple[list[Document], bool]:
    """The past meetings of the twelve months before ``today``, newest first; the newest
    ``latest`` when there were fewer. The flag says whether the twelve months were enough."""
    past = _past_meetings(network)
    since = twelve_months_before(today)
    recent = [document for document in past if document.date.date() > since]
    if len(recent) >= latest:
        return recent, True
    return past[:latest], False


def year_counts(network: Network) -> list[tuple[int, str, int]]:
    """(year, its page's address, how many meetings), newest first."""
    return [(year, year_url(year), len(documents))
            for year, documents in by_year(_past_meetings(network), lambda d: d.date)]


@dataclass(frozen=True)
class BodyMeetings:
    body: object  # the Organisation, or None for a body not in the directory
    body_id: str
    meetings: tuple[Document, ...]
    continued: bool  # the body's meetings of this year began on an earlier part


@dataclass(frozen=True)
class MeetingsPart:
    """One page of a year of past meetings."""

    year: int
    part: Part
    bodies: tuple[BodyMeetings, ...]
    count: int  # meetings in the whole year
    years: tuple[tuple[int, str], ...]  # every year and its address, newest first


def year_parts(network: Network, per_page: int) -> list[MeetingsPart]:
    """Every page of every year of past meetings: bodies by name, each newest first."""
    years = tuple((year, url) for year, url, _ in year_counts(network))
    pages = []
    for year, documents in by_year(_past_meetings(network), lambda d: d.date):
        groups = by_body(documents, network)
        ordered = [(body_id, document) for _, body_id, group in groups for document in group]
        firsts = {id(group[0]) for _, _, group in groups}
        for part in cut_into_parts(ordered, year_url(year), per_page):
            bodies = []
            for body_id, entries in groupby(part.entries, key=lambda entry: entry[0]):
                meetings = tuple(document for _, document in entries)
                bodies.append(BodyMeetings(network.organisations.get(body_id), body_id, meetings,
                                           id(meetings[0]) not in firsts))
            pages.append(MeetingsPart(year, part, tuple(bodies), len(documents), years))
    return pages


def recent_by_body(network: Network, today: date, latest: int) -> dict:
    """The past meetings the meetings page shows, by body, and whether they are a year's worth."""
    recent, twelve_months = recent_meetings(network, today, latest)
    return {"bodies": by_body(recent, network), "twelve_months": twelve_months, "count": len(recent),
            "since": twelve_months_before(today), "years": year_counts(network)}

