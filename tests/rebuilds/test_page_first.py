"""make devserver shows an edit to a document's text at once, before the whole rebuild
(pipeline.onepage), and that page is byte for byte the one the whole rebuild then writes; an edit
that changes more than the text waits for the whole rebuild."""

import pytest

from tests.serving import devserver as running_devserver

pytestmark = pytest.mark.build

BRIEFING = "briefings/2024-11-turning-eighteen-briefing.md"
NUMBERS = "In the next twelve months 41 of the looked-after group will turn eighteen."

#: (what, file, old, new, whether the page comes first)
EDITS = [
    ("a figure corrected", BRIEFING, NUMBERS, NUMBERS.replace("41", "43"), True),
    # Withheld in the page made first too; the people it involves are the same.
    ("a private person named in the text", BRIEFING, "Many of them still have asylum claims pending.",
     "Many of them still have asylum claims pending, Ottilie Marchbanks said.", True),
    ("a new heading", BRIEFING, "## The numbers", "## The numbers this year", True),
    # A standing page, which names people but involves no one.
    ("the About page's text", "pages/about.md", "The partnership does not deliver services itself.",
     "The partnership does not run services itself.", True),
    ("the title", BRIEFING, 'title: "Briefing: turning eighteen', 'title: "Briefing: at eighteen', False),
    ("an organisation newly named", BRIEFING, "## What the contributors said",
     "Refugee Welcome Northmoor sent apologies.\n\n## What the contributors said", False),
    ("HTML the reader removes", BRIEFING, "Fifty-four people joined",
     "<script>alert(1)</script> Fifty-four people joined", False),
    ("minutes", "minutes/2025-02-12-steering-group.md", "Action 4 (2024-06-12): ongoing.",
     "Action 4 (2024-06-12): done.", False),
]


def test_an_edit_to_the_text_alone_shows_first_as_the_whole_rebuild_then_writes_it(tmp_path, content_copy):
    with running_devserver(str(tmp_path / "preview"), str(content_copy)) as (_, log):
        log.wait_for("Serving the preview on")
        _each_edit_shows_first_what_the_rebuild_writes(tmp_path / "preview", content_copy, log)
        _a_broken_link_shown_first_is_taken_back(tmp_path / "preview", content_copy, log)
        _after_a_failure_nothing_shows_first(content_copy, log)


def _each_edit_shows_first_what_the_rebuild_writes(preview, content_copy, log):
    shown = {}  # each page as it was before the edit
    for what, source, old, new, first in EDITS:
        path = content_copy / source
        text = path.read_text(encoding="utf-8")
        assert old in text, what
        page = preview / (source.removeprefix("pages/").removesuffix(".md") + "/index.html")
        shown.setdefault(page, page.read_bytes())
        seen = len(log.text)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        if first:
            log.wait_for("Page ready", seen)
            made_first = page.read_bytes()  # the rebuild takes seconds more
            assert "s after the file was saved." not in log.text[seen:], "read too late to tell"
        log.wait_for("s after the file was saved.", seen)
        said = log.text[seen:]
        assert ("Page ready" in said) == first, f"{what}: {said}"
        whole = page.read_bytes()
        assert b"Ottilie" not in whole and b"Marchbanks" not in whole and b"<script>alert" not in whole
        if first:
            assert said.index("Page ready") < said.index("Building..."), said
            assert made_first == whole, f"{what}: the page made first differs from the rebuild's"
        assert whole != shown[page], f"{what} changed nothing: the test would prove nothing"
        shown[page] = whole


def _a_broken_link_shown_first_is_taken_back(preview, content_copy, log):
    # A page made first whose build then fails (the edit broke a link) goes back to what the
    # last build that worked wrote: the preview is what the officer is told it is.
    esol = content_copy / "briefings" / "2025-06-esol-and-work-briefing.md"
    page = preview / "briefings" / "2025-06-esol-and-work-briefing" / "index.html"
    before, text = page.read_bytes(), esol.read_text(encoding="utf-8")
    seen = len(log.text)
    esol.write_text(text.replace("## Discussion\n", "## Discussion\n\nSee [the plan](/no-such-plan/).\n", 1),
                    encoding="utf-8")
    log.wait_for("Page ready", seen)
    assert b"no-such-plan" in page.read_bytes(), "the broken link was not shown first: nothing to put back"
    log.wait_for("still shows the last build that worked", seen)
    assert page.read_bytes() == before
    seen = len(log.text)
    esol.write_text(text, encoding="utf-8")
    log.wait_for("s after the file was saved.", seen)


def _after_a_failure_nothing_shows_first(content_copy, log):
    # After a build that failed, nothing shows first (it would hide the report) until one works.
    other = content_copy / "updates" / "2025-03-project-update.md"
    broken = other.read_text(encoding="utf-8")
    seen = len(log.text)
    other.write_text(broken.replace("themes: [", "themes: [housng, ", 1), encoding="utf-8")
    seen = log.wait_for("still shows the last build that worked", seen)
    briefing = content_copy / "briefings" / "2025-06-esol-and-work-briefing.md"
    text = briefing.read_text(encoding="utf-8")
    assert "\n## " in text
    briefing.write_text(text.replace("\n## ", "\n## Also: ", 1), encoding="utf-8")  # a heading, as above
    after = log.wait_for("still shows the last build that worked", seen)
    assert "Page ready" not in log.text[seen:after]
    other.write_text(broken, encoding="utf-8")
    log.wait_for("s after the file was saved.", after)

