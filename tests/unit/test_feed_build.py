"""What a subscriber's reader finds in our Atom and RSS files, read back with feedparser (network.feedxml)."""

from datetime import datetime, timedelta, timezone
from xml.etree import ElementTree

import feedparser
import pytest

from network.feedxml import Enclosure, EntryCache, FeedInfo, FeedItem, make_feeds

SITE = "https://cvmp.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
UTC = timezone.utc
LONDON_SUMMER = timezone(timedelta(hours=1))


def _info(**changes) -> FeedInfo:
    values = dict(title="CVMP: Housing", subtitle="Every document about or mentioning Housing",
                  page_url=f"{SITE}/themes/housing/", atom_url=f"{SITE}/feeds/themes/housing.atom.xml",
                  rss_url=f"{SITE}/feeds/themes/housing.rss.xml", id=f"{SITE}/themes/housing/", language="en-gb",
                  updated=datetime(2026, 11, 20, 17, 30, tzinfo=UTC))
    values.update(changes)
    return FeedInfo(**values)


def _item(day: int, **changes) -> FeedItem:
    values = dict(id=f"tag:cvmp.example.org,2026-11-{day:02}:updates/{day}", title=f"Update {day}",
                  url=f"{SITE}/updates/{day}/", published=datetime(2026, 11, day, 9, tzinfo=UTC),
                  updated=datetime(2026, 11, day, 9, tzinfo=UTC), summary_html=f"<p>Summary {day}</p>",
                  content_html=f"<p>Body of update {day}</p>")
    values.update(changes)
    return FeedItem(**values)


def _read(info: FeedInfo, items: list[FeedItem], cache: EntryCache | None = None):
    """Both files as a feed reader sees them; each must be well-formed XML."""
    atom, rss = make_feeds(info, items, cache)
    parsed = feedparser.parse(atom), feedparser.parse(rss)
    for feed, version in zip(parsed, ("atom10", "rss20")):
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == version
    return parsed


def _links(links, rel):
    return [link for link in links if link["rel"] == rel]


def test_the_atom_feed_names_itself_its_page_language_and_date():
    atom, _ = _read(_info(), [])
    head = atom.feed
    assert (head.id, head.title, head.subtitle) == (
        f"{SITE}/themes/housing/", "CVMP: Housing", "Every document about or mentioning Housing")
    assert [link.href for link in _links(head.links, "self")] == [f"{SITE}/feeds/themes/housing.atom.xml"]
    assert [link.href for link in _links(head.links, "alternate")] == [f"{SITE}/themes/housing/"]
    assert head.link == f"{SITE}/themes/housing/"
    assert head.language == "en-gb"
    assert head.updated == "2026-11-20T17:30:00+00:00"
    assert head.generator == "Partnership publisher (feedgen)"


def test_the_atom_feed_spells_out_the_relation_of_each_of_its_links():
    atom, _ = make_feeds(_info(), [])
    head = ElementTree.fromstring(atom)
    assert [link.attrib for link in head.findall(f"{ATOM}link")] == [
        {"href": f"{SITE}/feeds/themes/housing.atom.xml", "rel": "self"},
        {"href": f"{SITE}/themes/housing/", "rel": "alternate"}]


def test_the_rss_channel_links_to_the_page_and_to_its_own_address():
    _, rss = _read(_info(), [])
    channel = rss.feed
    assert channel.title == "CVMP: Housing"
    assert channel.link == f"{SITE}/themes/housing/"
    assert [link.href for link in _links(channel.links, "self")] == [f"{SITE}/feeds/themes/housing.rss.xml"]
    assert [link.href for link in _links(channel.links, "alternate")] == [f"{SITE}/themes/housing/"]
    assert channel.subtitle == "Every document about or mentioning Housing"
    assert channel.language == "en-gb"
    assert channel.updated_parsed[:5] == (2026, 11, 20, 17, 30)
    assert channel.generator == "Partnership publisher (feedgen)"


