"""Text as the name engine reads it (network.nametext): what a reader sees of HTML and plain text,
folded to one form, and the way back from every stretch of it to what the writer typed."""

import re
import unicodedata

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from network import nametext
from network.nametext import fold, fold_char, html_view, lower_same_length, tags_as_text, text_view


def typed(source, words, view_of=html_view):
    """What the writer typed where the view reads ``words``."""
    view = view_of(source)
    start = view.text.index(words)
    return source[slice(*view.span(start, start + len(words)))]


def test_a_tag_between_blocks_reads_as_one_space_and_an_inline_tag_as_nothing():
    assert html_view("a<p>b").text == "a b"
    assert html_view("a <p>b").text == "a b"
    assert html_view("a<p> b").text == "a b"
    assert html_view("<p>a</p>").text == "a"
    assert html_view("a<br>").text == "a"
    assert html_view("Amy<em></em><p>Ash").text == "Amy Ash"
    assert html_view("Tel 5<br>Amy Ash").text == "Tel 5 Amy Ash"
    assert html_view("a<emph>b<tr\nclass=x>c").text == "a b c"
    for inline in ("<em>", "<EM>", "</em>", "<wbr/>", "<span\nclass=x>", "<a href='x'>", "<!-- x -->",
                   "<!DOCTYPE html>", "<?xml ?>", "<!-- a <p> -->"):
        assert html_view(f"a{inline}b").text == "ab", inline


def test_angle_brackets_that_are_not_tags_are_text():
    assert html_view("a < b > c").text == "a < b > c"
    assert html_view("<3 x>").text == "<3 x>"


def test_plain_text_has_no_tags():
    assert text_view("a<p>b").text == "a<p>b"
    assert text_view("a<em>b  c").text == "a<em>b c"
    assert text_view("Rene\u0301e <p>x").text == "Renee <p>x"


def test_character_references_read_as_the_character_folded():
    assert html_view("&#233;t&#xE9;&eacute;").text == "etee"
    assert html_view("O&rsquo;Brien&nbsp;&amp;&#X2013;").text == "O'Brien &-"
    assert text_view("a&amp;b").text == "a&b"
    assert html_view("&#769;a").text == " a"
    assert html_view("&#12345678; &ab").text == "&#12345678; &ab"


def test_apostrophes_dashes_spaces_and_accents_are_folded_one_for_one():
    assert text_view("O\u2019Brien O\u02bcNeil A\u2013B A\u2212B\u00a0C\tD").text == "O'Brien O'Neil A-B A-B C D"
    assert text_view("Ren\u00e9e \u00c9lise").text == "Renee Elise"
    assert text_view("\ufb01le \u00bd").text == "\ufb01le \u00bd"  # folding to two characters would shift
    assert html_view("Rene\u0301e").text == "Renee"


@pytest.fixture
def first_sight(monkeypatch):
    """The folding tables learn each character on first sight: start them afresh, so the rules
    themselves are checked, not what earlier tests taught the tables."""
    monkeypatch.setattr(nametext, "_FOLD", nametext._Fold())
    monkeypatch.setattr(nametext, "_MARKS", nametext._Marks())


def test_every_apostrophe_dash_space_and_accent_is_folded_the_first_time_it_is_seen(first_sight):
    assert fold_char("\u2018") == "'" and fold_char("\u2012") == "-" and fold_char("\u2003") == " "
    assert text_view("O\u2019Brien A\u2013B \u00e9\u0301 \ufb01 x\u00a0y").text == "O'Brien A-B e \ufb01 x y"
    assert fold("Ren\u00e9e\u2014L\u00e9a") == "Renee-Lea"


def test_fold_char_gives_the_one_character_a_view_holds():
    assert [fold_char(c) for c in ("\u2019", "\u2014", "\u00e9", "\u00a0", "\u0301", "\ufb01", "x")] == \
        ["'", "-", "e", " ", " ", "f", "x"]


