"""The devserver's edited page first (pipeline.onepage) never reads a file the build would refuse."""

from datetime import datetime

from network.model import Directory, Document
from pipeline.onepage import LastBuild, PageOfDocument, page_first


def _last(key: str) -> LastBuild:
    document = Document(path=f"content/{key}", title="One", date=datetime(2026, 1, 1), category="updates", key=key,
                        body="<p>Old text.</p>")
    return LastBuild({key: PageOfDocument(document, "updates/one/index.html", {"title": "One"}, "")}, Directory())


def test_a_document_that_is_a_link_out_of_the_content_folder_waits_for_the_build(tmp_path):
    content, outside, site = tmp_path / "content", tmp_path / "elsewhere.md", tmp_path / "preview"
    (content / "updates").mkdir(parents=True)
    (site / "updates" / "one").mkdir(parents=True)
    (site / "updates" / "one" / "index.html").write_text("<main><p>Old text.</p></main>")
    outside.write_text("---\ntitle: One\n---\nSecret text from elsewhere.\n")
    (content / "updates" / "one.md").symlink_to(outside)
    settings = {"PATH": str(content)}
    assert page_first(str(content / "updates" / "one.md"), settings, _last("updates/one.md"), str(site)) is None
    assert "Secret" not in (site / "updates" / "one" / "index.html").read_text()


def test_a_file_the_last_build_did_not_have_waits_for_the_build(tmp_path):
    settings = {"PATH": str(tmp_path)}
    assert page_first(str(tmp_path / "updates" / "new.md"), settings, _last("updates/one.md"), str(tmp_path)) is None
