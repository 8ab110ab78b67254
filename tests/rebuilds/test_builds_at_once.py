"""Two builds of one site at once: the second waits for the first, both finish, and at every
instant the output folder holds a complete site (the old one or the new one)."""

import os
import subprocess
import sys
import threading

import pytest

from tests.building import CONTENT, ROOT, run_build, tree_digest

pytestmark = pytest.mark.build

COMMAND = [sys.executable, os.path.join(ROOT, "tools", "build.py"), "--settings", os.path.join(ROOT, "publishconf.py"),
           "--content", CONTENT]


def _watch(output: str, stop: threading.Event, gaps: list) -> None:
    """Look for the home page as often as possible; note every moment it is not there."""
    home = os.path.join(output, "index.html")
    while not stop.is_set():
        if not os.path.exists(home):
            gaps.append("no home page")


def test_two_builds_started_together_both_finish_and_the_site_is_never_missing(tmp_path):
    output = str(tmp_path / "output")
    first = run_build(output)
    assert first.returncode == 0, first.log
    expected = set(tree_digest(output))
    stop, gaps = threading.Event(), []
    watcher = threading.Thread(target=_watch, args=(output, stop, gaps))
    watcher.start()
    waited = 0
    try:
        for edit in range(3):
            # Each round changes a page, so each build really replaces the site.
            builds = [subprocess.Popen(COMMAND + ["--output", output], cwd=ROOT, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True,
                                       env={**os.environ, "SITEURL": f"https://round{edit}.example.org"})
                      for _ in range(2)]
            for build in builds:
                out, err = build.communicate(timeout=300)
                assert build.returncode == 0, out + err
                assert "Traceback" not in out + err
                waited += "this one starts when it has finished" in err
            assert set(tree_digest(output)) == expected
            with open(os.path.join(output, "index.html"), encoding="utf-8") as handle:
                assert f"https://round{edit}.example.org" in handle.read()
    finally:
        stop.set()
        watcher.join()
    assert waited, "at least once, one build waited for the other and said so"
    assert not gaps, f"the site was missing {len(gaps)} times while it was replaced"


def test_a_build_stopped_between_the_two_renames_is_mended_by_the_next(tmp_path):
    output = str(tmp_path / "output")
    assert run_build(output).returncode == 0
    expected = tree_digest(output)
    os.rename(output, f"{output}.previous")  # where a stop after the first rename leaves the site
    again = run_build(output)
    assert again.returncode == 0, again.log
    assert tree_digest(output) == expected
