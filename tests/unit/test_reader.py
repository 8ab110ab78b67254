"""Our reader's use of Markdown: the body and the summary are converted as they were typed."""

import pelicanconf
from network.reader import convert

#: MARKDOWN as Pelican's Markdown reader leaves it: every configured extension, and `meta`.
SETTINGS = {"MARKDOWN": {**pelicanconf.MARKDOWN,
                         "extensions": [*pelicanconf.MARKDOWN["extension_configs"], "markdown.extensions.meta"]}}


def test_a_first_line_that_looks_like_a_key_is_text_not_metadata(tmp_path):
    """Pelican's `meta` extension once took these lines for metadata and dropped them."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    source = folder / "x.md"
    source.write_text("---\ntitle: A\ndate: 2025-01-02\nsummary: \"Update: the council agreed.\"\n---\n"
                      "Action: LD to circulate the draft.\n\nMore.\n", encoding="utf-8")
    settings = {**SETTINGS, "PATH": str(tmp_path), "PAGE_PATHS": ["pages"],
                "CATEGORY_BY_FOLDER": {"minutes": "Minutes"}}
    content, metadata = convert(str(source), settings)
    assert metadata["summary"] == "<p>Update: the council agreed.</p>"
    assert content == "<p>Action: LD to circulate the draft.</p>\n<p>More.</p>"
