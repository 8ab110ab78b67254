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


def in_feeds(document: Document, now: datetime) -> bool:
    """Drafts and pages never; future-dated documents not until their date."""
    return not document.draft and not document.is_page and document.date <= now


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
    tables = (("theme", network.themes), ("organisation", network.organisations), ("person", network.people))
    for kind, table in tables:
        for item in sorted(table.values(), key=lambda i: i.name.casefold()):
            if kind == "person" and not item.public:
                continue
            entity = Entity(kind, item.id)
            specs.append(FeedSpec(kind, item.id, f"{sitename}: {item.name}",
                                  f"Every document about or mentioning {item.name}",
                                  entity_url(entity), newest(network.documents_of.get(entity, []))))
    return specs
