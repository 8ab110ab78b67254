"""Which fields of the model are withheld, and which addresses are refused, without a build
(network.withholding): a private name is found however an address or a text spells it."""

from network.errors import ProblemLog
from network.model import Directory, Organisation, Person, Theme
from network.withholding import PrivateAddresses, Withholder, check_addresses, check_directory_names
from network.withholding import withhold_in_directory


def _directory(**extra):
    people = {"ottilie-marchbanks": Person("ottilie-marchbanks", "Ottilie Marchbanks", public=False, line=4),
              "amy-ash": Person("amy-ash", "Amy Ash", role="Works with Ottilie Marchbanks", line=9)}
    return Directory(people=people, **extra)


def test_a_private_name_is_found_in_an_address_however_it_is_written():
    private = PrivateAddresses(_directory().names)
    for address in ("updates/ottilie-marchbanks/", "files/Ottilie%20Marchbanks.pdf", "OTTILIE_MARCHBANKS.md",
                    "minutes/2025-03-meeting-with-ottilie-marchbanks/"):
        assert private.find(address), address
    for address in ("updates/ottilie-marchbanksson/", "people/amy-ash/", "ottilie/", ""):
        assert not private.find(address), address


def test_an_address_naming_a_private_person_is_an_error_with_what_to_do():
    problems = ProblemLog()
    check_addresses([("content/updates/x.md", None, "updates/ottilie-marchbanks/"),
                     ("content/directory/people.yml", "url", "https://example.org/ottilie-marchbanks"),
                     ("content/updates/y.md", None, "updates/y/")], _directory(), problems)
    errors = {problem.path: problem for problem in problems.errors}
    assert set(errors) == {"content/updates/x.md", "content/directory/people.yml"}
    assert "cannot be withheld once it is published" in errors["content/updates/x.md"].message
    assert errors["content/updates/x.md"].hint.startswith("Rename the file, or change its 'slug'")
    assert (errors["content/directory/people.yml"].key, errors["content/directory/people.yml"].hint) == (
        "url", "Change the web address, or remove it.")


def test_a_public_entrys_name_holding_a_private_name_is_an_error():
    problems = ProblemLog()
    directory = _directory(organisations={"om-trust": Organisation("om-trust", "Ottilie Marchbanks Trust", line=2)})
    check_directory_names(directory, problems, "content/directory")
    (error,) = problems.errors
    assert (error.path, error.line, error.key) == ("content/directory/organisations.yml", 2, "name")
    assert "the name 'Ottilie Marchbanks Trust' of 'om-trust' holds the name of a private person" in error.message


def test_another_persons_role_and_a_themes_description_are_withheld_with_a_warning():
    problems = ProblemLog()
    directory = _directory(themes={"care": Theme("care", "Care", description="Led by Ottilie Marchbanks")})
    withhold_in_directory(directory, "[name withheld]", problems, "content/directory")
    assert directory.people["amy-ash"].role == "Works with [name withheld]"
    assert directory.themes["care"].description == "Led by [name withheld]"
    assert [(w.path, w.key) for w in problems.warnings] == [("content/directory/people.yml", "role"),
                                                           ("content/directory/themes.yml", "description")]


def test_a_withholder_counts_what_it_replaced_and_leaves_other_values_alone():
    hide = Withholder(_directory().names, "[name withheld]")
    assert hide("Met OTTILIE MARCHBANKS today", markup=False) == "Met [name withheld] today"
    assert hide("Met OTTILIE MARCHBANKS today", markup=False) == "Met [name withheld] today"  # the same text, once
    assert hide("Nobody private here", markup=False) == "Nobody private here"
    assert hide(None) is None and hide("") == ""
    assert hide.replaced == 1


def test_without_a_private_person_no_address_is_refused():
    people = {"amy-ash": Person("amy-ash", "Amy Ash", line=9)}
    private = PrivateAddresses(Directory(people=people).names)
    assert not private.find("people/amy-ash/") and not private.find("")


def test_texts_that_named_nobody_private_are_known_only_while_they_and_the_names_are_the_same(tmp_path):
    from datetime import datetime
    from types import SimpleNamespace

    from network.model import Document
    from network.withholding import NamelessTexts

    def document(body, title="March update"):
        content = SimpleNamespace(title=title, _summary=None, metadata={}, source_path="x.md")
        return content, Document("content/updates/x.md", title, datetime(2026, 3, 31), "updates", body=body)

    path = str(tmp_path / "nameless.pickle")
    first = NamelessTexts(path, "names-1")
    clean, named = first.digest_of(*document("<p>Amy Ash</p>")), first.digest_of(*document("<p>Ottilie</p>"))
    first.found(clean, True)
    first.found(named, False)  # it named someone: its texts are read every time
    first.save()
    again = NamelessTexts(path, "names-1")
    assert again.names_nobody(again.digest_of(*document("<p>Amy Ash</p>")))
    assert not again.names_nobody(named)
    # Any text withholding reads counts, not only the body; and the same words elsewhere are other texts.
    assert not again.names_nobody(again.digest_of(*document("<p>Amy Ash</p>", title="March update, by Ottilie")))
    assert not again.names_nobody(again.digest_of(*document("<p>Amy</p><p> Ash</p>")))
    assert not NamelessTexts(path, "names-2").names_nobody(clean)  # the directory changed
    again.save()  # nothing was found again in this build: the next one reads every text
    assert not NamelessTexts(path, "names-1").names_nobody(clean)
    (tmp_path / "broken.pickle").write_bytes(b"\x80\x05cut short")
    assert NamelessTexts(str(tmp_path / "broken.pickle"), "names-1").old == frozenset()