def test_a_subtitle_with_markup_characters_reads_as_the_same_words_in_both_formats():
    atom, rss = _read(_info(subtitle="Housing & <Homes> from Amy's team"), [])
    assert atom.feed.subtitle == "Housing & <Homes> from Amy's team"
    # RSS readers take the channel's description for HTML: escaped, it shows the same words.
    assert rss.feed.subtitle == "Housing &amp; &lt;Homes&gt; from Amy's team"


def test_a_feed_without_a_subtitle_is_described_by_its_title():
    atom, rss = _read(_info(title="CVMP & friends", subtitle=""), [])
    assert atom.feed.subtitle == "CVMP & friends"
    assert rss.feed.subtitle == "CVMP &amp; friends"


def test_entries_stay_in_the_order_given_newest_first():
    atom, rss = _read(_info(), [_item(12), _item(20), _item(3)])
    assert [entry.title for entry in atom.entries] == ["Update 12", "Update 20", "Update 3"]
    assert [entry.title for entry in rss.entries] == ["Update 12", "Update 20", "Update 3"]


def test_an_entry_carries_its_id_title_link_dates_and_html():
    item = _item(7, published=datetime(2026, 11, 7, 9, tzinfo=LONDON_SUMMER),
                 updated=datetime(2026, 11, 8, 14, 15, tzinfo=LONDON_SUMMER))
    atom, rss = _read(_info(), [item])
    for entry in atom.entries[0], rss.entries[0]:
        assert entry.id == "tag:cvmp.example.org,2026-11-07:updates/7"
        assert entry.title == "Update 7"
        assert entry.link == f"{SITE}/updates/7/"
        assert entry.published_parsed[:5] == (2026, 11, 7, 8, 0)  # 09:00 at +01:00
        assert entry.summary == "<p>Summary 7</p>"
        assert [(part.type, part.value) for part in entry.content] == [("text/html", "<p>Body of update 7</p>")]
    assert atom.entries[0].published == "2026-11-07T09:00:00+01:00"
    assert atom.entries[0].updated == "2026-11-08T14:15:00+01:00"
    assert atom.entries[0].summary_detail.type == "text/html"
    # The RSS guid is a tag, not an address to open.
    _, raw = make_feeds(_info(), [item])
    assert ElementTree.fromstring(raw).find("channel/item/guid").attrib == {"isPermaLink": "false"}


def test_the_rss_item_uses_the_usual_prefixes_for_content_and_creator():
    _, rss = make_feeds(_info(), [_item(7, author="Amy Ash")])
    assert b"<content:encoded>&lt;p&gt;Body of update 7&lt;/p&gt;</content:encoded>" in rss
    assert b"<dc:creator>Amy Ash</dc:creator>" in rss


def test_a_document_without_a_summary_shows_its_title_as_text():
    title = 'Amy\'s "plan" for <Housing> & more'
    atom, rss = _read(_info(), [_item(7, title=title, summary_html="")])
    for entry in atom.entries[0], rss.entries[0]:
        assert entry.title == title
        assert entry.summary == 'Amy\'s "plan" for &lt;Housing&gt; &amp; more'


def test_the_author_is_named_in_atom_and_as_dc_creator_in_rss():
    atom, rss = _read(_info(), [_item(7, author="Amy Ash")])
    assert atom.entries[0].authors == [{"name": "Amy Ash"}]
    assert rss.entries[0].authors == [{"name": "Amy Ash"}]
    # RSS <author> must be an e-mail address: a name never goes there.
    _, raw = make_feeds(_info(), [_item(7, author="Amy Ash")])
    assert b"<author>" not in raw


def test_a_document_without_an_author_names_nobody():
    atom, rss = _read(_info(), [_item(7)])
    assert "author" not in atom.entries[0]
    assert "author" not in rss.entries[0]


def test_themes_become_the_entry_categories():
    atom, rss = _read(_info(), [_item(7, categories=["Housing", "Employment"])])
    for entry in atom.entries[0], rss.entries[0]:
        assert [tag.term for tag in entry.tags] == ["Housing", "Employment"]
    atom, _ = _read(_info(), [_item(7)])
    assert "tags" not in atom.entries[0]


