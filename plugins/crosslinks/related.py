"""Related documents for every document, worked out again only where an edit can change them. Pure.

A document's related documents (``index.related_documents``) follow from three things alone: the
entities it involves; for each of them, the documents nearest it in time in that entity's list
(``RELATED_WINDOW``); and which of those is newer. So after an edit, only the documents that had
or now have a *changed* document within half a window in one of its entities' lists can have
other related documents (a document coming or going shifts the ones beyond it, but a window
beyond it holds the same documents before and after). A changed
document is one added, removed, moved in time, or involving other entities than before. The rest
keep last time's lists, from a memo of the last build (``RelatedMemo``), kept by the glue.

Building every list again costs a Counter over about 80 neighbours per entity per document: at
10,000 documents, seconds on every rebuild. An edit that names nobody new changes no list.
"""

from __future__ import annotations

import dataclasses

from network.model import Document, Network

from .index import RELATED_WINDOW, related_documents

#: A memo's format; a memo in any other is not read.
MEMO_VERSION = 1


@dataclasses.dataclass
class RelatedMemo:
    """What the last build knew: its documents, newest first, and for each (by key) when it is
    dated, the entities it involves and its related documents (by key)."""

    limit: int
    window: int
    order: list[str]
    dated: dict[str, str]
    involved: dict[str, frozenset]
    related: dict[str, tuple[str, ...]]
    version: int = MEMO_VERSION


def related_for_all(network: Network, limit: int, previous: RelatedMemo | None) -> tuple[dict[str, list[Document]],
                                                                                          RelatedMemo, int]:
    """(each document's related documents by key, the memo for next time, how many lists were
    worked out afresh)."""
    documents = network.documents
    by_key = {document.key: document for document in documents}
    now = _memo_of(network, limit)
    afresh = _to_work_out(network, now, previous)
    related: dict[str, list[Document]] = {}
    for position, document in enumerate(documents):
        if afresh is None or document.key in afresh:
            related[document.key] = related_documents(network, position, limit)
        else:
            related[document.key] = [by_key[key] for key in previous.related[document.key]]
    now.related = {key: tuple(d.key for d in found) for key, found in related.items()}
    return related, now, len(documents) if afresh is None else len(afresh)


def _memo_of(network: Network, limit: int) -> RelatedMemo:
    return RelatedMemo(
        limit, RELATED_WINDOW, [d.key for d in network.documents],
        {d.key: d.date.isoformat() for d in network.documents},
        {d.key: frozenset(d.involved) for d in network.documents}, {})


def _to_work_out(network: Network, now: RelatedMemo, previous: RelatedMemo | None) -> set[str] | None:
    """The keys of the documents whose lists may have changed; None for all of them."""
    if (previous is None or previous.version != MEMO_VERSION or previous.limit != now.limit
            or previous.window != now.window or len(set(now.order)) != len(now.order)):
        return None
    old, new = set(previous.order), set(now.order)
    changed = (old ^ new) | {key for key in old & new if previous.dated[key] != now.dated[key]
                             or previous.involved[key] != now.involved[key]}
    # Documents that kept their date must keep their order (ties are kept in reading order).
    steady = (old & new) - changed
    if [k for k in previous.order if k in steady] != [k for k in now.order if k in steady]:
        return None
    if not changed:
        return set()
    if len(changed) * 4 > len(new):  # a rebuild of much of the site: as quick to work out all
        return None
    reach = RELATED_WINDOW // 2
    affected = changed & new
    affected |= _near(_lists_of(previous.order, previous.involved), changed, previous.involved, reach) & new
    current_lists = {entity: [network.documents[p].key for p in positions]
                     for entity, positions in network.positions_of.items()}
    affected |= _near(current_lists, changed, now.involved, reach)
    return affected


def _lists_of(order: list[str], involved: dict[str, frozenset]) -> dict:
    """entity -> the keys of the documents involving it, in ``order``."""
    lists: dict = {}
    for key in order:
        for entity in involved[key]:
            lists.setdefault(entity, []).append(key)
    return lists


def _near(lists: dict, changed: set[str], involved: dict[str, frozenset], reach: int) -> set[str]:
    """Every document within ``reach`` of a changed one in one of the changed one's lists."""
    near: set[str] = set()
    for key in changed & involved.keys():
        for entity in involved[key]:
            keys = lists.get(entity, ())
            here = keys.index(key)
            near.update(keys[max(0, here - reach): here + reach + 1])
    return near
