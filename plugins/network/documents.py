"""Check a document's front matter and turn it into a Document of the model.

Two steps, both pure. ``read_basics`` runs when the file is read: without a title and a date
there is no document at all. ``resolve_document`` runs once the directory is known: every id
is checked against it, with a did-you-mean for near misses.
"""

from __future__ import annotations

from datetime import datetime, time

from .errors import (ERROR, WARNING, ContentError, Problem, ProblemLog, did_you_mean, did_you_mean_hint,
                     known_keys)
from .model import Attachment, Directory, Document, Meeting, PersonRef
from .source import DATE_HINT, is_id_shaped, parse_date, parse_time
from .yamltext import Mapping

DOCUMENT_KEYS = (
    "title", "date", "modified", "category", "summary", "themes", "people", "organisations",
    "author", "status", "slug", "meeting", "attachments",
)
MEETING_KEYS = (
    "body", "venue", "ends", "chair", "minutes_by", "present", "in_attendance", "apologies",
    "next_meeting", "next_venue",
)
PERSON_LIST_KEYS = ("present", "in_attendance", "apologies")
STATUSES = ("published", "draft")
# Words a writer may give as `next_meeting` when there is no date yet.
UNDATED_NEXT_MEETING = ("to be confirmed", "to be arranged", "to be agreed", "tbc", "tba")
#: The directory file (Directory attribute, and name without .yml) of each kind of id.
_DIRECTORY_FILE = {"person": "people", "organisation": "organisations", "theme": "themes"}


def _text(value) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    return None


def _date_of(fm: Mapping, key: str, path: str, problems: list[Problem]):
    """The date under ``key``, or None when there is none or it cannot be read (a problem)."""
    if key not in fm:
        return None
    value = parse_date(fm[key])
    if value is None:
        problems.append(Problem(path, f"the date '{fm[key]}' cannot be read.", line=fm.line_of(key), key=key,
                                hint=DATE_HINT))
    return value


def _category_of(fm: Mapping, path: str, categories, problems: list[Problem]) -> str | None:
    """The category as the site spells it, or None when none is given or it is unknown (a problem)."""
    if "category" not in fm:
        return None
    wanted = _text(fm["category"]) or ""
    match = next((c for c in categories if c.lower() == wanted.lower()), None)
    if match is None:
        close = did_you_mean(wanted, categories)
        problems.append(Problem(path, f"'{wanted}' is not a category of this site.",
                                line=fm.line_of("category"), key="category",
                                hint=did_you_mean_hint(close, "Categories: " + ", ".join(categories)
                                                       + ". Leave 'category' out to use the folder's.")))
    return match


def read_basics(fm: Mapping, path: str, *, default_category: str | None, categories, is_page: bool):
    """Title, date, category, status, slug and summary; raise ContentError when unusable."""
    problems: list[Problem] = []
    title = _text(fm.get("title"))
    if not title:
        problems.append(Problem(path, "the document has no title." if "title" not in fm
                                else "the title is empty.", line=fm.line_of("title") if "title" in fm else 2,
                                key="title", hint="Add a line such as 'title: March 2025 project update' "
                                "to the front matter."))
    date, modified = _date_of(fm, "date", path, problems), _date_of(fm, "modified", path, problems)
    if "date" not in fm and not is_page:
        problems.append(Problem(path, "the document has no date.", line=2, key="date",
                                hint="Add a line such as 'date: 2025-03-14' to the front matter."))
    status = _text(fm.get("status", "published")) or "published"
    if status.lower() not in STATUSES:
        close = did_you_mean(status, STATUSES)
        problems.append(Problem(path, f"'{status}' is not a status.", line=fm.line_of("status"), key="status",
                                hint=did_you_mean_hint(close, "Write 'status: draft' to keep a document "
                                                       "out of the site, or leave it out.")))
    category = _category_of(fm, path, categories, problems) or default_category
    slug = _text(fm.get("slug"))
    if slug is not None and not is_id_shaped(slug):
        problems.append(Problem(path, f"'{slug}' is not a valid slug.", line=fm.line_of("slug"), key="slug",
                                hint="A slug is lowercase words joined by hyphens, such as 'march-update'."))
    summary = fm.get("summary")
    if summary is not None and _text(summary) is None:
        problems.append(Problem(path, "the summary must be text.", line=fm.line_of("summary"), key="summary",
                                hint="Put the summary in quotes on one line."))
    if problems:
        raise ContentError(*problems)
    return {
        "title": title, "date": date, "modified": modified, "category": category,
        "status": status.lower(), "slug": slug, "summary": _text(summary) if summary is not None else None,
    }


