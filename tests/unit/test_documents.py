"""A document's front matter, checked against the directory."""

import pytest

from network.directory import load_directory
from network.documents import read_basics, resolve_document
from network.errors import ContentError, ProblemLog
from network.source import split_front_matter

from .test_directory import ORGS, THEMES

PEOPLE = """\
- id: laura-dent
  name: Laura Dent
  organisation: calder-council
- id: sam-okafor
  name: Sam Okafor
  aliases: [Samuel Okafor]
- id: hidden-helper
  name: Hidden Helper
  public: false
"""
CATEGORIES = ["Updates", "Briefings", "Minutes"]
PATH = "content/minutes/2025-02-steering.md"


def directory():
    log = ProblemLog()
    result = load_directory({"people.yml": PEOPLE, "organisations.yml": ORGS, "themes.yml": THEMES},
                            "content/directory", log)
    assert not log.problems
    return result


def check(front_matter: str, category="Minutes"):
    front, _, _ = split_front_matter(f"---\n{front_matter}---\n", PATH)
    basics = read_basics(front, PATH, default_category=category, categories=CATEGORIES, is_page=False)
    log = ProblemLog()
    document = resolve_document(basics, front, PATH, directory(), log)
    return document, log


def errors(log):
    return [p.format() for p in log.errors]


def basics_error(front_matter):
    front, _, _ = split_front_matter(f"---\n{front_matter}---\n", PATH)
    with pytest.raises(ContentError) as caught:
        read_basics(front, PATH, default_category="Updates", categories=CATEGORIES, is_page=False)
    return str(caught.value)


def test_missing_title():
    assert basics_error("date: 2025-01-01\n") == (
        f"{PATH}, line 2, key 'title': the document has no title. "
        "Add a line such as 'title: March 2025 project update' to the front matter.")


def test_missing_and_unparsable_dates():
    assert "the document has no date" in basics_error("title: A\n")
    message = basics_error("title: A\ndate: 14/03/2025\n")
    assert message.startswith(f"{PATH}, line 3, key 'date': the date '14/03/2025' cannot be read.")
    assert "YYYY-MM-DD" in message


def test_unknown_status_and_category_suggest_the_right_word():
    assert "'drafts' is not a status. Did you mean 'draft'?" in basics_error(
        "title: A\ndate: 2025-01-01\nstatus: drafts\n")
    assert "'Update' is not a category of this site. Did you mean 'Updates'?" in basics_error(
        "title: A\ndate: 2025-01-01\ncategory: Update\n")


def test_pages_need_no_date_and_category_defaults_from_folder():
    front, _, _ = split_front_matter("---\ntitle: About\n---\n", "content/pages/about.md")
    assert read_basics(front, "p", default_category=None, categories=CATEGORIES, is_page=True)["date"] is None
    document, log = check("title: A\ndate: 2025-01-01\n", category="Updates")
    assert document.category == "Updates" and not log.problems


def test_unknown_ids_get_did_you_mean_with_key_and_line():
    _, log = check("title: A\ndate: 2025-01-01\nthemes: [housng]\npeople: [laura-dnet]\n"
                   "organisations: [Calder Council]\n", category="Updates")
    assert errors(log) == [
        f"{PATH}, line 4, key 'themes': unknown theme 'housng'. Did you mean 'housing'? "
        "Use an id from content/directory/themes.yml, or add the theme there.",
        f"{PATH}, line 5, key 'people': unknown person 'laura-dnet'. Did you mean 'laura-dent'? "
        "Use an id from content/directory/people.yml, or add the person there.",
        f"{PATH}, line 6, key 'organisations': unknown organisation 'Calder Council'. Did you mean "
        "'calder-council'? Use an id from content/directory/organisations.yml, or add the organisation there.",
    ]


def test_misspelt_front_matter_key_is_an_error():
    _, log = check("title: A\ndate: 2025-01-01\ntheme: [housing]\n", category="Updates")
    assert errors(log) == [f"{PATH}, line 4, key 'theme': unknown key 'theme'. Did you mean 'themes'?"]


