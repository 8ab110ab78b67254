"""A plugin listening to Pelican's ``content_written`` hears of every page of the site once, in
the build's own process: pages kept from the last build and pages written by the helper too."""

import os

import pytest

from tests.building import CONTENT, ROOT, run_build, settings_with

pytestmark = pytest.mark.build


def _pages(folder: str) -> list[str]:
    """Every web page of the site; not a newsletter's email.html, which is an e-mail made whole
    by our code (as feeds are), never to be changed by a plugin that post-processes pages."""
    return sorted(os.path.relpath(os.path.join(base, name), folder)
                  for base, _, names in os.walk(folder) for name in names
                  if name.endswith(".html") and name != "email.html")


def _heard(path) -> tuple[set[str], list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    path.unlink(missing_ok=True)
    return {line.split(" ", 1)[0] for line in lines}, sorted(line.split(" ", 1)[1] for line in lines)


@pytest.mark.parametrize("processes", [1, 2])
def test_every_page_is_announced_once_when_written_and_when_kept(tmp_path, processes):
    settings = settings_with(tmp_path, "announcing", (
        f"PLUGIN_PATHS = PLUGIN_PATHS + [{os.path.join(ROOT, 'tests', 'plugins')!r}]\n"
        f"PLUGINS = PLUGINS + ['pages_seen']\nWRITE_PROCESSES = {processes}\n"))
    seen = tmp_path / "seen.txt"
    output = str(tmp_path / "output")
    for build in ("cold", "warm"):  # the warm build keeps almost every page of the cold one
        done = run_build(output, CONTENT, settings=settings, env={"PAGES_SEEN": str(seen)})
        assert done.returncode == 0, done.log
        processes_heard, pages_heard = _heard(seen)
        assert len(processes_heard) == 1, f"{build}: heard in {len(processes_heard)} processes"
        assert pages_heard == _pages(output), build
    assert "unchanged files reused" in done.stdout  # the warm build did keep pages
