"""The cause of a problem comes first, and alone: one broken file is one message, and every message
is short enough to read."""

import re

import pytest

from tests.building import run_build

pytestmark = pytest.mark.build

REPORT = "The site was not built: 1 problem in the content must be fixed first.\n  - {}\n" \
         "Nothing was published; the site online is unchanged.\n"


def build(tmp_path, content, check=False):
    return run_build(str(tmp_path / "output"), str(content), settings="pelicanconf.py" if check else "publishconf.py",
                     check=check)


def test_an_empty_people_file_is_the_one_problem_reported(tmp_path, content_copy):
    people = content_copy / "directory" / "people.yml"
    people.write_text("# People in the directory.\n\n", encoding="utf-8")
    result = build(tmp_path, content_copy)
    assert result.returncode == 1
    assert result.stderr.endswith(REPORT.format(
        f"{people}: the file is empty, so no one is in the directory. Put its entries back (see README, "
        "'The directory'), or delete the file if the site has no people. Until then the people that documents "
        "name are not checked."))
    assert "unknown person" not in result.log and "names the owner" not in result.log
    assert "is not in the directory" not in result.log


def test_a_people_file_of_plain_names_is_one_problem_naming_its_line(tmp_path, content_copy):
    people = content_copy / "directory" / "people.yml"
    people.write_text("# Our people\n- Nadia Fairclough\n- Dennis Whitworth\n", encoding="utf-8")
    result = build(tmp_path, content_copy, check=True)
    assert result.returncode == 1
    assert result.stderr.endswith(REPORT.format(
        f"{people}, line 2: no entry is a block of 'key: value' lines (the first is 'Nadia Fairclough'), so no one "
        "is in the directory. Start each entry with '- id: ...' and indent its other keys under it. Until then the "
        "people that documents name are not checked."))


def test_malformed_organisations_yaml_is_one_problem(tmp_path, content_copy):
    organisations = content_copy / "directory" / "organisations.yml"
    text = organisations.read_text(encoding="utf-8")
    first_name = re.search(r"^  name: .*$", text, re.MULTILINE)
    line = text[:first_name.start()].count("\n") + 1
    organisations.write_text(text[:first_name.end()] + ": broken" + text[first_name.end():], encoding="utf-8")
    result = build(tmp_path, content_copy, check=True)
    assert result.returncode == 1
    assert result.stderr.endswith(REPORT.format(
        f"{organisations}, line {line}: the YAML is malformed: mapping values are not allowed in this context. "
        "Check the indentation and that text containing ':' or starting with '[', '*' or '&' is in quotes. Until it "
        "is fixed no organisation is in the directory, and the organisations that documents name are not checked."))


def test_one_entry_written_as_a_name_names_its_line(tmp_path, content_copy):
    people = content_copy / "directory" / "people.yml"
    lines = people.read_text(encoding="utf-8").split("\n")
    second_entry = next(i for i, line in enumerate(lines) if line.startswith("- id:") and i > 5)
    lines.insert(second_entry, "- Jo Bloggs")
    people.write_text("\n".join(lines), encoding="utf-8")
    result = build(tmp_path, content_copy, check=True)
    assert result.returncode == 1
    assert result.stderr.endswith(REPORT.format(
        f"{people}, line {second_entry + 1}: this entry is not a block of 'key: value' lines: 'Jo Bloggs'. Start each "
        "entry with '- id: ...' and indent its other keys under it."))


def test_a_missing_people_file_that_documents_need_is_one_problem(tmp_path, content_copy):
    (content_copy / "directory" / "people.yml").unlink()
    result = build(tmp_path, content_copy, check=True)
    assert result.returncode == 1
    first = sorted((content_copy / "briefings").glob("*.md"))[0]
    assert re.search(rf"  - {re.escape(str(content_copy))}/directory/people.yml: the file is missing, but \d+ files "
                     rf"name people \(the first: {re.escape(str(first))}, line \d+\)\. Put people.yml back in "
                     rf"{re.escape(str(content_copy))}/directory/ \(see README, 'The directory'\), or take those ids "
                     r"out\.\nNothing was published", result.stderr), result.stderr
    assert "unknown person" not in result.log


def test_a_huge_value_gives_a_short_message(tmp_path, content_copy):
    update = content_copy / "updates" / "huge.md"
    value = "2025-01-01 " + "lorem ipsum " * 500_000  # a 6 MB line
    update.write_text(f"---\ntitle: Huge\ndate: {value}\n---\nText.\n", encoding="utf-8")
    result = build(tmp_path, content_copy, check=True)
    assert result.returncode == 1
    assert result.stderr.endswith(REPORT.format(
        f"{update}, line 3, key 'date': the date '{value[:100]}…' cannot be read. Write it as YYYY-MM-DD or "
        "\"YYYY-MM-DD HH:MM\" (for example 2025-03-14 or \"2025-03-14 14:00\")."))
    assert len(result.log) < 5000


def test_a_document_over_a_megabyte_is_built_with_a_warning_giving_its_size(tmp_path, content_copy):
    update = content_copy / "updates" / "2025-02-long-report.md"
    paragraph = "The partnership met again this month to review housing. " * 20 + "\n\n"
    update.write_text("---\ntitle: A long report\ndate: 2025-02-27\n---\n" + paragraph * 1100, encoding="utf-8")
    size = update.stat().st_size
    assert 1_200_000 < size < 1_300_000
    result = build(tmp_path, content_copy, check=True)
    assert result.returncode == 0, result.log
    assert (f"WARNING: {update}: the document is {size / 1e6:.1f} MB; documents over 1 MB make the site slow to "
            "build and to read. Move large material (a long report, pictures pasted into the text) to a file in "
            "content/files/ or content/images/ and link it.\n") in result.stderr


def test_a_next_meeting_before_the_meeting_stops_the_build(tmp_path, content_copy):
    minutes = content_copy / "minutes" / "2026-10-08-operations-group.md"
    text = minutes.read_text(encoding="utf-8")
    assert 'next_meeting: "2027-01-14 10:00"' in text
    minutes.write_text(text.replace('next_meeting: "2027-01-14 10:00"', 'next_meeting: "2026-01-14 10:00"'),
                       encoding="utf-8")
    line = text.split("\n").index('  next_meeting: "2027-01-14 10:00"') + 1
    result = build(tmp_path, content_copy, check=True)
    assert result.returncode == 1
    assert result.stderr.endswith(REPORT.format(
        f"{minutes}, line {line}, key 'meeting.next_meeting': the next meeting (2026-01-14 10:00) is not after this "
        "one (2026-10-08). Check the year and the month in 'next_meeting' and in 'date' (this meeting's)."))
