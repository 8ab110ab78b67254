"""The meetings calendars of the built sample, read by two independent readers (icalendar, which
takes the zone from its name, and vobject, which reads the VTIMEZONE the file gives) and checked
against the minutes' front matter."""

import os
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from tests import sources
from tests.site.test_minutes import minutes_sources

pytestmark = pytest.mark.build

LONDON = ZoneInfo("Europe/London")
SITE = "https://cvmp.example.org/"


def _read(built_site, path):
    with open(os.path.join(built_site.output, path), "rb") as handle:
        return handle.read()


def _events(data):
    """(UID, URL, UTC start) of every event, as icalendar reads them and as vobject does."""
    by_icalendar = {(str(e["UID"]), str(e["URL"]), e["DTSTART"].dt.astimezone(timezone.utc))
                    for e in Calendar.from_ical(data).walk("VEVENT")}
    by_vobject = {(e.uid.value, e.url.value, e.dtstart.value.astimezone(timezone.utc))
                  for e in vobject.readOne(data.decode("utf-8")).vevent_list}
    return by_icalendar, by_vobject


def _local(text):
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=LONDON).astimezone(timezone.utc)


def expected_from_sources(today):
    """(body, minutes address, UTC start): every meeting of the twelve months before ``today``
    with its own minutes, and each body's next meeting as its latest minutes date it."""
    since = today.replace(year=today.year - 1)
    held, announced, latest = set(), set(), {}
    for path, meta, _ in minutes_sources():  # newest first
        body, url = meta["meeting"]["body"], f"{SITE}minutes/{sources.slug(path)}/"
        starts = _local(str(meta["date"]))
        if starts.astimezone(LONDON).date() > since:
            held.add((body, url, starts))
        if body not in latest:
            latest[body] = meta
            try:
                announced.add((body, url, _local(meta["meeting"].get("next_meeting", ""))))
            except ValueError:  # "to be confirmed"
                pass
    return held, {item for item in announced if item[2].astimezone(LONDON).date() > since}


def test_the_calendar_holds_the_last_twelve_months_and_the_next_meetings_read_alike_by_two_readers(built_site):
    data = _read(built_site, "meetings.ics")
    assert b"RDATE" not in data and b"RRULE:FREQ=YEARLY" in data
    by_icalendar, by_vobject = _events(data)
    assert by_vobject == by_icalendar  # the same start, to the second, in winter and in summer
    held, announced = expected_from_sources(datetime.now(LONDON).date())
    assert {(url, start) for _, url, start in by_icalendar} == {(url, start) for _, url, start in held | announced}
    uids = [uid for uid, _, _ in by_icalendar]
    assert len(uids) == len(set(uids)) == len(held | announced), "a meeting is in the calendar once"
    every_minutes = {f"{SITE}minutes/{sources.slug(path)}/" for path, _, _ in minutes_sources()}
    assert every_minutes - {url for _, url, _ in held | announced}, "the sample has minutes older than a year"
    for event in Calendar.from_ical(data).walk("VEVENT"):
        assert str(event["URL"]) in str(event["DESCRIPTION"]).replace("\n", "")


def test_the_sample_has_meetings_in_both_seasons_while_its_minutes_are_recent(built_site):
    """In winter and summer the zone's offset differs: a wrong VTIMEZONE shows in one of them."""
    starts = [start for _, _, start in _events(_read(built_site, "meetings.ics"))[1]]
    if datetime.now(LONDON).date() > date(2027, 9, 1):
        pytest.skip("the sample's minutes are more than a year old: add newer ones")
    offsets = {start.astimezone(LONDON).utcoffset() for start in starts}
    assert offsets == {timedelta(0), timedelta(hours=1)}


def test_each_body_s_calendar_holds_its_meetings_only_and_its_pages_link_it(built_site, page):
    whole, _ = _events(_read(built_site, "meetings.ics"))
    bodies = {meta["meeting"]["body"] for _, meta, _ in minutes_sources()}
    organisations = {o["id"]: o["name"] for o in sources.directory("organisations.yml")}
    found = set()
    for body in bodies:
        data = _read(built_site, f"meetings/{body}.ics")
        name = str(Calendar.from_ical(data)["X-WR-CALNAME"])
        assert name == f"Calder Valley Migration Partnership: {organisations[body]} meetings"
        mine, theirs = _events(data)
        assert mine == theirs and all(uid.startswith(f"{body}-") for uid, _, _ in mine)
        found |= mine
        address = f"{SITE}meetings/{body}.ics"
        organisation_page = page(f"organisations/{body}/")
        assert organisation_page.find("link", rel="alternate", type="text/calendar", href=address)
        assert organisation_page.find("a", href=address)
        assert page("meetings/").find("a", class_="body-calendar", href=address)
    assert found == whole