def test_atom_lists_every_attachment_rss_only_the_first():
    plan = Enclosure(f"{SITE}/files/plan.pdf", 123456, "application/pdf", "Housing plan")
    notes = Enclosure(f"{SITE}/files/notes.docx", 789, "application/msword")
    atom, rss = _read(_info(), [_item(7, enclosures=[plan, notes])])
    assert _links(atom.entries[0].links, "alternate") == [
        {"rel": "alternate", "type": "text/html", "href": f"{SITE}/updates/7/"}]
    assert _links(atom.entries[0].links, "enclosure") == [
        {"rel": "enclosure", "type": "application/pdf", "length": "123456", "href": f"{SITE}/files/plan.pdf",
         "title": "Housing plan"},
        {"rel": "enclosure", "type": "application/msword", "length": "789", "href": f"{SITE}/files/notes.docx"}]
    assert rss.entries[0].enclosures == [
        {"type": "application/pdf", "length": "123456", "href": f"{SITE}/files/plan.pdf"}]


def test_an_entry_without_attachments_links_only_to_its_page():
    atom, rss = _read(_info(), [_item(7)])
    assert atom.entries[0].links == [{"rel": "alternate", "type": "text/html", "href": f"{SITE}/updates/7/"}]
    assert rss.entries[0].enclosures == []


@pytest.mark.parametrize("date", ["published", "updated"])
def test_a_document_date_without_a_time_zone_is_refused_naming_the_document(date):
    item = _item(7, title="Housing plan", **{date: datetime(2026, 11, 7, 9)})
    with pytest.raises(ValueError, match="^'Housing plan' has no time zone$"):
        make_feeds(_info(), [item])


def test_a_feed_date_without_a_time_zone_is_refused():
    with pytest.raises(ValueError, match="^the feed's date has no time zone$"):
        make_feeds(_info(updated=datetime(2026, 11, 20, 17, 30)), [])


def test_a_shared_cache_gives_every_feed_the_same_entry_for_a_document():
    cache = EntryCache()
    make_feeds(_info(), [_item(7)], cache)
    # The same document (same id) in a second feed: its entry was made once, for the first.
    atom, rss = _read(_info(title="CVMP"), [_item(8), _item(7, title="Changed since")], cache)
    assert [entry.title for entry in atom.entries] == ["Update 8", "Update 7"]
    assert [entry.title for entry in rss.entries] == ["Update 8", "Update 7"]


def test_atom_entry_links_spell_out_their_relation_type_length_and_title():
    # feedparser forgives case and missing attributes; other readers follow the Atom spec to the letter.
    plan = Enclosure(f"{SITE}/files/plan.pdf", 123456, "application/pdf", "Housing plan")
    notes = Enclosure(f"{SITE}/files/notes.docx", 789, "application/msword")
    atom, _ = make_feeds(_info(), [_item(7, enclosures=[plan, notes])])
    entry = ElementTree.fromstring(atom).find(f"{ATOM}entry")
    assert [link.attrib for link in entry.iter(f"{ATOM}link")] == [
        {"rel": "alternate", "type": "text/html", "href": f"{SITE}/updates/7/"},
        {"rel": "enclosure", "type": "application/pdf", "length": "123456", "href": f"{SITE}/files/plan.pdf",
         "title": "Housing plan"},
        {"rel": "enclosure", "type": "application/msword", "length": "789", "href": f"{SITE}/files/notes.docx"}]


def test_the_files_hold_nothing_but_elements_between_the_entries():
    atom, rss = make_feeds(_info(), [_item(12), _item(20), _item(3)])
    for channel in ElementTree.fromstring(atom), ElementTree.fromstring(rss).find("channel"):
        assert all(not (child.tail or "").strip() for child in channel)
        assert not (channel.text or "").strip()


def test_accented_names_are_written_as_themselves_in_utf8():
    item = _item(7, title="Renée Dubois joins Housing Trust", author="Renée Dubois")
    for raw in make_feeds(_info(), [item]):
        assert raw.count("Renée Dubois".encode("utf-8")) >= 2
        assert b"&#" not in raw
