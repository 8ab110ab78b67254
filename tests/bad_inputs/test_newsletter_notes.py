"""Editor's notes are read as documents are: any Markdown ending, Word's debris cleaned, and one
note per issue."""

import os

import pytest

from tests.building import run_build

pytestmark = pytest.mark.build


def _build(tmp_path, content):
    return run_build(str(tmp_path / "output"), str(content), settings="pelicanconf.py", check=False)


def test_a_note_saved_as_mkd_leads_its_issue_cleaned_like_a_document(tmp_path, content_copy):
    notes = content_copy / "newsletters"
    text = (notes / "2025-11.md").read_text(encoding="utf-8")
    (notes / "2025-11.md").unlink()
    # Bullets pasted from Word, as symbols: a document's would become a list.
    (notes / "2025-11.mkd").write_text(text + "\n\u2022 the shelter rota\n\u2022 the referral route\n", encoding="utf-8")
    result = _build(tmp_path, content_copy)
    assert result.returncode == 0, result.log
    with open(os.path.join(result.output, "newsletter", "2025-11", "email.html"), encoding="utf-8") as handle:
        email = handle.read()
    assert "<title>CVMP news, November 2025</title>" in email
    assert "the shelter rota</li>" in email and "\u2022" not in email


def test_two_notes_for_one_issue_stop_the_build_naming_both(tmp_path, content_copy):
    notes = content_copy / "newsletters"
    (notes / "2025-11.markdown").write_text((notes / "2025-11.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = _build(tmp_path, content_copy)
    assert result.returncode == 1
    assert "2025-11.md: there is already an editor's note for 2025-11 (" in result.log
    assert "2025-11.markdown). Keep one note per issue: merge the two files." in result.log
