"""The ids and names a document's front matter gives, checked against the directory: themes, people,
organisations, the author, unknown keys, and the Document that results (documents.resolve_document)."""

import pytest

from network.directory import load_directory
from network.documents import DOCUMENT_KEYS, read_basics, resolve_document
from network.errors import ProblemLog
from network.model import PersonRef
from network.source import split_front_matter

PATH = "content/updates/2025-03-housing.md"
PEOPLE = """\
- id: amy-ash
  name: Amy Ash
  organisation: housing-trust
  aliases: [Amy Ash (Housing Trust)]
- id: amy-ashworth
  name: Amy Ashworth
  aliases: [Amy Ash]
- id: ben-birch
  name: Ben Birch
  aliases: [Benjamin Birch]
"""
ORGS = """\
- id: housing-trust
  name: Housing Trust
- id: welcome-forum
  name: Welcome Forum
"""
THEMES = """\
- id: housing
  name: Housing
- id: language
  name: Language classes
  aliases: [ESOL]
"""


def directory(**files):
    texts = {"people.yml": PEOPLE, "organisations.yml": ORGS, "themes.yml": THEMES, **files}
    log = ProblemLog()
    return load_directory({name: text for name, text in texts.items() if text is not None},
                          "content/directory", log)


def resolve(front_matter: str, *, known=None, category="Updates", is_page=False):
    front, _, _ = split_front_matter(f"---\ntitle: Housing update\ndate: 2025-03-14\n{front_matter}---\n", PATH)
    basics = read_basics(front, PATH, default_category=category, categories=["Updates", "Minutes", "Pages"],
                         is_page=is_page)
    log = ProblemLog()
    document = resolve_document(basics, front, PATH, known or directory(), log, is_page=is_page)
    return document, log


def report(log):
    return [p.format() for p in log.errors], [p.format() for p in log.warnings]


def test_a_document_carries_its_basics_and_checked_ids():
    document, log = resolve("slug: housing-update\nsummary: Rents rose.\nthemes: [language, housing]\n"
                            "people: [ben-birch]\norganisations: housing-trust\n")
    assert report(log) == ([], [])
    assert (document.path, document.title, document.date.day, document.category) == (PATH, "Housing update", 14,
                                                                                      "Updates")
    assert (document.slug, document.summary) == ("housing-update", "Rents rose.")
    assert (document.themes, document.people, document.organisations) == (["language", "housing"], ["ben-birch"],
                                                                           ["housing-trust"])
    assert (document.draft, document.is_page, document.author, document.meeting) == (False, False, None, None)


def test_without_slug_summary_or_category_the_document_has_empty_text():
    document, _ = resolve("", category=None)
    assert (document.slug, document.summary, document.category) == ("", "", "")
    assert (document.themes, document.people, document.organisations, document.attachments) == ([], [], [], [])


def test_a_draft_and_a_page_say_so():
    document, _ = resolve("status: draft\n")
    assert document.draft is True
    document, _ = resolve("", category="Pages", is_page=True)
    assert document.is_page is True and document.draft is False


def test_an_id_given_twice_counts_once():
    document, log = resolve("themes: [housing, language, housing]\n")
    assert document.themes == ["housing", "language"] and not log.problems


def test_an_empty_item_in_an_id_list_shows_what_to_write():
    document, log = resolve("themes: [housing, '']\norganisations: [[housing-trust]]\n")
    assert report(log)[0] == [
        f"{PATH}, line 4, key 'themes': expected a list of theme ids, found ''. Write a list such as [housing].",
        f"{PATH}, line 5, key 'organisations': expected a list of organisation ids, found ['housing-trust']. "
        "Write a list such as [housing-trust]."]
    assert document.themes == ["housing"] and document.organisations == []


def test_with_no_themes_in_the_directory_the_example_id_is_a_placeholder():
    _, log = resolve("themes: ['']\n", known=directory(**{"themes.yml": "[]\n"}))
    assert f"{PATH}, line 4, key 'themes': expected a list of theme ids, found ''. " \
           "Write a list such as [some-id]." in report(log)[0]


def test_an_organisations_name_given_for_its_id_suggests_the_id():
    _, log = resolve("organisations: [Welcome Forum]\n")
    assert report(log)[0] == [
        f"{PATH}, line 4, key 'organisations': unknown organisation 'Welcome Forum'. Did you mean 'welcome-forum'? "
        "Use an id from content/directory/organisations.yml, or add the organisation there."]


def test_a_themes_alias_given_for_its_id_suggests_the_id():
    _, log = resolve("themes: [ESOL]\n")
    assert report(log)[0] == [
        f"{PATH}, line 4, key 'themes': unknown theme 'ESOL'. Did you mean 'language'? "
        "Use an id from content/directory/themes.yml, or add the theme there."]


def test_an_organisation_named_among_people_is_not_suggested_as_a_person():
    _, log = resolve("people: [Housing Trust]\n")
    assert report(log)[0] == [
        f"{PATH}, line 4, key 'people': unknown person 'Housing Trust'. "
        "Use an id from content/directory/people.yml, or add the person there."]