def test_runs_of_white_space_read_as_one_space():
    assert text_view("a   b").text == "a b"
    assert text_view("  a  ").text == " a "
    assert html_view("a \n\t b  c").text == "a b c"
    assert html_view("x&nbsp; y").text == "x y"
    assert html_view("a <p> </p> b").text == "a b"
    assert fold("  Niamh   O\u2019Brien ") == "Niamh O'Brien"


def test_capitals_are_kept_and_the_key_is_lower_case_one_for_one():
    view = text_view("Amy ASH \u0130stanbul")
    assert view.text == "Amy ASH Istanbul"
    assert view.key == "amy ash istanbul"
    assert lower_same_length("\u0130SIK") == "\u0130sik"
    assert lower_same_length("AB") == "ab"


def test_a_name_maps_back_to_where_it_was_typed():
    assert typed("We thank Niamh <em>O\u2019Brien</em>.", "Niamh O'Brien") == "Niamh <em>O\u2019Brien"
    assert typed("<p>Amy</p><p>Ash</p>", "Amy Ash") == "Amy</p><p>Ash"
    assert typed("x Rene\u0301e y", "Renee") == "Rene\u0301e"
    assert typed("x Rene\u0301 y", "Rene") == "Rene\u0301"
    assert typed("x &eacute;mile y", "emile") == "&eacute;mile"
    assert typed("Amy&nbsp;Ash", "Amy Ash") == "Amy&nbsp;Ash"
    assert typed("Amy \n\n  Ash", "Amy Ash", text_view) == "Amy \n\n  Ash"
    assert typed("a  b   Amy    Ash  c", "Amy Ash", text_view) == "Amy    Ash"
    assert typed("a  b   Amy    Ash  c", "c", text_view) == "c"
    assert typed("a  b   Amy    Ash  c", "b", text_view) == "b"
    assert typed("Tom &amp;<p>  Amy", "&") == "&amp;"  # a run of spaces after a reference and a tag
    assert typed("x \u0301  Amy Ash<em>s</em>", "Amy Ash") == "Amy Ash"  # an accent inside a run of spaces


def test_a_view_of_unchanged_text_is_the_source_itself():
    view = text_view("Amy Ash")
    assert view.same_places and view.span(0, 3) == (0, 3)
    assert (view.start_in_source(4), view.end_in_source(7)) == (4, 7)
    for source in ("Amy Ash", "Amy  Ash", "Amy <em>Ash</em>", "Ren\u00e9e"):
        assert html_view(source).source == text_view(source).source == source
    assert not text_view("Amy  Ash").same_places
    assert not html_view("Amy <em>Ash</em>").same_places


def test_the_tags_of_a_fragment_as_text_where_a_name_may_hide():
    assert tags_as_text('<img alt="Amy">x<!-- Ash -->') == ' img alt="Amy"   !-- Ash -- '
    assert tags_as_text("no tags") == ""


PIECES = list("ab \u00e9\u0301\u2019-\n<>/&;x") + ["<em>", "</em>", "&nbsp;", "&eacute;", "&#769;", "<p>", "  ",
                                                 "<!-- c -->", "<br/>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join), st.booleans())
def test_every_letter_of_a_view_maps_back_to_the_letter_typed(source, markup):
    view = html_view(source) if markup else text_view(source)
    assert len(view.key) == len(view.text)
    assert "  " not in view.text
    for i, char in enumerate(view.text):
        start, end = view.span(i, i + 1)
        assert 0 <= start < end <= len(source)
        written = source[start:end]
        if char == " ":
            rest = re.sub(r"<[^<>]*>|&[#\w]+;" if markup else r"&[#\w]+;", "", written)
            assert all(c.isspace() or unicodedata.combining(c) for c in rest), written
        else:  # one character or reference, and the accents typed after it
            reference = re.match(r"&[#\w]+;", written)
            letter = reference.end() if reference else 1
            assert reference or fold_char(written[0]) == char, written
            assert all(unicodedata.combining(c) for c in written[letter:]), written
