"""The OPML file of every feed, without a build (feeds.opml): read back with lxml as a feed
reader's importer would."""

from datetime import datetime, timedelta, timezone

from lxml import etree

from feeds.listing import OtherWay
from feeds.opml import EPOCH, opml_bytes, opml_groups, published_span
from feeds.select import feed_specs
from network.model import Directory, Document, Network, Organisation, Person, Theme

NOW = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
SITE = "https://cvmp.example.org"
HOSTILE = 'Ada "Quote" <script>alert(1)</script> & Sons'


def _specs():
    people = {"ada": Person("ada", HOSTILE), "carl": Person("carl", "Carl Cole", public=False),
              "bo": Person("bo", "Bo Bell")}
    directory = Directory(people=people, organisations={"o": Organisation("o", "Open Door")},
                          themes={"housing": Theme("housing", "Housing")})
    return feed_specs(Network(directory), sitename="CVMP", categories={"Updates": "updates"}, now=NOW, limit=20)


def _read(data: bytes):
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def _opml(groups, **head):
    values = {"title": "CVMP: every feed", "owner": "CVMP", "created": datetime(2024, 1, 31, tzinfo=timezone.utc),
              "modified": datetime(2026, 10, 30, 9, 5, tzinfo=timezone.utc)} | head
    return _read(opml_bytes(groups, **values))


def test_every_feed_is_an_rss_outline_under_its_kind_in_the_order_of_the_feeds_page():
    root = _opml(opml_groups(_specs(), SITE))
    assert root.get("version") == "2.0"
    groups = root.findall("body/outline")
    assert [group.get("text") for group in groups] == ["The whole site", "Themes", "Organisations", "People",
                                                       "Categories"]
    people = groups[3].findall("outline")
    assert [(o.get("type"), o.get("text"), o.get("xmlUrl"), o.get("htmlUrl")) for o in people] == [
        ("rss", HOSTILE, f"{SITE}/feeds/people/ada.rss.xml", f"{SITE}/people/ada/"),
        ("rss", "Bo Bell", f"{SITE}/feeds/people/bo.rss.xml", f"{SITE}/people/bo/")]
    everything = groups[0].find("outline")
    assert (everything.get("text"), everything.get("title"), everything.get("htmlUrl")) == ("Everything", "CVMP",
                                                                                          f"{SITE}/")
    assert groups[4].find("outline").get("xmlUrl") == f"{SITE}/feeds/categories/updates.rss.xml"


def test_a_hostile_name_is_text_and_a_private_person_is_absent():
    data = opml_bytes(opml_groups(_specs(), SITE), title='Ours & "theirs" <b>', owner="A <i>&</i>",
                      created=EPOCH, modified=EPOCH)
    root = _read(data)
    assert b"<script>" not in data and b"<b>" not in data
    ada = root.find("body/outline[@text='People']/outline")
    assert ada.get("title") == f"CVMP: {HOSTILE}" and not ada.getchildren()
    assert root.findtext("head/title") == 'Ours & "theirs" <b>' and root.findtext("head/ownerName") == "A <i>&</i>"
    assert b"Carl Cole" not in data and b"carl" not in data
    # A character XML cannot hold, even escaped, is left out rather than breaking the file.
    specs = _specs()
    specs[1].title = "CVMP: Hou\x0bsing"
    assert _opml(opml_groups(specs, SITE)).find("body/outline[@text='Themes']/outline").get("text") == "Housing"


def test_the_head_has_rfc_822_dates_the_owner_and_the_specification():
    head = _opml(opml_groups(_specs(), SITE)).find("head")
    assert head.findtext("dateCreated") == "Wed, 31 Jan 2024 00:00:00 +0000"
    assert head.findtext("dateModified") == "Fri, 30 Oct 2026 09:05:00 +0000"
    assert head.findtext("ownerName") == "CVMP" and head.findtext("docs").startswith("http")


def test_other_feeds_come_after_the_site_s_and_other_ways_that_are_no_feed_stay_out():
    others = (OtherWay("The newsletter's feed", "newsletter/feed.xml", "newsletter/", "RSS", is_feed=True),
              OtherWay("The meetings calendar", "meetings.ics", "meetings/", "iCalendar"))
    groups = _opml(opml_groups(_specs(), SITE, others)).findall("body/outline")
    assert [group.get("text") for group in groups][:3] == ["The whole site", "Other feeds", "Themes"]
    assert [(o.get("text"), o.get("xmlUrl")) for o in groups[1]] == [
        ("The newsletter's feed", f"{SITE}/newsletter/feed.xml")]
    assert "meetings.ics" not in etree.tostring(groups[1]).decode()


def test_the_dates_are_those_of_the_oldest_and_newest_published_documents():
    def document(key, days, **extra):
        return Document(path=key, title=key, date=NOW - timedelta(days=days), category="Updates", **extra)

    documents = [document("future", -3), document("draft", 1, draft=True), document("new", 2),
                 document("old", 50), document("page", 90, is_page=True)]
    assert published_span(documents, NOW) == (NOW - timedelta(days=50), NOW - timedelta(days=2))
    assert published_span([document("future", -3)], NOW) == (EPOCH, EPOCH)
