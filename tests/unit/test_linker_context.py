"""The mention linker's rules that depend on context (crosslinks.linker): a one-word alias only
where its person is present, a meeting's initials but not a time's letters, acronyms in shouted
text across inline tags, scripts and unusual HTML."""

import re

from crosslinks.linker import Mention, link_mentions
from network.model import Directory, Entity, Organisation, Person, Theme

SAMIRA, SAM_HILL = Entity("person", "samira-khan"), Entity("person", "sam-hill")
JUNIPER, LAURA, PAT = Entity("person", "juniper-obi"), Entity("person", "laura-dent"), Entity("person", "pat-moss")
COUNCIL, BELL = Entity("organisation", "calder-city-council"), Entity("organisation", "bell-co")
HOUSING = Entity("theme", "housing")
ENGINE = Directory(
    people={"samira-khan": Person("samira-khan", "Samira Khan", aliases=["Sam"]),
            "sam-hill": Person("sam-hill", "Sam Hill"),
            "juniper-obi": Person("juniper-obi", "Juniper Obi", aliases=["June"]),
            "laura-dent": Person("laura-dent", "Laura Dent"),
            "pat-moss": Person("pat-moss", "Pat Moss")},
    organisations={"calder-city-council": Organisation("calder-city-council", "Calder City Council",
                                                       aliases=["CCC"]),
                   "bell-co": Organisation("bell-co", "Bell & Co."),
                   "hill-care": Organisation("hill-care", "Hill Care", aliases=["HCA"]),
                   "harbour-care": Organisation("harbour-care", "Harbour Care", aliases=["HCA"])},
    themes={"housing": Theme("housing", "housing"), "welcome": Theme("welcome", "#RefugeesWelcome")},
).names


def url(target):
    return f"/{target.kind}/{target.id}/"


def link(source, **options):
    return link_mentions(source, ENGINE, url, **options)


def linked(source, **options):
    """The words linked, each with the id of what they link to."""
    return [(words, address.strip("/").split("/")[1])
            for address, words in re.findall(r'<a class="mention[^"]*" href="([^"]+)"[^>]*>([^<]*)</a>',
                                             link(source, **options).html)]


# --- one-word aliases -----------------------------------------------------------------------

def test_a_one_word_alias_links_only_where_its_person_is_present():
    assert linked("<p>Sam said so.</p>") == []
    assert linked("<p>Sam said so.</p>", present={"samira-khan", "laura-dent"}) == [("Sam", "samira-khan")]
    assert linked("<p>June agreed.</p>", present={"juniper-obi"}) == [("June", "juniper-obi")]


def test_a_full_name_earlier_in_the_text_makes_the_person_present():
    result = link("<p>Samira Khan opened. Sam said so.</p>")
    assert result.mentions == [Mention(SAMIRA, True), Mention(SAMIRA, False)]
    assert linked("<p>Samira Khan opened.</p><p>Sam said so.</p>", every_mention=True) == [
        ("Samira Khan", "samira-khan"), ("Sam", "samira-khan")]
    assert linked("<p>The Calder City Council met. Sam said so.</p>", every_mention=True) == [
        ("Calder City Council", "calder-city-council")]


def test_an_alias_that_is_the_first_name_of_someone_else_present_is_not_linked():
    assert linked("<p>Sam said so.</p>", present={"samira-khan", "sam-hill"}) == []
    assert linked("<p>Sam Hill and Samira Khan came. Sam said so.</p>", every_mention=True) == [
        ("Sam Hill", "sam-hill"), ("Samira Khan", "samira-khan")]


def test_names_after_an_alias_or_a_shared_name_that_is_not_linked_still_link():
    assert linked("<p>June and Laura Dent came.</p>") == [("Laura Dent", "laura-dent")]
    assert linked("<p>HCA and Laura Dent came.</p>") == [("Laura Dent", "laura-dent")]


# --- initials and times ---------------------------------------------------------------------

