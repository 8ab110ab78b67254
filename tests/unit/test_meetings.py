"""Who attended in which role, and upcoming meetings (minutes.meetings, pure); the calendar: test_calendar.py."""

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from minutes.meetings import meetings_by_person, next_meetings, roles_at, still_to_come
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