#: Bytes above which a document is slow to build and to read: a pasted report, pictures pasted
#: into the text as data.
LARGE_DOCUMENT = 1_000_000


def report_size(path: str, size: int, log: ProblemLog) -> None:
    if size > LARGE_DOCUMENT:
        log.warning(path, f"the document is {size / 1_000_000:.1f} MB; documents over "
                    f"{LARGE_DOCUMENT // 1_000_000} MB make the site slow to build and to read.",
                    hint="Move large material (a long report, pictures pasted into the text) to a file in "
                    "content/files/ or content/images/ and link it.")


class _Resolver:
    """Checks ids against the directory for one document, recording problems."""

    def __init__(self, directory: Directory, path: str, fm: Mapping, log: ProblemLog, draft: bool):
        self.directory, self.path, self.fm, self.log = directory, path, fm, log
        # A draft's problems never stop the build: they are reported as warnings.
        self.report = log.warning if draft else log.error
        self.severity = WARNING if draft else ERROR

    def _about_directory(self, attr: str, problem: Problem) -> None:
        """Report a problem with a name or id of the directory, unless its file (people.yml...)
        was missing or unusable: that file's one problem says it all (directory.unread)."""
        if attr in self.directory.unread:
            self.log.hold(attr, problem)
        else:
            self.log.add(problem)

    def _unknown(self, value, table, kind, key, line):
        attr = _DIRECTORY_FILE[kind]
        if attr in self.directory.unread:
            named = close = None  # nothing to look for a near miss in
        else:
            named = self.directory.names.resolve(value, (kind,)).entity
            close = named.id if named else did_you_mean(value, table)
        self._about_directory(attr, Problem(
            self.path, f"unknown {kind} '{value}'.", line, key,
            did_you_mean_hint(close, f"Use an id from content/directory/{attr}.yml, or add the {kind} there."),
            self.severity))

    def id_list(self, key: str, table: dict, kind: str) -> list[str]:
        raw = self.fm.get(key)
        if raw is None:
            return []
        items = raw if isinstance(raw, list) else [raw]
        result = []
        for item in items:
            value = _text(item)
            line = self.fm.line_of(key)
            if not value:
                self.report(self.path, f"expected a list of {kind} ids, found {item!r}.", line=line, key=key,
                            hint=f"Write a list such as [{next(iter(table), 'some-id')}].")
            elif value not in table:
                self._unknown(value, table, kind, key, line)
            elif value not in result:
                result.append(value)
        return result

    def person(self, value, key: str, line: int) -> PersonRef | None:
        text = _text(value)
        if not text:
            self.report(self.path, f"expected a person's id or name, found {value!r}.", line=line, key=key,
                        hint="Write a person id such as 'laura-dent', or a name in quotes.")
            return None
        if text in self.directory.people:
            return PersonRef(text, text)
        if is_id_shaped(text):
            self._unknown(text, self.directory.people, "person", key, line)
            return None
        # Free text: "Jo Bloggs" or "Jo Bloggs (Acme Trust)".
        name = text.split("(")[0].strip()
        names = self.directory.names
        found = names.resolve(text, ("person",))
        if found.entity is None and not found.ambiguous:
            found = names.resolve(name, ("person",))
        if found.entity is not None:
            return PersonRef(text, found.entity.id)
        if found.ambiguous:
            both = " and ".join(f"'{entity.id}'" for entity in found.ambiguous)
            self.log.warning(self.path, f"'{text}' is the name of more than one person in the directory "
                             f"({both}), so it is shown as written, without a link.", line=line, key=key,
                             hint="Write the id of the one you mean.")
            return PersonRef(text)
        named = names.public_names()
        close = did_you_mean(name, named)
        hint = did_you_mean_hint(close, "If they take part regularly, add them to content/directory/people.yml.",
                                 shown=close and f"'{named[close].id}' ({close})")
        self._about_directory("people", Problem(
            self.path, f"'{text}' is not in the directory, so the name is shown as written, without a link.",
            line, key, hint, WARNING))
        return PersonRef(text)


