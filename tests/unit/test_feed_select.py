"""Which feeds the site has and what goes in each, without a build (feeds.select)."""

from dataclasses import replace
from datetime import datetime, timezone

from feeds.select import feed_paths, feed_specs, in_feeds
from network.model import Directory, Document, Entity, Network, Organisation, Person, Theme

NOW = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)


def _document(day: int, category: str = "Updates", **extra) -> Document:
    return Document(path=f"content/x/{day}.md", title=f"Document {day}",
                    date=datetime(2026, 11, day, 9, tzinfo=timezone.utc), category=category, **extra)


def _network() -> Network:
    directory = Directory(
        people={"amy-ash": Person("amy-ash", "Amy Ash"), "sam-secret": Person("sam-secret", "Sam Secret", public=False),
                "ben-bold": Person("ben-bold", "ben Bold")},
        organisations={"housing": Organisation("housing", "Housing Trust")},
        themes={"housing": Theme("housing", "Housing")},
    )
    network = Network(directory)
    network.documents = [_document(day, "Minutes" if day % 3 == 0 else "Updates") for day in range(29, 0, -1)]
    network.documents_of[Entity("theme", "housing")] = network.documents[:3]
    network.documents_of[Entity("person", "amy-ash")] = [network.documents[5]]
    return network


def _specs(network, limit=20, now=NOW):
    return feed_specs(network, sitename="CVMP", categories={"Updates": "updates", "Minutes": "minutes"},
                      now=now, limit=limit)


def test_feed_paths_put_each_kind_in_its_own_folder():
    assert feed_paths("site") == ("feeds/all.atom.xml", "feeds/all.rss.xml")
    assert feed_paths("theme", "housing") == ("feeds/themes/housing.atom.xml", "feeds/themes/housing.rss.xml")
    assert feed_paths("organisation", "housing")[0] == "feeds/organisations/housing.atom.xml"
    assert feed_paths("person", "amy-ash")[1] == "feeds/people/amy-ash.rss.xml"
    assert feed_paths("category", "minutes")[0] == "feeds/categories/minutes.atom.xml"


def test_drafts_pages_and_future_documents_are_in_no_feed():
    assert in_feeds(_document(3), NOW)
    assert in_feeds(replace(_document(3), date=NOW), NOW)  # due this very instant
    assert not in_feeds(_document(3, draft=True), NOW)
    assert not in_feeds(_document(3, is_page=True), NOW)
    assert not in_feeds(_document(3), datetime(2026, 11, 2, tzinfo=timezone.utc))


def test_every_feed_of_the_site_with_its_titles_pages_and_newest_documents():
    network = _network()
    specs = {(spec.kind, spec.key): spec for spec in _specs(network, limit=4)}
    # The whole site, two categories, one theme, one organisation, two public people (by name,
    # whatever their capitals); never the private person.
    assert list(specs) == [("site", "all"), ("category", "updates"), ("category", "minutes"),
                           ("theme", "housing"), ("organisation", "housing"), ("person", "amy-ash"),
                           ("person", "ben-bold")]
    site = specs["site", "all"]
    assert (site.title, site.subtitle, site.page_path) == ("CVMP", "Everything CVMP publishes", "")
    assert [d.title for d in site.documents] == ["Document 29", "Document 28", "Document 27", "Document 26"]
    minutes = specs["category", "minutes"]
    assert (minutes.title, minutes.subtitle, minutes.page_path) == ("CVMP: Minutes", "Minutes from CVMP", "minutes/")
    assert [d.title for d in minutes.documents] == ["Document 27", "Document 24", "Document 21", "Document 18"]
    assert all(d.category == "Updates" for d in specs["category", "updates"].documents)
    theme = specs["theme", "housing"]
    assert (theme.title, theme.subtitle, theme.page_path) == (
        "CVMP: Housing", "Every document about or mentioning Housing", "themes/housing/")
    assert [d.title for d in theme.documents] == ["Document 29", "Document 28", "Document 27"]
    assert specs["organisation", "housing"].page_path == "organisations/housing/"
    assert specs["organisation", "housing"].documents == []
    assert specs["person", "amy-ash"].page_path == "people/amy-ash/"
    assert [d.title for d in specs["person", "amy-ash"].documents] == ["Document 24"]
    assert specs["person", "amy-ash"].atom_path == "feeds/people/amy-ash.atom.xml"
    assert specs["person", "amy-ash"].rss_path == "feeds/people/amy-ash.rss.xml"


