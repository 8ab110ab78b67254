"""Mistakes a test suite once let through, each as a reader or the officer would meet it."""

import os
import re

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.building import run_build, settings_with, tree_digest

pytestmark = pytest.mark.build

STEERING_GROUP = "2026-09-16-steering-group.md"


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_initials_two_attendees_share_link_to_no_one_and_the_officer_is_told(tmp_path, content_copy):
    _edit(content_copy / "directory" / "people.yml", "- id: ruth-abernethy",
          "- id: rhiannon-ashby\n  name: Rhiannon Ashby\n  organisation: calderbridge-refugee-forum\n\n"
          "- id: ruth-abernethy")
    minutes = content_copy / "minutes" / STEERING_GROUP
    _edit(minutes, "present: [ruth-abernethy,", "present: [rhiannon-ashby, ruth-abernethy,")
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 0, result.log
    assert f"{STEERING_GROUP}, key 'meeting': the initials RA belong to more than one person at this meeting " \
        "(rhiannon-ashby, ruth-abernethy), so they are not linked." in result.log
    with open(os.path.join(result.output, "minutes", STEERING_GROUP[:-3], "index.html"), encoding="utf-8") as handle:
        body = BeautifulSoup(handle.read(), "html.parser").select_one("main")
    initials = [strong for strong in body.select("strong") if strong.get_text() == "RA"]
    assert initials, "the minutes still show RA"
    assert all(strong.find("a") is None and strong.find_parent("a") is None for strong in initials)


def test_a_retitled_document_is_not_new_to_a_feed_reader(tmp_path, content_copy):
    output = str(tmp_path / "output")
    assert run_build(output, str(content_copy)).returncode == 0
    before = {entry.link: entry for entry in feedparser.parse(f"{output}/feeds/all.atom.xml").entries}
    rss_before = {entry.link: entry.id for entry in feedparser.parse(f"{output}/feeds/all.rss.xml").entries}
    update = content_copy / "updates" / "2026-10-project-update.md"
    _edit(update, 'title: "October 2026 project update"', 'title: "October 2026: the evaluation, and what comes next"')
    assert run_build(output, str(content_copy)).returncode == 0
    after = {entry.link: entry for entry in feedparser.parse(f"{output}/feeds/all.atom.xml").entries}
    rss_after = {entry.link: entry.id for entry in feedparser.parse(f"{output}/feeds/all.rss.xml").entries}
    link = next(link for link in after if link.endswith("/updates/2026-10-project-update/"))
    assert after[link].title == "October 2026: the evaluation, and what comes next"
    assert after[link].id == before[link].id and rss_after[link] == rss_before[link]
    assert {e.id for e in after.values()} == {e.id for e in before.values()}, "no entry is new to a reader"


def test_an_error_pelican_logs_fails_the_build_and_leaves_the_site_as_it_was(tmp_path, content_copy):
    output = str(tmp_path / "output")
    assert run_build(output, str(content_copy)).returncode == 0
    before = tree_digest(output)
    settings = settings_with(tmp_path, "brokenconf", "PAGE_SAVE_AS = '../{slug}.html'\n")
    result = run_build(output, str(content_copy), settings=settings)
    assert result.returncode == 1, result.log
    assert re.search(r"ERROR: Skipping .*about\.md: file '\.\./about\.html' would be written outside output path",
                     result.stderr), result.stderr
    assert "error(s) were reported above.\nNothing was published; the site online is unchanged." in result.stderr
    assert tree_digest(output) == before


def test_a_private_alias_that_is_also_a_public_organisations_is_one_clear_error_not_a_shared_name(
        tmp_path, content_copy):
    _edit(content_copy / "directory" / "people.yml", "  role: Befriending volunteer\n  public: false",
          "  role: Befriending volunteer\n  aliases: [RWN]\n  public: false")
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 1
    assert "is the name or alias of more than one entry" not in result.log
    assert re.search(r"organisations\.yml, line \d+, key 'aliases': the alias 'RWN' of 'refugee-welcome-northmoor' "
                     r"holds the name of a private person", result.stderr), result.stderr
