"""The inverted indexes of who and what each document involves, and what follows from them. Pure.

Built once per build; every entity page and every "related documents" list reads them, so no
page ever scans all documents.
"""

from __future__ import annotations

import heapq
from collections import Counter

from network.model import Document, Entity, Involvement, Network

from .linker import Mention

#: The most documents of one entity looked at when ranking related documents. A theme on
#: thousands of documents would otherwise make the ranking quadratic; its newest documents are
#: the likeliest to be shown anyway, since ties go to the newer.
RELATED_SCAN_LIMIT = 400


def record_involvement(document: Document, mentions: list[Mention], network: Network) -> None:
    """Tags first, then every mention in the text (linked or not)."""
    involved: dict[Entity, Involvement] = {}
    for entity in document.tagged_entities():
        involved[entity] = Involvement(tagged=True)
    for mention in mentions:
        if mention.target.kind == "person" and not network.is_public(mention.target.id):
            continue
        involved.setdefault(mention.target, Involvement()).mentions += 1
    document.involved = involved


def build_index(network: Network) -> None:
    """entity -> documents, newest first (network.documents is already newest first)."""
    index: dict[Entity, list[Document]] = {}
    for document in network.documents:
        for entity in document.involved:
            index.setdefault(entity, []).append(document)
    network.documents_of = index


def documents_of(network: Network, entity: Entity, tagged_first: bool = False) -> list[Document]:
    documents = network.documents_of.get(entity, [])
    if tagged_first:
        return sorted(documents, key=lambda d: not d.involved[entity].tagged)  # stable: newest first within
    return list(documents)


def companions(network: Network, entity: Entity, kind: str, limit: int = 6) -> list[tuple[Entity, int]]:
    """The entities of ``kind`` that most often share a document with ``entity``."""
    counts: Counter = Counter()
    for document in network.documents_of.get(entity, []):
        for other in document.involved:
            if other.kind == kind and other != entity:
                counts[other] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], _name(network, item[0])))
    return ranked[:limit]


def _name(network: Network, entity: Entity) -> str:
    item = network.entity(entity)
    return item.name.casefold() if item else entity.id


def related_documents(network: Network, document: Document, limit: int = 5) -> list[Document]:
    """Up to ``limit`` documents ranked by the entities they share with ``document``; ties to the newer."""
    shared: Counter = Counter()
    for entity in document.involved:
        for other in network.documents_of.get(entity, [])[:RELATED_SCAN_LIMIT]:
            if other is not document:
                shared[id(other)] += 1
    if not shared:
        return []
    by_id = {id(d): d for e in document.involved for d in network.documents_of.get(e, [])[:RELATED_SCAN_LIMIT]}
    best = heapq.nlargest(limit, shared.items(), key=lambda item: (item[1], by_id[item[0]].date))
    return [by_id[key] for key, _ in best]
