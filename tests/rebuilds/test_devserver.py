"""make devserver: serves the preview, rebuilds it when a file is saved, reusing what did not
change, and keeps showing the last good build while a file has mistakes."""

import gzip
import urllib.request

import pytest

from tests.serving import devserver as running_devserver

pytestmark = pytest.mark.build

PAGE = "briefings/2024-11-turning-eighteen-briefing/"


def _get(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10) as response:
        return response.read().decode("utf-8")


def _indexed_text(preview) -> str:
    return b"".join(gzip.decompress(path.read_bytes())
                    for path in (preview / "pagefind").rglob("*.pf_fragment")).decode("utf-8", "replace")


@pytest.fixture
def devserver(tmp_path, content_copy):
    with running_devserver(str(tmp_path / "preview"), str(content_copy)) as (port, log):
        yield port, log, content_copy, tmp_path / "preview"


def test_a_saved_edit_shows_in_the_preview_and_a_mistake_keeps_the_last_good_one(devserver):
    port, log, content, preview = devserver
    seen = log.wait_for("Serving the preview on")
    assert "turning eighteen" in _get(port, PAGE)
    assert '<script src="/__preview/live.js"' in _get(port, PAGE)  # added as the page is sent...
    assert "__preview" not in (preview / PAGE / "index.html").read_text(encoding="utf-8")  # ...not on disk

    briefing = content / "briefings" / "2024-11-turning-eighteen-briefing.md"
    text = briefing.read_text(encoding="utf-8")
    briefing.write_text(text.replace("Briefing: turning eighteen", "Briefing: at eighteen"), encoding="utf-8")
    seen = log.wait_for("unchanged files reused", seen)
    assert "Briefing: at eighteen" in _get(port, PAGE)
    seen = log.wait_for("s after the file was saved.", seen)  # how long the officer waited
    # The search follows once the page is ready (search.later): made in the background.
    seen = log.wait_for("Search updated", seen)
    index = _indexed_text(preview)
    assert "Briefing: at eighteen" in index and "Briefing: turning eighteen" not in index

    briefing.write_text(text.replace("themes: [", "themes: [housng, ", 1), encoding="utf-8")
    seen = log.wait_for("still shows the last build that worked", seen)
    assert "Did you mean 'housing'?" in log.text
    assert "Briefing: at eighteen" in _get(port, PAGE)
