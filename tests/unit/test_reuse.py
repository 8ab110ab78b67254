"""Output reuse: digests that follow the values, and a memo that never reuses a changed file
nor writes through to the previous build."""

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pytest
from speed.reuse import Fingerprinter, OutputMemo, Unfingerprintable


@dataclass
class Card:
    title: str
    tags: list = field(default_factory=list)
    when: datetime | None = None


@dataclass
class Person:
    id: str
    name: str


def test_equal_values_give_equal_digests_and_any_difference_shows():
    fingerprinter = Fingerprinter()
    when = datetime(2025, 3, 31, tzinfo=timezone.utc)
    one = fingerprinter.digest({"cards": [Card("A", ["x"], when)]})
    assert one == fingerprinter.digest({"cards": [Card("A", ["x"], when)]})
    assert one != fingerprinter.digest({"cards": [Card("A", ["y"], when)]})
    assert one != fingerprinter.digest({"cards": [Card("A", ["x"], when.replace(day=30))]})
    assert fingerprinter.digest(["ab", "c"]) != fingerprinter.digest(["a", "bc"])


def test_shared_objects_give_the_same_digest_as_equal_copies():
    shared = Card("A")
    assert Fingerprinter().digest([shared, shared]) == Fingerprinter().digest([Card("A"), Card("A")])


def test_known_objects_count_by_their_digest_and_named_ones_by_their_name():
    card = Card("a long body that is not read")
    fingerprinter = Fingerprinter({id(card): b"v1"}, {Person: lambda p: p.id}, known_types=(Card,))
    before = fingerprinter.digest([card, Person("nadia", "Nadia")])
    card.title = "changed, but its known digest is what counts"
    assert fingerprinter.digest([card, Person("nadia", "Nadia F.")]) == before
    fingerprinter.known[id(card)] = b"v2"
    assert fingerprinter.digest([card, Person("nadia", "Nadia")]) != before


@dataclass
class Shelf:
    name: str
    cards: list
    top: Card | None = None


def test_known_objects_count_by_their_digest_however_deep_in_lists_dictionaries_and_dataclasses():
    cards = [Card(f"card {n}") for n in range(3)]
    known = {id(card): bytes([n]) * 16 for n, card in enumerate(cards)}
    fingerprinter = Fingerprinter(known, known_types=(Card,))

    def values():  # a page's inputs: a template's variables, a part of a list, one object alone
        return ("page", [("cards", cards), ("shelf", Shelf("s", cards[:2], cards[2]))], {"all": tuple(cards)})

    before = fingerprinter.digest(*values())
    for card in cards:
        card.title = "changed, but its known digest is what counts"
    assert fingerprinter.digest(*values()) == before
    known[id(cards[2])] = b"\xff" * 16  # the single object and every list holding it
    after = fingerprinter.digest(*values())
    assert after != before
    assert fingerprinter.digest("page", [("cards", cards)]) != fingerprinter.digest("page", [("cards", cards[::-1])])
    assert fingerprinter.digest(list(cards)) != fingerprinter.digest(tuple(cards))
    assert fingerprinter.digest(Shelf("s", cards)) != fingerprinter.digest(Shelf("t", cards))
    with pytest.raises(Unfingerprintable):  # one card without a digest among known ones
        fingerprinter.digest({"cards": [*cards, Card("never digested")]})


def test_a_known_kind_without_a_digest_is_refused():
    with pytest.raises(Unfingerprintable):
        Fingerprinter({}, known_types=(Card,)).digest([Card("never digested")])


def test_values_it_cannot_sum_up_are_refused():
    with pytest.raises(Unfingerprintable):
        Fingerprinter().digest({"helper": lambda: None})
    with pytest.raises(Unfingerprintable):
        Fingerprinter().digest(x for x in range(3))


def _build(folder, files, memo=None):
    """A finished 'build': write files, record them, keep the memo."""
    memo = memo or OutputMemo(None, str(folder))
    for path, (data, digest) in files.items():
        memo.write_bytes(path, data, digest)
    return memo


