"""The parts of the search index (search.shards), without a build: which pages each part
indexes, which part is the primary, and when a part's manifest says it was made from the same
pages."""

from datetime import datetime, timezone

from network.model import Directory, Document, Network, Organisation, Person, Theme
from search.shards import PART_PAGES, Shard, is_merged_part_file, plan


def _network(*documents, pages=()):
    network = Network(Directory(
        people={"ra": Person("ra", "Ruth Abernethy"), "om": Person("om", "Ottilie Marchbanks", public=False)},
        organisations={"crf": Organisation("crf", "Calderbridge Refugee Forum")},
        themes={"housing": Theme("housing", "Housing")}))
    for url, year in documents:
        network.add(Document(path=f"content/{url}.md", title=url, category="Updates",
                             date=datetime(year, 3, 1, tzinfo=timezone.utc), url=url))
    for url in pages:
        network.add(Document(path=f"content/pages/{url}.md", title="About", category="",
                             date=datetime(2025, 1, 1, tzinfo=timezone.utc), url=url, is_page=True))
    return network


def test_the_directorys_pages_come_first_then_each_year_newest_first():
    network = _network(("updates/old/", 2019), ("minutes/2025-03-steering/", 2025), ("updates/new/", 2025),
                       pages=["about/"])
    shards = plan(network)
    assert [(shard.name, shard.primary) for shard in shards] == [("pages", True), ("2025", False), ("2019", False)]
    assert shards[0].pages == ("about/index.html", "organisations/crf/index.html", "people/ra/index.html",
                               "themes/housing/index.html")  # no page for a private person
    assert shards[1].pages == ("minutes/2025-03-steering/index.html", "updates/new/index.html")
    assert shards[2].folder == "pagefind/2019"


def test_a_part_with_no_page_is_left_out_and_the_next_one_is_the_primary():
    network = _network(("updates/one/", 2024))
    network.directory.people.clear(), network.directory.organisations.clear(), network.directory.themes.clear()
    assert [(shard.name, shard.primary) for shard in plan(network)] == [("2024", True)]
    network.documents.clear()
    assert plan(network) == []


def test_a_manifest_tells_the_same_pages_role_and_pagefind_apart():
    shard = Shard("2025", ("updates/a/index.html", "updates/b/index.html"), primary=False)
    written = shard.manifest("1.5.2", {"updates/a/index.html": (7, 120, 99), "updates/b/index.html": (8, 130, 99)})
    assert shard.made_as(written, "1.5.2") == {"updates/a/index.html": [7, 120, 99],
                                               "updates/b/index.html": [8, 130, 99]}
    assert shard.made_as(written, "1.6.0") is None
    assert Shard("2025", ("updates/a/index.html",), primary=False).made_as(written, "1.5.2") is None
    assert Shard("2025", shard.pages, primary=True).made_as(written, "1.5.2") is None
    assert shard.made_as(b"{not json", "1.5.2") is None and shard.made_as(b"[]", "1.5.2") is None


def test_a_merged_part_keeps_only_what_merging_reads():
    for kept in ("pagefind-entry.json", "pagefind.en_1a2b.pf_meta", "index", "fragment", "filter"):
        assert is_merged_part_file(kept)
    for dropped in ("pagefind.js", "wasm.en.pagefind", "pagefind-ui.js", "pagefind-ui.css", "shard.json"):
        assert not is_merged_part_file(dropped)


def test_a_large_year_is_indexed_by_quarters_and_a_small_one_whole():
    many = [(f"updates/u{number}/", 2024) for number in range(PART_PAGES + 1)]
    network = _network(*many, ("updates/small/", 2023))
    for number, document in enumerate(network.documents[:PART_PAGES + 1]):
        document.date = document.date.replace(month=1 + number % 12)
    names = [shard.name for shard in plan(network)]
    assert names == ["pages", "2024-q4", "2024-q3", "2024-q2", "2024-q1", "2023"]
    quarters = {shard.name: shard.pages for shard in plan(network)}
    assert sum(len(quarters[f"2024-q{quarter}"]) for quarter in (1, 2, 3, 4)) == PART_PAGES + 1
    assert "updates/u0/index.html" in quarters["2024-q1"] and "updates/u11/index.html" in quarters["2024-q4"]


def test_a_large_directory_gives_people_and_organisations_parts_of_their_own():
    network = _network(("updates/one/", 2025), pages=["about/"])
    for number in range(PART_PAGES):
        network.directory.people[f"p{number}"] = Person(f"p{number}", f"Person {number}")
    network.directory.people["hidden"] = Person("hidden", "Hidden Person", public=False)
    shards = plan(network)
    assert [(shard.name, shard.primary) for shard in shards] == [
        ("pages", True), ("people", False), ("organisations", False), ("2025", False)]
    assert shards[0].pages == ("about/index.html", "themes/housing/index.html")
    assert len(shards[1].pages) == PART_PAGES + 1 and "people/hidden/index.html" not in shards[1].pages
