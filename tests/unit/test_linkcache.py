"""Linked HTML reused between builds only when nothing it depends on changed."""

from crosslinks.linkcache import LinkCache, names_fingerprint
from crosslinks.linker import link_mentions
from crosslinks.matcher import Matcher
from network.model import Entity

NAMES = {"Laura Dent": Entity("person", "laura-dent")}


def test_a_saved_result_is_reused_and_unused_ones_are_dropped(tmp_path):
    path = str(tmp_path / "links.pickle")
    fingerprint = names_fingerprint(NAMES)
    first = LinkCache(path, fingerprint)
    key = first.key("<p>Laura Dent</p>", "..", False, {})
    result = link_mentions("<p>Laura Dent</p>", Matcher(NAMES), lambda t: "/x/")
    first.put(key, result)
    first.put(first.key("<p>gone</p>", "..", False, {}), result)
    first.save()
    second = LinkCache(path, fingerprint)
    assert second.get(key).html == result.html and second.get(key).mentions == result.mentions
    second.save()
    third = LinkCache(path, fingerprint)
    assert len(third.old) == 1  # the entry the second build did not use is gone


def test_what_makes_a_result_stale(tmp_path):
    path = str(tmp_path / "links.pickle")
    cache = LinkCache(path, names_fingerprint(NAMES))
    key = cache.key("<p>x</p>", "..", False, {})
    assert key != cache.key("<p>x</p>", ".", False, {})  # another page depth
    assert key != cache.key("<p>x</p>", "..", True, {})  # another linking policy
    assert key != cache.key("<p>x</p>", "..", False, {"LD": Entity("person", "laura-dent")})
    cache.put(key, "result")
    cache.save()
    renamed = {"Laura Dent-Okafor": Entity("person", "laura-dent")}
    assert LinkCache(path, names_fingerprint(renamed)).get(key) is None  # the directory changed
    assert LinkCache(str(tmp_path / "missing.pickle"), "f").get(key) is None
