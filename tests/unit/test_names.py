"""The name engine and its normalisation, as pure functions: no build."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from network.model import Directory, Entity, Organisation, Person, Theme
from network.nametext import fold, html_view, text_view
from network.privacy import lines_naming, withhold

DIRECTORY = Directory(
    people={"niamh": Person("niamh", "Niamh O'Brien", aliases=["Niamh"], public=False),
            "tessa-rowe": Person("tessa-rowe", "Tessa Rowe", public=False),
            "may-reed": Person("may-reed", "May Reed"),
            "renee": Person("renee", "Renée Dubois")},
    organisations={"safe-haven": Organisation("safe-haven", "Safe Haven"),
                   "share": Organisation("share", "Share Advice Network", aliases=["SHARE"]),
                   "ccc": Organisation("ccc", "Calder City Council", aliases=["CCC"]),
                   "kingsway": Organisation("kingsway", "The Kingsway Centre")},
    themes={"housing": Theme("housing", "Housing", aliases=["ESOL"])},
)
NAMES = DIRECTORY.names


def found(text):
    view = text_view(text)
    return [(view.text[start:end], sorted({c.entity.id for c in fit.claims}))
            for start, end, fit in NAMES.mentions(view)]


def test_the_view_folds_what_writers_vary_and_maps_back_to_what_they_typed():
    source = "<p>Niamh <em>O’Brien</em>, Rene\u0301e&nbsp;Dubois,\n  Thwaite–Barnes</p><p>next</p>"
    view = html_view(source)
    assert view.text == "Niamh O'Brien, Renee Dubois, Thwaite-Barnes next"
    for words, typed in (("niamh o'brien", "Niamh <em>O’Brien"), ("renee dubois", "Rene\u0301e&nbsp;Dubois"),
                         ("barnes next", "Barnes</p><p>next")):
        start = view.key.index(words)
        assert source[slice(*view.span(start, start + len(words)))] == typed
    assert fold("  Niamh   O’Brien ") == "Niamh O'Brien"


def test_capitals_as_written_or_all_capitals_and_a_leading_the_in_any_case():
    assert found("a safe haven; Safe Haven; SAFE HAVEN") == [("Safe Haven", ["safe-haven"]),
                                                            ("SAFE HAVEN", ["safe-haven"])]
    assert found("members may read; May Reed") == [("May Reed", ["may-reed"])]
    assert [t for t, _ in found("the Kingsway Centre, the kingsway centre")] == ["the Kingsway Centre"]
    assert found("Renee Dubois") == [("Renee Dubois", ["renee"])]


def test_acronyms_as_written_and_not_in_shouted_text():
    assert found("SHARE YOUR VIEWS") == []
    assert found("SHARE said; share said") == [("SHARE", ["share"])]
    assert [t for t, _ in found("CCC ESOL classes, CCC AGM")] == ["CCC", "ESOL"]
    assert found("ESOL", ) == [("ESOL", ["housing"])]
    assert found("esol") == []
    view = text_view("SHARE")
    assert NAMES.mentions(view, after=" YOUR VIEWS") == []  # shouted across inline markup


def test_private_names_are_not_mentions_but_are_withheld_whole_in_every_form():
    assert found("Niamh O'Brien") == []
    for typed in ("Niamh O’Brien", "NIAMH O'BRIEN", "Niamh <em>O'Brien</em>", "Niamh&nbsp;O'Brien",
                  "Niamh\nO'Brien", "Niamh  \n O'Brien", "Niamh <em> O'Brien</em>",
                  "Nia<b>mh</b></p><p>O'Brien", unicodedata.normalize("NFD", "Niámh O'Brien"), "Ms O'Brien",
                  "Dr. O'Brien", "&lt;Niamh O'Brien&gt;", "NIAMH <EM>O'BRIEN</EM>"):
        withheld, count = withhold(f"<p>We thank {typed}.</p>", NAMES, "[withheld]")
        assert count == 1 and "[withheld]" in withheld and "Brien" not in withheld, typed
    # Tessa Rowe has no alias to fall back on: her whole name must be found.
    for typed in ("Tessa  Rowe", "Tessa \n\n Rowe", "Tessa&nbsp; Rowe", "Tes<em>sa</em></p>\n<p>Rowe", "TESSA ROWE"):
        assert withhold(f"<p>We thank {typed}.</p>", NAMES, "X")[1] == 1, typed
    assert withhold("<p>Niamh <em>O'Brien</em></p>", NAMES, "X")[0] == "<p>X<em></em></p>"
    photo = '<p><img alt="Niamh O\'Brien" src="a.jpg"></p>'
    assert withhold(photo, NAMES, "X")[0] == '<p><img alt="X" src="a.jpg"></p>'
    assert withhold("<p>x</p><!-- ask Niamh O'Brien -->", NAMES, "X")[0] == "<p>x</p><!-- ask X -->"
    assert withhold("<p>Nothing here</p>", NAMES, "X") == ("<p>Nothing here</p>", 0)


def test_the_warning_names_the_lines_where_a_private_name_is_typed():
    source = "---\ntitle: Thanks\n---\nFirst line.\nWe thank Niamh *O'Brien*.\nAnd\nNiamh.\n"
    assert lines_naming(source, NAMES) == [5, 7]


def test_one_resolver_for_names_typed_on_their_own():
    assert NAMES.resolve("Niamh O’Brien").entity == Entity("person", "niamh")
    assert NAMES.resolve("may reed", ("person",)).entity == Entity("person", "may-reed")
    assert NAMES.resolve("May Reed", ("organisation",)).entity is None
    shared = Directory(organisations={"a": Organisation("a", "Hill Care", aliases=["HCA"]),
                                      "b": Organisation("b", "Harbour Care", aliases=["HCA"])}).names
    assert shared.resolve("HCA") == (None, (Entity("organisation", "a"), Entity("organisation", "b")))
    assert shared.shared() == [("HCA", (Entity("organisation", "a"), Entity("organisation", "b")))]
    assert found("") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab é\u0301’-\n<>/&;nbsp") + ["<em>", "</em>", "&nbsp;", "<p>", "  "]),
                max_size=30).map("".join))
def test_every_view_maps_back_inside_the_source(source):
    view = html_view(source)
    for start in range(len(view.text)):
        for end in range(start + 1, min(len(view.text), start + 6) + 1):
            a, b = view.span(start, end)
            assert 0 <= a <= b <= len(source)
