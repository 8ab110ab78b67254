"""make devserver in Chromium: an open page follows the builds without a manual reload, with many
pages open; a build that fails shows its report over the page (as text), which keeps the last
good build."""

import os

import pytest

from tests.serving import devserver

pytestmark = pytest.mark.build

PAGE = "briefings/2024-11-turning-eighteen-briefing/"
TITLE = "Briefing: turning eighteen"
WAIT_MS = 120_000


@pytest.fixture
def preview(tmp_path, content_copy):
    with devserver(str(tmp_path / "preview"), str(content_copy)) as (port, log):
        log.wait_for("Serving the preview on")
        yield port, content_copy / "briefings" / "2024-11-turning-eighteen-briefing.md", tmp_path / "preview", log


def _heading_says(page, words: str) -> None:
    page.wait_for_function("words => document.querySelector('h1').textContent.includes(words)", arg=words,
                           timeout=WAIT_MS)


def test_the_open_page_follows_each_build_and_shows_a_failed_one_over_the_last_good_page(browser, preview):
    port, source, folder, log = preview
    text = source.read_text(encoding="utf-8")
    context = browser.new_context()
    others = [context.new_page() for _ in range(7)]
    for other in others:  # other pages of the preview left open (a browser keeps six connections to a server)
        other.goto(f"http://127.0.0.1:{port}/about/", timeout=10_000)
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{port}/{PAGE}", timeout=10_000)
    assert TITLE in page.inner_text("h1")

    source.write_text(text.replace(TITLE, "Briefing: at eighteen"), encoding="utf-8")
    _heading_says(page, "Briefing: at eighteen")  # the script reloaded it: we never did

    source.write_text(text.replace(TITLE, "Briefing: at eighteen").replace("themes: [", "themes: [<em>housng</em>, "),
                      encoding="utf-8")
    overlay = page.locator("#preview-build-failed")
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    shown = overlay.inner_text()
    assert "unknown theme '<em>housng</em>'" in shown and "briefings/2024-11-turning-eighteen-briefing.md" in shown
    assert overlay.locator("em").count() == 0  # the officer's text is text, never HTML
    assert "Briefing: at eighteen" in page.inner_text("h1")  # the last good page is still there

    source.write_text(text, encoding="utf-8")
    _heading_says(page, TITLE)
    assert not overlay.is_visible()

    # Only the briefing's text changes: its page reloads once (made first, then rebuilt to the
    # same bytes), and pages whose HTML did not change are left as they are (scrolled, filled in).
    for open_page in (page, *others):
        open_page.evaluate("window.stillHere = true")
    seen = len(log.text)
    source.write_text(text.replace("Many of them still have asylum claims pending.",
                                   "Many of them are still waiting for a decision."), encoding="utf-8")
    page.wait_for_function("document.body.textContent.includes('still waiting for a decision')", timeout=WAIT_MS)
    page.evaluate("window.stillHere = true")
    log.wait_for("s after the file was saved.", seen)
    page.wait_for_timeout(2500)  # more than three of the script's questions
    assert page.evaluate("window.stillHere === true"), "the page reloaded again after the rebuild"
    assert all(other.evaluate("window.stillHere === true") for other in others), "an unchanged page reloaded"
    context.close()

    written = [os.path.join(base, name) for base, _, names in os.walk(folder) for name in names]
    assert written and not [path for path in written if b"__preview" in open(path, "rb").read()]
