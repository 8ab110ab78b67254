"""What the search can narrow results by, for each page it indexes. Pure.

A filter is a (name, value) pair that the page's template writes as a Pagefind filter: the
values come from the model (what the document involves, as linking found it), never from the
page's words, so a filter by person holds exactly the documents that involve that person.
"""

from __future__ import annotations

from network.model import Document, Entity, Network

#: The filters, in the order the search page offers them, with their labels.
FILTERS = (("category", "Category"), ("theme", "Theme"), ("organisation", "Organisation"),
           ("person", "Person"), ("year", "Year"))
#: The "category" of an entity's own page in the results.
ENTITY_CATEGORIES = {"person": "People", "organisation": "Organisations", "theme": "Themes"}
_KIND_ORDER = {"theme": 0, "organisation": 1, "person": 2}


def document_filters(document: Document | None, network: Network | None) -> list[tuple[str, str]]:
    """A document's category and year, and the name of every public entry it involves."""
    if document is None or network is None:
        return []
    found = [("category", "Pages" if document.is_page else document.category)]
    if not document.is_page:
        found.append(("year", str(document.date.year)))
    for entity in sorted(document.involved, key=lambda e: (_KIND_ORDER[e.kind], e.id)):
        if entity.kind == "person" and not network.is_public(entity.id):
            continue  # never happens (private people are withheld before linking); never shown if it did
        item = network.entity(entity)
        if item is not None:
            found.append((entity.kind, item.name))
    return found


def entity_filters(entity: Entity, item) -> list[tuple[str, str]]:
    """The page of a person, organisation or theme: found under its own name's filter too."""
    return [("category", ENTITY_CATEGORIES[entity.kind]), (entity.kind, item.name)]
