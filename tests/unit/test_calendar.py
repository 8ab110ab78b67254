"""The meetings calendar (minutes.events, minutes.ics, minutes.timezones; pure): which meetings it
holds, how each is named, when SEQUENCE rises, and that two independent readers (icalendar with
zoneinfo, vobject with the file's own VTIMEZONE) read the same times from it."""

import io
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import vobject
from dateutil import tz as dateutil_tz
from icalendar import Calendar

from minutes.events import calendar_events, meeting_key, with_history
from minutes.ics import calendar_file
from minutes.meetings import meetings_by_body, next_meetings
from minutes.timezones import changes_in, vtimezone, yearly_rules
from network.model import Directory, Document, Meeting, Network, Organisation
from network.urls import calendar_url

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=timezone.utc)


def minutes(body, when, next_meeting=None, text="", venue="Room 1", ends=time(16, 0), has_time=True):
    meeting = Meeting(body=body, starts=when, ends=ends, venue=venue, next_meeting=next_meeting,
                      next_meeting_has_time=has_time, next_meeting_text=text)
    stem = f"{when:%Y-%m-%d}-{body}"
    return Document(path=f"content/minutes/{stem}.md", title="m", date=when.replace(tzinfo=LONDON),
                    category="Minutes", url=f"minutes/{stem}/", key=f"minutes/{stem}.md", meeting=meeting)


def network(*documents, names=None):
    names = names or {b: b.title() for b in ("steering", "ops", "forum")}
    result = Network(Directory(organisations={b: Organisation(b, name) for b, name in names.items()}))
    for document in sorted(documents, key=lambda d: d.date, reverse=True):
        result.add(document)
    result.meetings_by_body = meetings_by_body(result)
    result.upcoming = next_meetings(result, LONDON)
    return result


def events_of(net, today=TODAY, memo=None, now=NOW):
    return with_history(calendar_events(net, LONDON, today), memo or {}, now)


def ics(events, net, title="Calder: meetings"):
    return calendar_file(events, lambda b: net.organisations[b].name if b in net.organisations else b,
                         title=title, prodid="Calder", domain="cvmp.example.org",
                         site_url="https://cvmp.example.org/", vtimezone=vtimezone)


def by_uid(data):
    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


# The time zone -------------------------------------------------------------------------------

