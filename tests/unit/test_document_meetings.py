"""Minutes' `meeting:` block: the group that met, times, chair, who came or sent apologies, the next
meeting, and the messages an officer reads when one of them is wrong (documents.resolve_document)."""

import pytest

from network.directory import load_directory
from network.documents import MEETING_KEYS, read_basics, resolve_document
from network.errors import ProblemLog
from network.model import PersonRef
from network.source import split_front_matter

PATH = "content/minutes/2025-03-steering.md"
PEOPLE = """\
- id: amy-ash
  name: Amy Ash
- id: ben-birch
  name: Ben Birch
"""
ORGS = """\
- id: housing-trust
  name: Housing Trust
- id: steering-group
  name: Steering Group
"""


def directory():
    return load_directory({"people.yml": PEOPLE, "organisations.yml": ORGS, "themes.yml": "[]\n"},
                          "content/directory", ProblemLog())


def resolve(meeting: str | None, *, date='"2025-03-12 14:00"', status="published", is_page=False,
            category="Minutes"):
    """The document with this `meeting:` block (its lines come after `meeting:`, the first at line 6);
    None: no `meeting:` at all; date None: no `date:` line (and every line one up)."""
    text = "title: Steering group\n" + (f"date: {date}\n" if date is not None else "") + f"status: {status}\n"
    if meeting is not None:
        text += f"meeting:\n{meeting}"
    front, _, _ = split_front_matter(f"---\n{text}---\n", PATH)
    basics = read_basics(front, PATH, default_category=category, categories=["Minutes", "Updates"], is_page=is_page)
    log = ProblemLog()
    return resolve_document(basics, front, PATH, directory(), log, is_page=is_page), log


def report(log):
    return [p.format() for p in log.errors], [p.format() for p in log.warnings]


def test_a_full_meeting_block_is_read_into_the_meeting():
    document, log = resolve("  body: steering-group\n  venue: ' Town Hall '\n  ends: '16:30'\n  chair: amy-ash\n"
                            "  minutes_by: Ben Birch\n  present: [amy-ash, 'Cara Cole']\n  in_attendance: ben-birch\n"
                            "  apologies: ['Dan Dale']\n  next_meeting: '2025-06-11'\n  next_venue: Library\n")
    meeting = document.meeting
    assert report(log)[0] == []
    assert (meeting.body, meeting.venue, meeting.next_venue) == ("steering-group", "Town Hall", "Library")
    assert (meeting.starts.hour, meeting.ends.hour, meeting.ends.minute) == (14, 16, 30)
    assert (meeting.chair, meeting.minutes_by) == (PersonRef("amy-ash", "amy-ash"), PersonRef("Ben Birch", "ben-birch"))
    assert meeting.present == [PersonRef("amy-ash", "amy-ash"), PersonRef("Cara Cole")]
    assert meeting.in_attendance == [PersonRef("ben-birch", "ben-birch")]
    assert meeting.apologies == [PersonRef("Dan Dale")]
    assert (meeting.next_meeting.month, meeting.next_meeting_has_time, meeting.next_meeting_text) == (
        6, False, "2025-06-11")


def test_a_meeting_block_with_only_its_body_leaves_the_rest_empty():
    meeting = resolve("  body: steering-group\n  chair:\n")[0].meeting
    assert (meeting.venue, meeting.next_venue, meeting.ends, meeting.chair, meeting.minutes_by) == (
        "", "", None, None, None)
    assert (meeting.present, meeting.in_attendance, meeting.apologies) == ([], [], [])
    assert (meeting.next_meeting, meeting.next_meeting_text) == (None, "")


def test_a_meeting_that_is_not_a_block_is_refused():
    document, log = resolve(None, date="2025-03-12\nmeeting: steering-group")
    assert document.meeting is None
    assert report(log)[0] == [
        f"{PATH}, line 4, key 'meeting': 'meeting' must be a block of indented 'key: value' lines. "
        "Indent 'body:', 'venue:' and the rest under 'meeting:'."]


