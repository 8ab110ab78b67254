"""Cross-links in the built sample site, checked over ALL documents and entities.

What each document mentions is computed here independently of the plugin: one regular
expression over the rendered text (leftmost-longest, acronyms case-sensitive), not the automaton.
"""

import os
import re

import pytest

from tests import sources
from tests.site.mentions import meeting_initials
from tests.site.test_year_reviews import reachable_documents

pytestmark = pytest.mark.build

def listed_documents(soup):
    return {a["href"].split("/", 1)[-1].lstrip("./") for a in soup.select(".document-list .document-title a")}


def _norm(href):
    return re.sub(r"^(\.\./)+|^https?://[^/]+/|^/", "", href)


def test_every_mentioned_entity_has_a_page_leading_to_each_document(page, expected, entities):
    documents_of = {}
    for address, involved in expected.items():
        for key in involved:
            if key in entities:
                documents_of.setdefault(key, set()).add(address)
    assert len(documents_of) >= 30, "the sample content mentions many entities"
    for key, addresses in documents_of.items():
        listed, _ = reachable_documents(page, entities[key]["url"])
        missing = addresses - listed
        assert not missing, f"{key}: neither its page nor its years list {missing}"


def test_every_article_links_to_each_public_entity_it_involves(page, expected, entities):
    for address, involved in expected.items():
        hrefs = {_norm(a["href"]) for a in page(address).select("main a[href]")}
        for key in involved:
            if key in entities:
                assert entities[key]["url"] in hrefs, f"{address} has no link to {key}"


def test_tagged_entities_come_first_on_theme_pages(page, expected, entities):
    for key, entity in entities.items():
        if key[0] != "theme":
            continue
        soup = page(entity["url"])
        order = [_norm(a["href"]) for a in soup.select(".entity-documents .document-title a")]
        kinds = [expected[address][key] for address in order if address in expected]
        assert kinds == sorted(kinds, key=lambda k: k != "tagged"), key


def test_formal_minutes_link_their_speakers_initials(page):
    people = {p["id"]: p for p in sources.directory("people.yml")}
    checked = 0
    for path, meta in sources.documents():
        if not meta.get("meeting"):
            continue
        initials = meeting_initials(meta, people)
        body = page(f"minutes/{sources.slug(path)}/").select_one(".document-body")
        spoken = {strong.get_text(strip=True) for strong in body.select("strong")
                  if re.fullmatch(r"[A-Z]{2,4}", strong.get_text(strip=True))}
        for letters in spoken:
            if letters not in initials:
                continue
            person_id = initials[letters]
            linked = [a for a in body.select("a[data-initials]") if a.get_text(strip=True) == letters]
            assert linked and linked[0]["href"].endswith(f"people/{person_id}/"), (path, letters)
            checked += 1
    assert checked >= 10, "the formal minutes use many speakers' initials"


def test_an_entity_without_documents_still_has_its_page(page, expected, entities):
    involved = {key for found in expected.values() for key in found}
    quiet = [key for key in entities if key not in involved]
    assert quiet, "the sample directory has someone no document mentions"
    for key in quiet:
        assert "No documents yet." in page(entities[key]["url"]).get_text()


def test_private_people_have_no_page_and_are_in_no_list(built_site, page):
    private = [p for p in sources.directory("people.yml") if p.get("public") is False]
    for person in private:
        assert not os.path.exists(os.path.join(built_site.output, "people", person["id"]))
        assert f"people/{person['id']}/" not in str(page("people/"))


def test_index_pages_group_and_count(page, expected, entities):
    people = page("people/")
    assert len(people.select(".people-list li")) == sum(1 for k in entities if k[0] == "person")
    organisations = page("organisations/")
    kinds = [h.get_text(strip=True) for h in organisations.select(".entity-group h2")]
    assert len(kinds) >= 4 and len(kinds) == len(set(kinds))
    for item in page("themes/").select(".theme-list > li"):
        theme_id = _norm(item.a["href"]).split("/")[1]
        count = sum(1 for found in expected.values() if ("theme", theme_id) in found)
        assert item.select_one(".count").get_text(strip=True).split()[0] == str(count), theme_id


def test_related_documents_are_ranked_by_shared_entities(page, expected):
    for address, involved in expected.items():
        related = [_norm(a["href"]) for a in page(address).select(".related .document-title a")]
        assert len(related) <= 5 and address not in related
        shared = [len(set(involved) & set(expected[other])) for other in related if other in expected]
        assert shared == sorted(shared, reverse=True), address


def test_json_ld_on_entity_and_article_pages(page):
    import json
    minutes = [p for p, m in sources.documents() if m.get("meeting")][0]
    blocks = [json.loads(s.string) for s in page(f"minutes/{sources.slug(minutes)}/").select(
        'script[type="application/ld+json"]')]
    assert {b["@type"] for b in blocks} == {"NewsArticle", "Event"}
    event = next(b for b in blocks if b["@type"] == "Event")
    assert event["startDate"].startswith(sources.front_matter(
        os.path.join(sources.CONTENT, minutes))["date"][:10]) and event["location"]["name"]
    person = next(p for p in sources.directory("people.yml") if p.get("public") is not False)
    (block,) = [json.loads(s.string) for s in page(f"people/{person['id']}/").select(
        'script[type="application/ld+json"]')]
    assert block["@type"] == "Person" and block["name"] == person["name"]
