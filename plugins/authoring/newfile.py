"""A new document for `make new`: its folder, its file name and a front matter to fill in. Pure.

Minutes start from the body's last minutes in the model (the venue, the chair, the minute-taker,
the attendance to edit, the date that meeting gave for the next) and list the body's actions that
the register still has open, in the syntax that reports on them (README, 'Actions'), for matters
arising. A new file starts as a draft: a half-written page never reaches the site.

Every value taken from the content or typed by the officer is written as a JSON string, which is
a YAML double-quoted string: a title holding quotes, colons, slashes or any script reads back as
typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from network.directory import suggest_id
from network.errors import did_you_mean, did_you_mean_hint
from network.model import Action, Document, Meeting, Network, PersonRef

from .frontmatter import quoted

#: TYPE= of `make new` -> the folder its documents go in.
FOLDERS = {"update": "updates", "briefing": "briefings", "minutes": "minutes"}
#: The most characters of a title kept in a file name.
NAME_LENGTH = 60


class Refusal(Exception):
    """What the officer must change before a file can be made, in words."""


@dataclass(frozen=True)
class NewFile:
    folder: str  # "minutes", inside the content folder
    name: str  # "2027-01-14-operations-group.md"
    text: str
    notes: tuple[str, ...] = ()  # what was taken from where, to print


def clean_title(typed: str) -> str:
    title = " ".join((typed or "").split())
    if not title:
        raise Refusal('Give the document a title: make new TYPE=update TITLE="December update".')
    return title


def file_name(day: date, title: str, kind: str) -> str:
    """The date, then the title as an id (lowercase words joined by hyphens); the type when the
    title has no letter or digit an address can use."""
    slug = suggest_id(title)[:NAME_LENGTH].rstrip("-") or kind
    return f"{day:%Y-%m-%d}-{slug}.md"


def folder_of(kind: str) -> str:
    if not kind:
        raise Refusal('Say which type of document: make new TYPE=update (or briefing, or minutes) TITLE="…".')
    if kind not in FOLDERS:
        close = did_you_mean(kind, FOLDERS)
        raise Refusal(f"'{kind}' is not a type of document. "
                      + did_you_mean_hint(close, f"Use TYPE={', TYPE='.join(FOLDERS)}."))
    return FOLDERS[kind]


def find_body(network: Network, typed: str) -> str:
    """The organisation id BODY= names (its id, name or alias), or a refusal with a did-you-mean."""
    organisations = network.organisations
    if typed in organisations:
        return typed
    found = network.directory.names.resolve(typed, ("organisation",)).entity
    if found is not None:
        return found.id
    with_minutes = sorted(network.meetings_by_body) or sorted(organisations)
    known = {**{o.name: o.id for o in organisations.values()}, **{ident: ident for ident in organisations}}
    close = did_you_mean(typed, known)
    raise Refusal(f"BODY={typed}: no organisation in content/directory/organisations.yml has that id or name. "
                  + did_you_mean_hint(close and known[close], f"Bodies with minutes: {', '.join(with_minutes)}."))


def _examples(network: Network) -> dict[str, str]:
    """Real ids to show in the commented keys, so the officer sees the shape of each."""
    def first(table, fallback):
        return next(iter(table), fallback)
    return {"theme": first(network.themes, "housing"), "person": first(network.people, "jo-bloggs"),
            "organisation": first(network.organisations, "acme-trust")}


def plain_file(kind: str, title: str, today: date, network: Network) -> NewFile:
    """An update or a briefing, dated today."""
    example = _examples(network)
    lines = ["---",
             f"# A new {kind}, made by 'make new' on {today:%-d %B %Y}. Lines starting with # are notes: "
             "remove the # to use a key.",
             f"title: {quoted(title)}",
             f"date: {today:%Y-%m-%d}",
             "status: draft  # remove this line when the document is ready to publish",
             '# summary: "One or two sentences, shown in lists, feeds and the newsletter."',
             f"# themes: [{example['theme']}]  # ids from content/directory/themes.yml",
             f"# people: [{example['person']}]  # ids from content/directory/people.yml",
             f"# organisations: [{example['organisation']}]  # ids from content/directory/organisations.yml",
             f"# author: {example['person']}",
             "---",
             "",
             f"Write the {kind} here, in Markdown (see README, 'Writing content').",
             ""]
    return NewFile(FOLDERS[kind], file_name(today, title, kind), "\n".join(lines))


def _person(ref: PersonRef | None) -> str | None:
    if ref is None:
        return None
    return ref.person_id or quoted(ref.text)


def _people(refs: list[PersonRef]) -> str:
    return f"[{', '.join(_person(ref) for ref in refs)}]"


def open_actions(network: Network, body: str) -> list[Action]:
    """The body's actions the register has open (its latest report, if any, leaves it open),
    oldest first."""
    return sorted((action for action in network.actions
                   if action.status == "open" and action.document.meeting is not None
                   and action.document.meeting.body == body),
                  key=lambda action: (action.document.date, action.number))


def _when(last: Meeting | None, today: date) -> tuple[datetime, str]:
    """The new meeting's start, and a note on where it came from."""
    if last is not None and last.next_meeting is not None:
        return last.next_meeting, "the date the last minutes gave for this meeting"
    start = last.starts.time() if last is not None else datetime.min.time()
    return datetime.combine(today, start), "today: the last minutes give no date for this meeting, so check it"


