"""Related documents worked out again only where an edit can change them (crosslinks.related)
equal related documents worked out for every document, whatever the edits."""

import random
from datetime import datetime, timedelta

import pytest

from crosslinks.index import RELATED_WINDOW, build_index, related_documents
from crosslinks.related import related_for_all
from network.model import Directory, Document, Entity, Involvement, Network

ENTITIES = [Entity("theme", f"t{n}") for n in range(4)] + [Entity("person", f"p{n}") for n in range(30)]


def _document(key: str, rng: random.Random) -> Document:
    document = Document(path=key, title=key, date=datetime(2020, 1, 1) + timedelta(days=rng.randrange(400)),
                        category="updates", key=key)
    _involve(document, rng)
    return document


def _involve(document: Document, rng: random.Random) -> None:
    document.involved = {entity: Involvement(tagged=True) for entity in rng.sample(ENTITIES, rng.randint(0, 6))}


def _network(documents: list[Document]) -> Network:
    network = Network(Directory(), documents=sorted(documents, key=lambda d: d.date, reverse=True))
    build_index(network)
    return network


def _everything(network: Network, limit: int) -> dict:
    return {d.key: [r.key for r in related_documents(network, p, limit)] for p, d in enumerate(network.documents)}


def _edit(documents: list[Document], rng: random.Random, serial: int) -> str:
    what = rng.choice(["add", "remove", "redate", "reinvolve", "retitle", "several"])
    if what == "several":
        return ", ".join(_edit(documents, rng, serial * 10 + n) for n in range(3))
    if what == "add" or len(documents) < 5:
        documents.insert(rng.randrange(len(documents) + 1), _document(f"new-{serial}", rng))
    elif what == "remove":
        documents.pop(rng.randrange(len(documents)))
    elif what == "redate":
        rng.choice(documents).date += timedelta(days=rng.randint(-60, 60))
    elif what == "reinvolve":
        _involve(rng.choice(documents), rng)
    else:  # a body or a title edited: nothing the lists follow from
        rng.choice(documents).title += " (edited)"
    return what


@pytest.mark.parametrize("seed", range(12))
def test_after_every_edit_the_lists_are_those_worked_out_from_nothing(seed):
    rng = random.Random(seed)
    # Long lists of one theme, so that windows (RELATED_WINDOW) cut them.
    documents = [_document(f"d{n}", rng) for n in range(3 * RELATED_WINDOW)]
    for document in documents[::2]:
        document.involved[ENTITIES[0]] = Involvement(tagged=True)
    memo, partial, what = None, 0, "nothing yet"
    for serial in range(25):
        network = _network(documents)
        related, memo, afresh = related_for_all(network, 5, memo)
        assert {k: [d.key for d in found] for k, found in related.items()} == _everything(network, 5), \
            f"seed {seed}, after edit {serial} ({what})"
        partial += afresh < len(network.documents)
        what = _edit(documents, rng, serial)
    assert partial > 10, "the memo was almost never used: the test proves nothing"


def test_an_edit_that_involves_nobody_new_works_out_no_list_again():
    rng = random.Random(1)
    documents = [_document(f"d{n}", rng) for n in range(200)]
    _, memo, afresh = related_for_all(_network(documents), 5, None)
    assert afresh == 200
    documents[7].title = "A new title"
    _, memo, afresh = related_for_all(_network(documents), 5, memo)
    assert afresh == 0
    documents[7].involved[Entity("person", "p29")] = Involvement()
    _, _, afresh = related_for_all(_network(documents), 5, memo)
    assert 0 < afresh < 200


def test_another_limit_or_a_shuffled_tie_works_everything_out_again():
    rng = random.Random(2)
    documents = [_document(f"d{n}", rng) for n in range(100)]
    for document in documents:
        document.date = datetime(2024, 1, 1)  # all tied: reading order decides
    _, memo, _ = related_for_all(_network(documents), 5, None)
    assert related_for_all(_network(documents), 6, memo)[2] == 100
    shuffled = documents[50:] + documents[:50]
    related, _, afresh = related_for_all(_network(shuffled), 5, memo)
    assert afresh == 100
    network = _network(shuffled)
    assert {k: [d.key for d in v] for k, v in related.items()} == _everything(network, 5)
