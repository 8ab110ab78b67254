"""An index file Pagefind writes again unchanged becomes a link to the published one
(search.glue.keep_unchanged), so the last gate does not read it again."""

import os

from search.glue import keep_unchanged


def _write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_only_files_identical_to_the_published_ones_become_links_to_them(tmp_path):
    new, old = tmp_path / "staging" / "pagefind", tmp_path / "output" / "pagefind"
    _write(old / "fragment" / "en_abc.pf_fragment", b"same bytes")
    _write(new / "fragment" / "en_abc.pf_fragment", b"same bytes")
    _write(old / "index" / "en_1.pf_index", b"old words")
    _write(new / "index" / "en_1.pf_index", b"new words")  # same size, other bytes
    _write(new / "fragment" / "en_new.pf_fragment", b"a page added")
    _write(old / "pagefind.js", b"script")
    _write(new / "pagefind.js", b"script, longer")
    assert keep_unchanged(str(new), str(old)) == 1
    assert os.path.samefile(new / "fragment" / "en_abc.pf_fragment", old / "fragment" / "en_abc.pf_fragment")
    for name in ("index/en_1.pf_index", "fragment/en_new.pf_fragment", "pagefind.js"):
        assert not os.path.samefile(new / name, old / name) if (old / name).exists() else True
    assert (new / "index" / "en_1.pf_index").read_bytes() == b"new words"
    assert (old / "index" / "en_1.pf_index").read_bytes() == b"old words"
    assert (new / "pagefind.js").read_bytes() == b"script, longer"
    assert not list(new.rglob("*.kept"))


def test_no_published_site_keeps_nothing(tmp_path):
    new = tmp_path / "staging" / "pagefind"
    _write(new / "pagefind.js", b"script")
    assert keep_unchanged(str(new), str(tmp_path / "nowhere" / "pagefind")) == 0
    assert (new / "pagefind.js").read_bytes() == b"script"


class _Writing:
    def __init__(self, unchanged: bool):
        self.unchanged = unchanged

    def site_unchanged(self) -> bool:
        return self.unchanged


class _Build:
    def __init__(self, unchanged: bool):
        self.writing = _Writing(unchanged)


def test_the_last_index_is_carried_over_only_while_the_directory_is_the_same(tmp_path):
    """Parts of the published index are carried over (linked) only from a site checked with the
    same directory (search.glue._checked_site): the gate does not read linked files again, and
    someone may have been made private."""
    from search.glue import _checked_site

    settings = {"OUTPUT_PATH": str(tmp_path / "staging"), "REUSE_OUTPUT_FROM": str(tmp_path / "output")}
    assert _checked_site(_Build(unchanged=False), settings) is None
    assert _checked_site(_Build(unchanged=True), settings) == str(tmp_path / "output")
    assert _checked_site(_Build(unchanged=True), {"OUTPUT_PATH": str(tmp_path / "staging")}) is None
