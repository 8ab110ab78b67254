"""Minutes, actions and meetings in the built sample site, checked against the sources."""

import os
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests import sources
from tests.site.walking import pages_reached

pytestmark = pytest.mark.build

ACTION_LINE = re.compile(r"^(?:[-*·]\s+)?(?:\d+(?:\.\d+)*\.?\s+)?Action(?:\s+(\d+))?\s*:", re.IGNORECASE)
REPORT_LINE = re.compile(r"Action (\d+) \((\d{4}-\d{2}-\d{2})\):\s*(\w+)")


def minutes_sources():
    for path, meta in sources.documents():
        if meta.get("meeting"):
            with open(os.path.join(sources.CONTENT, path), encoding="utf-8") as handle:
                body = handle.read().split("---\n", 2)[2]
            yield path, meta, body


def source_actions():
    """(minutes slug, number) of every action, read from the Markdown itself."""
    found = []
    for path, _, body in minutes_sources():
        unnumbered = 0
        for line in body.splitlines():
            match = ACTION_LINE.match(line.replace("**", "").strip())
            if match:
                if match.group(1):
                    found.append((sources.slug(path), int(match.group(1))))
                else:
                    unnumbered += 1
                    found.append((sources.slug(path), None))
    return found


def register_rows(page):
    """Every row of the register's year pages, reached from /actions/ by links."""
    return [row for address, soup in sorted(pages_reached(page, "actions/", "actions/").items())
            if address != "actions/" for row in soup.select("table.register tbody tr[id]")]


def test_the_register_lists_every_action_of_every_minutes(page):
    rows = register_rows(page)
    listed = []
    for row in rows:
        link = row.select_one(".register-ref a")["href"]
        slug, anchor = re.search(r"minutes/([^/]+)/#action-(\d+)$", link).groups()
        listed.append((slug, int(anchor)))
    expected = source_actions()
    assert len(expected) >= 15
    assert None not in [n for _, n in expected], "the sample minutes number every action"
    assert sorted(listed) == sorted(expected)
    for slug, number in listed:
        minutes_page = page(f"minutes/{slug}/")
        anchor = minutes_page.select_one(f"#action-{number}")
        assert anchor is not None and "Action" in anchor.get_text(), (slug, number)


def test_actions_reported_done_by_a_later_meeting_are_shown_done(page):
    done = set()
    for path, meta, body in minutes_sources():
        for number, date, word in REPORT_LINE.findall(body):
            if word.lower() == "done":
                done.add((date, int(number)))
    assert len(done) >= 2
    for row in register_rows(page):
        date_text = row.select_one(".register-ref a")["href"]
        slug = re.search(r"minutes/([^/]+)/", date_text).group(1)
        number = int(re.search(r"#action-(\d+)", date_text).group(1))
        status = row.select_one(".register-status .status").get_text(strip=True)
        assert (status == "Done") == ((slug[:10], number) in done), (slug, number, status)
    minutes_page = page(f"minutes/{[p for p, m, _ in minutes_sources()][-1].split('/')[1][:-3]}/")
    assert minutes_page.select(".action-status.action-done"), "the earliest minutes show actions done later"


def upcoming_from_sources(now):
    latest = {}
    for path, meta, _ in minutes_sources():  # newest first
        latest.setdefault(meta["meeting"]["body"], meta)
    dated = []
    for body, meta in latest.items():
        value = meta["meeting"].get("next_meeting", "")
        try:
            when = datetime.strptime(value, "%Y-%m-%d %H:%M")
        except ValueError:
            continue
        if when.replace(tzinfo=ZoneInfo("Europe/London")) >= now:
            dated.append((body, when))
    return dated


