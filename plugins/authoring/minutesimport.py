"""Minutes from a Word file: the `meeting:` block read from what the document says. Pure.

Takes the top-level elements of the HTML mammoth made and returns the meeting's values, each
with the reason it was chosen (the review block lists them). What became a value (the attendance,
the title and date lines, "Chair: …" lines) is taken out of the body; the "Date of next meeting"
section stays, as our minutes keep it. Actions are rewritten in our syntax
("**Action 3:** LD to …"), numbered in order when the Word file did not number them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time

from .attendance import Attendee, group_of, named_attendee, paragraph_attendees, table_attendees
from .matching import Matcher
from .phrases import UNDECIDED, find_date, label, start_and_end, without

LISTS = ("present", "in_attendance", "apologies")
CHAIR_LABELS = ("chair", "chaired by", "chairperson")
TAKER_LABELS = ("minutes taken by", "minutes by", "minute taker", "minute-taker", "minutes", "notes taken by",
                "note taker", "clerk")
VENUE_LABELS = ("venue", "location", "where", "place")
WHEN_LABELS = ("date", "time", "date and time", "when")
_MEETING_WORDS = re.compile(r"\b(?:minutes|notes|meeting|of the|of)\b", re.IGNORECASE)
_AGENDA_START = re.compile(r"^\s*(?:item\s+)?1[.)]?\s+\S")
HEADER_SIZE = 8


@dataclass
class Guess:
    """One value the importer chose, and why (a line of the review block)."""

    key: str
    value: str
    why: str


@dataclass
class MeetingDraft:
    """The meeting as read from the Word file."""

    title_line: str = ""
    body: str = ""
    starts: datetime | None = None
    ends: time | None = None
    venue: str = ""
    chair: str = ""
    minutes_by: str = ""
    lists: dict = field(default_factory=lambda: {key: [] for key in LISTS})
    next_meeting: str = "to be confirmed"
    next_venue: str = ""
    guesses: list = field(default_factory=list)

    def guess(self, key: str, value, why: str) -> None:
        self.guesses.append(Guess(key, str(value), why))


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


def read_meeting(soup, matcher: Matcher) -> MeetingDraft:
    """The meeting of a Word file's HTML (``soup``, changed: what became a value is removed)."""
    draft = MeetingDraft()
    attendees = _take_attendance(soup)
    _read_labels(soup, draft, attendees)
    _read_header(soup, draft, matcher)
    _match_attendees(attendees, draft, matcher)
    _read_next_meeting(soup, draft)
    return draft


def _take_attendance(soup) -> list[Attendee]:
    found: list[Attendee] = []
    for element in list(soup.find_all(["table", "p", "h1", "h2", "h3", "h4"], recursive=False)):
        if element.name == "table":
            people = table_attendees(element)
        elif group_of(_text(element)) and element.find_next_sibling() is not None \
                and element.find_next_sibling().name in ("ul", "ol"):
            following = element.find_next_sibling()  # "Present" above a list of names
            people = [named_attendee(_text(item), group_of(_text(element))) for item in following.find_all("li")]
            following.decompose()
        else:
            listed = paragraph_attendees(_text(element)) if element.name == "p" else None
            people = listed[1] if listed else None
        if people is not None:
            found += people
            element.decompose()
    return found


def _read_labels(soup, draft: MeetingDraft, attendees: list[Attendee]) -> None:
    """"Chair: …", "Minutes: …", "Venue: …" lines near the top."""
    for element in soup.find_all("p", recursive=False)[:HEADER_SIZE * 2]:
        text = _text(element)
        for labels, role in ((CHAIR_LABELS, "chair"), (TAKER_LABELS, "minutes")):
            value = label(text, labels)
            if value:
                person = named_attendee(value, "present" if role == "chair" else "in_attendance")
                person.role = role
                attendees.append(person)
                element.decompose()
                break
        else:
            venue = label(text, VENUE_LABELS)
            if venue:
                draft.venue = venue
                draft.guess("meeting.venue", venue, f"from the line '{text}'")
                element.decompose()


def _header(soup) -> list:
    header = []
    for element in soup.find_all(["p", "h1", "h2", "h3"], recursive=False)[:HEADER_SIZE]:
        if _AGENDA_START.match(_text(element)) or element.find_previous_sibling(["ol", "ul", "table"]):
            break
        header.append(element)
    return header


def _read_header(soup, draft: MeetingDraft, matcher: Matcher) -> None:
    """The title line, the group that met, and the date, time and venue line."""
    header = _header(soup)
    titled = [e for e in header if _MEETING_WORDS.search(_text(e)) and "next meeting" not in _text(e).lower()]
    title = titled[0] if titled else next((e for e in header if e.name == "h1"), None)
    if title is not None:
        draft.title_line = _text(title)
    named = ""
    for element in header:
        text = _text(element)
        organisation = _group_named(text, matcher)
        consumed = element is title
        if organisation and (not draft.body or element is title):
            draft.body, named, consumed = organisation.id, text, True
        if draft.starts is None and _read_when(text, draft, element is not title):
            consumed = True
        if consumed:
            element.decompose()
    if draft.body:
        draft.guess("meeting.body", draft.body, f"the group named in '{named}'")


