"""The inverted indexes of who and what each document involves, and what follows from them. Pure.

Built once per build; every entity page and every "related documents" list reads them, so no
page ever scans all documents.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter
from itertools import chain

from network.model import Document, Entity, Involvement, Network

#: How many documents of one entity, nearest in time to a document, are looked at when ranking its
#: related documents. A theme on thousands of documents would otherwise make the ranking
#: quadratic; documents far away in time are the least likely to be shown anyway.
RELATED_WINDOW = 80


def record_involvement(document: Document, counted: list[tuple[Entity, int]], network: Network) -> None:
    """Tags first, then the entries mentioned in the text (linked or not), each with how many
    times, in the order first mentioned (``linker.count_mentions``)."""
    involved: dict[Entity, Involvement] = {}
    for entity in document.tagged_entities():
        involved[entity] = Involvement(tagged=True)
    for target, count in counted:
        if target.kind == "person" and not network.is_public(target.id):
            continue
        how = involved.get(target)
        if how is None:  # made only when needed: a hundred thousand mentions a build
            how = involved[target] = Involvement()
        how.mentions += count
    document.involved = involved


def build_index(network: Network) -> None:
    """entity -> documents, newest first (network.documents is already newest first)."""
    index: dict[Entity, list[Document]] = {}
    positions: dict[Entity, list[int]] = {}
    for position, document in enumerate(network.documents):
        for entity in document.involved:
            index.setdefault(entity, []).append(document)
            positions.setdefault(entity, []).append(position)
    network.documents_of = index
    network.positions_of = positions
    network.involved_by_kind = {
        id(document): _split_by_kind(document.involved) for document in network.documents
    }


def _split_by_kind(involved) -> dict[str, list[Entity]]:
    groups: dict[str, list[Entity]] = {"person": [], "organisation": [], "theme": []}
    for entity in involved:
        groups[entity.kind].append(entity)
    return groups


def documents_of(network: Network, entity: Entity) -> list[Document]:
    """Every document involving ``entity``, newest first."""
    return list(network.documents_of.get(entity, []))


def companions(network: Network, entity: Entity, kind: str, limit: int = 6) -> list[tuple[Entity, int]]:
    """The entities of ``kind`` that most often share a document with ``entity``."""
    of_kind = network.involved_by_kind
    # One count over all of them, in C: an update per document was most of a theme page's time.
    documents = network.documents_of.get(entity, ())
    counts = Counter(chain.from_iterable(of_kind[id(document)][kind] for document in documents))
    counts.pop(entity, None)
    if len(counts) > limit:
        # Only the ties at the cut need their names: keep every entity counted at least as often
        # as the limit-th one, then order those.
        threshold = heapq.nlargest(limit, counts.values())[-1]
        counts = {key: count for key, count in counts.items() if count >= threshold}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], network.sort_name(item[0])))
    return ranked[:limit]


def related_documents(network: Network, position: int, limit: int = 5) -> list[Document]:
    """Up to ``limit`` documents ranked by the entities they share with the document at
    ``position`` in ``network.documents``; ties go to the newer.

    Each entity contributes the documents nearest in time to this one (RELATED_WINDOW of them);
    counting is done by Counter.update, in C.
    """
    document = network.documents[position]
    shared: Counter = Counter()
    half = RELATED_WINDOW // 2
    for entity in document.involved:
        positions = network.positions_of.get(entity, ())
        here = bisect_left(positions, position)
        shared.update(positions[max(0, here - half): here + half + 1])
    shared.pop(position, None)
    if len(shared) > limit:
        # Only the candidates counted at least as often as the limit-th one can be shown; find that
        # count among plain integers (in C), then order the few left by count and newness.
        threshold = heapq.nlargest(limit, shared.values())[-1]
        shared = {p: count for p, count in shared.items() if count >= threshold}
    # Smaller position = newer document.
    best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [network.documents[p] for p, _ in best]