def test_an_unknown_id_with_nothing_near_it_says_where_ids_come_from():
    _, log = resolve("people: [zed-zebra]\n")
    assert report(log) == ([
        f"{PATH}, line 4, key 'people': unknown person 'zed-zebra'. "
        "Use an id from content/directory/people.yml, or add the person there."], [])


def test_ids_of_an_unread_directory_file_wait_for_that_files_own_problem():
    document, log = resolve("people: [amy-ash]\norganisations: [housing-trust]\n",
                            known=directory(**{"people.yml": None}))
    assert not log.problems and document.people == [] and document.organisations == ["housing-trust"]
    (held,) = log.held["people"]
    assert held.format() == (f"{PATH}, line 4, key 'people': unknown person 'amy-ash'. "
                             "Use an id from content/directory/people.yml, or add the person there.")


def test_a_misspelt_key_is_a_warning_in_a_draft():
    _, log = resolve("status: draft\nsumary: Rents rose.\n")
    assert report(log) == ([], [f"{PATH}, line 5, key 'sumary': unknown key 'sumary'. Did you mean 'summary'?"])


def test_a_key_like_no_other_is_ignored_with_the_list_of_known_keys():
    _, log = resolve("colour: blue\n")
    assert report(log) == ([], [f"{PATH}, line 4, key 'colour': unknown key 'colour' is ignored. Known keys: "
                                + ", ".join(DOCUMENT_KEYS) + "."])


def test_an_author_by_id_by_alias_and_as_a_guest():
    assert resolve("author: ben-birch\n")[0].author == PersonRef("ben-birch", "ben-birch")
    assert resolve("author: Benjamin Birch\n")[0].author == PersonRef("Benjamin Birch", "ben-birch")
    document, log = resolve('author: "Ben Birch (Welcome Forum)"\n')
    assert document.author == PersonRef("Ben Birch (Welcome Forum)", "ben-birch") and not log.problems


def test_a_guest_author_is_shown_as_written_with_a_warning():
    document, log = resolve('author: "Cara Cole"\n')
    assert document.author == PersonRef("Cara Cole")
    assert report(log) == ([], [
        f"{PATH}, line 4, key 'author': 'Cara Cole' is not in the directory, so the name is shown as written, "
        "without a link. If they take part regularly, add them to content/directory/people.yml."])


def test_a_misspelt_author_name_suggests_the_persons_id_and_name():
    document, log = resolve('author: "Ben Burch (Welcome Forum)"\n')
    assert document.author == PersonRef("Ben Burch (Welcome Forum)")
    assert report(log) == ([], [
        f"{PATH}, line 4, key 'author': 'Ben Burch (Welcome Forum)' is not in the directory, so the name is shown "
        "as written, without a link. Did you mean 'ben-birch' (Ben Birch)? If they take part regularly, add them "
        "to content/directory/people.yml."])


def test_a_name_two_people_share_is_shown_without_a_link():
    document, log = resolve('author: "Amy Ash"\n')
    assert document.author == PersonRef("Amy Ash")
    assert report(log) == ([], [
        f"{PATH}, line 4, key 'author': 'Amy Ash' is the name of more than one person in the directory "
        "('amy-ash' and 'amy-ashworth'), so it is shown as written, without a link. "
        "Write the id of the one you mean."])


def test_an_alias_in_brackets_tells_two_people_of_the_same_name_apart():
    document, log = resolve('author: "Amy Ash (Housing Trust)"\n')
    assert document.author == PersonRef("Amy Ash (Housing Trust)", "amy-ash") and not log.problems
    document, log = resolve('author: "Amy Ash (Welcome Forum)"\n')
    assert document.author == PersonRef("Amy Ash (Welcome Forum)")
    assert "is the name of more than one person in the directory ('amy-ash' and 'amy-ashworth')" \
           in report(log)[1][0]


@pytest.mark.parametrize("author", ["Housing Trust", "Welcome Forum (hosts)"])
def test_an_organisation_as_author_is_shown_as_written_not_linked_as_a_person(author):
    document, log = resolve(f'author: "{author}"\n')
    assert document.author == PersonRef(author)
    assert report(log) == ([], [f"{PATH}, line 4, key 'author': '{author}' is not in the directory, so the name "
                                "is shown as written, without a link. If they take part regularly, add them to "
                                "content/directory/people.yml."])


def test_an_author_that_looks_like_an_unknown_id_is_an_error():
    document, log = resolve("author: amy-asch\n")
    assert document.author is None
    assert report(log) == ([
        f"{PATH}, line 4, key 'author': unknown person 'amy-asch'. Did you mean 'amy-ash'? "
        "Use an id from content/directory/people.yml, or add the person there."], [])


def test_an_empty_author_asks_for_an_id_or_a_name():
    document, log = resolve("author: ''\n")
    assert document.author is None
    assert report(log) == ([
        f"{PATH}, line 4, key 'author': expected a person's id or name, found ''. "
        "Write a person id such as 'laura-dent', or a name in quotes."], [])


def test_a_guest_author_with_people_yml_unread_waits_for_that_files_problem():
    document, log = resolve('author: "Cara Cole"\n', known=directory(**{"people.yml": None}))
    assert document.author == PersonRef("Cara Cole") and not log.problems
    assert [p.severity for p in log.held["people"]] == ["warning"]
