"""A Word file (.docx) as a document of ours: `make import DOCX=…`. Pure: bytes in, a plan out.

mammoth (a kept converter) reads the Word file into HTML: headings, lists, tables, bold,
italics, links and pictures; ``markdowntext`` writes that as our Markdown. Then the guesses: the
type of document (an attendance table or a "Present:" line makes minutes), its title and date,
and for minutes the whole `meeting:` block (``minutesimport``). Every guess is listed, with its
reason, in a comment block at the top of the front matter for the officer to check.

The plan names every file to write (the document, and its pictures under `content/images/`) and
none that is taken: ``tools/importdocx.py`` writes them, never over an existing file.
"""

from __future__ import annotations

import calendar
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable

import mammoth
from bs4 import BeautifulSoup

from network.directory import suggest_id
from network.errors import ContentError, Problem
from network.model import Directory

from .attendance import paragraph_attendees, table_attendees
from .frontmatter import render
from .markdowntext import to_markdown
from .matching import Matcher
from .minutesimport import Guess, MeetingDraft, normalise_actions, read_meeting
from .phrases import find_date, find_month, without

#: Each type of document, and the folder of content/ it goes in.
FOLDERS = {"update": "updates", "briefing": "briefings", "minutes": "minutes"}
#: Pictures a browser shows, and the ending their file gets.
PICTURES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}
#: Word's title styles are headings; mammoth knows the numbered heading styles itself.
STYLE_MAP = "p[style-name='Title'] => h1:fresh\np[style-name='Subtitle'] => p:fresh"
LONGEST_NAME = 60


@dataclass
class Plan:
    """What an import writes: paths are inside content/."""

    path: str
    text: str
    pictures: dict = field(default_factory=dict)  # path -> bytes
    guesses: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # what mammoth could not carry over


@dataclass
class _Picture:
    mark: str
    content_type: str
    data: bytes


def word_html(data: bytes, source: str) -> tuple[str, list[_Picture], list[str]]:
    """mammoth's HTML, the pictures (their `src` a mark until they are named) and its warnings."""
    pictures: list[_Picture] = []

    def keep(image):
        with image.open() as handle:
            pictures.append(_Picture(f"word-picture-{len(pictures) + 1}", image.content_type or "", handle.read()))
        return {"src": pictures[-1].mark}

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP,
                                         convert_image=mammoth.images.img_element(keep))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        hint = ("An old .doc file must be saved again as .docx: in Word, File > Save As > Word Document (.docx)."
                if source.lower().endswith(".doc") else
                "Open it in Word and choose File > Save As > Word Document (.docx), then import that file.")
        raise ContentError(Problem(source, f"this is not a Word document (.docx) that can be read ({exc}).",
                                   hint=hint)) from None
    notes = sorted({message.message for message in result.messages})
    return result.value, pictures, notes


def guess_kind(soup) -> tuple[str, str]:
    """The type of document, and why."""
    if any(table_attendees(table) is not None for table in soup.find_all("table")):
        return "minutes", "the document has an attendance table"
    for paragraph in soup.find_all("p"):
        if paragraph_attendees(" ".join(paragraph.get_text(" ").split())):
            return "minutes", f"the line '{paragraph.get_text(' ')[:60]}' lists who attended"
    first_lines = " ".join(element.get_text(" ") for element in soup.find_all(["h1", "p"])[:3])
    if re.search(r"\bbriefing\b", first_lines, re.IGNORECASE):
        return "briefing", "the first lines call it a briefing"
    return "update", "no attendance list and no mention of a briefing at the top"


def plan_import(data: bytes, source: str, directory: Directory, *, kind: str | None = None,
                taken: Callable[[str], bool] = lambda path: False, today: date | None = None,
                name: str | None = None) -> Plan:
    """The plan for importing ``data`` (a .docx file named ``source``)."""
    html, pictures, notes = word_html(data, source)
    soup = BeautifulSoup(html, "html.parser")
    if not soup.get_text().strip() and not pictures:
        raise ContentError(Problem(source, "the Word document is empty: there is nothing to import.",
                                   hint="Check that this is the file you meant, saved with its text."))
    guesses: list[Guess] = []
    if kind is None:
        kind, why = guess_kind(soup)
        guesses.append(Guess("type", kind, why))
    today = today or date.today()
    if kind == "minutes":
        fields, body_rules = _minutes_fields(soup, directory, today, guesses)
    else:
        fields, body_rules = _document_fields(soup, source, today, guesses), None
    _demote_headings(soup)
    stem = name or _file_stem(fields["title"], fields["date"], kind)
    path = f"{FOLDERS[kind]}/{stem}.md"
    if taken(path):
        raise ContentError(Problem(
            f"content/{path}", "a file with this name is already there, and an import never replaces a file: "
            "nothing was written.", hint="Rename or move that file, or give the new one another name: "
            f"make import DOCX=... NAME={stem}-2"))
    placed = _place_pictures(soup, pictures, stem, taken, guesses)
    body = to_markdown(str(soup))
    if body_rules:
        body = normalise_actions(body, body_rules)  # its guesses join ``guesses``
    comments = _review_block(source, today, guesses, notes)
    return Plan(path, render(fields, comments, body, f"content/{path}"), placed, guesses, notes)


