"""The pure cores of `make import` (plugins/authoring), without a build: phrases as typed in
Word, attendance lists, matching people, Markdown and front matter written so the build reads
them back."""

from __future__ import annotations

import os
from datetime import date, datetime, time

import pytest
from bs4 import BeautifulSoup

from authoring.attendance import Attendee, named_attendee, paragraph_attendees, split_names, table_attendees
from authoring.frontmatter import render
from authoring.markdowntext import to_markdown
from authoring.matching import Matcher
from authoring.minutesimport import MeetingDraft, normalise_actions
from authoring.phrases import find_date, find_times, start_and_end, when, without
from authoring.wordimport import _file_stem
from network.directory import load_directory, read_directory_files
from network.errors import ProblemLog
from network.source import split_front_matter
from tests.building import CONTENT


@pytest.fixture(scope="module")
def matcher():
    files = read_directory_files(os.path.join(CONTENT, "directory"))
    return Matcher(load_directory(files, "content/directory", ProblemLog()))


@pytest.mark.parametrize("typed, expected", [
    ("Wednesday 11th November 2026, 2pm", date(2026, 11, 11)),
    ("held on 3 Sept 2025", date(2025, 9, 3)),
    ("11/03/2026", date(2026, 3, 11)),  # British: day first
    ("2026-01-20", date(2026, 1, 20)),
    ("March 4, 2025", date(2025, 3, 4)),
    ("31 February 2026", None),
    ("4.1 The group met", None),
])
def test_dates_as_typed_in_word(typed, expected):
    found = find_date(typed)
    assert (found.value if found else None) == expected


def test_times_ranges_and_what_is_left():
    text = "Wednesday 11th November 2026, 2.00pm – 4.30pm, Committee Room 2, Civic Centre"
    start, end = start_and_end(text)
    assert (start.value, end.value) == (time(14), time(16, 30))
    assert without(text, [find_date(text), start, end]) == "Committee Room 2, Civic Centre"
    assert when("Thursday 19 November 2026 at 10am") == datetime(2026, 11, 19, 10)
    assert [t.value for t in find_times("4.1 about 12 people; 10:00 GMT; 12am")] == [time(10), time(0)]


def test_attendance_table_with_group_rows_initials_and_chair():
    soup = BeautifulSoup("<table><tr><td>Present</td><td></td><td></td></tr>"
                         "<tr><td>RA</td><td>Ruth Abernethy</td><td>CRF (Chair)</td></tr>"
                         "<tr><td>Apologies</td><td>GM</td><td>Grace Mensah</td></tr></table>", "html.parser")
    people = table_attendees(soup.table)
    assert [(p.group, p.initials, p.name, p.organisation, p.role) for p in people] == [
        ("present", "RA", "Ruth Abernethy", "CRF", "chair"), ("apologies", "GM", "Grace Mensah", "", "")]
    assert table_attendees(BeautifulSoup("<table><tr><td>Stage</td><td>Month</td></tr></table>",
                                         "html.parser").table) is None


def test_names_in_a_present_line():
    assert split_names("A (X, Y), B; C (Jobs and Benefits) and D") == ["A (X, Y)", "B", "C (Jobs and Benefits)", "D"]
    vice = named_attendee("Harpreet Sandhu (NCHT, Vice-Chair)", "present")
    assert (vice.name, vice.role) == ("Harpreet Sandhu", "")
    taker = named_attendee("Nadia Fairclough (CVMP, notes)", "present")
    assert (taker.name, taker.organisation, taker.role) == ("Nadia Fairclough", "CVMP", "minutes")
    group, people = paragraph_attendees("Apologies for absence: Kerry Walsh, Alison Thwaite")
    assert group == "apologies" and [p.name for p in people] == ["Kerry Walsh", "Alison Thwaite"]
    assert paragraph_attendees("Presentation from the college") is None


