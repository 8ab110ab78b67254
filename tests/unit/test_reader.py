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


def _reader_settings(tmp_path) -> dict:
    return {**SETTINGS, "PATH": str(tmp_path), "PAGE_PATHS": ["pages"], "CATEGORY_BY_FOLDER": {"updates": "Updates"},
            "FORMATTED_FIELDS": ["summary"], "SUMMARY_MAX_LENGTH": None}


def _update(text: str) -> str:
    return f"---\ntitle: A\ndate: 2025-01-02\n---\n{text}\n"


def test_a_file_saved_after_it_was_read_ahead_is_read_again(tmp_path):
    """The reading processes convert files a while before Pelican keeps each in its cache under
    the file's time as it is then: a save in between must not leave the first text kept under
    the second save's time (the preview would show the first until the file was saved again)."""
    import os

    from network import build as builds
    from network.reader import FrontMatterReader, file_stamp

    (tmp_path / "updates").mkdir()
    source = tmp_path / "updates" / "x.md"
    source.write_text(_update("The first text."), encoding="utf-8")
    settings = _reader_settings(tmp_path)
    ahead = convert(str(source), settings)
    assert ahead[1]["source_stamp"] == file_stamp(str(source))

    builds.start(settings).prepared[str(source)] = ("<p>As read ahead.</p>", ahead[1])
    content, _ = FrontMatterReader(settings).read(str(source))
    assert content == "<p>As read ahead.</p>", "an unchanged file was read twice"

    source.write_text(_update("The second text."), encoding="utf-8")
    read_at = ahead[1]["source_stamp"][1]
    os.utime(source, ns=(read_at + 1_000_000, read_at + 1_000_000))  # a later time, however coarse the clock
    builds.start(settings).prepared[str(source)] = ahead
    content, metadata = FrontMatterReader(settings).read(str(source))
    assert content == "<p>The second text.</p>"
    assert metadata["source_stamp"] == file_stamp(str(source)) != ahead[1]["source_stamp"]


def test_a_text_cached_under_a_later_time_than_it_was_read_at_is_read_again(tmp_path):
    """A save after the reader's last look and before Pelican takes the file's time keeps the
    older text under the newer time: the cache gives a text only while the file is as read."""
    from network.reader import as_read, file_stamp
    from pelican.readers import Readers
    from pelican.settings import DEFAULT_CONFIG

    source = tmp_path / "x.md"
    source.write_text(_update("The first text."), encoding="utf-8")
    readers = Readers({**DEFAULT_CONFIG, "CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": True,
                       "LOAD_CONTENT_CACHE": False, "CONTENT_CACHING_LAYER": "reader"}, "test-readers")
    kept = ("<p>The first text.</p>", {"source_stamp": file_stamp(str(source))})
    readers.cache_data(str(source), kept)  # as Pelican keeps it: under the file's time now
    cache = as_read(readers)
    assert cache(str(source), (None, None)) == kept, "an unchanged file was read again"
    source.write_text(_update("The second text, longer."), encoding="utf-8")
    readers.cache_data(str(source), kept)  # the older text under the newer time
    assert readers.get_cached_data(str(source), (None, None)) == kept, "Pelican's own check would see no change"
    assert cache(str(source), (None, None)) == (None, None)
    assert cache(str(tmp_path / "never-read.md"), (None, None)) == (None, None)
    readers.cache_data(str(source), ("<p>Another reader's.</p>", None))
    assert cache(str(source), (None, None)) == (None, None), "a text not of our reader was taken unchecked"


def test_a_file_the_reading_processes_found_wrong_and_fixed_since_is_read_as_it_is(tmp_path):
    from network import build as builds
    from network.errors import ContentError
    from network.reader import FrontMatterReader

    (tmp_path / "updates").mkdir()
    source = tmp_path / "updates" / "x.md"
    source.write_text("---\ntitle: A\ndate: not a date\n---\nText.\n", encoding="utf-8")
    settings = _reader_settings(tmp_path)
    try:
        convert(str(source), settings)
        raise AssertionError("the wrong date was not found wrong: the test would prove nothing")
    except ContentError as found:
        ahead = found
    source.write_text(_update("Fixed."), encoding="utf-8")
    builds.start(settings).prepared[str(source)] = ahead
    content, _ = FrontMatterReader(settings).read(str(source))
    assert content == "<p>Fixed.</p>"
