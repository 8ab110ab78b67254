"""Upcoming meetings and the iCalendar feed (pure)."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from icalendar import Calendar

from minutes.meetings import calendar, event_uid, next_meetings, still_to_come
from network.model import Directory, Document, Meeting, Network, Organisation

LONDON = ZoneInfo("Europe/London")


def minutes(body, when, next_meeting=None, text="", venue="Room 1", ends=time(16, 0), has_time=True):
    meeting = Meeting(body=body, starts=when, ends=ends, venue=venue, next_meeting=next_meeting,
                      next_meeting_has_time=has_time, next_meeting_text=text)
    return Document(path=f"minutes/{body}-{when:%Y%m%d}.md", title="m", date=when.replace(tzinfo=LONDON),
                    category="Minutes", url=f"minutes/{body}-{when:%Y%m%d}/", meeting=meeting)


def network(*documents):
    directory = Directory(organisations={b: Organisation(b, b.title()) for b in ("steering", "ops", "forum")})
    result = Network(directory)
    for document in sorted(documents, key=lambda d: d.date, reverse=True):
        result.add(document)
    return result


def test_the_latest_minutes_of_each_body_set_its_next_meeting():
    net = network(
        minutes("steering", datetime(2025, 2, 12, 14), datetime(2025, 5, 14, 14)),
        minutes("steering", datetime(2025, 5, 14, 14), datetime(2025, 9, 10, 14)),
        minutes("ops", datetime(2025, 3, 1, 10), text="to be confirmed"),
        minutes("forum", datetime(2025, 4, 1, 10)),
    )
    upcoming = next_meetings(net, LONDON)
    assert [(u.body, u.starts and u.starts.date().isoformat()) for u in upcoming] == [
        ("steering", "2025-09-10"), ("ops", None)]
    assert upcoming[0].ends.hour == 16 and upcoming[0].starts.tzinfo == LONDON
    now = datetime(2025, 10, 1, tzinfo=LONDON)
    assert [u.body for u in still_to_come(upcoming, now)] == ["ops"]  # TBC stays listed


def test_the_calendar_has_one_event_per_dated_upcoming_meeting():
    net = network(
        minutes("steering", datetime(2025, 5, 14, 14), datetime(2025, 9, 10, 14), venue="Civic Centre"),
        minutes("ops", datetime(2025, 3, 1, 10), text="to be confirmed"),
        minutes("forum", datetime(2025, 4, 1, 10), datetime(2025, 9, 1), has_time=False),
    )
    upcoming = next_meetings(net, LONDON)
    data = calendar(upcoming, net, name="Calder", domain="cvmp.example.org", page_url="https://cvmp.example.org/")
    parsed = Calendar.from_ical(data)
    assert str(parsed["VERSION"]) == "2.0" and "Calder" in str(parsed["PRODID"])
    events = parsed.walk("VEVENT")
    assert len(events) == 2
    for event in events:
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert key in event
    steering = next(e for e in events if "Steering" in str(e["SUMMARY"]))
    assert steering["DTSTART"].dt == datetime(2025, 9, 10, 14, tzinfo=LONDON)
    assert str(steering["LOCATION"]) == "Civic Centre"
    assert str(steering["UID"]) == "steering-20250910T1400@cvmp.example.org"
    forum = next(e for e in events if "Forum" in str(e["SUMMARY"]))
    assert forum["DTSTART"].dt.isoformat() == "2025-09-01"  # an all-day event
    # The same input gives the same bytes: nothing depends on the time of the build.
    assert data == calendar(upcoming, net, name="Calder", domain="cvmp.example.org",
                            page_url="https://cvmp.example.org/")
    assert [event_uid(u, "x") for u in upcoming if u.starts] == ["forum-20250901@x", "steering-20250910T1400@x"]
