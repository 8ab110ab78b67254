"""Reading YAML the way officers write it (network.yamltext): only true/false are booleans, dates
stay text, every key and list item knows its line, and a mistake names its file and line."""

import pytest

from network.errors import ContentError
from network.yamltext import YAML_HINT, Mapping, Sequence, load_yaml, shift_lines


def problem_of(text, first_line=1):
    with pytest.raises(ContentError) as caught:
        load_yaml(text, "content/directory/people.yml", first_line)
    return caught.value.problem


def test_only_true_and_false_are_booleans():
    data = load_yaml("a: true\nb: False\nc: TRUE\nd: yes\ne: NO\nf: on\ng: Off\nh: y\ni: tRUE", "x.yml")
    assert [data[k] for k in "abc"] == [True, False, True]
    assert [data[k] for k in "defghi"] == ["yes", "NO", "on", "Off", "y", "tRUE"]


def test_dates_and_times_stay_text_and_numbers_stay_numbers():
    data = load_yaml("date: 2024-03-05\nwhen: 2024-03-05 14:00\nat: 2024-03-05T14:00:00Z\nn: 12\nx: 1.5",
                     "x.yml")
    assert data == {"date": "2024-03-05", "when": "2024-03-05 14:00", "at": "2024-03-05T14:00:00Z",
                    "n": 12, "x": 1.5}


def test_keys_are_always_text():
    data = load_yaml("2024: a\ntrue: b\n1.5: c", "x.yml")
    assert list(data) == ["2024", "True", "1.5"]
    assert data.line_of("2024") == 1 and data.line_of("True") == 2 and data.line_of("1.5") == 3


def test_every_mapping_and_key_knows_its_line():
    data = load_yaml("\nname: Amy Ash\nrole:\n  title: Chair\n  since: 2024\n", "x.yml")
    assert isinstance(data, Mapping) and data.line == 2
    assert data.line_of("name") == 2 and data.line_of("role") == 3
    assert data["role"].line == 4 and data["role"].line_of("since") == 5
    assert data.line_of("missing") == 2 and data["role"].line_of("missing") == 4


def test_every_list_and_item_knows_its_line():
    data = load_yaml("people:\n  - amy\n\n  - id: ben\n    name: Ben Birch\n", "x.yml")
    people = data["people"]
    assert isinstance(people, Sequence) and people.line == 2
    assert [people.line_of_item(i) for i in range(2)] == [2, 4]
    assert people.line_of_item(2) == 2  # past the end: the list's own line
    assert people[1].line_of("name") == 5


def test_lines_count_from_where_the_text_starts_in_the_file():
    data = load_yaml("title: A\nthemes:\n  - housing\n  - id: esol\n    name: ESOL\n", "x.md", first_line=2)
    assert data.line == 2 and data.line_of("title") == 2 and data.line_of("themes") == 3
    assert data["themes"].line == 4 and data["themes"].line_of_item(1) == 5
    assert data["themes"][1].line == 5 and data["themes"][1].line_of("name") == 6


def test_merge_keys_bring_the_shared_values():
    data = load_yaml("base: &b\n  kind: charity\nhousing-trust:\n  <<: *b\n  name: Housing Trust\n", "x.yml")
    assert data["housing-trust"] == {"kind": "charity", "name": "Housing Trust"}


def test_a_key_given_twice_names_the_key_and_its_second_line():
    problem = problem_of("amy:\n  name: Amy Ash\n  role: Chair\n  name: Amy\n", first_line=3)
    assert problem.path == "content/directory/people.yml" and problem.line == 6
    assert problem.message == "the YAML is malformed: the key 'name' appears twice in the same block."
    assert problem.hint == YAML_HINT


def test_the_same_key_in_two_blocks_is_fine():
    assert load_yaml("amy:\n  name: A\nben:\n  name: B\n", "x.yml") == {"amy": {"name": "A"}, "ben": {"name": "B"}}


def test_a_syntax_error_says_what_the_parser_was_doing_and_where():
    problem = problem_of("title: A\nthemes: [housing\npeople: []\n", first_line=2)
    assert problem.line == 4
    assert problem.message == ("the YAML is malformed: did not find expected ',' or ']' "
                               "(while parsing a flow sequence).")
    assert problem.hint == ("Check the indentation and that text containing ':' or starting with '[', '*' or '&' "
                            "is in quotes.")


def test_an_error_without_context_is_given_alone():
    problem = problem_of("title: A\nnote: a: b\n")
    assert problem.line == 2 and problem.message == "the YAML is malformed: mapping values are not allowed in this context."


def test_a_control_character_pasted_from_word_is_an_error_naming_the_file():
    problem = problem_of("title: A\nsummary: One\x0btwo\n", first_line=2)
    assert problem.path == "content/directory/people.yml" and problem.hint == YAML_HINT
    assert problem.message.startswith("the YAML is malformed: unacceptable character #x000b")
    assert problem.message.endswith(".")


def test_empty_text_is_nothing():
    assert load_yaml("", "x.yml") is None
    assert load_yaml("# only a comment\n", "x.yml", first_line=5) is None


def test_shifting_moves_every_line_inside_plain_lists_too():
    data = load_yaml("a: 1\nb:\n  - c: 2\n", "x.yml")
    shift_lines(data, 10)
    assert (data.line, data.line_of("b"), data["b"].line, data["b"].line_of_item(0)) == (11, 12, 13, 13)
    assert data["b"][0].line_of("c") == 13
    inner = load_yaml("c: 2\n", "x.yml")
    assert shift_lines(["text", [inner]], 4) == ["text", [inner]] and inner.line_of("c") == 5