def _group_named(text: str, matcher: Matcher):
    """The organisation a header line names: "CVMP Operations Group – notes of meeting"."""
    for part in without(text, [find_date(text)]).split(", "):
        organisation = matcher.organisation(" ".join(_MEETING_WORDS.sub(" ", part).split()))
        if organisation:
            return organisation
    return None


def _read_when(text: str, draft: MeetingDraft, venue_too: bool) -> bool:
    text = label(text, WHEN_LABELS) or text
    day = find_date(text)
    if day is None:
        return False
    start, end = start_and_end(text)
    draft.starts = datetime.combine(day.value, start.value if start else time(0, 0))
    draft.ends = end.value if end else None
    draft.guess("date", f"{draft.starts:%Y-%m-%d %H:%M}", f"from '{text}'" + ("" if start else " (no time found)"))
    if end:
        draft.guess("meeting.ends", f"{end.value:%H:%M}", "the end of the time range")
    venue = without(text, [day, start, end])
    if venue_too and venue and not draft.venue:
        draft.venue = venue
        draft.guess("meeting.venue", venue, "what the date line says besides the date and time")
    return True


def _match_attendees(attendees: list[Attendee], draft: MeetingDraft, matcher: Matcher) -> None:
    listed: set[str] = set()
    for attendee in attendees:
        match = matcher.person(attendee)
        if attendee.role == "chair" and not draft.chair:
            draft.chair = match.value
            draft.guess("meeting.chair", match.value, match.why)
        elif attendee.role == "minutes" and not draft.minutes_by:
            draft.minutes_by = match.value
            draft.guess("meeting.minutes_by", match.value, match.why)
        if match.value.casefold() in listed:
            continue  # the chair's own line, or someone listed twice
        group = attendee.group if attendee.role != "minutes" or attendee.group != "present" else "in_attendance"
        listed.add(match.value.casefold())
        draft.lists[group].append(match.value)
        draft.guess(f"meeting.{group}", match.value, match.why)


def _read_next_meeting(soup, draft: MeetingDraft) -> None:
    for element in soup.find_all(["p", "h1", "h2", "h3", "h4", "li"]):
        text = _text(element)
        if "next meeting" not in text.lower():
            continue
        rest = text[text.lower().index("next meeting") + len("next meeting"):].lstrip(" :–—-")
        if not find_date(rest) and not UNDECIDED.search(rest):
            following = element.find_next_sibling()
            rest = _text(following) if following is not None else ""
        _set_next_meeting(rest, draft)
        return


def _set_next_meeting(text: str, draft: MeetingDraft) -> None:
    day = find_date(text)
    if day is None or (draft.starts and day.value <= draft.starts.date()):
        why = f"from '{text}'" if text else "the Word file gives no date for it"
        if day is not None:
            why = f"'{text}' is not after this meeting"
        draft.guess("meeting.next_meeting", draft.next_meeting, why)
        return
    start, end = start_and_end(text)
    draft.next_meeting = f"{day.value:%Y-%m-%d}" + (f" {start.value:%H:%M}" if start else "")
    draft.guess("meeting.next_meeting", draft.next_meeting, f"from '{text}'")
    venue = without(text, [day, start, end])
    if venue:
        draft.next_venue = venue
        draft.guess("meeting.next_venue", venue, f"from '{text}'")


_ACTION = re.compile(
    r"^(?P<lead>\s*(?:[-*]\s+|\d+\.\s+)?)(?P<para>\d+(?:\.\d+)+\s+)?(?:\*\*)?\s*action(?:\s+point)?"
    r"\s*(?P<number>\d+)?\s*(?:\*\*)?\s*[:.\-–—]\s*(?:\*\*)?\s*(?P<rest>\S.*)$", re.IGNORECASE)


def normalise_actions(markdown: str, draft: MeetingDraft) -> str:
    """Every "Action …:" line in our syntax; unnumbered ones numbered in order when none has a
    number (a later meeting reports on an action by its number)."""
    lines = markdown.split("\n")
    found = [(index, match) for index, line in enumerate(lines) if (match := _ACTION.match(line))]
    numbering = not any(match.group("number") for _, match in found)
    for count, (index, match) in enumerate(found, start=1):
        number = match.group("number") or (str(count) if numbering else "")
        rest = match.group("rest").removeprefix("**").strip()
        lines[index] = f"{match.group('lead')}{match.group('para') or ''}**Action{' ' + number if number else ''}:** {rest}"
        if numbering:
            draft.guess("actions", f"Action {number}", f"numbered in order: '{rest[:60]}'")
    return "\n".join(lines)
