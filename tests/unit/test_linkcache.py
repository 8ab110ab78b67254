"""Linked HTML reused between builds only when nothing it depends on changed."""

import os

from crosslinks.linkcache import LinkCache, names_fingerprint
from crosslinks.linker import link_mentions
from network.model import Directory, Entity, Person

NAMES = Directory(people={"laura-dent": Person("laura-dent", "Laura Dent")}).names


def test_a_saved_result_is_reused_and_unused_ones_are_dropped(tmp_path):
    path = str(tmp_path / "links.pickle")
    fingerprint = names_fingerprint(NAMES, "code")
    first = LinkCache(path, fingerprint, slack=0)
    key = first.key("<p>Laura Dent</p>", "..", False, {})
    result = link_mentions("<p>Laura Dent</p>", NAMES, lambda t: "/x/")
    first.put(key, result)
    first.put(first.key("<p>gone</p>", "..", False, {}), result)
    first.save()
    second = LinkCache(path, fingerprint, slack=0)
    assert second.get(key) == result
    second.save()
    assert len(LinkCache(path, fingerprint).old) == 2  # one unused among two: kept for now
    third = LinkCache(path, fingerprint, slack=0)
    third.put(third.key("<p>new</p>", "..", False, {}), result)
    third.save()  # two unused ("gone", and Laura Dent's, not used by this build) against one used
    assert list(LinkCache(path, fingerprint).old) == [third.key("<p>new</p>", "..", False, {})]


def test_a_build_that_links_one_document_appends_only_that_result(tmp_path):
    path = str(tmp_path / "links.pickle")
    fingerprint = names_fingerprint(NAMES, "code")
    first = LinkCache(path, fingerprint)
    for number in range(50):
        first.put(first.key(f"<p>{number}</p>", "..", False, {}), "x" * 1000)
    first.save()
    size = os.path.getsize(path)
    second = LinkCache(path, fingerprint)
    for number in range(1, 50):
        second.get(second.key(f"<p>{number}</p>", "..", False, {}))
    second.put(second.key("<p>edited</p>", "..", False, {}), "y" * 1000)
    second.save()
    assert size < os.path.getsize(path) < size + 1500  # one result appended, nothing rewritten
    third = LinkCache(path, fingerprint)
    assert third.get(third.key("<p>edited</p>", "..", False, {})) == "y" * 1000
    assert len(third.old) == 51


def test_a_file_cut_short_keeps_what_it_holds_and_is_rewritten(tmp_path):
    path = str(tmp_path / "links.pickle")
    fingerprint = names_fingerprint(NAMES, "code")
    first = LinkCache(path, fingerprint)
    first.put("a", "kept")
    first.save()
    with open(path, "ab") as handle:
        handle.write(b"\x80\x05\x95")  # a chunk whose writing stopped
    second = LinkCache(path, fingerprint)
    assert second.get("a") == "kept"
    second.save()
    assert LinkCache(path, fingerprint).old == {"a": "kept"}


def test_what_makes_a_result_stale(tmp_path):
    path = str(tmp_path / "links.pickle")
    cache = LinkCache(path, names_fingerprint(NAMES, "code"))
    key = cache.key("<p>x</p>", "..", False, {})
    assert key != cache.key("<p>x</p>", ".", False, {})  # another page depth
    assert key != cache.key("<p>x</p>", "..", True, {})  # another linking policy
    assert key != cache.key("<p>x</p>", "..", False, {"LD": Entity("person", "laura-dent")})
    assert key != cache.key("<p>x</p>", "..", False, {}, frozenset({"laura-dent"}))  # who is present
    cache.put(key, "result")
    cache.save()
    renamed = Directory(people={"laura-dent": Person("laura-dent", "Laura Dent-Okafor")}).names
    assert LinkCache(path, names_fingerprint(renamed, "code")).get(key) is None  # the directory changed
    assert LinkCache(path, names_fingerprint(NAMES, "new code")).get(key) is None  # our code changed
    assert LinkCache(path, names_fingerprint(NAMES, "code")).get(key) == "result"
    assert LinkCache(str(tmp_path / "missing.pickle"), "f").get(key) is None


def test_a_result_is_kept_as_plain_values_with_each_entry_counted_in_order():
    names = Directory(people={"laura-dent": Person("laura-dent", "Laura Dent"),
                              "amy-ash": Person("amy-ash", "Amy Ash")}).names
    result = link_mentions("<p>Amy Ash met Laura Dent; Amy Ash and <em>Laura Dent</em> wrote it up.</p>",
                           names, lambda target: f"../people/{target.id}/", every_mention=True)
    html, counted, by_initials = result.compact()
    assert html == result.html and not by_initials
    assert counted == (("person", "amy-ash", 2), ("person", "laura-dent", 2))
    assert {type(value) for entry in counted for value in entry} == {str, int}  # no objects to rebuild
