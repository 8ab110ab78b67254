"""The one model of the network: people, organisations, themes, documents and meetings.

Plain dataclasses with no Pelican in them. The network plugin fills them once per build;
every other plugin reads them and never parses a source file again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from typing import NamedTuple


class Entity(NamedTuple):
    """The key of any person, organisation or theme: its kind and its id.

    A named tuple rather than a dataclass: entities are hashed millions of times in a large
    build, and a tuple's hash is computed in C.
    """

    kind: str  # "person", "organisation", "theme"
    id: str


@dataclass
class Involvement:
    """How one document involves one entity: tagged in front matter, mentioned in the text."""

    tagged: bool = False
    mentions: int = 0


@dataclass
class Person:
    id: str
    name: str
    initials: str = ""
    aliases: list[str] = field(default_factory=list)
    organisation: str | None = None
    role: str = ""
    public: bool = True
    url: str = ""
    line: int = 0


@dataclass
class Organisation:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    url: str = ""
    kind: str = ""
    part_of: str | None = None
    line: int = 0


@dataclass
class Theme:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    description: str = ""
    line: int = 0


@dataclass(frozen=True)
class PersonRef:
    """A person as a document names them: a directory person, or a guest shown as written."""

    text: str
    person_id: str | None = None

    @property
    def is_guest(self) -> bool:
        return self.person_id is None


@dataclass
class Meeting:
    body: str
    starts: datetime
    ends: time | None = None
    venue: str = ""
    chair: PersonRef | None = None
    minutes_by: PersonRef | None = None
    present: list[PersonRef] = field(default_factory=list)
    in_attendance: list[PersonRef] = field(default_factory=list)
    apologies: list[PersonRef] = field(default_factory=list)
    next_meeting: datetime | None = None
    next_meeting_has_time: bool = False
    next_meeting_text: str = ""
    next_venue: str = ""

    def attendees(self) -> list[PersonRef]:
        """Everyone named in the meeting's lists, in order, each once."""
        seen: dict = {}
        for ref in [self.chair, self.minutes_by, *self.present, *self.in_attendance, *self.apologies]:
            if ref is not None:
                seen.setdefault(ref.person_id or ref.text, ref)
        return list(seen.values())


@dataclass
class Attachment:
    """A file published with a document (a PDF report...): it is copied as it is."""

    path: str  # inside the content folder, such as "files/2026-evaluation.pdf"
    title: str
    size: int
    media_type: str


@dataclass
class Owner:
    """Who owns an action: a person or organisation of the directory, or words as written."""

    text: str
    entity: Entity | None = None


@dataclass
class ActionUpdate:
    """A later meeting's report on an action: "Action 3 (2024-06-12): done. ..."."""

    document: "Document"
    word: str
    status: str  # "done", "dropped" or "open"
    note: str = ""


@dataclass
class Action:
    document: "Document"  # the minutes that set it
    number: int
    html: str  # its text, site-rooted links (see network.urls)
    text: str
    owners: list[Owner] = field(default_factory=list)
    updates: list[ActionUpdate] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"action-{self.number}"

    @property
    def status(self) -> str:
        return self.updates[-1].status if self.updates else "open"

    @property
    def closed_by(self) -> "ActionUpdate | None":
        return self.updates[-1] if self.updates and self.updates[-1].status != "open" else None


@dataclass
class Upcoming:
    """The next meeting of a body, as its latest minutes give it."""

    body: str
    source: "Document"
    starts: datetime | None  # None: date to be confirmed
    has_time: bool = True
    ends: datetime | None = None
    venue: str = ""


@dataclass
class Document:
    path: str  # as the officer sees it, for messages: "content/minutes/2025-02-steering-group.md"
    title: str
    date: datetime
    category: str
    slug: str = ""
    url: str = ""
    #: The path inside the content folder ("minutes/2025-02-steering-group.md"): stable wherever
    #: the site is built, so feeds and newsletters use it for ids.
    key: str = ""
    #: Where its page is written, inside the output folder ("updates/x/index.html").
    save_as: str = ""
    summary: str = ""
    themes: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    author: PersonRef | None = None
    draft: bool = False
    is_page: bool = False
    meeting: Meeting | None = None
    attachments: list[Attachment] = field(default_factory=list)
    #: The source file's size and modification time (ns) when its text was read (the reader's):
    #: the warning for a large file, and part of the document's fingerprint for reusing pages.
    source_stamp: tuple[int, int] = (0, 0)
    #: The body as HTML: sanitised when read, private names withheld, mentions linked, and in
    #: minutes every action marked with its progress. Pelican renders the document's page from
    #: it (handed over once, when the pipeline is done: see ``assemble.hand_bodies_to_pelican``).
    body: str = ""
    # The steps of the pipeline after the model is read (see pipeline.order) fill in the rest:
    #: Every entity the document involves (linking).
    involved: dict[Entity, Involvement] = field(default_factory=dict)
    #: Whether the text refers to people by their initials (minutes; linking).
    uses_initials: bool = False
    #: A meeting's initials -> its people (None where two share them; linking).
    initials: dict = field(default_factory=dict)
    #: The actions these minutes set (minutes).
    actions: list[Action] = field(default_factory=list)

    @property
    def stem(self) -> str:
        """The file's name without its ending ("2025-02-steering-group"): how an editor's note
        names a document, and part of an action's id."""
        return self.key.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    def tagged_entities(self) -> list[Entity]:
        return ([Entity("person", i) for i in self.people]
                + [Entity("organisation", i) for i in self.organisations]
                + [Entity("theme", i) for i in self.themes])