def test_a_meeting_without_a_body_is_refused():
    document, log = resolve("  venue: Town Hall\n")
    assert document.meeting is None
    assert report(log)[0] == [
        f"{PATH}, line 5, key 'meeting.body': the meeting has no 'body'. Add 'body:' with the organisation id of "
        "the group that met, such as a steering group listed in content/directory/organisations.yml."]


def test_an_unknown_body_names_its_own_line():
    document, log = resolve("  venue: Town Hall\n  body: steering-grup\n")
    assert document.meeting is None
    assert report(log)[0] == [
        f"{PATH}, line 7, key 'meeting.body': unknown organisation 'steering-grup'. Did you mean 'steering-group'? "
        "Use an id from content/directory/organisations.yml, or add the organisation there."]


def test_misspelt_and_unknown_meeting_keys():
    _, log = resolve("  body: steering-group\n  venu: Town Hall\n  catering: tea\n")
    assert report(log)[0] == [
        f"{PATH}, line 7, key 'meeting.venu': unknown key 'meeting.venu'. Did you mean 'venue'?",
        f"{PATH}, line 8, key 'meeting.catering': unknown key 'meeting.catering'. Known keys: "
        + ", ".join(MEETING_KEYS) + "."]


def test_a_drafts_meeting_problems_are_warnings():
    _, log = resolve("  body: steering-group\n  venu: Town Hall\n", status="draft")
    assert report(log) == ([], [f"{PATH}, line 7, key 'meeting.venu': unknown key 'meeting.venu'. "
                                "Did you mean 'venue'?"])


@pytest.mark.parametrize("ends", ["soon", "'25:00'"])
def test_an_end_that_is_not_a_time_is_refused(ends):
    document, log = resolve(f"  body: steering-group\n  ends: {ends}\n")
    assert document.meeting.ends is None
    assert report(log)[0] == [f"{PATH}, line 7, key 'meeting.ends': '{ends.strip(chr(39))}' is not a time. "
                              'Write the end time as "HH:MM" in quotes, such as "16:30".']


@pytest.mark.parametrize("ends", ["'14:00'", "'09:30'"])
def test_a_meeting_cannot_end_when_or_before_it_starts(ends):
    document, log = resolve(f"  body: steering-group\n  ends: {ends}\n")
    assert document.meeting.ends is None
    assert report(log)[0] == [
        f"{PATH}, line 7, key 'meeting.ends': the meeting ends ({ends.strip(chr(39))}) before it starts (14:00). "
        "Check the time in 'date' (the start) and in 'ends'."]


def test_a_meeting_ending_a_minute_after_it_starts_is_fine():
    document, log = resolve("  body: steering-group\n  ends: '14:01'\n")
    assert (document.meeting.ends.hour, document.meeting.ends.minute) == (14, 1) and not log.problems


@pytest.mark.parametrize(("starts", "ends"), [("01:00", "00:30"), ("00:01", "00:00")])
def test_only_a_meeting_dated_without_a_time_is_taken_to_start_at_midnight(starts, ends):
    document, log = resolve(f"  body: steering-group\n  ends: '{ends}'\n", date=f'"2025-03-12 {starts}"')
    assert document.meeting.ends is None
    assert f"the meeting ends ({ends}) before it starts ({starts})" in report(log)[0][0]


def test_a_meeting_dated_without_a_time_may_end_at_any_time():
    document, log = resolve("  body: steering-group\n  ends: '09:00'\n", date="2025-03-12")
    assert document.meeting.ends.hour == 9 and not log.problems


def test_a_page_with_a_meeting_and_no_date_keeps_its_end_and_next_meeting():
    document, log = resolve("  body: steering-group\n  ends: '09:00'\n  next_meeting: '2020-06-11'\n",
                            date=None, is_page=True)
    assert not log.problems
    assert (document.meeting.ends.hour, document.meeting.next_meeting.year) == (9, 2020)


