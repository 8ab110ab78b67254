"""How problems read: a value pasted by mistake, however long, gives a message one can read."""

import time

from network.errors import (QUOTE_LIMIT, TEXT_LIMIT, Problem, did_you_mean, did_you_mean_hint, known_keys,
                            readable)


def test_short_messages_are_left_as_they_are():
    text = "the date 'next Tuesday' cannot be read."
    assert readable(text) == text
    assert readable(None) is None
    long_but_plain = "the alias 'June' of June Hale is a month: it is linked only in documents where June Hale " \
                     "is present (named in full earlier, listed in 'people', the author, or in the meeting's lists)."
    assert readable(long_but_plain) == long_but_plain


def test_a_long_quoted_value_keeps_its_first_hundred_characters():
    value = "2025-01-01 " + "x" * 500
    text = readable(f"the date '{value}' cannot be read.")
    assert text == f"the date '{value[:QUOTE_LIMIT]}…' cannot be read."


def test_an_apostrophe_inside_a_long_value_does_not_end_it():
    value = "St Anne's Centre " * 40
    text = readable(f"'{value.strip()}' is not a status.")
    assert text == f"'{value[:QUOTE_LIMIT]}…' is not a status."


def test_a_35_megabyte_value_gives_a_short_message_quickly():
    value = "x y " * 9_000_000
    started = time.perf_counter()
    problem = Problem("content/updates/x.md", f"the date '{value}' cannot be read.", line=3, key="date",
                      hint=f"Write it as YYYY-MM-DD, not '{value}'.")
    assert time.perf_counter() - started < 2
    assert problem.format() == (f"content/updates/x.md, line 3, key 'date': the date '{value[:QUOTE_LIMIT]}…' "
                                f"cannot be read. Write it as YYYY-MM-DD, not '{value[:QUOTE_LIMIT]}…'.")


def test_many_quotes_on_one_huge_line_stay_quick():
    started = time.perf_counter()
    text = readable("found " + " 'x" * 3_000_000)
    assert time.perf_counter() - started < 2
    assert len(text) <= TEXT_LIMIT


def test_unquoted_text_too_long_keeps_its_start_and_end():
    items = ", ".join(f"'{n}'" for n in range(2000))
    text = readable(f"expected text, not [{items}].")
    assert len(text) <= TEXT_LIMIT
    assert text.startswith("expected text, not ['0', '1', ")
    assert text.endswith("'1998', '1999'].")
    assert " … " in text


def test_a_long_key_is_cut_too():
    problem = Problem("content/updates/x.md", "unknown key.", line=4, key="k" * 5000)
    assert problem.format() == f"content/updates/x.md, line 4, key '{'k' * QUOTE_LIMIT}…': unknown key."


def test_did_you_mean_gives_up_on_a_pasted_page():
    assert did_you_mean("housng", ["housing", "health"]) == "housing"
    assert did_you_mean("housing " * 100_000, ["housing"]) is None


def test_the_near_miss_hint_reads_the_same_everywhere():
    assert did_you_mean_hint("housing", "Use an id.") == "Did you mean 'housing'? Use an id."
    assert did_you_mean_hint("housing") == "Did you mean 'housing'?"  # no stray space at the end
    assert did_you_mean_hint(None, "Use an id.") == "Use an id."
    assert did_you_mean_hint("", "Use an id.") == "Use an id."
    assert did_you_mean_hint("sc", "Add them.", shown="'Sarah Cutler' (sc)") == "Did you mean 'Sarah Cutler' (sc)? Add them."
    assert (did_you_mean_hint(None) or known_keys(["body", "venue"])) == "Known keys: body, venue."
