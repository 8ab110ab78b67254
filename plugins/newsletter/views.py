"""An issue shaped for its renderers (web page, e-mail HTML, plain text). Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from network.htmltext import html_to_text
from network.model import Document, Network, Upcoming


@dataclass
class Entry:
    """One document as the newsletter lists it."""

    title: str
    date: datetime
    theme_names: list[str]
    summary: str  # plain text
    link: str  # absolute, with campaign parameters when set
    url: str  # inside the site (for the web version)


@dataclass
class IssueView:
    lead: list[Entry]
    sections: list[tuple[str, list[Entry]]]
    upcoming: list[str]


def entry(document: Document, network: Network, link: str) -> Entry:
    return Entry(document.title, document.date, [network.themes[t].name for t in document.themes],
                 html_to_text(document.summary), link, document.url)


def meeting_line(upcoming: Upcoming, network: Network) -> str:
    """'CVMP Steering Group: Wednesday 20 January 2027, 14:00, Committee Room 2' as plain text."""
    body = network.organisations.get(upcoming.body)
    name = body.name if body else upcoming.body
    if upcoming.starts is None:
        when = "date to be confirmed"
    else:
        when = f"{upcoming.starts:%A} {upcoming.starts.day} {upcoming.starts:%B %Y}"
        if upcoming.has_time:
            when += f", {upcoming.starts:%H:%M}"
    return f"{name}: {when}" + (f", {upcoming.venue}" if upcoming.venue else "")