@dataclass
class Directory:
    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    #: The files that were missing or could not be used at all ("people" -> "missing" or
    #: "unusable"): ids of that kind are not checked one by one (see directory.report_unread_files).
    unread: dict[str, str] = field(default_factory=dict)

    @property
    def names(self):
        """The name engine (``names.NameEngine``) of this directory, built on first use."""
        engine = self.__dict__.get("_names")
        if engine is None:
            from .names import NameEngine

            engine = self.__dict__["_names"] = NameEngine(self)
        return engine

    def members_of(self, org_id: str) -> list[Person]:
        """Public people of an organisation, by name (the grouping is built once)."""
        return self._group("_members", lambda: (
            (p.organisation, p) for p in self.people.values() if p.public and p.organisation)).get(org_id, [])

    def parts_of(self, org_id: str) -> list[Organisation]:
        """Organisations that are part of ``org_id``, by name."""
        return self._group("_parts", lambda: (
            (o.part_of, o) for o in self.organisations.values() if o.part_of)).get(org_id, [])

    def _group(self, attr, pairs):
        if getattr(self, attr, None) is None:
            groups: dict = {}
            for key, item in pairs():
                groups.setdefault(key, []).append(item)
            for items in groups.values():
                items.sort(key=lambda item: item.name.casefold())
            setattr(self, attr, groups)
        return getattr(self, attr)


@dataclass
class Network:
    """Everything the site knows, built once per build."""

    directory: Directory
    documents: list[Document] = field(default_factory=list)
    #: Standing pages (About...): linked like documents, but not dated news, so not indexed.
    pages: list[Document] = field(default_factory=list)
    #: Inverted index: entity -> documents involving it, newest first (filled by crosslinks).
    documents_of: dict[Entity, list[Document]] = field(default_factory=dict)
    #: The same index as positions in ``documents`` (ascending = newest first).
    positions_of: dict[Entity, list[int]] = field(default_factory=dict)
    #: Minutes plugin: every action; owner entity -> actions; person id -> [(minutes, role)];
    #: the next meeting of each body.
    actions: list[Action] = field(default_factory=list)
    actions_of: dict[Entity, list[Action]] = field(default_factory=dict)
    meetings_of: dict[str, list[tuple[Document, str]]] = field(default_factory=dict)
    meetings_by_body: dict[str, list[Document]] = field(default_factory=dict)
    upcoming: list[Upcoming] = field(default_factory=list)
    #: id(document) -> {kind: [entities of that kind it involves]}
    involved_by_kind: dict[int, dict[str, list[Entity]]] = field(default_factory=dict)

    @property
    def people(self) -> dict[str, Person]:
        return self.directory.people

    @property
    def organisations(self) -> dict[str, Organisation]:
        return self.directory.organisations

    @property
    def themes(self) -> dict[str, Theme]:
        return self.directory.themes

    def add(self, document: Document) -> None:
        (self.pages if document.is_page else self.documents).append(document)

    def entity(self, key: Entity):
        """The Person, Organisation or Theme an entity key stands for (None if unknown)."""
        tables = self.__dict__.get("_tables")
        if tables is None:
            tables = self.__dict__["_tables"] = {"person": self.people, "organisation": self.organisations,
                                                 "theme": self.themes}
        return tables[key.kind].get(key.id)

    def sort_name(self, key: Entity) -> str:
        """The entity's name for sorting (built once for every entity)."""
        names = self.__dict__.get("_sort_names")
        if names is None:
            names = self.__dict__["_sort_names"] = {
                Entity(kind, item.id): item.name.casefold()
                for kind, table in (("person", self.people), ("organisation", self.organisations),
                                    ("theme", self.themes))
                for item in table.values()}
        return names.get(key, key.id)

    def entries_with_pages(self) -> list[tuple[str, list]]:
        """(kind, entries) of the directory entries that have a page of their own: every public
        person, every organisation, every theme."""
        return [("person", [person for person in self.people.values() if person.public]),
                ("organisation", list(self.organisations.values())), ("theme", list(self.themes.values()))]

    def is_public(self, person_id: str | None) -> bool:
        person = self.people.get(person_id) if person_id else None
        return person is not None and person.public
