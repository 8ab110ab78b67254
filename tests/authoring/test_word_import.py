"""`make import`: real Word files, made with python-docx, imported into a copy of the sample
content and built with the real build. What the officer would notice: the site builds, the people
are linked, the actions are in the register, every guess is listed for review, no file is
replaced, pictures are published."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from network.source import split_front_matter
from tests.building import CONTENT, ROOT, output_files, page_loader, run_build
from tests.authoring import wordfiles

IMPORT = os.path.join(ROOT, "tools", "importdocx.py")
WORD_FILES = {"formal minutes.docx": wordfiles.formal_minutes, "ops notes.docx": wordfiles.informal_notes,
              "November update.docx": wordfiles.monthly_update}


def run_import(docx: str, content, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, IMPORT, docx, "--content", str(content), *options], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def new_files(content) -> set[str]:
    """Files in ``content`` that the sample content does not have."""
    found = set()
    for base, _, names in os.walk(content):
        for name in names:
            relative = os.path.relpath(os.path.join(base, name), content)
            if not os.path.exists(os.path.join(CONTENT, relative)):
                found.add(relative.replace(os.sep, "/"))
    return found


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The sample content with the three Word files imported (each 'make import' as the officer
    runs it), and the site built from it."""
    import shutil

    folder = tmp_path_factory.mktemp("word-import")
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    made = {}
    for name, make in WORD_FILES.items():
        (folder / name).write_bytes(make())
        before = new_files(content)
        done = run_import(str(folder / name), content)
        assert done.returncode == 0, done.stdout + done.stderr
        made[name] = sorted(new_files(content) - before)
    result = run_build(str(folder / "output"), content=str(content))
    return content, made, result


def document_of(imported, name: str) -> str:
    content, made, _ = imported
    return next(path for path in made[name] if path.endswith(".md"))


def front_matter(imported, name: str):
    content = imported[0]
    with open(content / document_of(imported, name), encoding="utf-8") as handle:
        return split_front_matter(handle.read(), name)[0]


def page_of(imported, name: str) -> BeautifulSoup:
    address = document_of(imported, name).removesuffix(".md") + "/"
    return page_loader(imported[2].output)(address)


def test_each_imported_word_file_builds_without_errors(imported):
    content, made, result = imported
    assert result.returncode == 0, result.log
    assert "ERROR" not in result.log
    assert [path for paths in made.values() for path in paths if path.endswith(".md")] == [
        "minutes/2026-11-11-steering-group-minutes.md",
        "minutes/2026-11-19-cvmp-operations-group-notes-of-meeting.md",
        "updates/2026-11-30-project-update.md"]


def test_formal_minutes_attendees_are_the_directory_people(imported):
    meeting = front_matter(imported, "formal minutes.docx")["meeting"]
    assert {key: list(meeting[key]) for key in wordfiles.ATTENDANCE_IDS} == wordfiles.ATTENDANCE_IDS
    assert (meeting["body"], meeting["chair"], meeting["minutes_by"]) == (
        "cvmp-steering-group", "ruth-abernethy", "nadia-fairclough")
    assert (meeting["venue"], meeting["ends"], meeting["next_meeting"]) == (
        "Committee Room 2, Calderbridge Civic Centre", "16:30", "2027-01-20 14:00")
    page = page_of(imported, "formal minutes.docx")
    linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.select("a[href*='/people/']")}
    assert set(wordfiles.ATTENDANCE_IDS["present"]) <= linked
    initials = {a.get_text(): a["href"] for a in page.select("strong > a[data-initials]")}
    assert initials["RA"].endswith("/people/ruth-abernethy/") and initials["JW"].endswith("/people/joanna-whitlow/")


