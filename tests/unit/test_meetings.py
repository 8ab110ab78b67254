"""Who attended in which role, upcoming meetings and the iCalendar feed (minutes.meetings, pure)."""

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from minutes.meetings import calendar, event_uid, meetings_by_person, next_meetings, roles_at, still_to_come
from network.model import Directory, Document, Meeting, Network, Organisation, Person, PersonRef

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


def people_network(*documents):
    directory = Directory(people={"amy": Person("amy", "Amy Ash"), "ben": Person("ben", "Ben Birch"),
                                  "cara": Person("cara", "Cara Cole", public=False)})
    result = Network(directory)
    for document in documents:
        result.add(document)
    return result


def attended(when, **roles):
    document = minutes("steering", when)
    for key, value in roles.items():
        setattr(document.meeting, key, value)
    return document


def test_each_person_has_one_role_at_a_meeting_and_the_chair_wins_over_present():
    document = attended(datetime(2025, 5, 14, 14), chair=PersonRef("Amy Ash", "amy"),
                        minutes_by=PersonRef("BB", "ben"),
                        present=[PersonRef("Amy Ash", "amy"), PersonRef("A guest"), PersonRef("CC", "cara")],
                        apologies=[PersonRef("Ben Birch", "ben")])
    assert roles_at(document) == {"amy": "chair", "ben": "minutes_by", "cara": "present"}
    assert roles_at(attended(datetime(2025, 5, 14, 14), in_attendance=[PersonRef("Ben", "ben")])) == {
        "ben": "in_attendance"}


def test_a_persons_meetings_are_newest_first_and_private_people_have_none():
    older = attended(datetime(2025, 2, 12, 14), present=[PersonRef("Amy", "amy"), PersonRef("Cara", "cara")])
    newer = attended(datetime(2025, 5, 14, 14), chair=PersonRef("Amy", "amy"), apologies=[PersonRef("Ben", "ben")])
    news = Document(path="content/updates/x.md", title="x", date=datetime(2025, 6, 1, tzinfo=LONDON),
                    category="Updates", people=["amy"])
    assert meetings_by_person(people_network(news, newer, older)) == {
        "amy": [(newer, "chair"), (older, "present")], "ben": [(newer, "apologies")]}


def test_the_next_meeting_lasts_as_long_as_the_one_that_set_it():
    net = network(minutes("steering", datetime(2025, 5, 14, 14), datetime(2025, 9, 10, 10), ends=time(15, 30)))
    (upcoming,) = next_meetings(net, LONDON)
    assert upcoming.ends == datetime(2025, 9, 10, 11, 30, tzinfo=LONDON)


@pytest.mark.parametrize("ends,has_time", [(None, True), (time(14, 0), True), (time(12, 0), True),
                                           (time(16, 0), False)])
def test_no_end_time_without_a_start_time_or_a_sensible_length(ends, has_time):
    net = network(minutes("steering", datetime(2025, 5, 14, 14), datetime(2025, 9, 10, 10), ends=ends,
                          has_time=has_time))
    (upcoming,) = next_meetings(net, LONDON)
    assert upcoming.ends is None and upcoming.has_time is has_time


def test_the_next_meeting_is_where_the_minutes_say_or_else_where_the_last_one_was():
    moved = minutes("steering", datetime(2025, 5, 14, 14), datetime(2025, 9, 10, 10), venue="Room 1")
    moved.meeting.next_venue = "Civic Centre"
    same = minutes("ops", datetime(2025, 5, 14, 14), datetime(2025, 9, 11, 10), venue="Room 2")
    assert [(u.body, u.venue) for u in next_meetings(network(moved, same), LONDON)] == [
        ("steering", "Civic Centre"), ("ops", "Room 2")]


def test_a_next_meeting_given_with_its_zone_keeps_it():
    utc_time = datetime(2025, 9, 10, 13, tzinfo=timezone.utc)
    (upcoming,) = next_meetings(network(minutes("steering", datetime(2025, 5, 14, 14), utc_time)), LONDON)
    assert upcoming.starts.tzinfo is timezone.utc and upcoming.starts == utc_time


def test_undated_meetings_sort_after_every_dated_one():
    net = network(minutes("ops", datetime(2025, 5, 1, 10), text="to be confirmed"),
                  minutes("steering", datetime(2025, 5, 14, 14), datetime(2030, 12, 31, 23)),
                  minutes("forum", datetime(2025, 5, 20, 14), datetime(2025, 9, 1, 10)))
    assert [u.body for u in next_meetings(net, LONDON)] == ["forum", "steering", "ops"]


def test_a_meeting_starting_right_now_is_still_to_come():
    (upcoming,) = next_meetings(network(minutes("steering", datetime(2025, 5, 14, 14), datetime(2025, 9, 10, 14))),
                                LONDON)
    assert still_to_come([upcoming], upcoming.starts) == [upcoming]
    assert still_to_come([upcoming], upcoming.starts + timedelta(minutes=1)) == []


def test_a_calendar_event_says_when_the_date_was_set_and_links_the_minutes():
    source = minutes("steering", datetime(2025, 5, 14, 14), datetime(2025, 9, 10, 14), venue="")
    net = network(source)
    data = calendar(next_meetings(net, LONDON), net, name="Calder", domain="cvmp.example.org",
                    page_url="https://cvmp.example.org/")
    parsed = Calendar.from_ical(data)
    assert str(parsed["CALSCALE"]) == "GREGORIAN" and str(parsed["METHOD"]) == "PUBLISH"
    assert str(parsed["X-WR-CALNAME"]) == "Calder: meetings"
    assert str(parsed["PRODID"]) == "-//Calder//Partnership publisher//EN"
    (event,) = parsed.walk("VEVENT")
    assert event["DTSTAMP"].dt == datetime(2025, 5, 14, 13, tzinfo=timezone.utc)  # 14:00 in London, summer
    assert event["DTEND"].dt == datetime(2025, 9, 10, 16, tzinfo=LONDON)
    assert str(event["SUMMARY"]) == "Steering meeting" and "LOCATION" not in event
    assert str(event["DESCRIPTION"]) == ("Date set at the meeting of 14 May 2025. "
                                         "Minutes: https://cvmp.example.org/minutes/steering-20250514/")
    assert str(event["URL"]) == "https://cvmp.example.org/minutes/steering-20250514/"
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Europe/London" in data


def test_a_body_missing_from_the_directory_is_named_by_its_id():
    net = network(minutes("board", datetime(2025, 5, 14, 14), datetime(2025, 9, 10, 14), ends=None))
    (event,) = Calendar.from_ical(calendar(next_meetings(net, LONDON), net, name="C", domain="d",
                                           page_url="/")).walk("VEVENT")
    assert str(event["SUMMARY"]) == "board meeting" and "DTEND" not in event


def test_an_undated_meeting_anywhere_in_the_list_leaves_the_others_in_the_calendar():
    net = network(minutes("ops", datetime(2025, 3, 1, 10), text="to be confirmed"),
                  minutes("steering", datetime(2025, 5, 14, 14), datetime(2025, 9, 10, 14)))
    undated, dated = sorted(next_meetings(net, LONDON), key=lambda u: u.starts is not None)
    data = calendar([undated, dated], net, name="C", domain="d", page_url="/")
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(data).walk("VEVENT")] == ["Steering meeting"]

