"""Actions in minutes: finding them, their owners, and later reports on them. Pure.

The syntax (README, 'Actions'), as officers already write it:

    **Action 3:** LD and MK to circulate the draft terms of reference.
    4.2 Action: All members to send comments by 30 June.

A paragraph or list item that begins (after an optional paragraph number) with "Action", an
optional number and a colon, bold or not. The owners are the people (initials, names or ids) or
organisations before the first " to ". A later meeting reports on it with

    Action 3 (2024-06-12): done. The paper was circulated in July.

where the date is the date of the meeting that set the action, and the first word(s) after the
colon are a status: done / completed / closed, dropped / withdrawn, or ongoing / in progress /
carried forward.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from network.htmltext import html_to_text

_ELEMENT = re.compile(r"<(p|li)(\s[^>]*)?>")
_END = {"p": re.compile(r"</p>"), "li": re.compile(r"</li>|<ul|<ol|<li[\s>]")}
_NUMBERING = r"(?:\d+(?:\.\d+)*\.?\s+)?"
_LABEL = re.compile(
    r"^\s*" + _NUMBERING
    + r"(?:<(?:strong|b|em)>\s*)?(?P<word>[Aa]ction|ACTION)(?:\s+(?P<number>\d+))?"
    r"\s*(?:</(?:strong|b|em)>\s*:|:\s*(?:</(?:strong|b|em)>)?)\s*"
)
_REFERENCE = re.compile(
    r"^\s*" + _NUMBERING + r"(?:[Aa]ction|ACTION)\s+(?P<number>\d+)\s*\((?P<date>\d{4}-\d{2}-\d{2})\)\s*:\s*"
    r"(?P<rest>.*)$", re.DOTALL)
_OWNERS = re.compile(r"^(?P<owners>[^.;:]{1,90}?)\s+to\s+(?=\w)")
_OWNER_SPLIT = re.compile(r"\s*(?:,|\band\b|&amp;|&|/|\+)\s*")

DONE, DROPPED, OPEN = "done", "dropped", "open"
STATUS_WORDS = {
    "done": DONE, "complete": DONE, "completed": DONE, "closed": DONE, "achieved": DONE,
    "dropped": DROPPED, "withdrawn": DROPPED, "superseded": DROPPED, "no longer needed": DROPPED,
    "ongoing": OPEN, "in progress": OPEN, "carried forward": OPEN, "open": OPEN, "deferred": OPEN,
    "pending": OPEN, "outstanding": OPEN, "to be reviewed": OPEN,
}
GROUP_OWNERS = {"all", "all members", "members", "everyone", "all partners", "partners", "the group"}


@dataclass
class FoundAction:
    number: int | None
    start: int  # offset of the element's opening tag in the document's HTML
    tag_end: int  # offset just after the opening tag
    end: int  # offset where the element's own text ends
    html: str  # the action's text after its label, with its links
    text: str  # the same, as plain text
    owner_words: list[str] = field(default_factory=list)


@dataclass
class FoundReference:
    start: int
    end: int  # offset where the element's own text ends
    number: int
    meeting_date: date
    word: str  # the status as written ("done", "carried forward")
    status: str | None  # DONE, DROPPED, OPEN, or None when the word is not one we know
    note: str  # the text after the status, plain


def _elements(source: str):
    """(start, tag_end, end, inner html) of every paragraph and list item."""
    for match in _ELEMENT.finditer(source):
        tag = match.group(1)
        end = _END[tag].search(source, match.end())
        stop = end.start() if end else len(source)
        inner = source[match.end():stop]
        if tag == "li" and inner.lstrip().startswith("<p"):
            continue  # a loose list item: its paragraph is found on its own
        yield match.start(), match.end(), stop, inner


def owner_words(text: str) -> list[str]:
    """The owners named before the first ' to ' ("LD and MK to circulate" -> ["LD", "MK"])."""
    match = _OWNERS.match(text)
    if not match or re.match(r"to\b", text, re.IGNORECASE):  # "To invite SD to...": no owner
        return []
    words = [w.strip() for w in _OWNER_SPLIT.split(match.group("owners")) if w.strip()]
    return words if len(words) <= 8 else []


def status_of(rest: str) -> tuple[str, str | None, str]:
    """Split 'done. The paper was circulated.' into (word, status, note)."""
    text = html_to_text(rest)
    lowered = text.lower()
    for word in sorted(STATUS_WORDS, key=len, reverse=True):
        if lowered.startswith(word) and (len(lowered) == len(word) or not lowered[len(word)].isalnum()):
            return text[: len(word)], STATUS_WORDS[word], text[len(word):].lstrip(" .;:,—–-")
    first = re.split(r"[.;,—–]", text, maxsplit=1)[0].strip()
    return first, None, text[len(first):].lstrip(" .;:,—–-")


def find_actions(source: str) -> tuple[list[FoundAction], list[FoundReference]]:
    """Every action set in this HTML, and every report on an earlier action."""
    actions: list[FoundAction] = []
    references: list[FoundReference] = []
    for start, tag_end, end, inner in _elements(source):
        reference = _REFERENCE.match(html_to_text(inner))
        if reference:
            try:
                when = date.fromisoformat(reference.group("date"))
            except ValueError:
                continue
            word, status, note = status_of(reference.group("rest"))
            references.append(FoundReference(start, end, int(reference.group("number")), when, word, status, note))
            continue
        label = _LABEL.match(inner)
        if not label:
            continue
        body = inner[label.end():]
        text = html_to_text(body)
        number = int(label.group("number")) if label.group("number") else None
        actions.append(FoundAction(number, start, tag_end, end, body.strip(), text, owner_words(text)))
    return actions, references


def number_actions(actions: list[FoundAction]) -> list[int]:
    """The number of each action: as written, or the next free one for an unnumbered action."""
    used = {a.number for a in actions if a.number is not None}
    numbers, next_free = [], 1
    for action in actions:
        if action.number is not None:
            numbers.append(action.number)
            continue
        while next_free in used:
            next_free += 1
        numbers.append(next_free)
        used.add(next_free)
    return numbers


def annotate(source: str, actions: list[tuple[FoundAction, int, str]],
             references: list[tuple[FoundReference, str]]) -> str:
    """Give each action's element an id (action-N) and class and append its status badge;
    append to each report on an earlier action a link back to it."""
    edits = [(a.start, a.tag_end, a.end, f' id="action-{number}" class="action"', badge)
             for a, number, badge in actions]
    edits += [(r.start, None, r.end, "", link) for r, link in references if link]
    pieces, position = [], 0
    for start, tag_end, end, attributes, extra in sorted(edits):
        pieces.append(source[position:start])
        if tag_end is not None:
            opening = source[start:tag_end]
            pieces.append(opening[:-1].rstrip("/") + attributes + ">")
            pieces.append(source[tag_end:end].rstrip())
        else:
            pieces.append(source[start:end].rstrip())
        pieces.append(f" {extra}")
        position = end
    pieces.append(source[position:])
    return "".join(pieces)