def test_informal_notes_present_line_bullets_and_bookmark(imported):
    meeting = front_matter(imported, "ops notes.docx")["meeting"]
    assert list(meeting["present"]) == ["yusuf-haddad", "margaret-ashdown", "ottilie-marchbanks", "rosa-delgado",
                                        "hannah-cole"]
    assert list(meeting["apologies"]) == ["alison-thwaite", "kerry-walsh"]
    assert meeting["body"] == "cvmp-operations-group" and meeting["next_meeting"] == "to be confirmed"
    page = page_of(imported, "ops notes.docx")
    body = page.select_one(".document-body")
    items = [" ".join(li.get_text().split()) for li in body.select("ul > li")]
    assert items == ["St Aidan's Night Shelter opens five nights a week from December.",
                     "The college's winter conversation clubs start on 7 January.",
                     "The hosting network has twelve hosts approved."]
    text = body.get_text()
    assert "·" not in text and "bookmark" not in text and "_GoBack" not in text


def test_the_imported_actions_reach_the_register(imported):
    register = page_loader(imported[2].output)("actions/2026/")
    rows = " ".join(register.get_text().split())
    for action in ("SA to circulate the short-life group's notes to all members by 30 November.",
                   "HS and MK to report on health checks at the January meeting.",
                   "CCC to confirm its contribution for 2027–28.",
                   "Hannah Cole to send the referral form to all members."):
        assert action.split(" to ", 1)[1] in rows, action
    links = {a["href"] for a in register.select("a[href*='#action-']")}
    assert any("2026-11-11-steering-group-minutes/#action-3" in link for link in links)
    assert any("2026-11-19-cvmp-operations-group-notes-of-meeting/#action-1" in link for link in links)


def _values(mapping, prefix=""):
    for key, value in mapping.items():
        if isinstance(value, dict):
            yield from _values(value, f"{prefix}{key}.")
        elif isinstance(value, list):
            yield from ((f"{prefix}{key}", item) for item in value)
        else:
            yield f"{prefix}{key}", value


@pytest.mark.parametrize("name", sorted(WORD_FILES))
def test_the_review_block_lists_every_guess(imported, name):
    content = imported[0]
    with open(content / document_of(imported, name), encoding="utf-8") as handle:
        text = handle.read()
    comments = text.split("\n---\n", 1)[0].split("\n")[1:]
    assert comments and all(line.startswith("# ") for line in comments if not re.match(r"^[a-z_]+:|^  ", line))
    block = "\n".join(line for line in comments if line.startswith("# "))
    for key, value in _values(front_matter(imported, name)):
        assert f"- {key}: {value} (" in block, (key, value)
    for picture in (p for p in imported[1][name] if p.startswith("images/")):
        assert f"- picture: {picture} (" in block


def test_pictures_are_published_under_images_with_safe_names(imported):
    content, made, result = imported
    pictures = made["November update.docx"][:-1]
    assert pictures == ["images/2026-11-30-project-update-1.png"]
    page = page_of(imported, "November update.docx")
    picture = page.select_one("main img")
    assert picture["alt"] == "The Kingsway Hotel from Station Road"
    published = os.path.join(result.output, picture["src"].split("://", 1)[1].split("/", 1)[1])
    with open(published, "rb") as handle:
        assert handle.read() == wordfiles.tiny_png()


def test_the_monthly_update_keeps_headings_lists_table_and_emphasis(imported):
    assert front_matter(imported, "November update.docx")["title"] == "November 2026 project update"
    body = page_of(imported, "November update.docx").select_one(".document-body")
    assert [(h.name, h.get_text()) for h in body.select("h2, h3")] == [
        ("h2", "Steering Group news"), ("h3", "The Kingsway Hotel")]
    assert [li.get_text() for li in body.select("ul > li")] == [
        "a secure post for the project officer", "two community seats", "an open action log"]
    assert [[cell.get_text() for cell in row.select("th, td")] for row in body.select("table tr")] == [
        ["Stage", "Month"], ["First moves", "November"], ["Last moves", "March"]]
    assert body.select_one("em").get_text() == "everyone"


