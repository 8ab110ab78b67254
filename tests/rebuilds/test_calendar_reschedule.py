"""A meeting moved by editing its date in the minutes that announced it stays the same event in
subscribers' calendars: the same UID, with a higher SEQUENCE (so clients take the new time) and
a DTSTAMP of the rebuild, in the whole calendar and in its body's."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar

from tests.building import run_build

pytestmark = pytest.mark.build

MINUTES = "2026-09-16-steering-group.md"
ANNOUNCED = 'next_meeting: "2027-01-20 14:00"'
MOVED = 'next_meeting: "2027-01-27 15:00"'


def _event(path):
    """The Steering Group's next meeting (the one its latest minutes announce) in a calendar file."""
    with open(path, "rb") as handle:
        data = handle.read()
    events = [e for e in Calendar.from_ical(data).walk("VEVENT")
              if str(e["URL"]).endswith("/minutes/2026-09-16-steering-group/") and "Date set" in str(e["DESCRIPTION"])]
    assert len(events) == 1, "the announced meeting is in the calendar once"
    (read_by_vobject,) = [e for e in vobject.readOne(data.decode()).vevent_list if e.uid.value == str(events[0]["UID"])]
    assert read_by_vobject.dtstart.value == events[0]["DTSTART"].dt
    return events[0]


def test_a_rescheduled_meeting_keeps_its_uid_and_its_sequence_rises(tmp_path, content_copy):
    site = str(tmp_path / "site")
    assert run_build(site, str(content_copy)).returncode == 0
    before = {name: _event(f"{site}/{name}") for name in ("meetings.ics", "meetings/cvmp-steering-group.ics")}
    source = content_copy / "minutes" / MINUTES
    text = source.read_text(encoding="utf-8")
    assert ANNOUNCED in text
    source.write_text(text.replace(ANNOUNCED, MOVED), encoding="utf-8")
    started = datetime.now(timezone.utc).replace(microsecond=0)
    again = run_build(site, str(content_copy))
    assert again.returncode == 0, again.log
    for name, old in before.items():
        new = _event(f"{site}/{name}")
        assert str(new["UID"]) == str(old["UID"]), name
        assert int(new["SEQUENCE"]) == int(old["SEQUENCE"]) + 1, name
        assert new["DTSTART"].dt == datetime(2027, 1, 27, 15, tzinfo=ZoneInfo("Europe/London"))
        assert started <= new["DTSTAMP"].dt <= started + timedelta(minutes=10), "stamped when it moved"
    # Built once more with nothing changed: the move is not counted twice, and every file is kept.
    third = run_build(site, str(content_copy))
    assert third.returncode == 0 and ", 0 written)" in third.stdout, third.stdout
    assert int(_event(f"{site}/meetings.ics")["SEQUENCE"]) == int(before["meetings.ics"]["SEQUENCE"]) + 1
