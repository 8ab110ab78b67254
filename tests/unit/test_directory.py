"""The directory files: every mistake is reported with file, line and a fix."""

from network.directory import default_initials, load_directory
from network.errors import ProblemLog

ORGS = """\
- id: calder-council
  name: Calder Council
  aliases: [CC]
- id: calder-forum
  name: Calder Refugee Forum
  part_of: calder-council
"""
PEOPLE = """\
- id: laura-dent
  name: Laura Dent
  organisation: calder-council
"""
THEMES = """\
- id: housing
  name: Housing
  aliases: homelessness
"""


def load(people=PEOPLE, orgs=ORGS, themes=THEMES):
    log = ProblemLog()
    directory = load_directory({"people.yml": people, "organisations.yml": orgs, "themes.yml": themes},
                               "content/directory", log)
    return directory, log


def messages(log):
    return [p.format() for p in log.errors]


def test_a_good_directory_loads_with_defaults():
    directory, log = load()
    assert not log.problems
    person = directory.people["laura-dent"]
    assert person.initials == "LD" and person.public is True
    assert directory.themes["housing"].aliases == ["homelessness"]
    assert directory.organisations["calder-forum"].part_of == "calder-council"


def test_duplicate_id_names_both_lines():
    _, log = load(people=PEOPLE + "- id: laura-dent\n  name: Laura Dent Again\n")
    assert messages(log) == [
        "content/directory/people.yml, line 4, key 'id': the id 'laura-dent' is used twice "
        "(first at line 1). Every id must be unique: rename one of them."]


def test_person_whose_organisation_does_not_exist_gets_a_did_you_mean():
    _, log = load(people="- id: jo-bloggs\n  name: Jo Bloggs\n  organisation: calder-counsil\n")
    (message,) = messages(log)
    assert message.startswith("content/directory/people.yml, line 1, key 'organisation': Jo Bloggs")
    assert "'calder-counsil', which is not in organisations.yml" in message
    assert "Did you mean 'calder-council'?" in message


def test_unknown_part_of_and_cycles():
    _, log = load(orgs=ORGS + "- id: a\n  name: A\n  part_of: b\n- id: b\n  name: B\n  part_of: a\n"
                  "- id: c\n  name: C\n  part_of: nowhere\n")
    text = "\n".join(messages(log))
    assert "'a' is, through 'part_of', part of itself" in text
    assert "'c' is part of 'nowhere', which is not in organisations.yml" in text


def test_misspelt_key_is_an_error_with_a_suggestion_and_odd_keys_a_warning():
    _, log = load(people="- id: jo\n  name: Jo\n  organization: calder-council\n  shoe_size: 9\n")
    assert messages(log) == ["content/directory/people.yml, line 3, key 'organization': "
                             "unknown key 'organization'. Did you mean 'organisation'?"]
    assert "unknown key 'shoe_size' is ignored" in log.warnings[0].format()


def test_bad_ids_names_public_and_urls():
    _, log = load(people="- id: Jo Bloggs\n  name: Jo\n- id: amy\n- id: kim\n  name: Kim\n  public: maybe\n"
                  "  url: www.example.org\n")
    text = "\n".join(messages(log))
    assert "'Jo Bloggs' is not a valid id. Ids are lowercase words joined by hyphens, such as 'jo-bloggs'" in text
    assert "the entry 'amy' has no 'name'" in text
    assert "line 6, key 'public': 'maybe' is not true or false" in text
    assert "line 7, key 'url': 'www.example.org' is not a web address" in text


def test_malformed_yaml_in_a_directory_file():
    _, log = load(themes="- id: housing\n  name: [Housing\n")
    (message,) = messages(log)
    assert message.startswith("content/directory/themes.yml, line ")
    assert "the YAML is malformed" in message


def test_a_file_that_is_not_a_list():
    _, log = load(themes="id: housing\nname: Housing\n")
    assert "the file must be a list of entries" in messages(log)[0]


def test_default_initials():
    assert default_initials("Laura Dent-Okafor") == "LD"
    assert default_initials("Séan O'Neill") == "SO"