def test_a_script_typed_in_a_word_table_stays_text(imported):
    page = page_of(imported, "formal minutes.docx")
    programs = [s for s in page.find_all("script") if s.get("type", "text/javascript") != "application/ld+json"]
    assert not [script for script in programs if "alert" in script.get_text()]
    assert "Zara <script>" in page.get_text()


def test_a_private_person_in_a_word_file_is_never_published(imported):
    assert front_matter(imported, "ops notes.docx")["meeting"]["present"][2] == "ottilie-marchbanks"
    for path, text in output_files(imported[2].output):
        assert "Ottilie" not in text and "Marchbanks" not in text, path


def test_an_existing_file_is_never_replaced(content_copy, tmp_path):
    word = tmp_path / "minutes.docx"
    word.write_bytes(wordfiles.formal_minutes())
    assert run_import(str(word), content_copy).returncode == 0
    written = content_copy / "minutes" / "2026-11-11-steering-group-minutes.md"
    edited = written.read_text(encoding="utf-8") + "\nThe officer's own edit.\n"
    written.write_text(edited, encoding="utf-8")
    files = new_files(content_copy)
    again = run_import(str(word), content_copy)
    assert again.returncode == 1
    assert "content/minutes/2026-11-11-steering-group-minutes.md" in again.stderr
    assert "never replaces" in again.stderr and "NAME=" in again.stderr
    assert written.read_text(encoding="utf-8") == edited and new_files(content_copy) == files
    other = run_import(str(word), content_copy, "--name", "2026-11-11-steering-group-copy")
    assert other.returncode == 0
    assert (content_copy / "minutes" / "2026-11-11-steering-group-copy.md").exists()


def test_a_picture_name_already_taken_is_not_replaced(content_copy, tmp_path):
    word = tmp_path / "update.docx"
    word.write_bytes(wordfiles.monthly_update())
    (content_copy / "images").mkdir(exist_ok=True)
    (content_copy / "images" / "2026-11-30-project-update-1.png").write_bytes(b"the officer's picture")
    assert run_import(str(word), content_copy).returncode == 0
    assert (content_copy / "images" / "2026-11-30-project-update-1.png").read_bytes() == b"the officer's picture"
    assert (content_copy / "images" / "2026-11-30-project-update-2.png").read_bytes() == wordfiles.tiny_png()
    assert "2026-11-30-project-update-2.png" in (content_copy / "updates" / "2026-11-30-project-update.md").read_text()


@pytest.mark.parametrize("data, said", [
    (b"These are my notes, saved as text.", "is not a Word document (.docx)"),
    (wordfiles.empty_document(), "the Word document is empty"),
])
def test_a_file_that_cannot_be_imported_is_explained(content_copy, tmp_path, data, said):
    word = tmp_path / "My notes.docx"
    word.write_bytes(data)
    done = run_import(str(word), content_copy)
    assert done.returncode == 1 and said in done.stderr and "My notes.docx" in done.stderr
    assert "Traceback" not in done.stderr and new_files(content_copy) == set()


def test_make_import_takes_a_path_with_spaces_and_quotes(content_copy, tmp_path):
    word = tmp_path / 'Ops "final" notes.docx'
    word.write_bytes(wordfiles.informal_notes())
    venv = tmp_path / "venv"
    venv.mkdir()
    (venv / ".build-installed").touch()  # the environment is this one: nothing to install
    done = subprocess.run(["make", "--no-print-directory", "import", f"VENV={venv}",
                           f"BIN={os.path.dirname(sys.executable)}", f"DOCX={word}", "TYPE=minutes",
                           f"CONTENT={content_copy}"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Imported as content/minutes/2026-11-19-cvmp-operations-group-notes-of-meeting.md" in done.stdout
    assert "- type:" not in (content_copy / "minutes" / "2026-11-19-cvmp-operations-group-notes-of-meeting.md"
                             ).read_text(encoding="utf-8")  # the type was given, not guessed