def test_matching_by_name_title_initials_and_organisation(matcher):
    def match(name, initials="", organisation=""):
        return matcher.person(_attendee(name, initials, organisation))

    assert match("Revd Margaret Ashdown").value == "margaret-ashdown"
    assert match("M. Kowalczyk", "MK", "Northmoor County Council").value == "martin-kowalczyk"
    assert match("M. K.", "MK", "CRF").value == "mohammed-karimi"
    assert match("MK", "MK").value == "MK"  # two people have these initials: kept as written
    assert match("Nadia F", "CVMP", "CVMP").value == "Nadia F (Calder Valley Migration Partnership)"
    # "Ruth A (RA)": initials alone, beside a name the directory does not have, name no one for sure
    assert match("Ruth A", "RA", "RA").value == "Ruth A"
    assert match("RA", "RA").value == "ruth-abernethy"  # initials alone, and only one person has them
    guest = match("Sarah Cutlar", "", "Calder Valley Food Bank")
    assert guest.value == "Sarah Cutlar (Calder Valley Food Bank)" and guest.person_id is None
    assert "did you mean Rosa Delgado" in match("Rosa Delgato").why


def test_a_private_person_is_never_suggested(matcher):
    assert "did you mean" in matcher.person(_attendee("Ruth Abernethey")).why
    assert "did you mean" not in matcher.person(_attendee("Ottilie Marchbank")).why


def _attendee(name, initials="", organisation=""):
    return Attendee(name, "present", initials, organisation)


def test_markdown_keeps_text_as_text():
    markdown = to_markdown("<p># 5 &lt;script&gt;alert(1)&lt;/script&gt; snake_case [bookmark: _GoBack]</p>"
                           "<p>· one</p><p>· two</p><p><a id=\"_GoBack\"></a><a href=\"#_Toc2\">Item</a> "
                           "<a href=\"https://example.org/a_b\">site</a></p>")
    assert markdown == ("\\# 5 &lt;script>alert(1)&lt;/script> snake\\_case\n\n- one\n\n- two\n\n"
                        "Item [site](https://example.org/a_b)\n")


def test_a_bar_typed_in_a_table_cell_stays_in_its_cell():
    import markdown

    html = markdown.markdown(to_markdown("<table><tr><td>Who</td><td>When</td></tr><tr><td>NF | CA</td><td>May</td></tr>"
                                         "</table>"), extensions=["markdown.extensions.extra"])
    cells = [cell.get_text() for cell in BeautifulSoup(html, "html.parser").select("td")]
    assert cells == ["NF | CA", "May"]


@pytest.mark.parametrize("line, expected", [
    ("ACTION 4 – SA to circulate it.", "**Action 4:** SA to circulate it."),
    ("3.2 **Action 5**: CCC to confirm.", "3.2 **Action 5:** CCC to confirm."),
    ("- Action point 6: NF to book a room.", "- **Action 6:** NF to book a room."),
    ("2.3 Action 3 (2025-06-12): done.", "2.3 Action 3 (2025-06-12): done."),  # a report stays a report
    ("Actions were reviewed.", "Actions were reviewed."),
])
def test_actions_in_our_syntax(line, expected):
    assert normalise_actions(line, MeetingDraft()) == expected


def test_unnumbered_actions_are_numbered_and_listed():
    draft = MeetingDraft()
    assert normalise_actions("Action: NF to write.\n\nACTION - All members to read.", draft) == (
        "**Action 1:** NF to write.\n\n**Action 2:** All members to read.")
    assert [guess.value for guess in draft.guesses] == ["Action 1", "Action 2"]


def test_front_matter_reads_back_whatever_the_title():
    title = 'Notes: "Room 2" # 3/4 – Ĺeeds\u2028& co'
    text = render({"title": title, "date": "2026-11-11", "meeting": {"present": ["ruth-abernethy", "null", "Jo (X)"],
                                                                     "venue": ""}},
                  ["a guess\nwith a line break"], "Body\n", "content/x.md")
    data, body, _ = split_front_matter(text, "x.md")
    assert data["title"] == title.replace("\u2028", " ") and body == "Body\n"
    assert list(data["meeting"]["present"]) == ["ruth-abernethy", "null", "Jo (X)"]
    assert "venue" not in data["meeting"] and text.split("\n")[1] == "# a guess with a line break"


def test_file_names_from_date_and_title():
    assert _file_stem("Steering Group minutes, 11 November 2026", "2026-11-11 14:00", "minutes") == \
        "2026-11-11-steering-group-minutes"
    assert _file_stem('The "Move/On" update', "2026-11-30", "update") == "2026-11-30-the-move-on-update"
    assert _file_stem("November 2026", "2026-11-30", "update") == "2026-11-30-update"
    assert len(_file_stem("word " * 40, "2026-11-30", "update")) <= 71
