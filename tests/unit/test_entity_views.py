"""What the people, organisation and theme pages show, without a build (crosslinks.entities):
public people only, in the orders a reader scans, tags before mentions."""

from datetime import datetime, timezone

from crosslinks.entities import (document_parts, involved_entities, organisations_by_kind, people_by_organisation, person_page,
                                 theme_page, themes_with_counts)
from crosslinks.index import build_index
from network.model import Directory, Document, Entity, Involvement, Network, Organisation, Person, Theme

PEOPLE = {"amy-ash": Person("amy-ash", "Amy Ash", organisation="housing-trust"),
          "bo-bell": Person("bo-bell", "bo Bell", organisation="housing-trust"),
          "cy-cole": Person("cy-cole", "Cy Cole"),
          "sam-secret": Person("sam-secret", "Sam Secret", organisation="housing-trust", public=False)}
ORGANISATIONS = {"housing-trust": Organisation("housing-trust", "Housing Trust", kind="Charity"),
                 "abbey-council": Organisation("abbey-council", "Abbey Council", kind="Council"),
                 "zed": Organisation("zed", "Zed Group"), "alpha": Organisation("alpha", "alpha Club")}
THEMES = {"housing": Theme("housing", "Housing"), "health": Theme("health", "Health")}
HOUSING, AMY = Entity("theme", "housing"), Entity("person", "amy-ash")


def _network():
    network = Network(Directory(people=PEOPLE, organisations=ORGANISATIONS, themes=THEMES))
    for day, involved in ((9, {HOUSING: Involvement(mentions=2), AMY: Involvement(tagged=True)}),
                          (5, {HOUSING: Involvement(tagged=True), Entity("person", "cy-cole"): Involvement(mentions=1),
                               AMY: Involvement(mentions=1)}),
                          (1, {HOUSING: Involvement(tagged=True), Entity("person", "sam-secret"): Involvement(1)})):
        document = Document(path=f"content/updates/{day}.md", title=f"Update {day}", category="Updates",
                            date=datetime(2025, 3, day, tzinfo=timezone.utc))
        document.involved = involved
        network.documents.append(document)  # newest first
    build_index(network)
    return network


def test_people_grouped_by_organisation_by_name_without_private_people():
    groups = people_by_organisation(_network())
    assert [(org.name if org else None, [p.name for p in people]) for org, people in groups] == [
        ("Housing Trust", ["Amy Ash", "bo Bell"]), (None, ["Cy Cole"])]


def test_organisations_grouped_by_kind_other_last_names_without_case():
    groups = organisations_by_kind(_network())
    assert [(kind, [o.name for o in orgs]) for kind, orgs in groups] == [
        ("Charity", ["Housing Trust"]), ("Council", ["Abbey Council"]), ("Other", ["alpha Club", "Zed Group"])]


def test_themes_with_how_many_documents_each_by_name():
    assert [(t.name, count) for t, count in themes_with_counts(_network())] == [("Health", 0), ("Housing", 3)]


def test_a_theme_page_lists_tagged_documents_then_mentions():
    page = theme_page(_network(), "housing")
    assert [d.title for d in page.extra["tagged"]] == ["Update 5", "Update 1"]
    assert [d.title for d in page.extra["mentioned"]] == ["Update 9"]
    assert [d.title for d in page.documents] == ["Update 9", "Update 5", "Update 1"]
    assert page.url == "themes/housing/"


def test_a_summary_shows_the_newest_and_counts_every_year_linking_its_page():
    network = _network()
    network.documents[2].date = datetime(2023, 7, 1, tzinfo=timezone.utc)
    page = theme_page(network, "housing", latest=2)
    assert [d.title for d in page.shown(page.documents)] == ["Update 9", "Update 5"]
    assert [d.title for d in page.shown(page.extra["tagged"])] == ["Update 5", "Update 1"]
    assert page.years == [(2025, 2, "themes/housing/2025/"), (2023, 1, "themes/housing/2023/")]


def test_a_person_page_shows_their_documents_and_who_they_appear_with_never_a_private_person():
    page = person_page(_network(), "amy-ash")
    assert [d.title for d in page.documents] == ["Update 9", "Update 5"]
    assert [(item.name, count) for item, count in page.extra["people"]] == [("Cy Cole", 1)]
    assert page.extra["organisation"].name == "Housing Trust"


def test_a_documents_involved_entities_tags_first_then_by_name_private_people_left_out():
    network = _network()
    oldest = network.documents[2]
    oldest.involved[Entity("person", "bo-bell")] = Involvement(mentions=1)
    oldest.involved[Entity("person", "nobody-known")] = Involvement(mentions=1)
    shown = involved_entities(network, oldest)
    assert [p.name for p in shown["person"]] == ["bo Bell"]
    assert [t.name for t in shown["theme"]] == ["Housing"] and shown["organisation"] == []


def test_a_person_with_more_documents_than_their_page_shows_has_pages_listing_every_one():
    network = _network()
    network.documents[2].date = datetime(2023, 7, 1, tzinfo=timezone.utc)
    network.documents[2].involved[AMY] = Involvement(mentions=1)
    build_index(network)
    page = person_page(network, "amy-ash", latest=2, per_page=2)
    assert page.every_document_url == "people/amy-ash/documents/"
    # 2025 starts on the first page of every document, 2023 on the second.
    assert page.years == [(2025, 2, "people/amy-ash/documents/#year-2025"),
                          (2023, 1, "people/amy-ash/documents/page/2/#year-2023")]
    parts = document_parts(AMY, page.documents, latest=2, per_page=2)
    assert [[d.title for d in part.entries] for part in parts] == [["Update 9", "Update 5"], ["Update 1"]]
    roomy = person_page(network, "amy-ash", latest=3)
    assert roomy.every_document_url is None and document_parts(AMY, roomy.documents, 3, 2) == []
    assert roomy.years == [(2025, 2, None), (2023, 1, None)]  # its own page shows them all


def test_a_themes_years_are_its_years_in_review_and_it_has_no_list_of_every_document():
    page = theme_page(_network(), "housing", latest=1, per_page=1)
    assert page.every_document_url is None
    assert page.years == [(2025, 3, "themes/housing/2025/")]
