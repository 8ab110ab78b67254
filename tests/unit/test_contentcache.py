"""Pelican's cache files cut short by a stopped build are found and removed; whole ones, and our
own caches, are kept."""

import os
import pickle

from network.contentcache import drop_unreadable_files


def _pickle(path, value):
    with open(path, "wb") as stream:
        pickle.dump(value, stream)


def test_a_cache_file_cut_short_is_removed_and_a_whole_one_kept(tmp_path):
    _pickle(tmp_path / "ArticlesGenerator-Readers", {"a.md": ("stamp", "x" * 5000)})
    _pickle(tmp_path / "PagesGenerator-Readers", {"about.md": ("stamp", "y" * 5000)})
    cut = tmp_path / "ArticlesGenerator-Readers"
    cut.write_bytes(cut.read_bytes()[:2000])
    (tmp_path / "Readers").write_bytes(b"")  # emptied when the save began
    (tmp_path / "outputs-1234.json").write_text("{", encoding="utf-8")  # ours: written atomically
    assert drop_unreadable_files(str(tmp_path), gzipped=False) == ["ArticlesGenerator-Readers", "Readers"]
    assert sorted(os.listdir(tmp_path)) == ["PagesGenerator-Readers", "outputs-1234.json"]


def test_a_gzipped_cache_file_cut_short_is_removed(tmp_path):
    import gzip

    path = tmp_path / "ArticlesGenerator-Readers"
    with gzip.open(path, "wb") as stream:
        pickle.dump({"a.md": os.urandom(20000)}, stream)
    path.write_bytes(path.read_bytes()[:-50])
    assert drop_unreadable_files(str(tmp_path), gzipped=True) == ["ArticlesGenerator-Readers"]
    assert not path.exists()
