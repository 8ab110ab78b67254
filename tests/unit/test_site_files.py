"""The new site listed once (network.sitefiles): what both gates and putting the site in place
read instead of walking the folder each."""

import os

from network.sitefiles import list_site
from tools.publishing import publish, site_size


def _file(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_every_file_is_listed_once_with_its_size_as_the_record_counts_it(tmp_path):
    site = tmp_path / "site"
    _file(site / "index.html", "<p>home</p>")
    _file(site / "people" / "ruth" / "index.html", "<p>Ruth</p>")
    _file(site / "feeds" / "all.atom.xml", "<feed/>")
    os.symlink(site / "people", site / "elsewhere")  # a link to a folder: neither listed nor followed
    os.symlink(site / "index.html", site / "home.html")  # a link to a file: a file of its own
    listed = list_site(str(site))
    assert sorted(file.relative for file in listed.files) == [
        "feeds/all.atom.xml", "home.html", "index.html", "people/ruth/index.html"]
    assert listed.size() == site_size(str(site))
    link = next(file for file in listed.files if file.relative == "home.html")
    assert link.identity_status().st_ino == os.stat(site / "index.html").st_ino


def test_folders_left_without_a_file_are_removed_when_the_site_is_put_in_place(tmp_path):
    """A build starts in the folders of the site before last: those of pages that are gone stay
    empty, and the published site has none of them; a folder with a file at any depth stays."""
    staging, output = tmp_path / ".site.building", tmp_path / "site"
    _file(staging / "index.html", "<p>home</p>")
    _file(staging / "people" / "ruth" / "photos" / "ruth.jpg", "jpg")
    for empty in ("people/gone", "updates/2019/old", "updates/2020"):
        (staging / empty).mkdir(parents=True)
    _file(output / "index.html", "<p>the old home</p>")
    listed = list_site(str(staging))
    assert listed.empty_folders.index(str(staging / "updates" / "2019" / "old")) \
        < listed.empty_folders.index(str(staging / "updates" / "2019")), "a parent before its child"
    publish(str(staging), str(output), recycled=True, empty_folders=listed.empty_folders)
    folders = sorted(os.path.relpath(base, output) for base, _, _ in os.walk(output))
    assert folders == [".", "people", "people/ruth", "people/ruth/photos"]
    assert (output / "index.html").read_text(encoding="utf-8") == "<p>home</p>"
