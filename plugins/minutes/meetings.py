"""Meetings: who attended in which role, and what comes next. Pure."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from network.model import Document, Network, Upcoming

ROLES = (("chair", "Chair"), ("minutes_by", "Minutes"), ("present", "Present"),
         ("in_attendance", "In attendance"), ("apologies", "Apologies"))
ROLE_LABELS = dict(ROLES)


def body_name(network: Network, body_id: str) -> str:
    """What a meeting body is called: its organisation's name, or the words the minutes give when
    the directory lacks it."""
    body = network.organisations.get(body_id)
    return body.name if body else body_id


def body_order(network: Network):
    """The key a list of meeting bodies (organisation ids, or a name the directory lacks) is
    sorted by: by name, whatever its case, then by id."""
    def key(body_id: str) -> tuple[str, str]:
        return (body_name(network, body_id).casefold(), body_id)
    return key


def roles_at(document: Document) -> dict[str, str]:
    """person id -> their role at this meeting (chair and minutes win over present)."""
    meeting = document.meeting
    found: dict[str, str] = {}
    for key, _ in ROLES:
        value = getattr(meeting, key)
        for ref in value if isinstance(value, list) else [value]:
            if ref is not None and ref.person_id and ref.person_id not in found:
                found[ref.person_id] = key
    return found


def meetings_by_person(network: Network) -> dict[str, list[tuple[Document, str]]]:
    """person id -> [(minutes, role)], newest first; public people only."""
    result: dict[str, list[tuple[Document, str]]] = {}
    for document in network.documents:
        if document.meeting is None:
            continue
        for person_id, role in roles_at(document).items():
            if network.is_public(person_id):
                result.setdefault(person_id, []).append((document, role))
    return result


def meetings_by_body(network: Network) -> dict[str, list[Document]]:
    """body -> its minutes, newest first (as network.documents orders them)."""
    result: dict[str, list[Document]] = {}
    for document in network.documents:
        if document.meeting is not None:
            result.setdefault(document.meeting.body, []).append(document)
    return result


def localise(value: datetime, zone: tzinfo) -> datetime:
    return value.replace(tzinfo=zone) if value.tzinfo is None else value


def next_meetings(network: Network, zone: tzinfo) -> list[Upcoming]:
    """The next meeting of each body, from its latest minutes; in date order, undated last."""
    latest: dict[str, Document] = {}
    for document in network.documents:  # newest first
        if document.meeting is not None:
            latest.setdefault(document.meeting.body, document)
    upcoming = []
    for body, document in latest.items():
        meeting = document.meeting
        if meeting.next_meeting is None and not meeting.next_meeting_text:
            continue
        starts = localise(meeting.next_meeting, zone) if meeting.next_meeting else None
        ends = None
        if starts and meeting.next_meeting_has_time and meeting.ends:
            # The length of the meeting that set the date, the best guess there is.
            length = datetime.combine(meeting.starts.date(), meeting.ends) - meeting.starts.replace(tzinfo=None)
            if length > timedelta(0):
                ends = starts + length
        upcoming.append(Upcoming(body, document, starts, meeting.next_meeting_has_time, ends,
                                 meeting.next_venue or meeting.venue))
    return sorted(upcoming, key=lambda u: (u.starts is None, u.starts or datetime.max.replace(tzinfo=zone)))


def still_to_come(upcoming: list[Upcoming], now: datetime) -> list[Upcoming]:
    """Dated meetings not yet started, and meetings whose date is still to be confirmed."""
    return [u for u in upcoming if u.starts is None or u.starts >= now]

