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


def test_a_preview_carries_the_last_index_over_only_while_the_directory_is_the_same(tmp_path):
    """A preview build leaves indexing to the devserver and links the last index in meanwhile
    (search.glue.carry_previous_index): never when the directory changed, since the gate does not
    read linked files again and someone may have been made private."""
    from search.glue import carry_previous_index

    published, staging = tmp_path / "preview", tmp_path / "staging"
    _write(published / "pagefind" / "fragment" / "en_abc.pf_fragment", b"a page's text")
    _write(published / "pagefind" / "pagefind.js", b"script")
    settings = {"OUTPUT_PATH": str(staging), "REUSE_OUTPUT_FROM": str(published)}
    assert carry_previous_index(_Build(unchanged=False), settings) == 0
    assert not (staging / "pagefind").exists()
    assert carry_previous_index(_Build(unchanged=True), settings) == 2
    assert os.path.samefile(staging / "pagefind" / "fragment" / "en_abc.pf_fragment",
                            published / "pagefind" / "fragment" / "en_abc.pf_fragment")