def test_letters_after_a_time_are_not_initials():
    initials = {"PM": PAT, "LD": LAURA}
    source = "<p>2 PM: PM opened; LD at 2.30 PM and 10:00 GMT; PM closed at 4PM.</p>"
    result = link(source, initials=initials, every_mention=True)
    assert linked(source, initials=initials, every_mention=True) == [("PM", "pat-moss"), ("LD", "laura-dent"),
                                                                     ("PM", "pat-moss")]
    assert result.html.startswith('<p>2 PM: <a class="mention mention-person" href="/person/pat-moss/" '
                                  'data-mention="person:pat-moss" data-initials="">PM</a> opened;')


def test_a_meetings_initials_win_over_a_name_written_the_same():
    result = link("<p>CCC agreed.</p>", initials={"CCC": PAT})
    assert linked("<p>CCC agreed.</p>", initials={"CCC": PAT}) == [("CCC", "pat-moss")]
    assert result.mentions == [Mention(PAT, True, by_initials=True)]


def test_a_name_and_initials_written_without_a_space_both_link():
    assert linked("<p>Bell &amp; Co.PM</p>", initials={"PM": PAT}) == [("Bell &amp; Co.", "bell-co"),
                                                                       ("PM", "pat-moss")]
    assert linked("<p>PM#RefugeesWelcome</p>", initials={"PM": PAT}) == [("PM", "pat-moss"),
                                                                         ("#RefugeesWelcome", "welcome")]


# --- acronyms in shouted text, across inline tags ------------------------------------------

def test_an_acronym_beside_a_shouted_word_in_other_inline_tags_is_not_linked():
    for shouted in ("<p><em>CCC</em> <strong>NEW</strong></p>", "<p>Ask <b>now</b> <em>CCC</em> <strong>NEW</strong></p>",
                    "<p><strong>PLEASE</strong> <em>CCC</em></p>", "<p>Hi</p><p>PLEASE <em>CCC</em></p>",
                    "<em>CCC</em> YOUR VIEWS"):
        assert linked(shouted) == [], shouted


def test_an_acronym_beside_a_shouted_word_in_another_paragraph_is_linked():
    for separate in ("<p>CCC</p> <p>NEW RULES</p>", "<h2>NEW</h2> <p>CCC met</p>"):
        assert linked(separate) == [("CCC", "calder-city-council")], separate


# --- what is read, and odd HTML ------------------------------------------------------------

def test_scripts_and_styles_are_not_read_even_when_left_open():
    result = link("<script>var who = 'Laura Dent';</script><style>/* housing */</style><p>Laura Dent</p>")
    assert result.mentions == [Mention(LAURA, True)]
    assert link("<p>x</p><script>var who = 'Laura Dent';").mentions == []
    assert link("<p>x</p><pre>Laura Dent").mentions == [Mention(LAURA, False)]


def test_text_before_the_first_tag_and_after_the_last_is_linked():
    assert linked("Laura Dent <em>came</em>") == [("Laura Dent", "laura-dent")]
    assert linked("<p>Hello</p>Laura Dent") == [("Laura Dent", "laura-dent")]


def test_comments_and_self_closed_anchors_do_not_change_what_is_linked():
    assert link("<!-- draft --><h2>Laura Dent</h2><p>Laura Dent</p>").html.startswith(
        "<!-- draft --><h2>Laura Dent</h2><p><a ")
    assert linked('<p><a id="top"/>Laura Dent</p>') == [("Laura Dent", "laura-dent")]


def test_a_code_left_open_inside_pre_ends_with_the_pre():
    assert linked("<pre><code>Laura Dent</pre><p>Laura Dent</p>") == [("Laura Dent", "laura-dent")]


def test_only_our_own_links_count_as_linked_before():
    assert linked('<p><span data-mention="person:laura-dent">x</span> Laura Dent</p>') == [
        ("Laura Dent", "laura-dent")]


def test_addresses_with_special_characters_are_escaped_in_the_link():
    result = link_mentions("<p>Laura Dent</p>", ENGINE, lambda target: f"/find?kind={target.kind}&id={target.id}")
    assert result.html == ('<p><a class="mention mention-person" href="/find?kind=person&amp;id=laura-dent" '
                           'data-mention="person:laura-dent">Laura Dent</a></p>')
