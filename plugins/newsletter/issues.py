"""Which newsletter issues there are and what each holds. Pure.

One issue per period (month or quarter) that has published documents. Each issue holds its
period's documents grouped by category, the lead documents, the meetings coming up as of the end
of the period, and how many actions were open then. The meetings and action counts come from one
sweep over time, so the cost grows with the content, not with issues x content.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

from network.model import Document, Network, Upcoming

PERIODS = ("month", "quarter")


def period_key(when: datetime, period: str) -> str:
    if period == "quarter":
        return f"{when.year}-q{(when.month - 1) // 3 + 1}"
    return f"{when.year}-{when.month:02d}"


def period_bounds(key: str, zone: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) of a period key such as 2025-09 or 2025-q3."""
    year, part = key.split("-")
    if part.startswith("q"):
        first_month = (int(part[1:]) - 1) * 3 + 1
        months = 3
    else:
        first_month, months = int(part), 1
    start = datetime(int(year), first_month, 1, tzinfo=zone)
    end_month = first_month + months
    end = datetime(int(year) + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1, tzinfo=zone)
    return start, end


def period_label(key: str) -> str:
    year, part = key.split("-")
    if part.startswith("q"):
        return f"Quarter {part[1:]}, {year}"
    return f"{calendar.month_name[int(part)]} {year}"


@dataclass
class Note:
    """The editor's note for one issue (content/newsletters/YYYY-MM.md)."""

    key: str
    path: str
    title: str = ""
    preheader: str = ""
    intro_html: str = ""
    lead: list[str] = field(default_factory=list)  # document file names, checked by the glue


@dataclass
class Issue:
    key: str
    label: str
    start: datetime
    end: datetime
    title: str
    preheader: str
    intro_html: str
    lead: list[Document]
    sections: list[tuple[str, list[Document]]]
    more: int  # documents of the period not listed (over the limit)
    upcoming: list[Upcoming] = field(default_factory=list)
    open_actions: int = 0
    note: Note | None = None

    @property
    def documents(self) -> list[Document]:
        return self.lead + [d for _, docs in self.sections for d in docs]

    def sent_at(self, now: datetime) -> datetime:
        """When the issue came out (its e-mail's Date:, its feed item's pubDate): the last moment of
        its period, so that a mail program or a feed reader shows it in its own month whatever the
        season's offset; ``now`` for the current period's."""
        return min(self.end - timedelta(seconds=1), now)


def select_issues(network: Network, *, period: str, zone: tzinfo, now: datetime, sitename: str,
                  categories: list[str], notes: dict[str, Note], limit: int) -> list[Issue]:
    """Every issue, newest first."""
    by_period: dict[str, list[Document]] = {}
    for document in network.documents:  # newest first
        if not document.draft and document.date <= now:
            by_period.setdefault(period_key(document.date, period), []).append(document)
    issues = []
    for key, documents in by_period.items():
        start, end = period_bounds(key, zone)
        note = notes.get(key)
        lead = _lead(documents, note, categories)
        rest = [d for d in documents if d not in lead]
        listed, more = rest[: max(0, limit - len(lead))], max(0, len(rest) - max(0, limit - len(lead)))
        rank = {name: i for i, name in enumerate(categories)}
        sections: dict[str, list[Document]] = {}
        for document in sorted(listed, key=lambda d: rank.get(d.category, len(rank))):
            sections.setdefault(document.category, []).append(document)
        label = period_label(key)
        issues.append(Issue(
            key=key, label=label, start=start, end=end,
            title=(note.title if note and note.title else f"{sitename}: {label}"),
            preheader=(note.preheader if note and note.preheader else _default_preheader(documents, label)),
            intro_html=note.intro_html if note else "", lead=lead, sections=list(sections.items()),
            more=more, note=note,
        ))
    _as_of_period_end(issues, network)
    return issues


def _lead(documents: list[Document], note: Note | None, categories: list[str]) -> list[Document]:
    if note and note.lead:
        by_name = {d.stem: d for d in documents}
        return [by_name[name] for name in note.lead if name in by_name]
    first = categories[0] if categories else None
    for document in documents:  # newest first: the period's newest update leads
        if document.category == first:
            return [document]
    return documents[:1]


def _default_preheader(documents: list[Document], label: str) -> str:
    titles = "; ".join(d.title for d in documents[:3])
    return f"{len(documents)} new document{'s' if len(documents) != 1 else ''} in {label}: {titles}"[:150]


def _as_of_period_end(issues: list[Issue], network: Network) -> None:
    """Fill each issue's coming meetings and open-action count as they stood at its end."""
    minutes = sorted((d for d in network.documents if d.meeting is not None), key=lambda d: d.date)
    events = []
    for action in network.actions:
        events.append((action.document.date, 1))
        if action.closed_by is not None:
            events.append((action.closed_by.document.date, -1))
    events.sort(key=lambda e: e[0])
    latest: dict[str, Document] = {}
    upcoming_by_body = {u.body: u for u in network.upcoming}
    m = e = open_count = 0
    for issue in sorted(issues, key=lambda i: i.end):
        while m < len(minutes) and minutes[m].date < issue.end:
            latest[minutes[m].meeting.body] = minutes[m]
            m += 1
        while e < len(events) and events[e][0] < issue.end:
            open_count += events[e][1]
            e += 1
        issue.open_actions = open_count
        coming = []
        for body, document in latest.items():
            meeting = document.meeting
            when = meeting.next_meeting.replace(tzinfo=issue.end.tzinfo) if meeting.next_meeting else None
            if when is not None and when < issue.end:
                continue
            if when is None and not meeting.next_meeting_text:
                continue
            known = upcoming_by_body.get(body)
            same = known is not None and known.source is document
            coming.append(known if same else Upcoming(body, document, when, meeting.next_meeting_has_time,
                                                      None, meeting.next_venue or meeting.venue))
        issue.upcoming = sorted(coming, key=lambda u: (u.starts is None, u.starts or issue.end + timedelta(3650)))