def test_an_unchanged_file_is_linked_from_the_previous_build(tmp_path):
    first = _build(tmp_path / "one", {"people/a/index.html": (b"<p>A</p>", "d1")})
    memo = OutputMemo(str(tmp_path / "one"), str(tmp_path / "two"), first.new)
    assert memo.reuse("people/a/index.html", "d1")
    assert (tmp_path / "two/people/a/index.html").read_bytes() == b"<p>A</p>"
    assert os.path.samefile(tmp_path / "one/people/a/index.html", tmp_path / "two/people/a/index.html")
    assert (memo.reused, memo.rendered) == (1, 0)


def test_a_file_made_from_other_inputs_or_changed_since_is_not_reused(tmp_path):
    first = _build(tmp_path / "one", {"a.html": (b"A", "d1"), "b.html": (b"B", "d2")})
    (tmp_path / "one/b.html").write_bytes(b"B, edited by hand")
    memo = OutputMemo(str(tmp_path / "one"), str(tmp_path / "two"), first.new)
    assert not memo.reuse("a.html", "another digest")
    assert not memo.reuse("b.html", "d2")
    assert not memo.reuse("c.html", "d3")
    assert not (tmp_path / "two").exists()


def test_files_made_together_are_reused_all_or_none(tmp_path):
    first = _build(tmp_path / "one", {"n/email.html": (b"H", "d"), "n/email.txt": (b"T", "d")})
    os.remove(tmp_path / "one/n/email.txt")
    memo = OutputMemo(str(tmp_path / "one"), str(tmp_path / "two"), first.new)
    assert not memo.reuse_all(["n/email.html", "n/email.txt"], "d")
    assert not (tmp_path / "two/n/email.html").exists()


def test_writing_over_a_reused_file_never_changes_the_previous_build(tmp_path):
    first = _build(tmp_path / "one", {"feeds/all.atom.xml": (b"old feed", "d1")})
    memo = OutputMemo(str(tmp_path / "one"), str(tmp_path / "two"), first.new)
    assert memo.reuse("feeds/all.atom.xml", "d1")
    memo.write_bytes("feeds/all.atom.xml", b"new feed", "d2")
    assert (tmp_path / "one/feeds/all.atom.xml").read_bytes() == b"old feed"
    assert (tmp_path / "two/feeds/all.atom.xml").read_bytes() == b"new feed"


def test_the_memo_survives_between_builds_and_a_damaged_one_means_render_everything(tmp_path):
    first = _build(tmp_path / "one", {"a.html": (b"A", "d1")})
    memo_file = str(tmp_path / "cache/outputs.pickle")
    first.save(memo_file)
    loaded = OutputMemo.load(memo_file, str(tmp_path / "one"), str(tmp_path / "two"))
    assert loaded.reuse("a.html", "d1")
    with open(memo_file, "wb") as handle:
        handle.write(b"not a memo")
    damaged = OutputMemo.load(memo_file, str(tmp_path / "one"), str(tmp_path / "three"))
    assert not damaged.reuse("a.html", "d1")


def test_a_rebuild_saves_only_the_entries_of_the_files_it_wrote(tmp_path):
    """The memo of 20,000 files is not written whole again after an edit: the entries of the few
    files written are added to its journal (network.journal), and the next build finds them all."""
    pages = {f"p{number}/index.html": (f"page {number}".encode(), f"d{number}") for number in range(200)}
    memo_file = str(tmp_path / "cache/outputs.pickle")
    _build(tmp_path / "one", pages).save(memo_file)
    whole = os.stat(memo_file)
    second = OutputMemo.load(memo_file, str(tmp_path / "one"), str(tmp_path / "two"))
    for path, (_, digest) in pages.items():
        if path != "p7/index.html":
            assert second.reuse(path, digest)
    second.write_bytes("p7/index.html", b"page 7, edited", "d7-edited")
    second.save(memo_file)
    assert (os.stat(memo_file).st_ino, os.stat(memo_file).st_mtime_ns) == (whole.st_ino, whole.st_mtime_ns)
    third = OutputMemo.load(memo_file, str(tmp_path / "two"), str(tmp_path / "three"))
    assert third.reuse("p7/index.html", "d7-edited") and third.reuse("p8/index.html", "d8")
    assert (tmp_path / "three/p7/index.html").read_bytes() == b"page 7, edited"
