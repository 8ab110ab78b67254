"""Which feeds the site has, where they live, and what goes in each. Pure.

Every kind has its own folder, so a theme, an organisation and a person that share an id
never share a feed file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from network.model import Document, Entity, Network
from network.urls import ENTITY_FOLDERS, entity_url

FOLDERS = {"site": "", "category": "categories/", **ENTITY_FOLDERS}


def feed_paths(kind: str, key: str = "all") -> tuple[str, str]:
    """(Atom path, RSS path) inside the site, such as feeds/themes/housing.atom.xml."""
    stem = f"feeds/{FOLDERS[kind]}{key}"
    return f"{stem}.atom.xml", f"{stem}.rss.xml"


@dataclass
class FeedSpec:
    kind: str
    key: str
    title: str
    subtitle: str
    page_path: str  # the page the feed follows, inside the site
    documents: list[Document] = field(default_factory=list)

    @property
    def atom_path(self) -> str:
        return feed_paths(self.kind, self.key)[0]

    @property
    def rss_path(self) -> str:
        return feed_paths(self.kind, self.key)[1]


_SUBTITLES = {
    "theme": "Every document about or mentioning {}",
    "organisation": "Every document about or mentioning {}, and the minutes that give it an action",
    "person": "Every document {} wrote, chaired, took the minutes of, attended or was given an action in,"
              " and every one that mentions them",
}


def in_feeds(document: Document, now: datetime) -> bool:
    """Drafts and pages never; future-dated documents not until their date."""
    return not document.draft and not document.is_page and document.date <= now


#: The roles at a meeting that put the minutes in a person's feed (apologies do not: they were not there).
MEETING_ROLES = ("chair", "minutes_by", "present", "in_attendance")


def documents_by_role(network: Network) -> dict[Entity, list[Document]]:
    """entity -> documents where it has a part beyond being named: the author, the chair, the
    minute-taker, those present, and the owner (person or organisation) of an action set there.

    From what the model already holds (``Document.author``, ``Network.meetings_of``,
    ``Network.actions_of``); private people are never keys.
    """
    found: dict[Entity, list[Document]] = {}
    for document in network.documents:
        author = document.author.person_id if document.author is not None else None
        if network.is_public(author):
            found.setdefault(Entity("person", author), []).append(document)
    for person_id, meetings in network.meetings_of.items():
        if network.is_public(person_id):
            found.setdefault(Entity("person", person_id), []).extend(
                document for document, role in meetings if role in MEETING_ROLES)
    for entity, actions in network.actions_of.items():
        if entity.kind != "person" or network.is_public(entity.id):
            found.setdefault(entity, []).extend(action.document for action in actions)
    return found


def with_roles(network: Network) -> dict[Entity, list[Document]]:
    """Every entity's documents: those that involve it (tagged or mentioned) and those where it
    has a role (``documents_by_role``), each once, newest first. Only entities with a role cost
    anything more than the index crosslinks built."""
    roles = documents_by_role(network)
    if not roles:
        return network.documents_of
    position = {id(document): at for at, document in enumerate(network.documents)}
    combined = dict(network.documents_of)
    for entity, documents in roles.items():
        chosen = {id(document): document for document in (*network.documents_of.get(entity, ()), *documents)}
        combined[entity] = sorted(chosen.values(), key=lambda document: position[id(document)])
    return combined


def feed_specs(network: Network, *, sitename: str, categories: dict[str, str], now: datetime,
               limit: int) -> list[FeedSpec]:
    """Every feed of the site: the whole site, each category, theme, organisation and public person.

    ``categories`` maps each category's name to its slug.
    """
    def newest(documents):
        chosen = []
        for document in documents:  # already newest first
            if in_feeds(document, now):
                chosen.append(document)
                if len(chosen) == limit:
                    break
        return chosen

    specs = [FeedSpec("site", "all", sitename, f"Everything {sitename} publishes", "",
                      newest(network.documents))]
    by_category: dict[str, list[Document]] = {}
    for document in network.documents:
        by_category.setdefault(document.category, []).append(document)
    for name, slug in categories.items():
        specs.append(FeedSpec("category", slug, f"{sitename}: {name}", f"{name} from {sitename}", f"{slug}/",
                              newest(by_category.get(name, []))))
    documents_of = with_roles(network)
    tables = (("theme", network.themes), ("organisation", network.organisations), ("person", network.people))
    for kind, table in tables:
        for item in sorted(table.values(), key=lambda i: i.name.casefold()):
            if kind == "person" and not item.public:
                continue
            entity = Entity(kind, item.id)
            specs.append(FeedSpec(kind, item.id, f"{sitename}: {item.name}", _SUBTITLES[kind].format(item.name),
                                  entity_url(entity), newest(documents_of.get(entity, []))))
    return specs
