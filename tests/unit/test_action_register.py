"""Actions across meetings, without a build (minutes.register): owners resolved the way links
are, reports matched to the action they close, and the warnings an officer reads."""

from datetime import datetime, timezone

from minutes.actions import find_actions, number_actions
from minutes.register import ActionRegister, Owners
from network.errors import ProblemLog
from network.model import Directory, Document, Entity, Meeting, Network, Organisation, Person, PersonRef

PEOPLE = {"amy-ash": Person("amy-ash", "Amy Ash", organisation="housing-trust"),
          "sam-secret": Person("sam-secret", "Sam Secret", public=False)}
ORGANISATIONS = {"housing-trust": Organisation("housing-trust", "Housing Trust")}


def _minutes(day: int, body: str = "steering-group") -> Document:
    meeting = Meeting(body, datetime(2025, 3, day, 10, tzinfo=timezone.utc),
                      present=[PersonRef("Amy Ash", "amy-ash"), PersonRef("Sam Secret", "sam-secret")])
    document = Document(path=f"content/minutes/2025-03-{day:02}.md", title=f"Minutes {day}", category="Minutes",
                        date=meeting.starts, url=f"minutes/2025-03-{day:02}/", meeting=meeting)
    document.initials = {"AA": Entity("person", "amy-ash"), "SS": None}  # Sam is private: no one
    return document


def _register():
    network = Network(Directory(people=PEOPLE, organisations=ORGANISATIONS))
    problems = ProblemLog()
    return ActionRegister(Owners(network, problems, "[name withheld]"), problems, ""), problems


def _add(register, document, html, lines=None):
    found, references = find_actions(html)
    register.add_meeting(document, found, number_actions(found), lambda words: (lines or {}).get(words))
    return register.match(document, references, lambda words: (lines or {}).get(words))


def test_owners_by_initials_id_and_name_and_a_private_persons_initials_resolve_to_no_one():
    register, problems = _register()
    document = _minutes(3)
    _add(register, document, "<p>Action 1: AA to write.</p><p>Action 2: housing-trust and Amy Ash to meet.</p>"
                             "<p>Action 3: SS to call.</p>")
    owners = [[(o.text, o.entity) for o in action.owners] for action in document.actions]
    assert owners == [[("AA", Entity("person", "amy-ash"))],
                      [("Housing Trust", Entity("organisation", "housing-trust")),
                       ("Amy Ash", Entity("person", "amy-ash"))],
                      [("SS", None)]]
    assert register.by_owner() == {Entity("person", "amy-ash"): document.actions[:2],
                                   Entity("organisation", "housing-trust"): [document.actions[1]]}
    assert not problems.warnings


def test_an_owner_nobody_knows_is_warned_with_a_suggestion_and_shown_as_written():
    register, problems = _register()
    _add(register, _minutes(3), "<p>Action 1: Amy Ashe to write.</p>", lines={"Amy Ashe to write.": 12})
    (warning,) = problems.warnings
    assert "Action 1 names the owner 'Amy Ashe', who is not at this meeting or in the directory" in warning.message
    assert warning.line == 12 and "Did you mean 'Amy Ash'?" in warning.hint


def test_two_actions_with_one_number_are_warned_at_the_second():
    register, problems = _register()
    _add(register, _minutes(3), "<p>Action 1: AA to write.</p><p>Action 1: AA to call.</p>", lines={"Action 1": 7})
    (warning,) = problems.warnings
    assert warning.message == "there are two actions numbered 1." and warning.line == 7


def test_a_report_closes_the_action_it_names_and_the_same_body_wins():
    register, problems = _register()
    steering, other = _minutes(3), _minutes(3, body="operations-group")
    _add(register, other, "<p>Action 1: AA to book the hall.</p>")
    _add(register, steering, "<p>Action 1: AA to write the letter.</p>")
    later = _minutes(20)
    targets = _add(register, later, "<p>Action 1 (2025-03-03): done. Sent on Monday.</p>")
    assert [target for _, target in targets] == steering.actions
    assert steering.actions[0].status == "done" and other.actions[0].status == "open"
    assert steering.actions[0].updates[0].document is later and "Sent on Monday" in steering.actions[0].updates[0].note
    assert not problems.warnings


def test_reports_matching_nothing_or_without_a_status_are_warned_and_change_nothing():
    register, problems = _register()
    first = _minutes(3)
    _add(register, first, "<p>Action 1: AA to write.</p>")
    targets = _add(register, _minutes(20), "<p>Action 4 (2025-03-03): done.</p><p>Action 1 (2025-03-03): soonish.</p>",
                   lines={"Action 4 (2025-03-03": 5, "Action 1 (2025-03-03": 6})
    assert [target for _, target in targets] == [None, first.actions[0]]
    assert first.actions[0].status == "open"
    assert [(w.line, w.key) for w in problems.warnings] == [(5, "Action"), (6, "Action")]
    assert "matches no action of an earlier meeting" in problems.warnings[0].message
    assert "'soonish' is not a status for Action 1 (2025-03-03); it stays open." in problems.warnings[1].message
