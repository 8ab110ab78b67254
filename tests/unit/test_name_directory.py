"""What the name engine makes of the directory (network.names): the forms of a private person's
name that are withheld, names typed on their own, and the warnings an officer gets once per build
about shared names and risky aliases."""

from network.errors import ProblemLog
from network.model import Directory, Entity, Organisation, Person, Theme
from network.names import first_name, surname
from network.namewarnings import report_names
from network.nametext import html_view, text_view

PEOPLE = {"anna": Person("anna", "Anna van der Berg", public=False),
          "bo": Person("bo", "Bo Lind", aliases=["Bobo", "@bolind", "B.L."], public=False),
          "jo": Person("jo", "Jo Marsh", public=False),
          "amy-ash": Person("amy-ash", "Amy Ash", aliases=["Sam", " June "], line=12),
          "sam-hill": Person("sam-hill", "Sam Hill", aliases=["Grace", "Zed"], line=20),
          "cher": Person("cher", "Cher", aliases=["Robin"], public=False, line=30)}


def directory():
    """A new directory each time: its engine is built, and its rules first applied, in the test."""
    return Directory(people=dict(PEOPLE),
                      organisations={"trust": Organisation("trust", "Housing Trust", aliases=["HT", ""]),
                                     "hub": Organisation("hub", "Hope Hub", aliases=["HT", "Cher"])},
                      themes={"housing": Theme("housing", "Housing", aliases=["HOPE HUB"])})


def withheld(text):
    view = text_view(text)
    return [view.text[start:end] for start, end, _ in directory().names.private_names(view)]


def test_a_surname_keeps_its_particles_but_a_one_word_name_has_none():
    assert surname("Anna van der Berg") == "van der Berg"
    assert surname("van Berg") == "Berg"
    assert surname("Anna Berg") == "Berg"
    assert surname("Cher") == ""
    assert surname("Anna Maria de Souza") == "de Souza"
    assert surname("Anna De Souza") == "De Souza"
    assert first_name("Anna van der Berg") == "Anna"
    assert first_name("Cher") == ""


def test_every_title_with_a_private_surname_is_withheld_with_or_without_a_full_stop():
    for typed in ("Dr van der Berg", "Dr. van der Berg", "Cllr van der Berg", "Councillor van der Berg",
                  "Mrs. Lind", "Prof Lind", "Professor Lind", "Lady Marsh", "Revd. Marsh", "Mx. Marsh"):
        assert withheld(f"We thank {typed} today.") == [typed], typed
    assert withheld("Professor. Lind, Lady. Marsh") == []


def test_a_title_with_a_surname_alone_is_withheld_in_any_case_but_never_linked():
    assert withheld("DR LIND and dr lind") == ["DR LIND", "dr lind"]
    assert directory().names.mentions(text_view("Dr Lind")) == []
    assert withheld("Dr Berg and Dr van Berg") == []


def test_a_private_person_with_one_name_has_no_title_forms():
    assert withheld("Ms Cher, Dr. Cher") == ["Cher", "Cher"]


def test_a_private_persons_id_and_aliases_are_withheld_in_any_case():
    assert withheld("ask bo, BO or Bobo") == ["bo", "BO", "Bobo"]
    assert withheld("Bo Lind") == ["Bo Lind"]


def test_every_private_form_is_listed_and_public_ones_are_not():
    claims = directory().names.private_claims()
    written = {claim.written for claim in claims}
    assert {"Anna van der Berg", "anna", "Dr van der Berg", "Dr. van der Berg", "Sir van der Berg",
            "Bobo", "Robin", "cher"} <= written
    assert "Sir. van der Berg" not in written and "Amy Ash" not in written
    titles = "Mr Mrs Ms Miss Mx Dr Prof Professor Cllr Councillor Sir Dame Rev Revd Lord Lady".split()
    abbreviated = "Mr Mrs Ms Mx Dr Prof Cllr Rev Revd".split()
    assert {claim.written for claim in claims if claim.entity.id == "jo"} == (
        {"Jo Marsh", "JoMarsh", "jo"} | {f"{title} Marsh" for title in titles}
        | {f"{title}. Marsh" for title in abbreviated})
    assert {claim.entity for claim in claims} == {Entity("person", i) for i in ("anna", "bo", "jo", "cher")}


def test_is_private_only_for_a_person_marked_not_public():
    assert directory().names.is_private(Entity("person", "bo"))
    assert not directory().names.is_private(Entity("person", "amy-ash"))
    assert not directory().names.is_private(Entity("person", "nobody"))
    assert not directory().names.is_private(Entity("organisation", "bo"))


def test_may_name_private_sees_every_form_however_typed():
    for source in ("Bo Lind", "x Bo&nbsp;Lind x", "<p>B<em>o</em> Lind</p>", "<img alt='Bobo'>", "BO", "bo.",
                   "Dr.\u00a0Lind", "Bö  Lind", "<!-- bobo -->", "<em>Hi</em> Bobo"):
        assert directory().names.may_name_private(source), source
    for source in ("", "Bob Lindsay", "abo", "bobox", "<p>Jo</p><p>Marsh</p>x", "Lind"):
        assert directory().names.may_name_private(source) == ("Marsh" in source), source


def test_a_private_handle_or_initials_are_found_beside_any_letter_their_punctuation_touches():
    assert withheld("mail me@bolind or B.L.x") == ["@bolind", "B.L."]
    assert directory().names.may_name_private("me@bolind")
    assert directory().names.may_name_private("B.L.x")
    assert not directory().names.may_name_private("xB.L.")


