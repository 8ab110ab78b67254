"""Who was at a meeting, as a Word file lists them. Pure: HTML elements in, attendees out.

Two shapes: an attendance table (rows of initials, name and organisation, under "Present",
"In attendance" and "Apologies" rows or in a first column that says so), or paragraphs such as
"Present: Yusuf Haddad (CRF, Chair), Nadia Fairclough (notes)". "(Chair)" or "Chair" beside a
name makes them the chair; "minutes", "notes" or "minute-taker" the minute-taker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .phrases import label

#: The words that open a group of attendees, longest first, and the meeting list each one fills.
GROUP_WORDS = (
    ("apologies for absence", "apologies"), ("apologies received", "apologies"), ("apologies", "apologies"),
    ("in attendance", "in_attendance"), ("also present", "in_attendance"), ("also attending", "in_attendance"),
    ("attending", "in_attendance"), ("guests", "in_attendance"), ("members present", "present"),
    ("present", "present"), ("attendees", "present"), ("attendance", "present"),
)
_INITIALS = re.compile(r"^[A-Z][A-Z'-]{1,4}$")
_CHAIR = re.compile(r"\(?\b(?:vice[- ])?chair(?:man|person|woman)?\b(?:\s+of\s+the\s+meeting)?\)?", re.IGNORECASE)
_TAKER = re.compile(r"\(?\b(?:minute[- ]?taker|minutes|notes|note[- ]?taker|clerk)\b\)?", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;]?\s*\)")


@dataclass
class Attendee:
    """One person as the Word file lists them."""

    name: str
    group: str  # "present", "in_attendance" or "apologies"
    initials: str = ""
    organisation: str = ""
    role: str = ""  # "chair", "minutes" or ""


def group_of(text: str) -> str | None:
    """The meeting list a heading word ("Present", "Apologies:") opens, or None."""
    words = text.strip().rstrip(":").strip().lower()
    return next((group for word, group in GROUP_WORDS if words == word), None)


def _role_of(texts: list[str]) -> tuple[str, list[str]]:
    """Whether the texts mark a chair or minute-taker, and the texts without the mark. "Vice-chair"
    is not the chair."""
    role, cleaned = "", []
    for text in texts:
        chair = _CHAIR.search(text)
        if chair and "vice" not in chair.group().lower():
            role, text = "chair", _CHAIR.sub("", text, count=1)
        elif _TAKER.search(text):
            role, text = role or "minutes", _TAKER.sub("", text, count=1)
        cleaned.append(" ".join(_EMPTY_BRACKETS.sub("", text).replace(" ,", ",").split()).strip(" ,;–-"))
    return role, cleaned


def _cells(row) -> list[str]:
    return [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["td", "th"], recursive=False)]


def _person_of(cells: list[str], group: str) -> Attendee | None:
    role, cells = _role_of([cell for cell in cells if cell])
    initials = next((cell for cell in cells if _INITIALS.match(cell)), "")
    words = [cell for cell in cells if cell and cell != initials]
    if not words and not initials:
        return None
    name = words[0] if words else initials
    return Attendee(name, group, initials, words[1] if len(words) > 1 else "", role)


def table_attendees(table) -> list[Attendee] | None:
    """The attendees of an attendance table, or None when ``table`` is not one (no row says
    Present or Apologies, and too few rows start with initials)."""
    group, people, opened, with_initials = None, [], False, 0
    rows = table.find_all("tr")
    for row in rows:
        cells = _cells(row)
        opening = next((group_of(cell) for cell in cells if group_of(cell)), None)
        if opening:
            group, opened = opening, True
            cells = [cell for cell in cells if not group_of(cell)]
        person = _person_of(cells, group or "present")
        if person:
            people.append(person)
            with_initials += bool(person.initials)
    if opened or (rows and with_initials * 2 > len(rows)):
        return people
    return None


def split_names(text: str) -> list[str]:
    """A list of names as typed in a paragraph: commas and semicolons (not those in brackets) and
    a last " and " separate them."""
    items, depth, current = [], 0, []
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ",;" and depth <= 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    if items:  # "…, Rosa Delgado (Calderbridge College) and Hannah Cole (CVHN)"
        items[-1:] = re.split(r"\s+and\s+(?![^(]*\))", items[-1])
    return [item.strip(" .") for item in items if item.strip(" .")]


def named_attendee(text: str, group: str) -> Attendee:
    """"Ruth Abernethy (CRF, Chair)" as an attendee: the name, the organisation in brackets."""
    match = re.match(r"^(?P<name>[^(]*?)\s*(?:\((?P<inside>[^)]*)\))?\s*$", text)
    name, inside = (match.group("name"), match.group("inside") or "") if match else (text, "")
    role, (name, inside) = _role_of([name, inside])
    # "Ruth Abernethy (RA)" gives initials, "Nadia Fairclough (CVMP)" an acronym: the directory
    # tells them apart (``matching``).
    initials = inside if _INITIALS.match(inside) else ""
    return Attendee(name or text, group, initials, inside, role)


def paragraph_attendees(text: str) -> tuple[str, list[Attendee]] | None:
    """"Present: A (X), B (Y)" as (group, attendees); None for any other paragraph."""
    for word, group in GROUP_WORDS:
        rest = label(text, (word,))
        if rest is not None:
            return group, [named_attendee(item, group) for item in split_names(rest)]
    return None
