"""Who and what each document involves, and what entity pages and "related documents" read from
that: documents of an entity, companions, related documents (crosslinks.index)."""

from datetime import datetime, timedelta

from crosslinks.index import build_index, companions, documents_of, record_involvement, related_documents
from crosslinks.linker import Mention, count_mentions
from network.model import Directory, Document, Entity, Involvement, Network, Organisation, Person, Theme

AMY, BEA, CAL, DAN = (Entity("person", i) for i in ("amy-ash", "bea-birch", "cal-cole", "dan-dale"))
SECRET = Entity("person", "sam-secret")
TRUST, BANK = Entity("organisation", "housing-trust"), Entity("organisation", "food-bank")
HOUSING, ESOL = Entity("theme", "housing"), Entity("theme", "esol")

DIRECTORY = Directory(
    people={"amy-ash": Person("amy-ash", "Amy Ash"), "bea-birch": Person("bea-birch", "Bea Birch"),
            "cal-cole": Person("cal-cole", "Cal Cole"), "dan-dale": Person("dan-dale", "Dan Dale"),
            "sam-secret": Person("sam-secret", "Sam Secret", public=False)},
    organisations={"housing-trust": Organisation("housing-trust", "Housing Trust"),
                   "food-bank": Organisation("food-bank", "Food Bank")},
    themes={"housing": Theme("housing", "Housing"), "esol": Theme("esol", "ESOL")},
)


def _document(number: int, **tags) -> Document:
    return Document(path=f"content/updates/{number}.md", title=f"Update {number}",
                    date=datetime(2026, 1, 1) - timedelta(days=number), category="Updates", **tags)


def _involving(number: int, *entities: Entity, tagged=()) -> Document:
    """A document whose text mentions ``entities`` once each, and tags those in ``tagged``."""
    document = _document(number)
    document.involved = {e: Involvement(tagged=e in tagged, mentions=0 if e in tagged else 1) for e in entities}
    return document


def _network(*documents: Document) -> Network:
    """Documents newest first, as the network keeps them; indexed."""
    network = Network(DIRECTORY, documents=list(documents))
    build_index(network)
    return network


# --- what a document involves -----------------------------------------------------------

def test_tags_first_then_each_mention_counted():
    document = _document(1, themes=["housing"], organisations=["housing-trust"], people=["bea-birch"])
    mentions = [Mention(AMY, True), Mention(HOUSING, True), Mention(AMY, False), Mention(BANK, True),
                Mention(ESOL, False), Mention(AMY, True, by_initials=True)]
    record_involvement(document, count_mentions(mentions), Network(DIRECTORY))
    assert list(document.involved.items()) == [
        (BEA, Involvement(tagged=True)), (TRUST, Involvement(tagged=True)),
        (HOUSING, Involvement(tagged=True, mentions=1)), (AMY, Involvement(mentions=3)),
        (BANK, Involvement(mentions=1)), (ESOL, Involvement(mentions=1))]


def test_mentions_of_a_private_or_unknown_person_are_not_recorded():
    document = _document(1, themes=["esol"])
    mentions = [Mention(SECRET, False), Mention(Entity("person", "not-in-directory"), False), Mention(CAL, True)]
    record_involvement(document, count_mentions(mentions), Network(DIRECTORY))
    assert document.involved == {ESOL: Involvement(tagged=True), CAL: Involvement(mentions=1)}


def test_recording_again_starts_afresh():
    document = _document(1)
    record_involvement(document, count_mentions([Mention(AMY, True)]), Network(DIRECTORY))
    record_involvement(document, count_mentions([Mention(BEA, True)]), Network(DIRECTORY))
    assert document.involved == {BEA: Involvement(mentions=1)}


# --- documents of an entity --------------------------------------------------------------

def test_an_entitys_documents_newest_first_and_none_for_an_entity_never_involved():
    first, second, third = _involving(1, AMY, HOUSING), _involving(2, BEA), _involving(3, AMY)
    network = _network(first, second, third)
    assert documents_of(network, AMY) == [first, third]
    assert documents_of(network, BEA) == [second]
    assert documents_of(network, DAN) == []


def test_a_page_that_reorders_its_documents_leaves_the_index_alone():
    documents = [_involving(1, AMY), _involving(2, AMY)]
    network = _network(*documents)
    documents_of(network, AMY).reverse()
    assert documents_of(network, AMY) == documents


