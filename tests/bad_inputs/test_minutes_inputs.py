"""Mistakes in minutes: each gets a message naming the file and the line or key."""

import re

import pytest

from tests.building import run_build

pytestmark = pytest.mark.build


def latest_minutes(content):
    return sorted((content / "minutes").glob("*steering-group.md"))[-1]


def test_unknown_owner_and_unmatched_reports_are_warnings_with_file_and_line(tmp_path, content_copy):
    minutes = latest_minutes(content_copy)
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\n**Action 9:** ZQ to check the figures.\n\n"
                       "Action 99 (2024-06-12): done.\n\nAction 1 (2024-06-12): nearly there.\n", encoding="utf-8")
    lines = minutes.read_text(encoding="utf-8").splitlines()
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 0, result.log
    name = f"minutes/{minutes.name}"
    owner_line = next(i for i, l in enumerate(lines, 1) if "Action 9:" in l)
    assert re.search(rf"WARNING: .*{re.escape(name)}, line {owner_line}, key 'Action': Action 9 names the owner "
                     r"'ZQ', who is not at this meeting or in the directory", result.log), result.log
    assert "'Action 99 (2024-06-12)' matches no action of an earlier meeting" in result.log
    assert "'nearly there' is not a status for Action 1 (2024-06-12); it stays open" in result.log


def test_a_next_meeting_that_is_not_a_date_stops_the_build(tmp_path, content_copy):
    minutes = latest_minutes(content_copy)
    text = minutes.read_text(encoding="utf-8")
    text = re.sub(r'next_meeting: "[^"]+"', 'next_meeting: "early next year"', text, count=1)
    minutes.write_text(text, encoding="utf-8")
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 1
    assert f"minutes/{minutes.name}, line" in result.stderr
    assert "key 'meeting.next_meeting': 'early next year' is neither a date nor 'to be confirmed'" in result.stderr


def test_an_attendee_listed_twice_stops_the_build(tmp_path, content_copy):
    minutes = latest_minutes(content_copy)
    text = minutes.read_text(encoding="utf-8")
    present = re.search(r"present: \[([a-z-]+)", text).group(1)
    text = re.sub(r"apologies: \[", f"apologies: [{present}, ", text, count=1)
    minutes.write_text(text, encoding="utf-8")
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 1
    assert f"key 'meeting.apologies': '{present}' is listed twice: in 'present' and in 'apologies'" in result.stderr
