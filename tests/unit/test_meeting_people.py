"""Who a document's front matter puts in it, and what a meeting's initials stand for (crosslinks.names)."""

from datetime import datetime

from crosslinks.names import meeting_initials, present_people
from network.model import Directory, Document, Entity, Meeting, Person, PersonRef

DIRECTORY = Directory(people={
    "amy-ash": Person("amy-ash", "Amy Ash", initials="AA"),
    "alf-acre": Person("alf-acre", "Alf Acre", initials="AA"),
    "ann-ames": Person("ann-ames", "Ann Ames", initials="AA"),
    "bea-birch": Person("bea-birch", "Bea Birch", initials="BB"),
    "cal-cole": Person("cal-cole", "Cal Cole", initials="CC"),
    "dot-dale": Person("dot-dale", "Dot Dale", initials="DD", public=False),
    "pip-pike": Person("pip-pike", "Pip Pike", initials="PP", public=False),
    "eve-east": Person("eve-east", "Eve East"),  # no initials in the directory
})


def _ref(person_id):
    return PersonRef(DIRECTORY.people[person_id].name, person_id)


def _meeting(*present, chair=None, apologies=()):
    return Meeting("Steering Group", datetime(2026, 3, 4, 10), chair=chair, present=list(present),
                   apologies=list(apologies))


def _document(**extra):
    return Document(path="content/minutes/2026-03-steering.md", title="Steering Group", date=datetime(2026, 3, 4),
                    category="Minutes", **extra)


def test_tagged_people_the_author_and_every_attendee_are_present():
    meeting = _meeting(_ref("cal-cole"), chair=_ref("bea-birch"), apologies=[_ref("eve-east")])
    document = _document(people=["amy-ash"], author=_ref("dot-dale"), meeting=meeting)
    assert present_people(document) == frozenset({"amy-ash", "dot-dale", "bea-birch", "cal-cole", "eve-east"})


def test_guests_are_never_present_as_directory_people():
    meeting = _meeting(PersonRef("A visitor from the Housing Trust"), _ref("cal-cole"))
    document = _document(author=PersonRef("Guest Writer"), meeting=meeting)
    assert present_people(document) == frozenset({"cal-cole"})


def test_a_document_without_author_or_meeting_has_only_its_tagged_people():
    assert present_people(_document(people=["amy-ash", "bea-birch"])) == frozenset({"amy-ash", "bea-birch"})
    assert present_people(_document()) == frozenset()


def test_a_document_that_is_not_a_meeting_has_no_initials():
    assert meeting_initials(None, DIRECTORY) == ({}, {})


def test_an_attendees_initials_link_to_them():
    initials, shared = meeting_initials(_meeting(_ref("bea-birch"), chair=_ref("cal-cole")), DIRECTORY)
    assert initials == {"BB": Entity("person", "bea-birch"), "CC": Entity("person", "cal-cole")}
    assert shared == {}


def test_two_attendees_sharing_initials_are_not_linked_and_are_named_for_the_warning():
    meeting = _meeting(_ref("amy-ash"), _ref("ann-ames"), _ref("bea-birch"), apologies=[_ref("alf-acre")])
    initials, shared = meeting_initials(meeting, DIRECTORY)
    assert initials == {"AA": None, "BB": Entity("person", "bea-birch")}
    assert shared == {"AA": ["alf-acre", "amy-ash", "ann-ames"]}  # by id, whatever the order of the lists


def test_initials_shared_with_someone_absent_from_the_meeting_still_link():
    initials, shared = meeting_initials(_meeting(_ref("amy-ash")), DIRECTORY)
    assert initials == {"AA": Entity("person", "amy-ash")} and shared == {}


def test_a_private_persons_initials_never_link_but_count_as_shared():
    initials, shared = meeting_initials(_meeting(_ref("dot-dale"), _ref("bea-birch")), DIRECTORY)
    assert initials == {"DD": None, "BB": Entity("person", "bea-birch")} and shared == {}
    private_twin = Directory(people={**DIRECTORY.people, "dan-dean": Person("dan-dean", "Dan Dean", initials="DD")})
    meeting = _meeting(_ref("dot-dale"), PersonRef("Dan Dean", "dan-dean"))
    assert meeting_initials(meeting, private_twin) == ({"DD": None}, {"DD": ["dan-dean", "dot-dale"]})


def test_guests_unknown_ids_and_people_without_initials_give_none():
    meeting = _meeting(PersonRef("A visitor"), PersonRef("Zed Zane", "zed-zane"), _ref("eve-east"),
                       _ref("pip-pike"))
    assert meeting_initials(meeting, DIRECTORY) == ({"PP": None}, {})
