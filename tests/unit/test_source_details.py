"""Reading one source file, the finer points (network.source): what each error tells the officer
(file, line, hint), front matter edge cases, date and time forms, and Word and old-site debris."""

from datetime import datetime

import pytest

from network.errors import ContentError
from network.source import (clean_word_debris, decode, is_id_shaped, parse_date, parse_time,
                            split_front_matter)


def problem_of(call, *args):
    with pytest.raises(ContentError) as caught:
        call(*args)
    return caught.value.problem


def test_a_bad_byte_is_named_with_its_value_line_and_how_to_save_as_utf8():
    problem = problem_of(decode, b"caf\xe9\n", "content/updates/x.md")
    assert (problem.path, problem.line) == ("content/updates/x.md", 1)
    assert problem.message == "the file is not UTF-8 text (byte 0xe9 cannot be read)."
    assert problem.hint == ("Save it again as UTF-8: in Word choose Save As > Plain Text > Unicode (UTF-8); "
                            "in most editors choose the encoding UTF-8.")
    assert problem_of(decode, b"a\nb\n\n\x81", "x.md").line == 4


def test_old_mac_line_ends_become_newlines():
    assert decode(b"a\rb\r\nc\n", "x.md") == "a\nb\nc\n"


def test_missing_front_matter_is_an_error_on_line_1_with_the_shape_to_write():
    problem = problem_of(split_front_matter, "title: A\n---\n", "content/x.md")
    assert (problem.path, problem.line, problem.message) == ("content/x.md", 1,
                                                             "the file does not start with front matter.")
    assert problem.hint == ("The first line must be '---', followed by at least 'title:' and 'date:' lines, "
                            "and another '---' line before the text.")


def test_an_unclosed_front_matter_says_where_to_close_it():
    problem = problem_of(split_front_matter, "---\ntitle: A\ndate: 2025-01-02\n", "content/x.md")
    assert (problem.path, problem.line, problem.message) == ("content/x.md", 1, "the front matter is never closed.")
    assert problem.hint == "Add a line '---' after the last front matter key, before the text."


def test_front_matter_may_be_closed_by_three_dots_and_the_markers_may_have_spaces():
    front, body, line = split_front_matter("--- \ntitle: A\n... \nText\nmore", "x.md")
    assert front == {"title": "A"} and body == "Text\nmore" and line == 4


def test_a_closing_line_inside_the_text_is_part_of_the_text():
    front, body, line = split_front_matter("---\ntitle: A\n---\nOne\n---\nTwo", "x.md")
    assert front == {"title": "A"} and body == "One\n---\nTwo" and line == 4


def test_empty_front_matter_is_an_empty_mapping_on_line_1():
    front, body, line = split_front_matter("---\n---\nHello", "x.md")
    assert front == {} and front.line == 1 and front.line_of("title") == 1
    assert body == "Hello" and line == 3


def test_front_matter_that_is_not_keys_and_values_is_an_error_on_line_2():
    problem = problem_of(split_front_matter, "---\n- title\n- date\n---\n", "content/x.md")
    assert (problem.path, problem.line) == ("content/x.md", 2)
    assert problem.message == "the front matter is not a list of 'key: value' lines."
    assert problem.hint == "Write one key per line, such as 'title: March update'."


def test_front_matter_lines_are_counted_in_the_file():
    front, _, _ = split_front_matter("---\n\ntitle: A\n\nthemes:\n  - housing\n---\n", "x.md")
    assert front.line_of("title") == 3 and front["themes"].line_of_item(0) == 6


def test_dates_may_have_spaces_around_them():
    assert parse_date("  2025-03-14 09:30 ") == datetime(2025, 3, 14, 9, 30)
    assert parse_date(" 2025-03-14\n") == datetime(2025, 3, 14)
    assert parse_date(20250314) is None


@pytest.mark.parametrize("value,expected", [
    ("9:05", (9, 5)), (" 09.30 ", (9, 30)), ("23:59", (23, 59)), ("0:00", (0, 0)), (23 * 60 + 59, (23, 59)),
    (0, (0, 0)), ("24:00", None), ("12:60", None), ("123:00", None), ("12:5", None), ("12-30", None),
    (24 * 60, None), (True, None), (None, None), (16.5, None),
])
def test_times_as_officers_write_them(value, expected):
    assert parse_time(value) == expected


def test_every_symbol_bullet_becomes_a_list_item_after_a_blank_line():
    body = "Partners:\n  • Housing Trust\n▪ Refugee Council\n◦ ESOL hub\n‣ x\n∙ y"
    assert clean_word_debris(body) == "Partners:\n\n  - Housing Trust\n- Refugee Council\n- ESOL hub\n- x\n- y"


def test_a_bullet_after_a_blank_line_or_a_markdown_item_gets_no_extra_blank_line():
    assert clean_word_debris("Intro\n\n· One") == "Intro\n\n- One"
    assert clean_word_debris("- One\n· Two") == "- One\n- Two"
    assert clean_word_debris("  - One\n· Two") == "  - One\n- Two"
    assert clean_word_debris("· First line") == "- First line"


def test_old_site_navigation_lines_are_dropped_in_any_form():
    for line in ("« Previous | Next »", "<< previous / next >>", "PREVIOUS/NEXT", "  ‹ Previous | Next ›  "):
        assert clean_word_debris(f"Before\n{line}\nAfter") == "Before\nAfter", line
    assert clean_word_debris("See the previous / next page") == "See the previous / next page"


def test_bookmark_markers_are_dropped_anywhere_in_a_line():
    assert clean_word_debris("A[bookmark:_Toc1] B [bookmark: x y]C") == "A B C"


def test_id_shape_is_lowercase_words_joined_by_single_hyphens():
    assert is_id_shaped("amy-ash") and is_id_shaped("ccc2")
    for bad in ("Amy-Ash", "amy--ash", "-amy", "amy-", "amy ash", "", "amy_ash"):
        assert not is_id_shaped(bad), bad