def test_the_limit_counts_only_documents_that_are_in_feeds():
    network = _network()
    network.documents[0].draft = True
    network.documents[1].date = datetime(2027, 1, 1, tzinfo=timezone.utc)
    site = _specs(network, limit=2)[0]
    assert [d.title for d in site.documents] == ["Document 27", "Document 26"]
    assert len(_specs(network, limit=100)[0].documents) == 27


def test_a_category_with_nothing_published_yet_has_an_empty_feed():
    network = _network()
    specs = feed_specs(network, sitename="CVMP", categories={"Events": "events"}, now=NOW, limit=5)
    events = specs[1]
    assert (events.kind, events.key, events.title) == ("category", "events", "CVMP: Events")
    assert events.documents == []


def test_a_private_person_first_by_name_does_not_hide_the_people_after_them():
    network = _network()
    network.people["abe-hidden"] = Person("abe-hidden", "Abe Hidden", public=False)
    people = [spec.key for spec in _specs(network) if spec.kind == "person"]
    assert people == ["amy-ash", "ben-bold"]


def _minutes(network, at, **roles):
    """Make the document at position ``at`` minutes where people had these roles."""
    from network.model import Meeting

    document = network.documents[at]
    document.meeting = Meeting(body="housing", starts=document.date)
    for role, ids in roles.items():
        for person_id in ids:
            network.meetings_of.setdefault(person_id, []).append((document, role))
    return document


def test_a_persons_feed_holds_every_document_where_they_have_a_role_newest_first_each_once():
    from network.model import Action, Owner, PersonRef

    network = _network()  # amy-ash is mentioned in the document at position 5
    network.documents[9].author = PersonRef("Amy Ash", "amy-ash")
    _minutes(network, 2, chair=["amy-ash"])
    _minutes(network, 7, minutes_by=["amy-ash"], present=["ben-bold"])
    _minutes(network, 12, present=["amy-ash"])
    _minutes(network, 14, in_attendance=["amy-ash"])
    _minutes(network, 16, apologies=["amy-ash"])  # not there: not in her feed
    owned = _minutes(network, 20)
    network.actions_of[Entity("person", "amy-ash")] = [Action(owned, 1, "AA to write", "AA to write",
                                                              [Owner("AA", Entity("person", "amy-ash"))])] * 2
    network.actions_of[Entity("organisation", "housing")] = [Action(owned, 2, "", "")]
    specs = {(spec.kind, spec.key): spec for spec in _specs(network)}
    amy = specs["person", "amy-ash"]
    assert [network.documents.index(d) for d in amy.documents] == [2, 5, 7, 9, 12, 14, 20]
    assert "wrote, chaired, took the minutes of, attended or was given an action in" in amy.subtitle
    assert [network.documents.index(d) for d in specs["person", "ben-bold"].documents] == [7]
    assert specs["organisation", "housing"].documents == [owned]


def test_a_private_person_gets_no_feed_by_any_role():
    from network.model import PersonRef

    network = _network()
    network.documents[3].author = PersonRef("Sam Secret", "sam-secret")
    _minutes(network, 4, chair=["sam-secret"])
    specs = _specs(network)
    assert not [spec for spec in specs if spec.key == "sam-secret"]
    assert all(spec.subtitle.count("Sam") == 0 for spec in specs)
