"""What the search files each page under (search.filters), without a build: the values come from
the model, in a stable order, and never name a private person."""

from datetime import datetime, timezone

from network.model import (Directory, Document, Entity, Involvement, Network, Organisation, Person,
                           Theme)
from search.filters import document_filters, entity_filters

NETWORK = Network(Directory(
    people={"ra": Person("ra", "Ruth Abernethy"), "om": Person("om", "Ottilie Marchbanks", public=False)},
    organisations={"crf": Organisation("crf", "Calderbridge Refugee Forum")},
    themes={"housing": Theme("housing", "Housing"), "esol": Theme("esol", "English language (ESOL)")}))


def document(involved, **fields):
    made = Document(path="content/updates/x.md", title="X", category="Updates",
                    date=datetime(2025, 3, 14, tzinfo=timezone.utc), **fields)
    made.involved = {entity: Involvement(tagged=True) for entity in involved}
    return made


def test_a_document_is_filed_by_category_year_and_every_entry_it_involves_themes_first():
    involved = [Entity("person", "ra"), Entity("theme", "housing"), Entity("organisation", "crf"),
                Entity("theme", "esol")]
    assert document_filters(document(involved), network=NETWORK) == [
        ("category", "Updates"), ("year", "2025"), ("theme", "English language (ESOL)"), ("theme", "Housing"),
        ("organisation", "Calderbridge Refugee Forum"), ("person", "Ruth Abernethy")]


def test_a_private_person_or_an_unknown_entry_is_never_a_filter():
    involved = [Entity("person", "om"), Entity("person", "nobody"), Entity("theme", "gone")]
    assert document_filters(document(involved), network=NETWORK) == [("category", "Updates"), ("year", "2025")]


def test_a_standing_page_has_no_year():
    assert document_filters(document([], is_page=True), network=NETWORK) == [("category", "Pages")]
    assert document_filters(None, network=NETWORK) == []


def test_an_entrys_own_page_is_found_under_its_own_name():
    assert entity_filters(Entity("organisation", "crf"), NETWORK.organisations["crf"]) == [
        ("category", "Organisations"), ("organisation", "Calderbridge Refugee Forum")]
    assert entity_filters(Entity("person", "ra"), NETWORK.people["ra"])[0] == ("category", "People")
