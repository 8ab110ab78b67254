"""Which feed goes on which page of the feeds lists, without a build (feeds.listing)."""

from datetime import datetime, timezone

from feeds.listing import feed_list_pages, feed_sections, initial_of, listed_kinds
from feeds.select import feed_specs
from network.model import Directory, Network, Organisation, Person, Theme

NOW = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
NAMES = ["Zoe Zed", "amy Ash", "Émile Eck", "Ben Bold", "Eve East", "3D Print Collective", "Anna Ames",
         "Bea Brook", "Carl Cole"]


def _specs(names=NAMES, private=("Carl Cole",)):
    people = {f"p{i}": Person(f"p{i}", name, public=name not in private) for i, name in enumerate(names)}
    directory = Directory(people=people, organisations={"o": Organisation("o", "Open Door")},
                          themes={"housing": Theme("housing", "Housing")})
    return feed_specs(Network(directory), sitename="CVMP", categories={}, now=NOW, limit=20)


def _names(page):
    return [link.name for link in page.part.entries]


def test_names_are_listed_a_to_z_accents_aside_in_parts_that_link_to_each_other():
    pages = feed_list_pages(_specs(), "person", per_page=3)
    assert [_names(page) for page in pages] == [["3D Print Collective", "amy Ash", "Anna Ames"],
                                                ["Bea Brook", "Ben Bold", "Émile Eck"], ["Eve East", "Zoe Zed"]]
    assert [page.save_as for page in pages] == ["feeds/people/index.html", "feeds/people/page/2/index.html",
                                                "feeds/people/page/3/index.html"]
    assert pages[1].part.previous_url == "feeds/people/" and pages[1].part.next_url == "feeds/people/page/3/"
    assert all(page.total == 8 and page.label == "People" for page in pages)


def test_private_people_have_no_entry_and_each_feed_keeps_its_address():
    links = [link for page in feed_list_pages(_specs(), "person", per_page=100) for link in page.part.entries]
    assert "Carl Cole" not in [link.name for link in links]
    ash = next(link for link in links if link.name == "amy Ash")
    assert (ash.page_path, ash.rss_path, ash.atom_path) == ("people/p1/", "feeds/people/p1.rss.xml",
                                                           "feeds/people/p1.atom.xml")


def test_each_letter_links_to_the_part_and_heading_where_its_names_begin():
    pages = feed_list_pages(_specs(), "person", per_page=3)
    index = [(letter.letter, letter.url, letter.anchor) for letter in pages[0].letters]
    assert index == [("#", "feeds/people/", "letter-other"), ("A", "feeds/people/", "letter-a"),
                     ("B", "feeds/people/page/2/", "letter-b"), ("E", "feeds/people/page/2/", "letter-e"),
                     ("Z", "feeds/people/page/3/", "letter-z")]
    assert all(page.letters == pages[0].letters for page in pages)
    # A letter that runs on into the next part is headed there too, with the same id.
    assert [(letter.letter, _names_of(links)) for letter, links in pages[2].groups] == [
        ("E", ["Eve East"]), ("Z", ["Zoe Zed"])]


def _names_of(links):
    return [link.name for link in links]


def test_the_letter_of_a_name():
    assert [initial_of(name) for name in ("émile", "Łucja", "  Ola", "'Quoted'", "")] == ["E", "Ł", "O", "#", "#"]
    pages = feed_list_pages(_specs(["Łucja Lis"], private=()), "person")
    assert pages[0].letters[0].anchor == "letter-u141"


def test_the_summary_counts_each_kind_and_an_empty_list_is_one_empty_page():
    lists = {kind: feed_list_pages(_specs(), kind, per_page=3) for kind in ("organisation", "person")}
    summary = {listed.kind: (listed.total, listed.url, len(listed.letters)) for listed in listed_kinds(lists)}
    assert summary == {"organisation": (1, "feeds/organisations/", 1), "person": (8, "feeds/people/", 5)}
    (empty,) = feed_list_pages(_specs([]), "person")
    assert empty.total == 0 and empty.groups == () and empty.save_as == "feeds/people/index.html"


def test_the_feeds_page_shows_the_kinds_most_people_follow_first_each_as_it_reads_best():
    specs = _specs()
    lists = {kind: feed_list_pages(specs, kind, per_page=3) for kind in ("organisation", "person")}
    specs += feed_specs(Network(Directory()), sitename="CVMP", categories={"Updates": "updates"}, now=NOW,
                        limit=20)[1:]
    sections = feed_sections(specs, listed_kinds(lists))
    assert [(section.kind, section.label) for section in sections] == [
        ("site", "The whole site"), ("theme", "Themes"), ("organisation", "Organisations"), ("person", "People"),
        ("category", "Categories")]
    site, themes, organisations, people, categories = sections
    assert [spec.title for spec in site.specs] == ["CVMP"] and [spec.key for spec in categories.specs] == ["updates"]
    assert [link.name for link in themes.links] == ["Housing"]
    assert (people.listed.total, people.listed.url) == (8, "feeds/people/") and organisations.listed.total == 1
    # A kind without feeds has no section.
    few = _specs([])
    lists = {kind: feed_list_pages(few, kind) for kind in ("organisation", "person")}
    assert [section.kind for section in feed_sections(few, listed_kinds(lists))] == ["site", "theme", "organisation"]
