"""What the people, organisation and theme pages show, shaped for the templates. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from network.listings import ENTRIES_PER_PAGE, LATEST_SHOWN, Part, cut_into_parts, part_url, year_counts
from network.model import Document, Entity, Network
from network.urls import entity_url

from .index import companions, documents_of


#: Where the pages listing every document of a person or organisation go, under its address.
EVERY_DOCUMENT = "documents/"


def every_document_url(entity: Entity, count: int, latest: int) -> str | None:
    """Where the pages listing every document of a person or organisation start, when its own
    page shows only the newest ``latest`` of its ``count``; None otherwise. A theme's years have
    pages of their own (the ``reviews`` plugin)."""
    if entity.kind == "theme" or count <= latest:
        return None
    return f"{entity_url(entity)}{EVERY_DOCUMENT}"


def document_parts(entity: Entity, documents: list[Document], latest: int, per_page: int) -> list[Part]:
    """The pages listing every document of a person or organisation, newest first (see
    ``every_document_url``); none when its own page shows them all."""
    base = every_document_url(entity, len(documents), latest)
    return [] if base is None else cut_into_parts(documents, base, per_page)


@dataclass
class EntityPage:
    """An entity's page: a summary that stays small however many documents involve it (the
    newest ``latest`` of each list, and a count per year linking to where that year's documents
    are listed in full)."""

    entity: Entity
    item: object  # the Person, Organisation or Theme
    documents: list[Document] = field(default_factory=list)  # all of them, newest first
    extra: dict = field(default_factory=dict)
    latest: int = LATEST_SHOWN
    per_page: int = ENTRIES_PER_PAGE

    @property
    def url(self) -> str:
        return entity_url(self.entity)

    def shown(self, entries: list) -> list:
        """The part of a list (newest first) the summary shows."""
        return entries[:self.latest]

    @cached_property
    def every_document_url(self) -> str | None:
        """The first page listing every document, when this page shows only some."""
        return every_document_url(self.entity, len(self.documents), self.latest)

    @cached_property
    def years(self) -> list[tuple[int, int, str | None]]:
        """(year, how many documents, where that year's documents are listed), newest year
        first: a theme's year in review, or the year's heading on the page listing every
        document; no address when this page shows them all."""
        counts = year_counts(document.date for document in self.documents)
        if self.entity.kind == "theme":
            return [(year, count, f"{self.url}{year}/") for year, count in counts]
        base = self.every_document_url
        if base is None:
            return [(year, count, None) for year, count in counts]
        first_of: dict[int, int] = {}
        for position, document in enumerate(self.documents):
            first_of.setdefault(document.date.year, position)
        return [(year, count, f"{part_url(base, first_of[year] // self.per_page + 1)}#year-{year}")
                for year, count in counts]


def _resolve(network: Network, ranked):
    return [(network.entity(entity), count) for entity, count in ranked if network.entity(entity) is not None]


_PLURALS = {"person": "people", "organisation": "organisations", "theme": "themes"}


def _companions_of(network: Network, entity: Entity, kinds: tuple[str, ...]) -> dict:
    """The entries of each kind most often in the same documents: {"people": [(person, count)...]}."""
    return {_PLURALS[kind]: _resolve(network, companions(network, entity, kind)) for kind in kinds}


def newest_actions(actions: list) -> list:
    """Newest meeting first; in one meeting, by number."""
    return sorted(actions, key=lambda action: (-action.document.date.timestamp(), action.number))


def person_page(network: Network, person_id: str, latest: int = LATEST_SHOWN,
                per_page: int = ENTRIES_PER_PAGE) -> EntityPage:
    entity = Entity("person", person_id)
    person = network.people[person_id]
    return EntityPage(entity, person, documents_of(network, entity), {
        "organisation": network.organisations.get(person.organisation) if person.organisation else None,
        **_companions_of(network, entity, ("person", "organisation")),
        "meetings": network.meetings_of.get(person_id, []),  # newest first
        "actions": newest_actions(network.actions_of.get(entity, [])),
    }, latest, per_page)


def organisation_page(network: Network, org_id: str, latest: int = LATEST_SHOWN,
                      per_page: int = ENTRIES_PER_PAGE) -> EntityPage:
    entity = Entity("organisation", org_id)
    org = network.organisations[org_id]
    return EntityPage(entity, org, documents_of(network, entity), {
        "parent": network.organisations.get(org.part_of) if org.part_of else None,
        "parts": network.directory.parts_of(org_id),
        "members": network.directory.members_of(org_id),
        **_companions_of(network, entity, ("theme", "person")),
        "meetings": network.meetings_by_body.get(org_id, []),  # newest first
        "actions": newest_actions(network.actions_of.get(entity, [])),
    }, latest, per_page)


def theme_page(network: Network, theme_id: str, latest: int = LATEST_SHOWN,
               per_page: int = ENTRIES_PER_PAGE) -> EntityPage:
    entity = Entity("theme", theme_id)
    documents = documents_of(network, entity)
    return EntityPage(entity, network.themes[theme_id], documents, {
        "tagged": [d for d in documents if d.involved[entity].tagged],
        "mentioned": [d for d in documents if not d.involved[entity].tagged],
        **_companions_of(network, entity, ("organisation", "person")),
    }, latest, per_page)


def people_by_organisation(network: Network):
    """[(organisation or None, [people])], organisations by name, people by name; public only."""
    groups: dict = {}
    for person in network.people.values():
        if person.public:
            groups.setdefault(person.organisation, []).append(person)
    ordered = sorted(groups.items(), key=lambda item: (item[0] is None, _org_name(network, item[0])))
    return [(network.organisations.get(org_id) if org_id else None, sorted(people, key=lambda p: p.name))
            for org_id, people in ordered]


def _org_name(network, org_id):
    org = network.organisations.get(org_id) if org_id else None
    return org.name.casefold() if org else ""


def organisations_by_kind(network: Network):
    groups: dict = {}
    for org in network.organisations.values():
        groups.setdefault(org.kind or "Other", []).append(org)
    return [(kind, sorted(orgs, key=lambda o: o.name.casefold()))
            for kind, orgs in sorted(groups.items(), key=lambda item: (item[0] == "Other", item[0].casefold()))]


def themes_with_counts(network: Network):
    return sorted(((theme, len(network.documents_of.get(Entity("theme", theme.id), [])))
                   for theme in network.themes.values()), key=lambda item: item[0].name.casefold())


def involved_entities(network: Network, document: Document) -> dict[str, list]:
    """The people, organisations and themes a document involves, tags first, then by name."""
    groups: dict[str, list] = {"person": [], "organisation": [], "theme": []}
    for entity, involvement in document.involved.items():
        item = network.entity(entity)
        if item is None or (entity.kind == "person" and not item.public):
            continue
        groups[entity.kind].append((not involvement.tagged, item.name.casefold(), item))
    return {kind: [item for *_, item in sorted(entries, key=lambda e: e[:2])] for kind, entries in groups.items()}
