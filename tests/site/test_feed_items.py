"""A feed item reads on its own: minutes with their meeting, attendance and actions, the people
behind initials named, attachments linked; each person's feed by every role they had. Checked
against the sources, through feedparser."""

import os
import re

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests import sources
from tests.site.test_minutes import ACTION_LINE, minutes_sources

pytestmark = pytest.mark.build

SITE = "https://cvmp.example.org"
MEETING_ROLES = ("chair", "minutes_by", "present", "in_attendance")


def address(path):
    return f"{path.split('/')[0]}/{sources.slug(path)}/"


def item_of(output, feed, path):
    """The entry for the document at ``path`` in a feed, and its content as soup."""
    parsed = feedparser.parse(os.path.join(output, feed))
    assert not parsed.bozo, parsed.get("bozo_exception")
    entry = next(e for e in parsed.entries if e.link == f"{SITE}/{address(path)}")
    return entry, BeautifulSoup(entry.content[0].value, "html.parser")


def words(text):
    return " ".join(text.split())


def source_action_texts(body):
    texts = []
    for line in body.splitlines():
        plain = line.replace("**", "").strip()
        match = ACTION_LINE.match(plain)
        if match:
            texts.append(words(plain[match.end():]))
    return texts


@pytest.mark.parametrize("feed", ["feeds/categories/minutes.atom.xml", "feeds/categories/minutes.rss.xml"])
def test_a_minutes_item_names_its_meeting_every_attendee_and_every_action(built_site, feed):
    people = {p["id"]: p for p in sources.directory("people.yml")}
    organisations = {o["id"]: o["name"] for o in sources.directory("organisations.yml")}
    checked_actions = 0
    for path, meta, body in minutes_sources():
        entry, soup = item_of(built_site.output, feed, path)
        text = words(soup.get_text(" "))
        meeting = meta["meeting"]
        assert organisations[meeting["body"]] in text, path
        if meeting.get("venue"):
            assert words(meeting["venue"]) in text, path
        listed = [meeting.get("chair"), meeting.get("minutes_by"), *(meeting.get("present") or []),
                  *(meeting.get("in_attendance") or []), *(meeting.get("apologies") or [])]
        for person in filter(None, listed):
            if person in people:
                if people[person].get("public") is False:
                    assert people[person]["name"] not in text, (path, person)
                    continue
                assert people[person]["name"] in text, (path, person)
                if people[person].get("organisation"):
                    assert organisations[people[person]["organisation"]] in text, (path, person)
            else:  # a guest, as written
                assert words(person.split("(")[0]) in text, (path, person)
        # Every action set, ahead of the text, each with its owner.
        actions = soup.select(".actions-set li")
        expected = source_action_texts(body)
        assert len(actions) == len(expected), path
        for item, action in zip(actions, expected):
            # As written, once the names the feed adds after initials are taken out.
            as_written = re.sub(r"\b([A-Z]{2,4}) \([^()]+\)", r"\1", words(item.get_text(" ")))
            assert action.rstrip(".") in as_written, (path, action)
            assert re.search(r"Owners?: \S", words(item.get_text(" "))), (path, action)
            checked_actions += 1
        first_heading = soup.find(["h2", "h3"], string=re.compile(r"^\d"))
        if first_heading is not None:  # the text comes after the meeting and its actions
            assert soup.select_one(".meeting-header").sourceline < first_heading.sourceline, path
    assert checked_actions >= 10


def test_initials_are_named_on_first_use_and_titled_everywhere(built_site):
    people = {p["id"]: p for p in sources.directory("people.yml")}
    path = "minutes/2024-06-12-steering-group.md"
    for feed in ("feeds/all.atom.xml", "feeds/categories/minutes.rss.xml"):
        _, soup = item_of(built_site.output, feed, path)
        links = soup.select("a.mention-person")
        by_initials = [a for a in links if re.fullmatch(r"[A-Z]{2,4}", a.get_text())]
        assert len(by_initials) >= 5
        named = set()
        for link in by_initials:
            person = people[link["href"].rstrip("/").rsplit("/", 1)[1]]
            assert link["title"] == person["name"]
            after = link.next_sibling
            if person["id"] not in named:
                assert str(after).startswith(f" ({person['name']})"), (feed, person["id"])
                named.add(person["id"])
            else:
                assert not str(after or "").startswith(f" ({person['name']})")
        assert "RA (Ruth Abernethy) declared an interest" in words(soup.get_text(" ")), feed


def test_attachments_are_links_at_the_end_of_the_item(built_site):
    attached = [(p, m) for p, m in sources.documents() if m.get("attachments")]
    assert attached
    for path, meta in attached:
        for feed in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
            _, soup = item_of(built_site.output, feed, path)
            links = soup.select(".attachments a")
            assert [(a["href"], a.get_text()) for a in links] == [
                (f"{SITE}/{file['file']}", file["title"]) for file in meta["attachments"]], (feed, path)
            assert not soup.select_one(".attachments").find_next_sibling(), "the list ends the item"


def test_each_persons_feed_holds_every_document_where_they_had_a_role(built_site, expected):
    """Roles from the front matter (author, chair, minutes, present, in attendance) on top of the
    documents that tag or mention them; apologies alone are not a role."""
    people = [p for p in sources.directory("people.yml") if p.get("public") is not False]
    roles = {}
    for path, meta in sources.documents():
        meeting = meta.get("meeting") or {}
        holders = [meta.get("author"), *(meeting.get(role) for role in MEETING_ROLES[:2])]
        holders += [person for role in MEETING_ROLES[2:] for person in meeting.get(role) or []]
        for person in filter(None, holders):
            roles.setdefault(person, set()).add(address(path))
    dates = {address(p): m["date"] for p, m in sources.documents()}
    with_a_role_only = 0
    for person in people:
        involved = {a for a, found in expected.items() if ("person", person["id"]) in found}
        wanted = sorted(involved | roles.get(person["id"], set()), key=dates.get, reverse=True)[:20]
        with_a_role_only += bool(roles.get(person["id"], set()) - involved)
        parsed = feedparser.parse(os.path.join(built_site.output, "feeds", "people", f"{person['id']}.rss.xml"))
        assert [e.link for e in parsed.entries] == [f"{SITE}/{a}" for a in wanted], person["id"]
    assert with_a_role_only >= 2  # people the text never names, found by their role