def test_may_name_private_needs_whole_words_on_both_sides():
    assert not directory().names.may_name_private("_bo")
    assert not directory().names.may_name_private("bo_")
    assert not directory().names.may_name_private("xbo bo2")
    assert directory().names.may_name_private("xbo bo")


def test_a_directory_without_private_people_names_no_one_private():
    public = Directory(people={"amy-ash": Person("amy-ash", "Amy Ash")})
    assert not public.names.may_name_private("Amy Ash")
    assert public.names.private_names(html_view("Amy Ash")) == []
    assert public.names.private_claims() == []


def test_a_name_typed_on_its_own_resolves_among_the_kinds_asked_for():
    assert directory().names.resolve("housing trust").entity == Entity("organisation", "trust")
    assert directory().names.resolve("Hope Hub") == (None, (Entity("organisation", "hub"), Entity("theme", "housing")))
    assert directory().names.resolve("Hope Hub", ("theme",)).entity == Entity("theme", "housing")
    assert directory().names.resolve("Hope Hub", ("person",)) == (None, ())
    assert directory().names.resolve("Nobody").entity is None


def test_a_misspelt_name_is_matched_only_to_public_names_of_the_kinds_asked_for():
    people = directory().names.public_names()
    assert people == {"Amy Ash": Entity("person", "amy-ash"), "Sam Hill": Entity("person", "sam-hill")}
    both = directory().names.public_names(("person", "organisation"))
    assert both == {**people, "Housing Trust": Entity("organisation", "trust"), "Hope Hub": Entity("organisation", "hub")}
    assert directory().names.public_names(("theme",)) == {"Housing": Entity("theme", "housing")}


def test_names_two_entries_share_are_reported_once_with_both_owners_never_a_private_one():
    assert directory().names.shared() == [
        ("HT", (Entity("organisation", "hub"), Entity("organisation", "trust"))),
        ("Hope Hub", (Entity("organisation", "hub"), Entity("theme", "housing")))]


def test_a_name_shared_only_by_private_people_or_derived_forms_is_not_reported():
    directory = Directory(people={"a": Person("a", "Al Lee", aliases=["Al L"], public=False),
                                  "b": Person("b", "Bo Lee", aliases=["Al L"], public=False),
                                  "c": Person("c", "Dr Lee")})
    assert directory.names.shared() == []


def test_risky_one_word_aliases_are_given_with_their_reason():
    notes = [(claim.entity.id, claim.written, reason) for claim, reason in directory().names.risky_aliases()]
    assert notes == [("amy-ash", "June", "also the name of a month"),
                     ("amy-ash", "Sam", "also the first name of Sam Hill"),
                     ("cher", "Robin", "also an ordinary English word"),
                     ("sam-hill", "Grace", "also an ordinary English word")]


def test_a_one_word_alias_several_people_have_as_first_name_names_them_all():
    directory = Directory(people={"bea": Person("bea", "Bea"), "a": Person("a", "Al Lee", aliases=["Bea"]),
                                  "b": Person("b", "Bea Zed"), "c": Person("c", "Bea Ash"),
                                  "d": Person("d", "Bea Day", aliases=["Bea"])})
    notes = [(claim.entity.id, reason) for claim, reason in directory.names.risky_aliases()]
    assert notes == [("a", "also the first name of Bea Ash, Bea Day, Bea Zed"),
                     ("d", "also the first name of Bea Ash, Bea Zed")]


def test_an_alias_of_several_words_or_an_acronym_is_never_risky():
    directory = Directory(people={"a": Person("a", "Al Lee", aliases=["May Lee", "MAY", "Al"]),
                                  "b": Person("b", "Al Zed")})
    notes = [(claim.written, reason) for claim, reason in directory.names.risky_aliases()]
    assert notes == [("Al", "also the first name of Al Zed")]


def test_the_officer_is_warned_about_shared_names_and_risky_aliases():
    log = ProblemLog()
    report_names(directory().names, log, "content/directory")
    problems = [(p.path, p.line, p.key, p.message, p.hint) for p in log.problems]
    shared = [p for p in problems if p[0] == "content/directory"]
    assert [p[3].split("'")[1] for p in shared] == ["HT", "Hope Hub"]
    assert shared[0][3] == ("'HT' is the name or alias of more than one entry (organisation 'hub', organisation "
                            "'trust'), so it is never linked, and an attendee or an action's owner written that "
                            "way is shown as written.")
    assert all(p[4] == "Give each entry a name or alias of its own." and p[1] is None for p in shared)
    aliases = [p for p in problems if p[0] == "content/directory/people.yml"]
    assert [(p[1], p[2]) for p in aliases] == [(12, "aliases"), (12, "aliases"), (30, "aliases"), (20, "aliases")]
    assert aliases[0][3] == (
        "the alias 'June' of Amy Ash is also the name of a month: it is linked only in documents where "
        "Amy Ash is present (named in full earlier, listed in 'people', the author, or in the meeting's "
        "lists) and no one else present has that first name.")
    assert aliases[0][4] == "Nothing to do if that is what you mean; remove the alias to stop it linking."
    assert aliases[2][3] == ("the alias 'Robin' of a private person is also an ordinary English word: it is "
                             "withheld wherever it appears, even where it means something else.")
    assert aliases[2][4] == "Remove the alias if that withholds too much."


def test_the_fingerprint_follows_the_names_of_the_directory():
    def fingerprint(*aliases, public=True):
        return Directory(people={"a": Person("a", "Al Lee", aliases=list(aliases), public=public)}).names.fingerprint()

    assert fingerprint("Al") == fingerprint("Al")
    assert len({fingerprint("Al"), fingerprint("Bo"), fingerprint(), fingerprint(public=False)}) == 4