def _document_fields(soup, source: str, today: date, guesses: list[Guess]) -> dict:
    heading = soup.find("h1")
    if heading is None:
        first = soup.find("p")
        text = " ".join(first.get_text(" ").split()) if first is not None else ""
        heading = first if text and len(text) <= 100 and not text.endswith(".") else None
    if heading is not None:
        title = " ".join(heading.get_text(" ").split())
        guesses.append(Guess("title", title, "the first heading of the document"))
        heading.decompose()
    else:
        title = re.sub(r"[_\s]+", " ", source.rsplit("/", 1)[-1].rsplit(".", 1)[0]).strip() or "Imported document"
        guesses.append(Guess("title", title, "the Word file's name (the document has no heading)"))
    when = _document_date(title, soup, today, guesses)
    return {"title": title, "date": f"{when:%Y-%m-%d}"}


def _document_date(title: str, soup, today: date, guesses: list[Guess]) -> date:
    top = [title] + [" ".join(e.get_text(" ").split()) for e in soup.find_all(["p", "h2"])[:4]]
    for text in top:
        found = find_date(text)
        if found:
            guesses.append(Guess("date", f"{found.value:%Y-%m-%d}", f"from '{text[:80]}'"))
            return found.value
    month = find_month(title)
    if month:
        last = month.value.replace(day=calendar.monthrange(month.value.year, month.value.month)[1])
        value = min(last, today) if last >= today >= month.value else last
        guesses.append(Guess("date", f"{value:%Y-%m-%d}", "the month in the title; the day is a guess"))
        return value
    guesses.append(Guess("date", f"{today:%Y-%m-%d}", "today: the document gives no date near the top"))
    return today


def _minutes_fields(soup, directory: Directory, today: date, guesses: list[Guess]):
    draft = read_meeting(soup, Matcher(directory))
    starts = draft.starts or datetime.combine(today, datetime.min.time())
    if draft.starts is None:
        draft.guess("date", f"{today:%Y-%m-%d}", "today: the document gives no date for the meeting")
    title = _minutes_title(draft, directory, starts)
    guesses.append(Guess("title", title, f"from '{draft.title_line}'" if draft.title_line else "the group and date"))
    if not draft.body:
        draft.guess("meeting.body", "(none)", "no group found at the top: add 'body:' with the id of the group "
                    "that met, under 'meeting:'")
    guesses += draft.guesses
    draft.guesses = guesses  # the actions add theirs to the same list
    meeting = {"body": draft.body, "venue": draft.venue, "ends": f"{draft.ends:%H:%M}" if draft.ends else "",
               "chair": draft.chair, "minutes_by": draft.minutes_by, **draft.lists,
               "next_meeting": draft.next_meeting, "next_venue": draft.next_venue}
    when = f"{starts:%Y-%m-%d %H:%M}" if starts.time() != datetime.min.time() else f"{starts:%Y-%m-%d}"
    return {"title": title, "date": when, "meeting": meeting}, draft


def _minutes_title(draft: MeetingDraft, directory: Directory, starts: datetime) -> str:
    day = f"{starts.day} {calendar.month_name[starts.month]} {starts.year}"
    if draft.title_line and find_date(draft.title_line):
        return draft.title_line
    if draft.title_line:
        return f"{draft.title_line.rstrip(' ,.')}, {day}"
    group = directory.organisations.get(draft.body)
    return f"{group.name} minutes, {day}" if group else f"Minutes, {day}"


def _file_stem(title: str, when: str, kind: str) -> str:
    day = when[:10]
    words = suggest_id(without(title, [find_date(title), find_month(title)]))
    if len(words) > LONGEST_NAME:
        words = words[:LONGEST_NAME].rsplit("-", 1)[0]
    return f"{day}-{words or kind}"


def _demote_headings(soup) -> None:
    """Our page's title is its only level-1 heading: Word's Heading 1 becomes ##."""
    if soup.find("h1") is None:
        return
    for level in range(5, 0, -1):
        for heading in soup.find_all(f"h{level}"):
            heading.name = f"h{level + 1}"


def _place_pictures(soup, pictures: list[_Picture], stem: str, taken, guesses: list[Guess]) -> dict:
    placed, number = {}, 0
    for picture in pictures:
        element = soup.find("img", src=picture.mark)
        ending = PICTURES.get(picture.content_type)
        if ending is None:
            guesses.append(Guess("picture", picture.content_type or "unknown",
                                 "a picture in a form browsers cannot show was left out: save it as PNG or "
                                 "JPEG in content/images/ and add it by hand"))
            if element is not None:
                element.decompose()
            continue
        number += 1
        path = f"images/{stem}-{number}.{ending}"
        while taken(path) or path in placed:
            number += 1
            path = f"images/{stem}-{number}.{ending}"
        placed[path] = picture.data
        described = ""
        if element is not None:
            element["src"] = "{static}/" + path
            described = element.get("alt", "").strip()
        guesses.append(Guess("picture", path, f"described as '{described}'" if described
                             else "no description: write one between the [ ] of its line"))
    return placed


def _review_block(source: str, today: date, guesses: list[Guess], notes: list[str]) -> list[str]:
    lines = [f"Imported from '{source.rsplit('/', 1)[-1]}' by make import on {today:%Y-%m-%d}.",
             "Check each guess below against the Word file and correct what is wrong;",
             "then delete these comment lines (they are never published).",
             "What the import guessed:"]
    lines += [f"- {guess.key}: {guess.value} ({guess.why})" for guess in guesses]
    lines += [f"- Word: {note}" for note in notes]
    return lines
