"""A rebuild that reuses the previous build's unchanged pages gives exactly the site a build from
nothing gives, whatever was edited; and it never changes the site it reuses from.

The edits form one chain (each applies to the content the one before left): an edited body, an
added document, a deleted one, a person renamed in the directory, a theme renamed and a
document's themes changed among them. After each step the rebuilt site is compared, byte for
byte, with a build from nothing of the same content."""

import os
import re
import shutil
import time

import pytest

from tests.building import comparable_site, run_build, settings_with

pytestmark = pytest.mark.build


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Each edit changes pages other than the edited document's own: entity pages, related
# documents, feeds, the actions register, earlier minutes, a newsletter issue.
EDITS = {
    "a sentence added to an update, naming nobody": lambda c: _replace(
        c / "updates" / "2025-03-project-update.md", "## Steering Group news",
        "One more paragraph, with nothing new in it.\n\n## Steering Group news"),
    "a new mention of an organisation in an update": lambda c: _replace(
        c / "updates" / "2025-03-project-update.md", "let the people doing the work speak.",
        "let the people doing the work speak. Meridian Accommodation Services sent their thanks."),
    # Babajide Balogun's page lists this briefing either way, but he now appears with the Law
    # Centre: his page must change although none of his documents came or went.
    "a briefing newly naming an organisation": lambda c: _replace(
        c / "briefings" / "2026-05-health-briefing.md", "## What the contributors said",
        "The Calderbridge Law Centre sent apologies.\n\n## What the contributors said"),
    "a briefing's new title": lambda c: _replace(
        c / "briefings" / "2024-11-turning-eighteen-briefing.md",
        'title: "Briefing: turning eighteen', 'title: "Briefing: at eighteen'),
    "an action closed by later minutes": lambda c: _replace(
        c / "minutes" / "2025-02-12-steering-group.md", "Action 4 (2024-06-12): ongoing.",
        "Action 4 (2024-06-12): done."),
    "a person renamed in the directory": lambda c: _replace(
        c / "directory" / "people.yml", "name: Dennis Whitworth", "name: Dennis Whitworth-Hale"),
    "a document removed": lambda c: os.remove(c / "updates" / "2024-05-project-update.md"),
    # Later minutes report on this action by its number: their back links and the register change.
    "an action renumbered, which later minutes report on": lambda c: _replace(
        c / "minutes" / "2024-06-12-steering-group.md", "**Action 4:** TG", "**Action 8:** TG"),
    "a person's organisation changed in the directory": lambda c: _replace(
        c / "directory" / "people.yml", "  organisation: calderbridge-refugee-forum\n  role: Chief Executive",
        "  organisation: calderbridge-city-council\n  role: Chief Executive"),
    # Its newsletter issue, month archive and the feeds' order change.
    "a document moved into the next month": lambda c: _replace(
        c / "updates" / "2025-03-project-update.md", "date: 2025-03-31", "date: 2025-04-01"),
    # Lists, feeds, entity pages, related documents and the month's newsletter issue all gain it.
    "a document added": lambda c: (c / "updates" / "2025-08-project-update.md").write_text(
        '---\ntitle: "August 2025 project update"\ndate: 2025-08-29\n'
        'summary: "A short update while the project officer is on leave."\n'
        "themes: [housing]\npeople: [ruth-abernethy]\norganisations: [calderbridge-refugee-forum]\n"
        "author: nadia-fairclough\n---\nRuth Abernethy writes that the hosting scheme found homes "
        "for six people this month, and that rough sleeping in Calderbridge fell again.\n",
        encoding="utf-8"),
    # The newest of all: a feed with no entries (a person nobody has written about yet) is as
    # new as the site, so every empty feed changes too.
    "a document newer than every other": lambda c: (c / "updates" / "2026-12-project-update.md").write_text(
        '---\ntitle: "December 2026 project update"\ndate: 2026-12-01\n'
        'summary: "A note before the winter break."\nthemes: [housing]\nauthor: nadia-fairclough\n---\n'
        "The office closes for two weeks from the 21st.\n", encoding="utf-8"),
    # Every page naming the theme, its own page and feed, and the theme lists change.
    "a theme renamed in the directory": lambda c: _replace(
        c / "directory" / "themes.yml", "name: Community cohesion and hate crime",
        "name: Cohesion and hate crime"),
    "a document's themes changed": lambda c: _replace(
        c / "updates" / "2025-07-project-update.md", "themes: [health, community-cohesion, housing, esol]",
        "themes: [health, housing, esol, employment]"),
}

