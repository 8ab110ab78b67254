"""How the name engine finds public names in text (network.names): case, whole words, overlaps,
acronyms beside shouted text, and what each match stands for."""

from network.model import Directory, Entity, Organisation, Person, Theme
from network.nametext import text_view


def directory():
    """A new directory each time: its engine is built, and its rules first applied, in the test."""
    return Directory(
        people={"sam-hill": Person("sam-hill", "Sam Hill", aliases=["Sammy", "S. Hill"]),
                "amy-ash": Person("amy-ash", "Amy Ash", aliases=["Sammy", "Ames"]),
                "ames": Person("ames", "Ames")},
        organisations={"kingsway": Organisation("kingsway", "The Kingsway Centre"),
                       "ccc": Organisation("ccc", "Calder City Council", aliases=["CCC", "NHS UK"]),
                       "youth-hub": Organisation("youth-hub", "Youth Hub (North)",
                                                 aliases=["2030 Plan", "2030", "_Hub", "(Re)Start"]),
                       "housing-trust": Organisation("housing-trust", "Housing Trust", aliases=["A&E Team", "A&E"]),
                       "trust-fund": Organisation("trust-fund", "Trust Fund"),
                       "theatre": Organisation("theatre", "Theatre Group")},
        themes={"housing": Theme("housing", "Housing"),
                "esol": Theme("esol", "English Classes", aliases=["ESOL"])},
    )


def linked(text, **context):
    """The names found in ``text``, as typed."""
    view = text_view(text)
    return [view.text[start:end] for start, end, _ in directory().names.mentions(view, **context)]


def targets(text):
    view = text_view(text)
    return [(fit.target, fit.short, fit.acronym) for _, _, fit in directory().names.mentions(view)]


def test_a_leading_the_may_be_typed_in_any_case_and_the_rest_as_written_or_in_capitals():
    assert linked("The Kingsway Centre") == ["The Kingsway Centre"]
    assert linked("at the Kingsway Centre") == ["the Kingsway Centre"]
    assert linked("THE Kingsway Centre") == ["THE Kingsway Centre"]
    assert linked("the KINGSWAY CENTRE") == ["the KINGSWAY CENTRE"]
    assert linked("THE KINGSWAY CENTRE") == ["THE KINGSWAY CENTRE"]
    assert linked("the kingsway centre, The Kingsway centre, the KINGSWAY Centre") == []


def test_a_name_starting_with_the_letters_t_h_e_is_not_given_the_leading_the_rule():
    assert linked("Theatre Group; THEATRE GROUP") == ["Theatre Group", "THEATRE GROUP"]
    assert linked("theatre Group; Theatre group; THEatre Group") == []


def test_a_theme_is_found_in_any_case_but_a_person_only_as_written_or_in_capitals():
    assert linked("housing, HOUSING, hOuSiNg") == ["housing", "HOUSING", "hOuSiNg"]
    assert linked("Sam Hill; SAM HILL") == ["Sam Hill", "SAM HILL"]
    assert linked("sam hill; Sam hill; SAM Hill") == []


def test_only_whole_words_are_names():
    assert linked("Housings, rehousing, Housing_plan, plan_Housing, Housing2") == []
    assert linked("Housings and Housing") == ["Housing"]
    assert linked("rehousing and Housing") == ["Housing"]
    assert linked("(Housing) Housing.") == ["Housing", "Housing"]
    assert linked("Housing") == ["Housing"]


def test_a_name_that_begins_or_ends_without_a_letter_needs_no_boundary_there():
    assert linked("Youth Hub (North)based") == ["Youth Hub (North)"]
    assert linked("a(Re)Start") == ["(Re)Start"]


def test_a_name_ending_in_a_letter_needs_a_boundary_even_after_an_underscore():
    assert linked("_Hub_, the_Hub") == []
    assert linked("_Hub") == ["_Hub"]
    assert linked("Housing Trust_") == ["Housing"]


def test_where_names_overlap_the_longest_wins_and_then_the_leftmost():
    assert linked("Housing Trust") == ["Housing Trust"]
    assert targets("Housing Trust") == [(Entity("organisation", "housing-trust"), False, False)]
    assert linked("Housing Housing Trust") == ["Housing", "Housing Trust"]
    assert linked("Housing Trust Fund") == ["Housing Trust"]