def test_someone_listed_twice_is_kept_in_the_first_list_only():
    document, log = resolve("  body: steering-group\n  present: [amy-ash, Cara Cole]\n"
                            "  in_attendance: [cara cole]\n  apologies: [Amy Ash, ben-birch]\n")
    meeting = document.meeting
    assert meeting.present == [PersonRef("amy-ash", "amy-ash"), PersonRef("Cara Cole")]
    assert meeting.in_attendance == [] and meeting.apologies == [PersonRef("ben-birch", "ben-birch")]
    assert report(log)[0] == [
        f"{PATH}, line 8, key 'meeting.in_attendance': 'cara cole' is listed twice: in 'present' and in "
        "'in_attendance'. List each person once: under present, in_attendance or apologies.",
        f"{PATH}, line 9, key 'meeting.apologies': 'Amy Ash' is listed twice: in 'present' and in 'apologies'. "
        "List each person once: under present, in_attendance or apologies."]


def test_a_chair_and_minute_taker_are_checked_like_attendees():
    document, log = resolve("  body: steering-group\n  chair: amy-asj\n  minutes_by: Cara Cole\n")
    assert (document.meeting.chair, document.meeting.minutes_by) == (None, PersonRef("Cara Cole"))
    assert report(log) == ([
        f"{PATH}, line 7, key 'meeting.chair': unknown person 'amy-asj'. Did you mean 'amy-ash'? "
        "Use an id from content/directory/people.yml, or add the person there."], [
        f"{PATH}, line 8, key 'meeting.minutes_by': 'Cara Cole' is not in the directory, so the name is shown as "
        "written, without a link. If they take part regularly, add them to content/directory/people.yml."])


def test_an_unknown_id_in_a_list_is_left_out_and_the_rest_kept():
    document, log = resolve("  body: steering-group\n  present: [amy-asj, ben-birch]\n")
    assert document.meeting.present == [PersonRef("ben-birch", "ben-birch")]
    assert report(log)[0] == [
        f"{PATH}, line 7, key 'meeting.present': unknown person 'amy-asj'. Did you mean 'amy-ash'? "
        "Use an id from content/directory/people.yml, or add the person there."]


@pytest.mark.parametrize("words", ["To be confirmed.", "tba", "To be arranged", "to be agreed"])
def test_an_undated_next_meeting_reads_to_be_confirmed(words):
    document, log = resolve(f"  body: steering-group\n  next_meeting: {words}\n")
    assert document.meeting.next_meeting_text == "to be confirmed" and not log.problems


def test_a_next_meeting_with_a_time_says_so():
    meeting = resolve("  body: steering-group\n  next_meeting: ' 2025-06-11 10:00 '\n")[0].meeting
    assert (meeting.next_meeting.hour, meeting.next_meeting_has_time, meeting.next_meeting_text) == (
        10, True, "2025-06-11 10:00")


def test_a_next_meeting_the_day_after_is_accepted():
    meeting = resolve("  body: steering-group\n  next_meeting: '2025-03-13'\n")[0].meeting
    assert meeting.next_meeting.day == 13


@pytest.mark.parametrize("words", ["after Easter", ""])
def test_a_next_meeting_neither_date_nor_undated_words_shows_both_forms(words):
    document, log = resolve(f"  body: steering-group\n  next_meeting: {words}\n")
    assert document.meeting.next_meeting_text == ""
    assert report(log)[0] == [
        f"{PATH}, line 7, key 'meeting.next_meeting': '{words}' is neither a date nor 'to be confirmed'. "
        'Write "YYYY-MM-DD HH:MM" in quotes (such as "2027-01-20 14:00"), or \'to be confirmed\'.']


def test_minutes_need_a_meeting_block_unless_they_are_a_page():
    _, log = resolve(None)
    assert report(log)[0] == [
        f"{PATH}, line 2, key 'meeting': minutes need a 'meeting:' block. Add 'meeting:' with at least 'body:' "
        "(the id of the group that met); see README, 'Minutes'."]
    assert not resolve(None, is_page=True)[1].problems
    assert not resolve(None, category="Updates")[1].problems
