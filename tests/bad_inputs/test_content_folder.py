"""Only our reader reads the content folder, and nothing outside it is published."""

import os
import re

import pytest

from tests.building import run_build

pytestmark = pytest.mark.build

NOT_MARKDOWN = ("is not a Markdown document, and only Markdown documents (.md) are read from {folder}/; it would "
                "not be published. Write it as a Markdown document")


@pytest.mark.parametrize("name", ["welcome.html", "notes.rst", "2026-11-minutes.docx"])
def test_a_document_that_is_not_markdown_stops_the_build_by_name(tmp_path, content_copy, name):
    folder = "minutes" if name.endswith(".docx") else "updates"
    (content_copy / folder / name).write_text("<h1>Welcome, Ottilie Marchbanks</h1>\n", encoding="utf-8")
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 1, result.log
    assert f"content/{folder}/{name}: " + NOT_MARKDOWN.format(folder=f"content/{folder}") in result.stderr.replace(
        str(content_copy.parent) + "/", ""), result.stderr
    assert not os.path.exists(result.output)


def test_other_markdown_endings_go_through_our_reader_and_its_checks(tmp_path, content_copy):
    (content_copy / "updates" / "2026-11-extra.mkd").write_text(
        "---\ntitle: Extra\ndate: 2026-11-20\n---\nThanks to Ottilie Marchbanks.\n", encoding="utf-8")
    (content_copy / "briefings" / "untitled.mdown").write_text("No front matter here.\n", encoding="utf-8")
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 1
    assert re.search(r"briefings/untitled\.mdown.*(front matter|title)", result.stderr), result.stderr
    (content_copy / "briefings" / "untitled.mdown").unlink()
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 0, result.log
    assert "2026-11-extra.mkd: a private person's name was replaced" in result.log
    with open(os.path.join(result.output, "updates", "2026-11-extra", "index.html"), encoding="utf-8") as handle:
        page = handle.read()
    assert "Thanks to [name withheld]." in page and "Marchbanks" not in page


@pytest.mark.parametrize("target", ["/etc", "/", "/etc/hostname", "../../outside.txt", "missing.pdf"])
def test_a_link_out_of_the_content_folder_stops_the_build_before_anything_is_read(tmp_path, content_copy, target):
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    link = content_copy / "files" / "linked"
    os.symlink(target, link)
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 1, result.log
    assert f"content/files/linked: is a link to '{target}', which is outside the content folder" in \
        result.stderr.replace(str(content_copy.parent) + "/", ""), result.stderr
    assert "Only what is inside the content folder is published" in result.stderr
    assert not os.path.exists(result.output)
    assert "Traceback" not in result.stderr


def test_links_inside_the_content_folder_and_stray_files_are_fine(tmp_path, content_copy):
    os.symlink("2026-10-cvmp-evaluation-summary.pdf", content_copy / "files" / "evaluation.pdf")
    (content_copy / "updates" / ".DS_Store").write_bytes(b"\0")
    (content_copy / "updates" / "2026-10-project-update.md~").write_text("backup", encoding="utf-8")
    (content_copy / "stray-note.md").write_text("---\ntitle: Stray\n---\n", encoding="utf-8")
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 0, result.log
    assert os.path.isfile(os.path.join(result.output, "files", "evaluation.pdf"))
    assert "stray-note.md: is directly in the content folder, where documents are not read. Move it into one of " \
        "the folders updates/, briefings/, minutes/, pages/, newsletters/." in result.log
