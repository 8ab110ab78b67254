"""A memo saved in proportion to its change (network.journal): what a rebuild reads back is what
the last build saved, whatever stopped a build on the way."""

import os

from network.journal import JournaledFile


def _saved(path, entries, **options):
    memo = JournaledFile(str(path), **options)
    memo.load()
    memo.save(entries)
    return memo


def test_a_save_after_a_few_changes_appends_them_and_a_load_gives_every_entry(tmp_path):
    path = tmp_path / "memo"
    entries = {f"updates/{number}.md": ("text", number) for number in range(500)}
    _saved(path, entries)
    whole = os.stat(path)
    memo = JournaledFile(str(path))
    loaded = memo.load()
    assert loaded == entries
    loaded["updates/7.md"] = ("edited", 7)
    loaded["updates/new.md"] = ("new", 500)
    del loaded["updates/9.md"]
    loaded["updates/8.md"] = ("text", 8)  # a new object, equal: not a change
    memo.save(loaded)
    assert (os.stat(path).st_ino, os.stat(path).st_mtime_ns) == (whole.st_ino, whole.st_mtime_ns), \
        "the whole memo was written again for three changes"
    assert os.path.getsize(f"{path}.journal") < whole.st_size // 20
    assert JournaledFile(str(path)).load() == loaded


def test_a_journal_cut_short_gives_what_came_before_it_and_the_next_save_writes_everything(tmp_path):
    path = tmp_path / "memo"
    _saved(path, {"a": 1, "b": 2})
    memo = JournaledFile(str(path))
    entries = memo.load()
    entries["a"] = 10
    memo.save(entries)
    entries["b"] = 20
    memo.save(entries)  # a second record in the same journal
    journal = f"{path}.journal"
    with open(journal, "rb+") as handle:  # a build stopped while appending its record
        handle.truncate(os.path.getsize(journal) - 3)
    memo = JournaledFile(str(path))
    assert memo.load() == {"a": 10, "b": 2}
    memo.save({"a": 10, "b": 2, "c": 3})
    assert not os.path.exists(journal), "records appended after a cut would never be read"
    assert JournaledFile(str(path)).load() == {"a": 10, "b": 2, "c": 3}


def test_a_journal_left_from_before_the_whole_memo_was_written_again_is_not_applied(tmp_path):
    path = tmp_path / "memo"
    _saved(path, {"a": 1})
    memo = JournaledFile(str(path))
    memo.save({**memo.load(), "a": 2})
    stale = open(f"{path}.journal", "rb").read()
    # Folded at once: the whole memo written again (a = 3), then the journal removed; a build
    # stopped between the two leaves the older journal beside the newer whole.
    _saved(path, {"a": 3}, min_journal=0)
    assert not os.path.exists(f"{path}.journal")
    open(f"{path}.journal", "wb").write(stale)
    assert JournaledFile(str(path)).load() == {"a": 3}


def test_the_journal_is_folded_into_the_whole_memo_when_it_grows(tmp_path):
    path = tmp_path / "memo"
    entries = {number: "x" * 100 for number in range(100)}
    _saved(path, entries)
    for round_ in range(40):
        memo = JournaledFile(str(path), min_journal=0)
        entries = memo.load()
        entries[round_] = "y" * 100
        memo.save(entries)
        assert os.path.getsize(path) // 8 + 400 >= (os.path.getsize(f"{path}.journal")
                                                     if os.path.exists(f"{path}.journal") else 0)
    assert JournaledFile(str(path)).load() == entries


def test_no_memo_or_an_unreadable_one_is_an_empty_one(tmp_path):
    assert JournaledFile(str(tmp_path / "none")).load() == {}
    (tmp_path / "memo").write_bytes(b"not a pickle")
    memo = JournaledFile(str(tmp_path / "memo"))
    assert memo.load() == {}
    memo.save({"a": 1})
    assert JournaledFile(str(tmp_path / "memo")).load() == {"a": 1}