def test_a_drafts_problems_are_warnings_only():
    _, log = check("title: A\ndate: 2025-01-01\nstatus: draft\nthemes: [housng]\n", category="Updates")
    assert not log.errors and "unknown theme 'housng'" in log.warnings[0].format()


MEETING = """\
title: Steering group
date: "2025-02-12 14:00"
meeting:
  body: calder-forum
  venue: Room 2
  ends: "16:00"
  chair: laura-dent
  present: [laura-dent, "Samuel Okafor", "Jo Bloggs (Acme Trust)"]
  apologies: [hidden-helper]
  next_meeting: "2025-05-14 14:00"
"""


def test_a_meeting_resolves_ids_names_and_guests():
    document, log = check(MEETING)
    meeting = document.meeting
    assert not log.errors
    assert meeting.body == "calder-forum" and meeting.venue == "Room 2"
    assert (meeting.starts.hour, meeting.ends.hour) == (14, 16)
    assert [r.person_id for r in meeting.present] == ["laura-dent", "sam-okafor", None]
    assert meeting.present[2].text == "Jo Bloggs (Acme Trust)"
    assert meeting.next_meeting.month == 5 and meeting.next_meeting_has_time
    (warning,) = log.warnings  # the guest is a suggestion, never an error
    assert "'Jo Bloggs (Acme Trust)' is not in the directory, so the name is shown as written" in warning.format()


def test_meeting_problems():
    front = MEETING.replace("ends: \"16:00\"", "ends: \"13:00\"").replace(
        "next_meeting: \"2025-05-14 14:00\"", "next_meeting: sometime in May").replace(
        "apologies: [hidden-helper]", "apologies: [laura-dent, sam-okafr]")
    _, log = check(front)
    text = "\n".join(errors(log))
    assert "key 'meeting.ends': the meeting ends (13:00) before it starts (14:00)" in text
    assert "key 'meeting.next_meeting': 'sometime in May' is neither a date nor 'to be confirmed'" in text
    assert "key 'meeting.apologies': 'laura-dent' is listed twice: in 'present' and in 'apologies'" in text
    assert "unknown person 'sam-okafr'. Did you mean 'sam-okafor'?" in text


def test_to_be_confirmed_is_accepted():
    document, log = check(MEETING.replace('"2025-05-14 14:00"', "TBC"))
    assert document.meeting.next_meeting is None and document.meeting.next_meeting_text == "to be confirmed"


def test_minutes_without_a_meeting_block_and_unknown_body():
    _, log = check("title: A\ndate: 2025-01-01\n")
    assert "minutes need a 'meeting:' block" in errors(log)[0]
    _, log = check("title: A\ndate: 2025-01-01\nmeeting:\n  body: calder-forun\n")
    assert "unknown organisation 'calder-forun'. Did you mean 'calder-forum'?" in errors(log)[0]


@pytest.mark.parametrize("next_meeting", ['"2025-02-12 18:00"', "2025-02-12", '"2024-05-14 14:00"'])
def test_a_next_meeting_on_or_before_the_meetings_own_date_is_an_error(next_meeting):
    document, log = check(MEETING.replace('"2025-05-14 14:00"', next_meeting))
    line = MEETING.splitlines().index('  next_meeting: "2025-05-14 14:00"') + 2
    assert errors(log) == [
        f"{PATH}, line {line}, key 'meeting.next_meeting': the next meeting ({next_meeting.strip(chr(34))}) is not "
        "after this one (2025-02-12). Check the year and the month in 'next_meeting' and in 'date' (this meeting's)."]
    assert document.meeting.next_meeting is None


def test_a_document_over_a_megabyte_is_a_warning_with_its_size():
    from network.documents import report_size

    log = ProblemLog()
    report_size(PATH, 1_000_000, log)
    assert not log.problems
    report_size(PATH, 20_300_000, log)
    assert [p.format() for p in log.warnings] == [
        f"{PATH}: the document is 20.3 MB; documents over 1 MB make the site slow to build and to read. Move large "
        "material (a long report, pictures pasted into the text) to a file in content/files/ or content/images/ "
        "and link it."]