def _meeting_lines(body: str, last: Meeting | None, starts: datetime, since: str) -> list[str]:
    lines = ["meeting:", f"  body: {body}"]
    if last is None:
        return lines + ["  # venue, chair, minutes_by, present, in_attendance, apologies: see README, 'Minutes'",
                        '  next_meeting: "to be confirmed"']
    venue = last.next_venue if last.next_venue and not last.next_venue.startswith("to be") else last.venue
    if venue:
        lines.append(f"  venue: {quoted(venue)}")
    if last.ends is not None:
        lines.append(f'  ends: "{last.ends:%H:%M}"  # as the last meeting')
    for key in ("chair", "minutes_by"):
        if getattr(last, key) is not None:
            lines.append(f"  {key}: {_person(getattr(last, key))}")
    regulars = [ref for ref in [*last.present, *last.apologies] if ref not in (last.chair, last.minutes_by)]
    lines += [f"  # Everyone listed at the meeting of {since} (present or with apologies): move each person",
              "  # who sends apologies to 'apologies', and take out anyone who did not come.",
              f"  present: {_people(regulars)}"]
    if last.in_attendance:
        lines.append(f"  in_attendance: {_people(last.in_attendance)}")
    lines += ["  apologies: []", '  next_meeting: "to be confirmed"  # or "YYYY-MM-DD HH:MM"']
    return lines


def _matters_arising(actions: list[Action], last: Document | None) -> list[str]:
    lines = ["**2. Minutes of the last meeting and matters arising**", ""]
    if last is not None:
        lines += [f"The minutes of {last.date:%-d %B %Y} were agreed.", ""]
    if not actions:
        return lines + ["No actions are open.", ""]
    lines += ["Open actions: for each, write its status after the colon (done, dropped, ongoing...) and a note.", ""]
    for index, action in enumerate(actions, 1):
        lines += [f"2.{index} Action {action.number} ({action.document.date:%Y-%m-%d}): open. {action.text}", ""]
    return lines


def minutes_file(title: str, today: date, body: str, network: Network) -> NewFile:
    """Minutes of ``body``, pre-filled from its last published minutes (``network.meetings_by_body``,
    newest first) and the register's open actions."""
    previous = network.meetings_by_body.get(body, [])
    last_document = previous[0] if previous else None
    last = last_document.meeting if last_document is not None else None
    since = f"{last_document.date:%-d %B %Y}" if last_document is not None else ""
    starts, where_from = _when(last, today)
    actions = open_actions(network, body)
    author = last_document.author.person_id if last_document and last_document.author else None
    lines = ["---",
             f"# New minutes, made by 'make new' on {today:%-d %B %Y}"
             + (f" from the minutes of {since}" if since else "") + ". Lines starting with # are notes.",
             f"title: {quoted(title)}",
             f'date: "{starts:%Y-%m-%d %H:%M}"  # the start of the meeting: {where_from}',
             "status: draft  # remove this line when the minutes are ready to publish",
             '# summary: "One or two sentences, shown in lists, feeds and the newsletter."',
             f"organisations: [{body}]"]
    if author:
        lines.append(f"author: {author}")
    lines += _meeting_lines(body, last, starts, since) + ["---", "", "**1. Welcome and apologies**", ""]
    lines += _matters_arising(actions, last_document)
    lines += ["**3. First item of the agenda**", "", "**4. Any other business**", "", "**5. Date of next meeting**", ""]
    notes = [f"Pre-filled from {last_document.path}." if last_document else
             f"No earlier minutes of {body}: fill in the meeting from scratch.",
             f"{len(actions)} open action{'s' if len(actions) != 1 else ''} listed under matters arising."]
    return NewFile(FOLDERS["minutes"], file_name(starts.date(), title, "minutes"), "\n".join(lines), tuple(notes))