# --- companions: who and what most often shares a document with an entity ----------------

def test_companions_by_how_often_they_share_a_document_then_by_name():
    network = _network(_involving(1, HOUSING, AMY, BEA, TRUST), _involving(2, HOUSING, CAL, BEA),
                       _involving(3, HOUSING, DAN, BANK), _involving(4, ESOL, AMY, AMY))
    assert companions(network, HOUSING, "person") == [(BEA, 2), (AMY, 1), (CAL, 1), (DAN, 1)]
    assert companions(network, HOUSING, "organisation") == [(BANK, 1), (TRUST, 1)]
    assert companions(network, HOUSING, "theme") == []  # never itself
    assert companions(network, AMY, "person") == [(BEA, 1)]
    assert companions(network, SECRET, "theme") == []


def test_at_most_six_companions_and_ties_at_the_cut_go_by_name():
    people = [Entity("person", f"p{n}") for n in range(9)]
    names = Directory(people={p.id: Person(p.id, name) for p, name in zip(people, "IHGFEDCBA")})
    counts = [5, 4, 3, 3, 2, 2, 2, 1, 2]  # p0 in five documents...
    documents = [_involving(n, HOUSING, *[p for p, c in zip(people, counts) if c > n]) for n in range(5)]
    network = Network(names, documents=documents)
    build_index(network)
    # p5, p6, p8 tie with two documents; two fit, by name: p8 ("A") then p6 ("C").
    assert companions(network, HOUSING, "person") == [
        (people[0], 5), (people[1], 4), (people[3], 3), (people[2], 3), (people[8], 2), (people[6], 2)]
    assert companions(network, HOUSING, "person", limit=2) == [(people[0], 5), (people[1], 4)]
    assert companions(network, HOUSING, "person", limit=9)[-4:] == [(people[6], 2), (people[5], 2), (people[4], 2),
                                                                  (people[7], 1)]


def test_a_companion_unknown_to_the_directory_sorts_by_its_id():
    network = _network(_involving(1, HOUSING, Entity("person", "bz")), _involving(2, HOUSING, AMY),
                       _involving(3, HOUSING, Entity("person", "am")))
    assert [e.id for e, _ in companions(network, HOUSING, "person")] == ["am", "amy-ash", "bz"]


# --- related documents ---------------------------------------------------------------------

def test_related_documents_by_how_much_they_share_then_newest_first():
    documents = [_involving(0, HOUSING, AMY, TRUST), _involving(1, HOUSING), _involving(2, HOUSING, AMY),
                 _involving(3, AMY, TRUST, HOUSING), _involving(4, ESOL), _involving(5, AMY),
                 _involving(6, TRUST, AMY)]
    network = _network(*documents)
    assert related_documents(network, 0, 5) == [documents[n] for n in (3, 2, 6, 1, 5)]
    assert related_documents(network, 0, 4) == [documents[n] for n in (3, 2, 6, 1)]
    assert related_documents(network, 0, 3) == [documents[n] for n in (3, 2, 6)]
    assert related_documents(network, 0, 2) == [documents[n] for n in (3, 2)]
    assert related_documents(network, 3, 3) == [documents[0], documents[2], documents[6]]
    assert related_documents(network, 4, 5) == []  # shares nothing


def test_ties_go_to_the_newer_document_whatever_the_order_of_the_shared_entities():
    documents = [_involving(0, HOUSING), _involving(1, ESOL, HOUSING), _involving(2, BANK), _involving(3, ESOL)]
    network = _network(*documents)
    assert related_documents(network, 1, 5) == [documents[0], documents[3]]


def test_a_document_that_involves_nothing_has_no_related_documents():
    network = _network(_involving(0, HOUSING), _involving(1), _involving(2, HOUSING))
    assert related_documents(network, 1, 5) == []
    assert related_documents(network, 0, 5) == [network.documents[2]]


def test_only_the_eighty_documents_nearest_in_time_on_a_busy_theme_are_looked_at():
    documents = [_involving(n, HOUSING) for n in range(100)]
    network = _network(*documents)
    assert related_documents(network, 50, 100) == documents[10:50] + documents[51:91]
    assert related_documents(network, 5, 100) == documents[0:5] + documents[6:46]
    assert related_documents(network, 99, 100) == documents[59:99]