def test_a_rebuild_after_each_edit_equals_a_build_from_nothing(tmp_path, content_copy):
    site = str(tmp_path / "site")
    first = run_build(site, str(content_copy))
    assert first.returncode == 0, first.log
    before = comparable_site(site)
    for number, (edit_name, edit) in enumerate(EDITS.items()):
        # Hard links to every file of the site as it is: a rebuild writing through the links it
        # reuses would change them.
        snapshot = str(tmp_path / f"snapshot-{number}")
        shutil.copytree(site, snapshot, copy_function=os.link)
        edit(content_copy)
        _wait_for_cleaning(site)  # so that the rebuild starts in the emptied folders of the one before
        warm = run_build(site, str(content_copy))
        assert warm.returncode == 0, warm.log
        if "directory" not in edit_name:  # the directory is part of every page's fingerprint
            assert "unchanged files reused" in warm.stdout, (edit_name, warm.stdout)
        fresh = run_build(str(tmp_path / f"fresh-{number}"), str(content_copy))
        assert fresh.returncode == 0, fresh.log
        rebuilt, expected = comparable_site(site), comparable_site(fresh.output)
        assert rebuilt.keys() == expected.keys(), edit_name
        wrong = sorted(path for path in expected if rebuilt[path] != expected[path])
        assert not wrong, f"after {edit_name}, these differ from a build from nothing: {wrong[:10]}"
        changed = [path for path in expected if before.get(path) != expected[path]]
        assert changed, f"{edit_name} changed nothing: the test would prove nothing"
        assert comparable_site(snapshot) == before, f"after {edit_name}, the rebuild changed the previous site's files"
        before = rebuilt


def _wait_for_cleaning(site):
    for _ in range(300):
        if not os.path.exists(site + ".previous"):
            return
        time.sleep(0.1)


def test_a_rebuild_with_nothing_changed_reuses_every_page(tmp_path, content_copy):
    site = str(tmp_path / "site")
    assert run_build(site, str(content_copy)).returncode == 0
    again = run_build(site, str(content_copy))
    assert again.returncode == 0, again.log
    assert re.search(r"\(\d[\d,]* unchanged files reused, 0 written\)", again.stdout), again.stdout


def test_an_editors_scratch_files_in_the_content_folder_leave_every_page_as_it_was(tmp_path, content_copy):
    """A swap file rewritten as the officer types, a backup, an autosave: nothing reads them, and
    they counted in the site's fingerprint, so every page was rendered again while one changed;
    beside an attachment or a picture, they were published too."""
    site = str(tmp_path / "site")
    assert run_build(site, str(content_copy)).returncode == 0
    scratch_files = ("updates/.2025-03-project-update.md.swp", "updates/2025-03-project-update.md~",
                     "directory/#people.yml#", "directory/.~lock.people.yml#", "files/minutes.docx~",
                     "images/logo.png.bak", "files/~$draft.docx")
    for scratch in scratch_files:
        (content_copy / scratch).parent.mkdir(parents=True, exist_ok=True)
        (content_copy / scratch).write_text("half a thought", encoding="utf-8")
    again = run_build(site, str(content_copy))
    assert again.returncode == 0, again.log
    assert re.search(r"\(\d[\d,]* unchanged files reused, 0 written\)", again.stdout), again.stdout
    published = {os.path.basename(path) for _, _, names in os.walk(site) for path in names}
    assert not published & {os.path.basename(scratch) for scratch in scratch_files}, "a scratch file was published"


def test_a_theme_showing_more_than_a_page_types_inputs_still_gets_every_page_rebuilt(tmp_path, content_copy):
    # A theme's entity pages may show what the site shares (here the newest document's title)
    # though the page type's inputs do not name it: a newer document must change every one.
    theme = tmp_path / "theme"
    shutil.copytree(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "theme"), theme)
    follow = theme / "templates" / "_follow.html"
    follow.write_text(follow.read_text(encoding="utf-8")
                      + '<p class="newest">Newest: {{ (articles|first).title }}</p>\n', encoding="utf-8")
    settings = settings_with(tmp_path, "owntheme", f"THEME = {str(theme)!r}\n")
    site = str(tmp_path / "site")
    assert run_build(site, str(content_copy), settings=settings).returncode == 0
    EDITS["a document newer than every other"](content_copy)
    _wait_for_cleaning(site)
    warm = run_build(site, str(content_copy), settings=settings)
    assert warm.returncode == 0 and "unchanged files reused" in warm.stdout, warm.log
    fresh = run_build(str(tmp_path / "fresh"), str(content_copy), settings=settings)
    rebuilt, expected = comparable_site(site), comparable_site(fresh.output)
    wrong = sorted(path for path in expected if rebuilt.get(path) != expected[path])
    assert not wrong, f"these pages kept the old newest document: {wrong[:10]}"
    with open(os.path.join(site, "people", "david-ferrier", "index.html"), encoding="utf-8") as page:
        assert "Newest: December 2026 project update" in page.read()