def test_the_meetings_page_lists_upcoming_and_past_meetings(page):
    soup = page("meetings/")
    years = {address: year for address, year in pages_reached(page, "meetings/", "meetings/").items()
             if address != "meetings/"}
    past = [a["href"] for year in years.values() for a in year.select(".past-meetings a") if "/minutes/" in a["href"]]
    assert sorted(past) == sorted(set(past)) and len(past) == len(list(minutes_sources()))
    upcoming = soup.select(".upcoming-list li")
    latest = {}
    for _, meta, _ in minutes_sources():
        latest.setdefault(meta["meeting"]["body"], meta)
    undated = [b for b, m in latest.items() if m["meeting"].get("next_meeting", "").lower() == "to be confirmed"]
    dated = upcoming_from_sources(datetime.now(ZoneInfo("Europe/London")))
    assert len(upcoming) == len(dated) + len(undated)
    assert sum("date to be confirmed" in li.get_text() for li in upcoming) == len(undated)


def test_minutes_pages_have_a_header_with_linked_attendance(page):
    people = {p["id"]: p for p in sources.directory("people.yml")}
    for path, meta, _ in minutes_sources():
        soup = page(f"minutes/{sources.slug(path)}/")
        header = soup.select_one(".meeting-header")
        body_id = meta["meeting"]["body"]
        assert header.select_one(f'a[href$="organisations/{body_id}/"]'), path
        headings = [h.get_text(" ", strip=True).rsplit(" ", 1)[0] for h in header.select(".attendance-heading")]
        for key, label in (("present", "Present"), ("in_attendance", "In attendance"), ("apologies", "Apologies")):
            ids = [p for p in meta["meeting"].get(key) or [] if p in people and people[p].get("public") is not False]
            if ids:
                assert label in headings, (path, label)
            for person_id in ids:
                assert header.select_one(f'a[href$="people/{person_id}/"]'), (path, person_id)


def test_every_attendee_page_lists_the_meeting_with_their_role_and_their_actions(page):
    people = {p["id"]: p for p in sources.directory("people.yml")}
    roles = {"chair": "Chair", "minutes_by": "Minutes", "present": "Present",
             "in_attendance": "In attendance", "apologies": "Apologies"}
    checked = 0
    for path, meta, body in minutes_sources():
        meeting = meta["meeting"]
        seen = {}
        for key, label in roles.items():
            value = meeting.get(key)
            for person_id in value if isinstance(value, list) else [value]:
                if person_id in people and person_id not in seen:
                    seen[person_id] = label
        for person_id, label in seen.items():
            if people[person_id].get("public") is False:
                continue
            soup = page(f"people/{person_id}/")
            items = [li for li in soup.select(".meeting-list li") if sources.slug(path) in li.a["href"]]
            assert items, (person_id, path)
            assert items[0].select_one(".role-label").get_text(strip=True) == label, (person_id, path)
            checked += 1
        initials = {people[p]["initials"]: p for p in seen if people[p].get("public") is not False}
        for line in body.splitlines():
            match = ACTION_LINE.match(line.replace("**", "").strip())
            if not match or not match.group(1):
                continue
            text = line.replace("**", "").split(":", 1)[1]
            owners_part = text.split(" to ", 1)[0]
            for word in re.split(r",|\band\b|&", owners_part):
                word = word.strip()
                if word in initials:
                    soup = page(f"people/{initials[word]}/")
                    links = [a["href"] for a in soup.select(".action-list a")]
                    assert any(f"{sources.slug(path)}/#action-{match.group(1)}" in href for href in links), \
                        (word, path, match.group(1))
    assert checked >= 40


def test_the_home_page_shows_what_is_coming_up(page):
    home = [li.get_text(" ", strip=True) for li in page("").select(".home-aside .upcoming-list li")]
    meetings = page("meetings/").select(".upcoming-list li")
    assert len(home) == len(meetings)
    for line, item in zip(home, meetings):
        assert item.strong.get_text(strip=True) in line
    open_rows = [row for row in register_rows(page) if row.select_one(".register-status .status-open")]
    assert page("actions/").select_one(".open-count").get_text(strip=True) == str(len(open_rows))
    assert page("").select_one('.home-aside a[href$="actions/"]').get_text(strip=True).startswith(str(len(open_rows)))
