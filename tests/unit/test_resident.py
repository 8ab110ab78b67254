"""Memos kept in the devserver's memory between builds (network.resident): the kept one only
while the file is the one last read or written, the file read after any other change to it."""

import os
import pickle

from crosslinks.linkcache import LinkCache
from network.resident import ResidentMemos, resident_memos


def test_a_memo_is_read_again_only_when_its_file_changed(tmp_path):
    path = str(tmp_path / "memo.txt")
    reads = []

    def read(where):
        reads.append(where)
        return open(where, encoding="utf-8").read() if os.path.exists(where) else None

    memos = ResidentMemos()
    assert memos.load(path, read) is None  # no file yet: read, and nothing kept
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("one")
    memos.saved(path, "one")
    assert memos.load(path, read) == "one" and len(reads) == 1
    with open(path, "a", encoding="utf-8") as handle:  # another process added to it
        handle.write(" and two")
    assert memos.load(path, read) == "one and two" and len(reads) == 2
    os.replace(str(tmp_path / "memo.txt"), str(tmp_path / "old.txt"))
    with open(path, "w", encoding="utf-8") as handle:  # written anew, same size
        handle.write("one and 2")
    assert memos.load(path, read) == "one and 2" and len(reads) == 3
    assert resident_memos({}).load(path, read) == "one and 2" and len(reads) == 4  # make publish


def test_the_devservers_link_cache_is_what_a_fresh_read_of_the_file_gives(tmp_path):
    path = str(tmp_path / "links.pickle")
    memos = ResidentMemos()
    for round_ in range(4):  # appended three times, then written whole without the unused results
        cache = LinkCache(path, "names", slack=0, memos=memos)
        for number in range(3) if round_ < 3 else (5,):
            key = cache.key(f"<p>{round_ if number == 2 else number}</p>", "..", False, {})
            if cache.get(key) is None:
                cache.put(key, f"linked {round_} {number}")
        cache.save()
        kept, read = LinkCache(path, "names", memos=memos), LinkCache(path, "names")
        assert (kept.old, kept._stored, kept._appendable) == (read.old, read._stored, read._appendable)
    assert list(read.old.values()) == ["linked 3 5"]
    assert LinkCache(path, "other names", memos=memos).old == {}


def test_the_memos_never_travel_into_a_file_with_the_settings(tmp_path):
    path = str(tmp_path / "memo.txt")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("x" * 100_000)
    memos = ResidentMemos()
    memos.load(path, lambda where: open(where, encoding="utf-8").read())
    pickled = pickle.dumps({"RESIDENT_MEMOS": memos})  # as Pelican's content cache pickles the settings
    assert len(pickled) < 1000
    assert pickle.loads(pickled)["RESIDENT_MEMOS"].load(path, lambda where: "read again") == "read again"
