"""Making the parts of the search index with real Pagefind (search.indexing), on tiny sites:
the primary keeps Pagefind's script, a merged part only what merging reads; a part is carried
over only while its pages are byte for byte the ones it was made from; Pagefind's complaint
reaches the officer."""

import os

from search.indexing import carry_part, fresh_parts, index_parts, pagefind_version
from search.shards import MANIFEST, Shard

PAGES = Shard("pages", ("people/ra/index.html",), primary=True)
YEAR = Shard("2025", ("updates/one/index.html", "updates/two/index.html"), primary=False)


def _page(site, path, text):
    page = site / path
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"<!doctype html><html lang=en><head><title>{text}</title></head>"
                    f"<body><main data-pagefind-body><h1>{text}</h1></main></body></html>", encoding="utf-8")


def _site(folder):
    _page(folder, "people/ra/index.html", "Ruth Abernethy")
    _page(folder, "updates/one/index.html", "The Zephyrine centre opens")
    _page(folder, "updates/two/index.html", "The Quillborough centre closes")
    return folder


def _indexed(site):
    return index_parts(str(site), [PAGES, YEAR], str(site / "pagefind"), pagefind_version())


def test_the_primary_keeps_pagefinds_script_and_a_merged_part_only_its_data(tmp_path):
    site = _site(tmp_path / "site")
    assert _indexed(site) is None
    primary, merged = site / "pagefind" / "pages", site / "pagefind" / "2025"
    assert (primary / "pagefind.js").is_file() and (primary / MANIFEST).is_file()
    assert sorted(path.name for path in merged.iterdir() if path.is_file() and not path.name.endswith(".pf_meta")) \
        == ["pagefind-entry.json", MANIFEST]
    assert len(list((merged / "fragment").iterdir())) == 2  # one per page
    assert not (site / ".pagefind-pages").exists()  # the pages gathered for Pagefind are gone


def test_only_parts_whose_pages_are_the_same_bytes_are_fresh(tmp_path):
    old = _site(tmp_path / "old")
    assert _indexed(old) is None
    new = tmp_path / "new"
    (new / "people" / "ra").mkdir(parents=True)
    os.link(old / "people" / "ra" / "index.html", new / "people" / "ra" / "index.html")  # reused: linked
    _page(new, "updates/one/index.html", "The Zephyrine centre opens")  # written again, same bytes
    _page(new, "updates/two/index.html", "The Quillborough centre reopens")  # edited
    version = pagefind_version()
    assert fresh_parts([PAGES, YEAR], str(new), str(old), version) == {"pages"}
    assert fresh_parts([PAGES, YEAR], str(new), str(old), "0.0.1") == set()  # another Pagefind
    _page(new, "updates/two/index.html", "The Quillborough centre closes")
    assert fresh_parts([PAGES, YEAR], str(new), str(old), version) == {"pages", "2025"}


def test_a_page_replaced_in_the_site_before_makes_its_part_stale(tmp_path):
    """The devserver writes an edited page into the live preview before its build: the page
    there is then no longer the one the part was made from, though the new site's is the same."""
    old = _site(tmp_path / "old")
    assert _indexed(old) is None
    _page(old, "updates/two/index.html", "The Quillborough centre reopens")  # replaced: another file
    new = _site(tmp_path / "new")
    _page(new, "updates/two/index.html", "The Quillborough centre reopens")
    assert fresh_parts([PAGES, YEAR], str(new), str(old), pagefind_version()) == {"pages"}


def test_a_part_carried_without_its_manifest_is_made_again_next_time(tmp_path):
    old = _site(tmp_path / "old")
    assert _indexed(old) is None
    new = _site(tmp_path / "new")
    assert carry_part(str(old / "pagefind" / "2025"), str(new / "pagefind" / "2025"), manifest=False)
    assert os.path.samefile(new / "pagefind" / "2025" / "pagefind-entry.json",
                            old / "pagefind" / "2025" / "pagefind-entry.json")
    assert not (new / "pagefind" / "2025" / MANIFEST).exists()
    newer = _site(tmp_path / "newer")
    assert "2025" not in fresh_parts([YEAR], str(newer), str(new), pagefind_version())


def test_pagefinds_complaint_is_what_the_officer_is_told(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    said = index_parts(str(site), [YEAR], str(site / "pagefind"), pagefind_version())  # its pages are missing
    assert said and "html" in said, said
    assert not (site / ".pagefind-pages").exists()
