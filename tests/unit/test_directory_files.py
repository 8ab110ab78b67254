"""A directory file that is empty, broken or missing is one problem, never one per document."""

import pytest

from network.directory import load_directory, report_unread_files
from network.documents import read_basics, resolve_document
from network.errors import ProblemLog
from network.source import split_front_matter

from .test_directory import ORGS, PEOPLE, THEMES

FOLDER = "content/directory"
DOCUMENT = "content/updates/2025-03-update.md"
NAMING_EVERYONE = """\
title: March
date: 2025-03-01
themes: [housing]
people: [laura-dent, no-such-person]
organisations: [calder-council]
author: "Jo Bloggs"
"""


def load(**files):
    texts = {"people.yml": PEOPLE, "organisations.yml": ORGS, "themes.yml": THEMES}
    texts.update({f"{name}.yml": text for name, text in files.items()})
    log = ProblemLog()
    return load_directory({k: v for k, v in texts.items() if v is not None}, FOLDER, log), log


def resolve(directory, log, front_matter=NAMING_EVERYONE, path=DOCUMENT):
    front, _, _ = split_front_matter(f"---\n{front_matter}---\n", path)
    basics = read_basics(front, path, default_category="Updates", categories=["Updates"], is_page=False)
    return resolve_document(basics, front, path, directory, log)


def report(log):
    return [p.format() for p in log.errors], [p.format() for p in log.warnings]


@pytest.mark.parametrize("text", ["", "\n\n   \n", "# the people of the partnership\n\n# (none yet)\n", "[]\n",
                                  b""])
def test_an_empty_file_is_one_error_and_documents_naming_people_add_none(text):
    directory, log = load(people=text)
    resolve(directory, log)
    report_unread_files(directory, FOLDER, log)
    assert directory.unread == {"people": "unusable"}
    assert report(log) == ([
        "content/directory/people.yml: the file is empty, so no one is in the directory. Put its entries back "
        "(see README, 'The directory'), or delete the file if the site has no people. Until then the people "
        "that documents name are not checked."], [])


UNKNOWN_PERSON = (f"{DOCUMENT}, line 5, key 'people': unknown person 'no-such-person'. "
                  "Use an id from content/directory/people.yml, or add the person there.")
GUEST = (f"{DOCUMENT}, line 7, key 'author': 'Jo Bloggs' is not in the directory, so the name is shown as written, "
         "without a link. If they take part regularly, add them to content/directory/people.yml.")


def test_malformed_yaml_is_one_error_with_its_line_and_other_kinds_are_still_checked():
    directory, log = load(themes="- id: housing\n  name: [Housing\n- id: health\n  name: Health\n")
    resolve(directory, log)
    report_unread_files(directory, FOLDER, log)
    assert report(log) == ([
        "content/directory/themes.yml, line 3: the YAML is malformed: did not find expected ',' or ']' (while "
        "parsing a flow sequence). Check the indentation and that text containing ':' or starting with '[', '*' "
        "or '&' is in quotes. Until it is fixed no theme is in the directory, and the themes that documents name "
        "are not checked.", UNKNOWN_PERSON], [GUEST])


def test_a_file_that_is_not_utf8_is_one_error():
    directory, log = load(organisations="- id: café\n  name: Café\n".encode("latin-1"))
    resolve(directory, log)
    report_unread_files(directory, FOLDER, log)
    (error, unknown_person), _ = report(log)
    assert unknown_person == UNKNOWN_PERSON
    assert error.startswith("content/directory/organisations.yml, line 1: the file is not UTF-8 text (byte 0xe9")
    assert error.endswith("Until it is fixed no organisation is in the directory, and the organisations that "
                          "documents name are not checked.")


def test_a_file_that_is_not_a_list_is_one_error():
    directory, log = load(people="id: laura-dent\nname: Laura Dent\n")
    resolve(directory, log)
    assert report(log) == ([
        "content/directory/people.yml, line 1: the file must be a list of entries, so no one is in the directory. "
        "Start each entry with '- id: ...' on its own line. Until then the people that documents name are not "
        "checked."], [])


def test_a_list_of_names_instead_of_entries_is_one_error_naming_the_first():
    directory, log = load(people="# our people\n- Laura Dent\n- Jo Bloggs\n- Sam Okafor\n")
    resolve(directory, log)
    assert report(log) == ([
        "content/directory/people.yml, line 2: no entry is a block of 'key: value' lines (the first is "
        "'Laura Dent'), so no one is in the directory. Start each entry with '- id: ...' and indent its other "
        "keys under it. Until then the people that documents name are not checked."], [])


def test_one_entry_written_as_a_line_of_text_names_its_line():
    directory, log = load(people=PEOPLE + "- Jo Bloggs\n- id: sam-okafor\n  name: Sam Okafor\n")
    assert report(log) == ([
        "content/directory/people.yml, line 4: this entry is not a block of 'key: value' lines: 'Jo Bloggs'. "
        "Start each entry with '- id: ...' and indent its other keys under it."], [])
    assert set(directory.people) == {"laura-dent", "sam-okafor"} and not directory.unread


def test_people_whose_organisations_file_is_broken_are_not_reported_one_by_one():
    directory, log = load(organisations="# to do\n")
    (error,), warnings = report(log)
    assert error.startswith("content/directory/organisations.yml: the file is empty")
    assert directory.people["laura-dent"].organisation is None


def test_a_missing_file_nobody_needs_is_a_warning():
    directory, log = load(themes=None)
    resolve(directory, log, NAMING_EVERYONE.replace("[housing]", "[]"))
    report_unread_files(directory, FOLDER, log)
    assert directory.unread == {"themes": "missing"}
    assert report(log) == ([UNKNOWN_PERSON], [
        "content/directory/themes.yml: the file is missing, so the site has no themes. "
        "Create content/directory/themes.yml (see README, 'The directory').", GUEST])


def test_a_missing_file_that_documents_need_is_one_error_naming_the_first():
    directory, log = load(people=None)
    resolve(directory, log)
    resolve(directory, log, path="content/briefings/2025-04-briefing.md")
    report_unread_files(directory, FOLDER, log)
    assert report(log) == ([
        "content/directory/people.yml: the file is missing, but 2 files name people (the first: "
        "content/briefings/2025-04-briefing.md, line 5). Put people.yml back in content/directory/ (see README, "
        "'The directory'), or take those ids out."], [])