@pytest.mark.parametrize("zone,standard,daylight", [
    ("Europe/London", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"),
    ("Europe/Berlin", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"),
    ("America/New_York", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"),
    ("Australia/Sydney", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=4", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=10"),
    ("Africa/Nairobi", None, None),
])
def test_the_zone_is_written_as_yearly_rules_that_a_reader_follows_like_zoneinfo(zone, standard, daylight):
    component = vtimezone(zone, range(2025, 2028))
    (standard_part,) = component.walk("STANDARD")
    assert (standard_part["RRULE"].to_ical().decode() if "RRULE" in standard_part else None) == standard
    assert [d["RRULE"].to_ical().decode() for d in component.walk("DAYLIGHT")] == ([daylight] if daylight else [])
    assert "RDATE" not in component.to_ical().decode()
    # dateutil reads the VTIMEZONE text alone (not the zone's name): every day of three years,
    # and a minute either side of each change, must have zoneinfo's offset.
    reader = dateutil_tz.tzical(io.StringIO(component.to_ical().decode())).get(zone)
    real = ZoneInfo(zone)
    moments = [datetime(2025, 1, 1, 12, tzinfo=timezone.utc) + timedelta(days=n) for n in range(3 * 365)]
    for change in (change for year in range(2025, 2028) for change in changes_in(real, year)):
        moments += [change.at - timedelta(minutes=1), change.at, change.at + timedelta(minutes=1)]
    for moment in moments:
        assert moment.astimezone(reader).utcoffset() == moment.astimezone(real).utcoffset(), (zone, moment)


def test_a_zone_whose_changes_follow_no_weekday_rule_falls_back_to_its_change_dates():
    assert yearly_rules(ZoneInfo("Africa/Casablanca"), range(2025, 2028)) is None  # Ramadan moves
    text = vtimezone("Africa/Casablanca", range(2025, 2028)).to_ical().decode()
    assert "RDATE" in text and "TZID:Africa/Casablanca" in text


# Which meetings, under which UID -------------------------------------------------------------

def test_a_meeting_keeps_its_uid_from_announcement_to_minutes_and_is_in_the_calendar_once():
    first = minutes("steering", datetime(2026, 5, 13, 14), datetime(2026, 9, 16, 14))
    announced = network(first)
    (event,) = [e for e in events_of(announced)[0] if not e.held and e.body == "steering"]
    held = minutes("steering", datetime(2026, 9, 16, 14), datetime(2027, 1, 20, 14))
    after = events_of(network(first, held))[0]
    keys = [e.key for e in after]
    assert len(keys) == len(set(keys)) == 3
    assert [e.key for e in after if e.held and e.starts.month == 9] == [event.key] == ["steering-2026-05-13-steering"]
    assert meeting_key("steering", None, first) == "steering-held-2026-05-13-steering"


def test_a_meeting_held_on_another_day_than_announced_keeps_its_uid_with_a_higher_sequence():
    first = minutes("steering", datetime(2026, 5, 13, 14), datetime(2026, 9, 16, 14))
    moved = minutes("steering", datetime(2026, 9, 23, 10), datetime(2027, 1, 20, 14))
    (event,) = [e for e in events_of(network(first, moved))[0] if e.held and e.starts.month == 9]
    assert event.key == "steering-2026-05-13-steering" and event.sequence == 1


def test_a_meeting_far_from_the_announced_date_is_not_taken_for_it_when_minutes_are_missing():
    old = minutes("steering", datetime(2025, 2, 12, 14), datetime(2025, 5, 14, 14))
    later = minutes("steering", datetime(2026, 9, 16, 14), datetime(2027, 1, 20, 14))
    (event,) = [e for e in events_of(network(old, later))[0] if e.held]
    assert event.key == "steering-held-2026-09-16-steering" and event.sequence == 0


def test_meetings_of_the_last_twelve_months_stay_with_their_minutes_and_older_ones_go():
    net = network(minutes("steering", datetime(2025, 11, 30, 14), datetime(2026, 3, 4, 14)),  # 1 year and a day
                  minutes("steering", datetime(2026, 3, 4, 14), datetime(2026, 6, 10, 14)),
                  minutes("ops", datetime(2025, 12, 2, 10), text="to be confirmed", ends=None))
    events = by_uid(ics(events_of(net)[0], net))
    assert sorted(events) == ["ops-held-2025-12-02-ops@cvmp.example.org",
                              "steering-2025-11-30-steering@cvmp.example.org",
                              "steering-2026-03-04-steering@cvmp.example.org"]
    held = events["steering-2025-11-30-steering@cvmp.example.org"]
    assert str(held["URL"]) == "https://cvmp.example.org/minutes/2026-03-04-steering/"
    assert str(held["DESCRIPTION"]) == "Minutes of the meeting: https://cvmp.example.org/minutes/2026-03-04-steering/"
    assert held["DTEND"].dt == datetime(2026, 3, 4, 16, tzinfo=LONDON)
    past_date = events["steering-2026-03-04-steering@cvmp.example.org"]  # announced, never minuted
    assert past_date["DTSTART"].dt == datetime(2026, 6, 10, 14, tzinfo=LONDON)
    assert str(past_date["DESCRIPTION"]) == ("Date set at the meeting of 4 March 2026. "
                                             "Minutes: https://cvmp.example.org/minutes/2026-03-04-steering/")
    assert "DTEND" not in events["ops-held-2025-12-02-ops@cvmp.example.org"]


def test_an_all_day_next_meeting_and_an_undated_one():
    net = network(minutes("forum", datetime(2026, 10, 1, 10), datetime(2027, 2, 1), has_time=False),
                  minutes("ops", datetime(2026, 10, 2, 10), text="to be confirmed"))
    events = by_uid(ics(events_of(net)[0], net))
    assert events["forum-2026-10-01-forum@cvmp.example.org"]["DTSTART"].dt == date(2027, 2, 1)
    assert "ops-2026-10-02-ops@cvmp.example.org" not in events  # no date, nothing to put in a calendar


# SEQUENCE and DTSTAMP from the memo ----------------------------------------------------------

def test_a_start_edited_in_place_raises_the_sequence_and_stamps_the_change():
    net = network(minutes("steering", datetime(2026, 9, 16, 14), datetime(2027, 1, 20, 14)))
    first, memo = events_of(net)
    announced = next(e for e in first if not e.held)
    assert announced.sequence == 0 and announced.stamp == datetime(2026, 9, 16, 13, tzinfo=timezone.utc)
    assert events_of(net, memo=memo)[0] == first  # unchanged: the same event, the same bytes
    net.documents[0].meeting.next_meeting = datetime(2027, 1, 27, 14)
    later = NOW + timedelta(days=1)
    moved, memo = events_of(network(*net.documents), memo=memo, now=later)
    event = next(e for e in moved if not e.held)
    assert (event.key, event.sequence, event.stamp) == (announced.key, 1, later)
    again, _ = events_of(network(*net.documents), memo=memo, now=later + timedelta(days=1))
    assert again == moved  # the change is remembered, not made again


@pytest.mark.parametrize("memo", [{"x": 1}, {"steering-2026-09-16-steering": "garbage"},
                                  {"steering-2026-09-16-steering": {"starts": "?", "sequence": "two"}}])
def test_a_memo_that_makes_no_sense_is_ignored(memo):
    net = network(minutes("steering", datetime(2026, 9, 16, 14), datetime(2027, 1, 20, 14)))
    assert events_of(net, memo=memo)[0] == events_of(net)[0]


# The file, as readers read it ----------------------------------------------------------------

def test_icalendar_and_vobject_read_the_same_utc_start_in_winter_and_in_summer():
    net = network(minutes("steering", datetime(2026, 7, 15, 14), datetime(2027, 1, 20, 14)))
    data = ics(events_of(net)[0], net)
    assert b"RDATE" not in data and data.count(b"BEGIN:VTIMEZONE") == 1
    with_icalendar = {str(e["UID"]): e["DTSTART"].dt.astimezone(timezone.utc)
                      for e in Calendar.from_ical(data).walk("VEVENT")}
    with_vobject = {e.uid.value: e.dtstart.value.astimezone(timezone.utc)
                    for e in vobject.readOne(data.decode()).vevent_list}
    assert with_vobject == with_icalendar == {
        "steering-held-2026-07-15-steering@cvmp.example.org": datetime(2026, 7, 15, 13, tzinfo=timezone.utc),
        "steering-2026-07-15-steering@cvmp.example.org": datetime(2027, 1, 20, 14, tzinfo=timezone.utc)}


def test_names_and_venues_with_quotes_markup_new_lines_and_separators_come_back_as_typed():
    body_name = 'The "Joint" <script>alert(1)</script> Board; North, South'
    venue = 'Room 1; "Annexe", Floor 2\nBack door <b>'
    net = network(minutes("steering", datetime(2026, 9, 16, 14), datetime(2027, 1, 20, 14), venue=venue),
                  names={"steering": body_name})
    data = ics(events_of(net)[0], net, title=f"Calder: {body_name} meetings")
    parsed = Calendar.from_ical(data)
    assert str(parsed["X-WR-CALNAME"]) == f"Calder: {body_name} meetings"
    for event in parsed.walk("VEVENT"):
        assert str(event["SUMMARY"]) == f"{body_name} meeting" and str(event["LOCATION"]) == venue
    for event in vobject.readOne(data.decode()).vevent_list:
        assert event.summary.value == f"{body_name} meeting" and event.location.value == venue
    assert b"ATTENDEE" not in data and b"ORGANIZER" not in data


def test_a_calendar_without_meetings_still_describes_the_site_s_zone():
    data = calendar_file([], str, title="Calder: Forum meetings", prodid="Calder", domain="d", site_url="/",
                         vtimezone=vtimezone, site_zone=("Europe/London", range(2026, 2027)))
    assert Calendar.from_ical(data).walk("VTIMEZONE") and not Calendar.from_ical(data).walk("VEVENT")
    assert vobject.readOne(data.decode()).vtimezone.tzid.value == "Europe/London"


@pytest.mark.parametrize("body,address", [
    (None, "meetings.ics"), ("cvmp-steering-group", "meetings/cvmp-steering-group.ics"),
    ("The Board", "meetings/the-board-"), ("../../etc/passwd", "meetings/etc-passwd-"), ("«»", "meetings/")])
def test_each_body_s_calendar_has_a_safe_address(body, address):
    assert calendar_url(body).startswith(address) and calendar_url(body).endswith(".ics")
    assert calendar_url(body).count("/") <= 1 and ".." not in calendar_url(body)
    assert calendar_url("The Board") != calendar_url("the board")  # two bodies never share a file
