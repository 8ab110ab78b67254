"""What minutes pages and the actions register's rows show, without a build
(minutes.views): private people never appear; guests as written; open actions first."""

from datetime import datetime, timezone

from minutes.views import attendee, meeting_header, overview, owner_links, register_id, role_label
from network.model import (Action, Directory, Document, Entity, Meeting, Network, Organisation, Owner,
                           Person, PersonRef)

PEOPLE = {"amy-ash": Person("amy-ash", "Amy Ash", organisation="housing-trust"),
          "sam-secret": Person("sam-secret", "Sam Secret", public=False)}
ORGANISATIONS = {"housing-trust": Organisation("housing-trust", "Housing Trust"),
                 "steering-group": Organisation("steering-group", "Steering Group"),
                 "ops": Organisation("ops", "Operations Group")}


def _network():
    return Network(Directory(people=PEOPLE, organisations=ORGANISATIONS))


def _minutes(day, body="steering-group", **meeting):
    starts = datetime(2025, 3, day, 10, tzinfo=timezone.utc)
    return Document(path=f"content/minutes/2025-03-{day:02}-x.md", title=f"Minutes {day}", category="Minutes",
                    date=starts, key=f"minutes/2025-03-{day:02}-x.md", meeting=Meeting(body, starts, **meeting))


def test_attendees_are_public_people_with_their_page_or_guests_as_written():
    network = _network()
    amy = attendee(PersonRef("Amy Ash", "amy-ash"), network)
    assert (amy.name, amy.entity, amy.organisation.name) == ("Amy Ash", Entity("person", "amy-ash"), "Housing Trust")
    assert attendee(PersonRef("Sam Secret", "sam-secret"), network) is None
    guest = attendee(PersonRef("Marek Dvorak (Calderbridge Credit Union)"), network)
    assert (guest.name, guest.organisation_text, guest.entity) == ("Marek Dvorak", "Calderbridge Credit Union", None)
    assert attendee(None, network) is None


def test_the_header_leaves_out_private_people_and_empty_groups():
    network = _network()
    document = _minutes(3, present=[PersonRef("Amy Ash", "amy-ash"), PersonRef("Sam Secret", "sam-secret")],
                        apologies=[PersonRef("Sam Secret", "sam-secret")], chair=PersonRef("Sam Secret", "sam-secret"))
    header = meeting_header(document, network)
    assert [(label, [row.name for row in rows]) for label, rows in header["groups"]] == [("Present", ["Amy Ash"])]
    assert header["chair"] is None and header["body"].name == "Steering Group"


def test_owners_link_to_their_page_or_show_as_written():
    network = _network()
    action = Action(_minutes(3), 2, "", "write", [Owner("AA", Entity("person", "amy-ash")), Owner("all members")])
    assert owner_links(action, network) == [("Amy Ash", "people/amy-ash/"), ("all members", None)]
    assert register_id(action) == "2025-03-03-x-action-2"


def test_the_meetings_overview_has_nothing_coming_up_without_a_date_set():
    page = overview(_network(), datetime(2025, 4, 1, tzinfo=timezone.utc))
    assert page["upcoming"] == []
    assert role_label("chair") == "Chair" and role_label("unknown-role") == "unknown-role"
