"""Reading one file: encoding, front matter, dates, Word debris."""

import pytest

from network.errors import ContentError
from network.source import clean_word_debris, decode, parse_date, parse_time, split_front_matter


def test_decode_names_the_line_of_a_non_utf8_byte():
    data = "---\ntitle: Caf\n---\nfirst line\n".encode() + "Café in Latin-1\n".encode("latin-1")
    with pytest.raises(ContentError) as caught:
        decode(data, "content/updates/x.md")
    message = str(caught.value)
    assert message.startswith("content/updates/x.md, line 5: the file is not UTF-8 text")
    assert "Save it again as UTF-8" in message


def test_decode_accepts_a_byte_order_mark_and_windows_line_ends():
    assert decode("\ufeff---\r\ntitle: A\r\n".encode(), "x.md") == "---\ntitle: A\n"


def test_front_matter_and_body_are_split_with_line_numbers():
    front, body, body_line = split_front_matter("---\ntitle: A\ndate: 2025-01-02\n---\nHello\n", "x.md")
    assert front["title"] == "A" and front["date"] == "2025-01-02"  # dates stay text
    assert front.line_of("date") == 3
    assert body == "Hello\n" and body_line == 5


def test_malformed_yaml_names_file_and_line():
    text = "---\ntitle: A\ndate: 2025-01-02\nthemes: [housing\npeople: []\n---\nbody"
    with pytest.raises(ContentError) as caught:
        split_front_matter(text, "content/updates/x.md")
    problem = caught.value.problem
    assert problem.path == "content/updates/x.md"
    assert problem.line in (4, 5)
    assert "the YAML is malformed" in problem.message
    assert "quotes" in problem.hint


def test_a_key_given_twice_is_an_error_with_its_line():
    with pytest.raises(ContentError) as caught:
        split_front_matter("---\ntitle: A\ntitle: B\n---\n", "x.md")
    assert caught.value.problem.line == 3
    assert "'title' appears twice" in caught.value.problem.message


def test_missing_front_matter_says_what_the_first_line_must_be():
    with pytest.raises(ContentError) as caught:
        split_front_matter("# Just a heading\n", "x.md")
    assert "does not start with front matter" in str(caught.value)
    assert "'---'" in caught.value.problem.hint


def test_unclosed_front_matter():
    with pytest.raises(ContentError, match="never closed"):
        split_front_matter("---\ntitle: A\n", "x.md")


def test_yaml_1_1_surprises_are_avoided():
    front, _, _ = split_front_matter("---\ninitials: NO\nflag: yes\npublic: false\n---\n", "x.md")
    assert front["initials"] == "NO" and front["flag"] == "yes" and front["public"] is False


@pytest.mark.parametrize("text,expected", [
    ("2025-03-14", (2025, 3, 14, 0, 0)),
    ("2025-03-14 14:05", (2025, 3, 14, 14, 5)),
    ("14/03/2025", None), ("2025-13-01", None), ("March 2025", None), (None, None),
])
def test_parse_date(text, expected):
    parsed = parse_date(text)
    assert (parsed and (parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute)) == expected or (
        expected is None and parsed is None)


def test_parse_time_accepts_yaml_sexagesimal():
    assert parse_time("16:30") == (16, 30)
    assert parse_time(16 * 60 + 30) == (16, 30)  # an unquoted 16:30 in YAML 1.1
    assert parse_time("25:00") is None and parse_time("soon") is None


def test_word_debris_is_cleaned():
    body = "Members:\n· Calder Food Bank [bookmark: _GoBack]\n· ESOL\n\nPrevious / Next\n"
    assert clean_word_debris(body) == "Members:\n\n- Calder Food Bank \n- ESOL\n\n"