def resolve_document(basics: dict, fm: Mapping, path: str, directory: Directory, log: ProblemLog,
                     *, is_page: bool = False, minutes_category: str = "Minutes",
                     files: dict[str, int] | None = None) -> Document:
    """Check every reference in the front matter and build the Document."""
    draft = basics["status"] == "draft"
    resolver = _Resolver(directory, path, fm, log, draft)
    for key in fm:
        if key not in DOCUMENT_KEYS:
            close = did_you_mean(key, DOCUMENT_KEYS)
            if close:
                resolver.report(path, f"unknown key '{key}'.", line=fm.line_of(key), key=key,
                                hint=did_you_mean_hint(close))
            else:
                log.warning(path, f"unknown key '{key}' is ignored.", line=fm.line_of(key), key=key,
                            hint=known_keys(DOCUMENT_KEYS))
    document = Document(
        path=path, title=basics["title"], date=basics["date"], category=basics["category"] or "",
        slug=basics["slug"] or "", summary=basics["summary"] or "",
        themes=resolver.id_list("themes", directory.themes, "theme"),
        people=resolver.id_list("people", directory.people, "person"),
        organisations=resolver.id_list("organisations", directory.organisations, "organisation"),
        draft=draft, is_page=is_page,
    )
    if "author" in fm:
        document.author = resolver.person(fm["author"], "author", fm.line_of("author"))
    if "attachments" in fm:
        document.attachments = _attachments(fm, resolver, files or {})
    if "meeting" in fm:
        document.meeting = _meeting(fm, resolver, document.date, path)
    elif document.category == minutes_category and not is_page:
        resolver.report(path, "minutes need a 'meeting:' block.", line=2, key="meeting",
                        hint="Add 'meeting:' with at least 'body:' (the id of the group that met); "
                        "see README, 'Minutes'.")
    return document


MEDIA_TYPES = {
    "pdf": "application/pdf", "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text", "csv": "text/csv", "txt": "text/plain",
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "mp3": "audio/mpeg",
}


def _attachments(fm: Mapping, resolver: _Resolver, files: dict[str, int]) -> list[Attachment]:
    """``attachments: [files/report.pdf]`` or a list of ``{file: ..., title: ...}``."""
    raw = fm["attachments"]
    line = fm.line_of("attachments")
    result = []
    for item in raw if isinstance(raw, list) else [raw]:
        if isinstance(item, Mapping):
            path, title = _text(item.get("file")), _text(item.get("title"))
        else:
            path, title = _text(item), None
        if not path:
            resolver.report(resolver.path, f"an attachment must name a file, not {item!r}.", line=line,
                            key="attachments", hint="Write [files/report.pdf], or '- file: files/report.pdf' "
                            "with 'title: ...' under it.")
            continue
        path = path.lstrip("/")
        if path not in files:
            close = did_you_mean(path, files)
            resolver.report(resolver.path, f"the attachment '{path}' is not in the content folder.", line=line,
                            key="attachments", hint=did_you_mean_hint(
                                close, "Put the file in content/files/ and write its path from the content folder."))
            continue
        extension = path.rsplit(".", 1)[-1].lower()
        result.append(Attachment(path, title or path.rsplit("/", 1)[-1], files[path],
                                 MEDIA_TYPES.get(extension, "application/octet-stream")))
    return result


