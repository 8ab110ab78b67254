"""Withholding private people's names, the finer points (network.privacy): every occurrence
counted, public names left alone, the replacement safe inside attributes, plain text as written,
and the lines a warning names."""

from network.model import Directory, Person
from network.privacy import lines_naming, withhold

NAMES = Directory(people={"niamh": Person("niamh", "Niamh O'Brien", aliases=["Niamh"], public=False),
                          "tessa": Person("tessa", "Tessa Rowe", public=False),
                          "amy": Person("amy", "Amy Ash")}).names


def test_every_private_name_is_withheld_and_counted_and_public_ones_stay():
    assert withhold("<p>Tessa Rowe and Niamh met Amy Ash.</p>", NAMES, "[name withheld]") == (
        "<p>[name withheld] and [name withheld] met Amy Ash.</p>", 2)


def test_text_without_a_private_name_is_returned_as_it_is():
    assert withhold("", NAMES, "X") == ("", 0)
    source = '<p><a href="/people/amy/" title="Amy Ash">Amy</a></p><!-- note -->'
    assert withhold(source, NAMES, "X") == (source, 0)


def test_names_in_attributes_are_withheld_with_the_replacement_escaped_and_counted():
    source = '<p title="About Tessa Rowe">Tessa Rowe</p>'
    assert withhold(source, NAMES, 'A "private" & B') == (
        '<p title="About A &quot;private&quot; &amp; B">A "private" & B</p>', 2)


def test_a_name_only_in_an_attribute_is_withheld_there():
    source = '<p><a href="/x/" title="Tessa Rowe">the report</a> by Amy Ash</p>'
    assert withhold(source, NAMES, "X") == ('<p><a href="/x/" title="X">the report</a> by Amy Ash</p>', 1)


def test_names_in_several_tags_are_all_counted():
    source = '<img alt="Niamh" src="a.jpg"><img alt="Tessa Rowe" src="b.jpg"><!-- Tessa Rowe -->'
    assert withhold(source, NAMES, "X") == ('<img alt="X" src="a.jpg"><img alt="X" src="b.jpg"><!-- X -->', 3)


def test_a_name_in_an_unquoted_attribute_at_the_end_of_a_tag_is_withheld():
    assert withhold('<p><img src="a.jpg" alt=Niamh></p>', NAMES, "X") == ('<p><img src="a.jpg" alt=X></p>', 1)


def test_a_tag_naming_nobody_private_is_kept_beside_one_that_does():
    source = '<img alt="Amy Ash" src="a.jpg"><img alt="Niamh" src="b.jpg">'
    assert withhold(source, NAMES, "X") == ('<img alt="Amy Ash" src="a.jpg"><img alt="X" src="b.jpg">', 1)


def test_in_plain_text_tags_are_just_text():
    # Subject lines and the like: '<em>' is not markup there, so the name is not split by it.
    assert withhold("We thank Niamh <em>O'Brien</em>.", NAMES, "X", markup=False) == (
        "We thank X <em>O'Brien</em>.", 1)
    assert withhold("Tessa Rowe, Niamh O'Brien", NAMES, "X", markup=False) == ("X, X", 2)


def test_the_warning_names_the_line_where_a_name_starts_even_if_it_runs_on():
    assert lines_naming("Tessa\nRowe came.\nThen Tessa Rowe left.", NAMES) == [1, 3]
    assert lines_naming("We thank Ms\nRowe for her help.", NAMES) == [1]  # "Rowe" alone names nobody


def test_the_warning_passes_over_markdown_emphasis_and_reads_the_last_line():
    assert lines_naming("Thanks to **Tessa** _Rowe_ and `Amy Ash`", NAMES) == [1]
    assert lines_naming("Amy Ash\nand\nNiamh", NAMES) == [3]
    assert lines_naming("Amy Ash came.\nNobody else.", NAMES) == []


def test_a_name_with_characters_no_reader_sees_inside_it_is_withheld():
    """A soft hyphen (Word and PDFs put them in), a zero-width space or a word joiner inside a
    name: the page shows the name, so it is withheld, however the character is spelt."""
    for typed in ("Tes\u00adsa Rowe", "Tes&shy;sa Rowe", "Tessa Ro&#173;we", "Te\u200bssa R\u2060owe",
                  "Tessa&#x200B; Rowe", "Tessa&#8203;Rowe", "Tessa\u200bRowe", "TessaRowe", "tessarowe"):
        assert withhold(f"<p>{typed} came.</p>", NAMES, "[name withheld]") == ("<p>[name withheld] came.</p>", 1), typed
    assert withhold("Tes\u00adsa Rowe came.", NAMES, "X", markup=False) == ("X came.", 1)
    assert withhold("<p>Amy A\u00adsh came.</p>", NAMES, "X") == ("<p>Amy A\u00adsh came.</p>", 0)
