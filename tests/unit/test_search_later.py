"""A preview's search index, made after the page is ready (search.later), with real Pagefind on a
tiny site: it replaces the live index only when complete, not cancelled and clean at the gate
(``names``: Ottilie Marchbanks private, see conftest.py)."""

import gzip
import threading

from search.glue import keep_unchanged
from search.indexing import pagefind_version
from search.later import BackgroundIndexing, IndexJob
from search.shards import Shard

#: The tiny site's one part: its one page.
SHARD = Shard("2025", ("updates/one/index.html",), primary=True)


def _site(folder, text: str):
    page = folder / "updates" / "one" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"<!doctype html><html lang=en><head><title>One</title></head>"
                    f"<body><main data-pagefind-body><h1>One</h1><p>{text}</p></main></body></html>",
                    encoding="utf-8")
    return folder


def _indexed_text(site) -> bytes:
    return b"".join(gzip.decompress(path.read_bytes()) for path in (site / "pagefind").rglob("*.pf_fragment"))


def _run(site, names, cancelled=None):
    job = IndexJob((SHARD,), names, pagefind_version())
    return job.run(str(site), keep_unchanged, lambda process: None, cancelled or threading.Event())


def test_the_new_index_replaces_the_live_one_and_keeps_its_unchanged_files(tmp_path, names):
    site = _site(tmp_path / "preview", "Ruth Abernethy opened the Zephyrine centre.")
    assert _run(site, names).startswith("Search updated")
    assert b"Zephyrine" in _indexed_text(site)
    script = site / "pagefind" / "2025" / "pagefind.js"
    first = script.stat().st_ino
    _site(site, "Ruth Abernethy closed the Quillborough centre.")
    assert _run(site, names).startswith("Search updated")
    text = _indexed_text(site)
    assert b"Quillborough" in text and b"Zephyrine" not in text
    assert script.stat().st_ino == first  # the same file, linked: the gate did not read it again
    assert not (site / "pagefind.next").exists() and not (site / "pagefind.old").exists()


def test_an_index_that_would_name_a_private_person_is_not_put_in_place(tmp_path, names):
    site = _site(tmp_path / "preview", "Ruth Abernethy opened the centre.")
    _run(site, names)
    _site(site, "Ottilie Marchbanks opened the centre.")  # as if withholding had missed her
    said = _run(site, names)
    assert "not updated" in said and "public: false" in said
    assert b"Ottilie" not in _indexed_text(site) and b"Ruth" in _indexed_text(site)
    assert not (site / "pagefind.next").exists()


def test_a_cancelled_indexing_leaves_the_live_index_alone(tmp_path, names):
    site = _site(tmp_path / "preview", "Ruth Abernethy opened the Zephyrine centre.")
    _run(site, names)
    _site(site, "Ruth Abernethy closed the Quillborough centre.")
    cancelled = threading.Event()
    cancelled.set()
    assert _run(site, names, cancelled) == ""
    assert b"Zephyrine" in _indexed_text(site)
    assert not (site / "pagefind.next").exists()


def test_background_indexing_reports_once_done_and_a_new_start_cancels_the_one_under_way(tmp_path, names):
    site = _site(tmp_path / "preview", "Ruth Abernethy opened the Zephyrine centre.")
    said = []
    indexing = BackgroundIndexing(said.append)
    job = IndexJob((SHARD,), names, pagefind_version())
    indexing.start(str(site), job, keep_unchanged)
    indexing.start(str(site), job, keep_unchanged)  # the first is stopped, silently
    indexing.wait()
    assert len(said) == 1 and said[0].startswith("Search updated"), said
    assert b"Zephyrine" in _indexed_text(site)
    indexing.cancel()