def _meeting(fm: Mapping, resolver: _Resolver, starts: datetime, path: str):
    block = fm["meeting"]
    line = fm.line_of("meeting")
    if not isinstance(block, Mapping):
        resolver.report(path, "'meeting' must be a block of indented 'key: value' lines.", line=line,
                        key="meeting", hint="Indent 'body:', 'venue:' and the rest under 'meeting:'.")
        return None
    for key in block:
        if key not in MEETING_KEYS:
            close = did_you_mean(key, MEETING_KEYS)
            resolver.report(path, f"unknown key 'meeting.{key}'.", line=block.line_of(key), key=f"meeting.{key}",
                            hint=did_you_mean_hint(close) or known_keys(MEETING_KEYS))
    body = _text(block.get("body"))
    orgs = resolver.directory.organisations
    if not body:
        resolver.report(path, "the meeting has no 'body'.", line=line, key="meeting.body",
                        hint="Add 'body:' with the organisation id of the group that met, "
                        "such as a steering group listed in content/directory/organisations.yml.")
        return None
    if body not in orgs:
        resolver._unknown(body, orgs, "organisation", "meeting.body", block.line_of("body"))
        return None
    meeting = Meeting(body=body, starts=starts, venue=_text(block.get("venue")) or "",
                      next_venue=_text(block.get("next_venue")) or "")
    if "ends" in block:
        meeting.ends = _meeting_ends(block, resolver, starts, path)
    _meeting_people(meeting, block, resolver, path)
    if "next_meeting" in block:
        _next_meeting(meeting, block, resolver, path)
    return meeting


def _meeting_ends(block: Mapping, resolver: _Resolver, starts: datetime, path: str) -> time | None:
    """The end time, or None when it is not a time or not after the start (a problem)."""
    ends = parse_time(block["ends"])
    if ends is None:
        resolver.report(path, f"'{block['ends']}' is not a time.", line=block.line_of("ends"),
                        key="meeting.ends", hint='Write the end time as "HH:MM" in quotes, such as "16:30".')
    elif starts and time(*ends) <= starts.time() and starts.time() != time(0, 0):
        resolver.report(path, f"the meeting ends ({block['ends']}) before it starts "
                        f"({starts:%H:%M}).", line=block.line_of("ends"), key="meeting.ends",
                        hint="Check the time in 'date' (the start) and in 'ends'.")
    else:
        return time(*ends)
    return None


def _meeting_people(meeting: Meeting, block: Mapping, resolver: _Resolver, path: str) -> None:
    """The chair, the minute-taker and the lists of people, each person in one list only."""
    for key in ("chair", "minutes_by"):
        if block.get(key) is not None:
            setattr(meeting, key, resolver.person(block[key], f"meeting.{key}", block.line_of(key)))
    listed: dict[str, str] = {}
    for key in PERSON_LIST_KEYS:
        raw = block.get(key)
        if raw is None:
            continue
        refs = []
        for item in raw if isinstance(raw, list) else [raw]:
            ref = resolver.person(item, f"meeting.{key}", block.line_of(key))
            if ref is None:
                continue
            who = ref.person_id or ref.text.casefold()
            if who in listed:
                resolver.report(path, f"'{ref.text}' is listed twice: in '{listed[who]}' and in '{key}'.",
                                line=block.line_of(key), key=f"meeting.{key}",
                                hint="List each person once: under present, in_attendance or apologies.")
                continue
            listed[who] = key
            refs.append(ref)
        setattr(meeting, key, refs)


def _next_meeting(meeting: Meeting, block: Mapping, resolver: _Resolver, path: str) -> None:
    raw = block["next_meeting"]
    text = _text(raw) or ""
    when = parse_date(text)
    if when is not None and meeting.starts is not None and when.date() <= meeting.starts.date():
        resolver.report(path, f"the next meeting ({text}) is not after this one ({meeting.starts:%Y-%m-%d}).",
                        line=block.line_of("next_meeting"), key="meeting.next_meeting",
                        hint="Check the year and the month in 'next_meeting' and in 'date' (this meeting's).")
    elif when is not None:
        meeting.next_meeting = when
        meeting.next_meeting_has_time = ":" in text
        meeting.next_meeting_text = text
    elif text.lower().rstrip(".") in UNDATED_NEXT_MEETING:
        meeting.next_meeting_text = "to be confirmed"
    else:
        resolver.report(path, f"'{text}' is neither a date nor 'to be confirmed'.",
                        line=block.line_of("next_meeting"), key="meeting.next_meeting",
                        hint='Write "YYYY-MM-DD HH:MM" in quotes (such as "2027-01-20 14:00"), '
                        "or 'to be confirmed'.")
