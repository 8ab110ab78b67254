"""Two documents with one address, or a document on an address the site makes itself, are errors
naming both, found by `make check` as by the build (they used to end in a traceback)."""

import pytest

from tests.building import run_build

pytestmark = pytest.mark.build

REPORT_END = "Nothing was published; the site online is unchanged.\n"


def two_files_with_one_address(content):
    text = sorted((content / "updates").glob("*.md"))[0].read_text(encoding="utf-8")
    (content / "updates" / "My Update.md").write_text(text, encoding="utf-8")
    (content / "updates" / "my-update.md").write_text(text, encoding="utf-8")
    return (f"  - {content}/updates/my-update.md: has the address updates/my-update/, which "
            f"{content}/updates/My Update.md has too. Rename one of the two files, or give one of them a 'slug:' of "
            "its own.\n")


@pytest.mark.parametrize("check", [True, False], ids=["make check", "make publish"])
def test_file_names_that_differ_only_in_capitals_and_spaces_are_one_address(tmp_path, content_copy, check):
    expected = two_files_with_one_address(content_copy)
    result = run_build(str(tmp_path / "output"), str(content_copy), check=check,
                       settings="pelicanconf.py" if check else "publishconf.py")
    assert result.returncode == 1, result.log
    assert result.stderr.endswith(
        "The site was not built: 1 problem in the content must be fixed first.\n" + expected + REPORT_END)
    assert "Traceback" not in result.log and "There are 2 items" not in result.log
    assert not (tmp_path / "output").exists()


def test_a_slug_taken_by_another_document_or_by_a_page_of_the_site(tmp_path, content_copy):
    updates = sorted((content_copy / "updates").glob("*.md"))
    taken = updates[0].stem
    (content_copy / "updates" / "copy.md").write_text(
        f"---\ntitle: A copy\ndate: 2025-01-01\nslug: {taken}\n---\nText.\n", encoding="utf-8")
    (content_copy / "pages" / "our-people.md").write_text("---\ntitle: Our people\nslug: people\n---\nText.\n",
                                                         encoding="utf-8")
    (content_copy / "pages" / "feeds.md").write_text("---\ntitle: Feeds\n---\nText.\n", encoding="utf-8")
    result = run_build(str(tmp_path / "output"), str(content_copy), settings="pelicanconf.py", check=True)
    assert result.returncode == 1, result.log
    assert result.stderr.endswith(
        "The site was not built: 3 problems in the content must be fixed first.\n"
        f"  - {content_copy}/pages/feeds.md: has the address feeds/, which is the address of the list of feeds. "
        "Give the document an address of its own: change 'slug:' (or, without one, rename the file).\n"
        f"  - {content_copy}/pages/our-people.md, line 3, key 'slug': has the address people/, which is the address "
        "of the list of people. Give the document an address of its own: change 'slug:' (or, without one, rename "
        "the file).\n"
        f"  - {content_copy}/updates/copy.md, line 4, key 'slug': has the address updates/{taken}/, which "
        f"{updates[0]} has too. Change 'slug:' to an address of its own.\n" + REPORT_END)


def test_a_draft_takes_no_address(tmp_path, content_copy):
    update = sorted((content_copy / "updates").glob("*.md"))[0]
    (content_copy / "updates" / f"{update.stem.upper()}.md").write_text(
        "---\ntitle: Draft\ndate: 2025-01-01\nstatus: draft\n---\nText.\n", encoding="utf-8")
    result = run_build(str(tmp_path / "output"), str(content_copy), settings="pelicanconf.py", check=True)
    assert result.returncode == 0, result.log
