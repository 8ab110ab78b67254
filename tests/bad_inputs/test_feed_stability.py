"""Feed ids survive a rebuild and a new document; future documents wait; previews stay absolute."""

import feedparser
import pytest

from tests.building import run_build

pytestmark = pytest.mark.build

SITE = "https://cvmp.example.org"


def ids_by_link(output, path="feeds/all.atom.xml"):
    return {e.link: e.id for e in feedparser.parse(f"{output}/{path}").entries}


def test_ids_are_stable_across_builds_and_new_documents(tmp_path, content_copy):
    first = run_build(str(tmp_path / "one"), str(content_copy), settings="pelicanconf.py")
    assert first.returncode == 0, first.log
    before = ids_by_link(first.output)
    (content_copy / "updates" / "2099-01-project-update.md").write_text(
        "---\ntitle: A document from the future\ndate: 2099-01-31\n---\nNot yet.\n", encoding="utf-8")
    (content_copy / "updates" / "2026-11-late-news.md").write_text(
        "---\ntitle: Late news\ndate: 2026-11-01\nthemes: [housing]\n---\nHousing news.\n", encoding="utf-8")
    second = run_build(str(tmp_path / "two"), str(content_copy), settings="pelicanconf.py")
    assert second.returncode == 0, second.log
    after = ids_by_link(second.output)
    assert f"{SITE}/updates/2026-11-late-news/" in after
    assert not any("2099" in link for link in after)
    for link, item_id in before.items():
        if link in after:
            assert after[link] == item_id
    # A preview uses relative links for pages, but its feeds are absolute.
    assert all(link.startswith(SITE + "/") for link in after)
    with open(f"{second.output}/index.html", encoding="utf-8") as handle:
        assert 'href="./updates/2026-11-late-news/"' in handle.read()
