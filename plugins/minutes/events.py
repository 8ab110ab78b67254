"""Which meetings the calendar holds, and how a subscriber's calendar knows each one. Pure.

The calendar holds every meeting of the twelve months before the build (from its minutes) and the
next meeting of each body (from its latest minutes), so a meeting stays in subscribers' calendars
once held, until it is a year old.

Who a meeting is (its UID) must not change when its date does, and must be the same before and
after it is held, or a subscriber sees it twice. Its date cannot be its identity (a rescheduled
meeting would become a deletion and a new event), and neither can its own minutes (before it is
held it has none). What it always has, from the moment it is first in the calendar, is the
minutes that announced it: the body's previous meeting. So a meeting is named after the minutes
before it: ``<body>-<stem of the previous minutes>``. The meeting announced by the latest minutes
is the one their next minutes will record, and both carry the same name; a date corrected in the
announcing minutes leaves the name as it was. A body's first meeting on record has no minutes
before it: it is named after its own (``<body>-held-<stem>``, which no announced meeting can
take). Two meetings of one body are never named after the same minutes, so no meeting is in the
calendar twice. Minutes may be missing (never published): a meeting held more than
``RESCHEDULED_WITHIN`` from the date its previous minutes announced is not taken for the announced
one (a meeting came between whose minutes are missing) and is named after its own minutes too.
An extra meeting held before the announced one takes the name for a while (the announced one
moves into it and the next minutes name the announced one anew): subscribers see one event move
and one appear, never a double.

When a meeting moves, clients update it only if its SEQUENCE rises. Without memory, one move is
visible: the minutes of a held meeting that started elsewhen than announced (SEQUENCE 1). A date
edited in place leaves no trace in the content, so the build keeps a memo of the start last
published under each UID (``with_history``): a different start raises SEQUENCE, and DTSTAMP is
then the time of that change; otherwise DTSTAMP is the date of the minutes the event comes from,
so an unchanged calendar gives the same bytes at every build.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone, tzinfo

from network.model import Document, Network, Upcoming

from .meetingpages import twelve_months_before
from .meetings import localise

#: How far from the announced date a meeting may be held and still be the announced one, moved.
RESCHEDULED_WITHIN = timedelta(days=92)


@dataclasses.dataclass(frozen=True)
class CalendarEvent:
    """One meeting as the calendar shows it; plain values, so it fingerprints as what it shows."""

    body: str
    key: str  # the UID without "@domain"
    starts: datetime
    has_time: bool
    ends: datetime | None
    venue: str
    #: The minutes linked (the meeting's own once held, else those that set its date): address, date.
    minutes_url: str
    minutes_date: datetime
    held: bool
    sequence: int = 0
    stamp: datetime | None = None  # DTSTAMP; None: the minutes' date

    @property
    def start_text(self) -> str:
        """The start as a client compares it (an instant, or a day for an all-day event)."""
        return self.starts.astimezone(timezone.utc).isoformat() if self.has_time else self.starts.date().isoformat()


def meeting_key(body: str, announced_by: Document | None, minutes: Document | None = None) -> str:
    """A meeting's UID before "@domain": named after the minutes that announced it (see the module)."""
    if announced_by is not None:
        return f"{body}-{announced_by.stem}"
    return f"{body}-held-{minutes.stem}"


def held_event(minutes: Document, announced_by: Document | None, zone: tzinfo) -> CalendarEvent:
    """A meeting its minutes record; SEQUENCE 1 when it started elsewhen than announced."""
    meeting = minutes.meeting
    starts = localise(meeting.starts, zone)
    ends = None
    if meeting.ends is not None:
        ends = datetime.combine(starts.date(), meeting.ends, tzinfo=starts.tzinfo)
        ends = ends if ends > starts else None
    announced = announced_by.meeting if announced_by is not None else None
    moved = False
    if announced is not None and announced.next_meeting is not None:
        said = localise(announced.next_meeting, zone)
        if abs(said - starts) > RESCHEDULED_WITHIN:
            announced_by = None  # another meeting came between, whose minutes are missing
        else:
            moved = (said != starts) if announced.next_meeting_has_time else True  # a day became a time
    return CalendarEvent(meeting.body, meeting_key(meeting.body, announced_by, minutes), starts, True, ends,
                         meeting.venue, minutes.url, minutes.date, held=True, sequence=int(moved))


def announced_event(upcoming: Upcoming) -> CalendarEvent:
    """The next meeting of a body, as its latest minutes set it (dated only)."""
    source = upcoming.source
    return CalendarEvent(upcoming.body, meeting_key(upcoming.body, source), upcoming.starts, upcoming.has_time,
                         upcoming.ends, upcoming.venue, source.url, source.date, held=False)


def calendar_events(network: Network, zone: tzinfo, today: date) -> list[CalendarEvent]:
    """Every meeting held in the twelve months before ``today`` and every dated next meeting
    not older than that, by start; each meeting once."""
    since = twelve_months_before(today)
    events = []
    for documents in network.meetings_by_body.values():  # newest first
        for index, minutes in enumerate(documents):
            announced_by = documents[index + 1] if index + 1 < len(documents) else None
            event = held_event(minutes, announced_by, zone)
            if event.starts.date() > since:
                events.append(event)
    for upcoming in network.upcoming:
        if upcoming.starts is not None and upcoming.starts.date() > since:
            events.append(announced_event(upcoming))
    return sorted(events, key=lambda event: (event.starts.astimezone(timezone.utc), event.key))


def _seen(entry) -> tuple[str, int, datetime | None] | None:
    """A memo entry as (start, sequence, time of the last change), or None if it is not one."""
    try:
        changed = datetime.fromisoformat(entry["changed"]) if entry.get("changed") else None
        return (str(entry["starts"]), int(entry["sequence"]),
                changed if changed is None or changed.tzinfo else None)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def with_history(events: list[CalendarEvent], memo: dict, now: datetime) -> tuple[list[CalendarEvent], dict]:
    """Each event's SEQUENCE and DTSTAMP, given the memo of the start last published under each
    UID (``memo``, as the previous build kept it); and the memo to keep for the next build."""
    result, keep = [], {}
    for event in events:
        sequence, changed = event.sequence, None
        seen = _seen(memo.get(event.key))
        if seen is not None:
            starts, last_sequence, changed = seen
            if starts != event.start_text:
                last_sequence, changed = last_sequence + 1, now
            sequence = max(sequence, last_sequence)
        stamp = event.minutes_date.astimezone(timezone.utc)
        if changed is not None and changed > stamp:
            stamp = changed
        keep[event.key] = {"starts": event.start_text, "sequence": sequence,
                           "changed": changed.isoformat() if changed else None}
        result.append(dataclasses.replace(event, sequence=sequence, stamp=stamp))
    return result, keep


def by_body(events: list[CalendarEvent], bodies) -> dict[str, list[CalendarEvent]]:
    """body -> its events, for every one of ``bodies`` (a body without events has an empty list)."""
    result: dict[str, list[CalendarEvent]] = {body: [] for body in bodies}
    for event in events:
        result.setdefault(event.body, []).append(event)
    return result