def test_names_that_touch_are_both_found():
    assert linked("Housing(Re)Start") == ["Housing", "(Re)Start"]


def test_a_shared_one_word_alias_names_no_one_and_is_short():
    assert targets("Sammy") == [(None, True, False)]
    assert targets("Ames") == [(None, False, False)]  # also someone's whole name
    assert targets("Sam Hill") == [(Entity("person", "sam-hill"), False, False)]


def test_an_acronym_matches_only_as_typed():
    assert linked("CCC, ccc, Ccc") == ["CCC"]
    assert targets("CCC") == [(Entity("organisation", "ccc"), False, True)]


def test_an_acronym_is_not_found_next_to_a_shouted_word():
    for shouted in ("READ CCC", "CCC NEWS", "(READ CCC", "CCC NEWS.", "CCC NEWS!)", "CCC O'NEIL", "CCC A&B",
                    "CCC X-RAY", "CCC R2D"):
        assert linked(shouted) == [], shouted


def test_an_acronym_beside_punctuation_lower_case_or_another_acronym_is_found():
    for text in ("CCC: NEWS", "NEWS: CCC", "CCC and NHS", "CCC ESOL", "ESOL CCC", "CCC A", "A CCC",
                 "CCC 2030", "the CCC", "CCC, READ", "READ, CCC", "(CCC) NEWS"):
        assert "CCC" in linked(text), text


def test_a_word_in_capitals_joined_by_a_hyphen_is_not_shouting_beside_it():
    assert linked("NEWS-CCC") == ["CCC"]
    assert linked("CCC-NEWS") == ["CCC"]


def test_an_acronym_beside_words_the_caller_knows_are_not_shouting_is_found():
    assert linked("AB CCC JK", also_acronyms={"AB", "JK"}) == ["CCC"]
    assert linked("AB CCC JK", also_acronyms={"AB"}) == []


def test_shouting_is_seen_across_the_text_beside_the_view():
    assert linked("CCC", before="READ ") == []
    assert linked("CCC", after=" NEWS") == []
    assert linked("CCC", before="READ: ", after=", NEWS") == ["CCC"]
    assert linked(" CCC ", before="READ", after="NEWS") == []


def test_only_the_neighbouring_word_tells_shouting():
    assert linked("NEWS and CCC") == ["CCC"]
    assert linked("CCC and NEWS") == ["CCC"]
    assert linked("so we READ CCC") == []
    assert linked("CCC NEWS and more") == []
    assert linked("X-RAY CCC") == []
    padding = "x" * 50
    assert linked(f"{padding} CCC {padding}", before="NEWS ", after=" NEWS") == ["CCC"]
    assert linked(f"{padding} CCC", before="NEWS ", after=" NEWS") == []
    assert linked(f"CCC {padding}", before="NEWS ", after=" NEWS") == []


def test_the_text_beside_the_view_counts_only_near_the_acronym():
    near = "y" * 30
    assert linked(f"{near} CCC", before="NEWS ") == ["CCC"]
    assert linked(f"CCC {near}", after=" NEWS") == ["CCC"]
    assert linked(f"{near}CCC", before="NEWS ") == []


def test_an_acronym_of_several_words_is_an_acronym():
    assert linked("NHS UK") == ["NHS UK"]
    assert linked("READ NHS UK") == []
    assert linked("nhs uk") == []


def test_capitals_with_digits_only_are_not_an_acronym():
    assert linked("YEAR 2030 Plan") == ["2030 Plan"]
    assert linked("YEAR 2030 REVIEW") == ["2030"]
    assert linked("READ A&E NOW") == []
    assert linked("A&E Team") == ["A&E Team"]
    assert linked("a&e team") == []


def test_a_name_typed_in_other_ways_is_found_each_time():
    assert linked("Sam Hill, Sam Hill and SAM HILL") == ["Sam Hill", "Sam Hill", "SAM HILL"]


def test_a_directory_without_public_names_finds_nothing():
    private = Directory(people={"ann": Person("ann", "Ann Lee", public=False)}).names
    assert private.mentions(text_view("Ann Lee")) == []
    assert Directory().names.mentions(text_view("Housing")) == []
