"""A network that has not written a kind of document yet (no briefings, say) still publishes: the
main menu leaves that kind out instead of linking to a page that does not exist, and the first
document of that kind brings the entry back on every page."""

import re
import shutil

import pytest

from tests.building import comparable_site, output_files, run_build

pytestmark = pytest.mark.build

_MENU = re.compile(r'<nav class="site-nav"[^>]*>(.*?)</nav>', re.S)


def _menus(site: str) -> dict[str, list[str]]:
    """Each page's main menu: its labels, in order."""
    menus = {}
    for path, text in output_files(site):
        if path.endswith(".html"):
            found = _MENU.search(text)
            if found:
                menus[path] = re.findall(r">([^<>]+)</a>", found.group(1))
    return menus


def test_a_site_without_briefings_publishes_and_its_first_briefing_joins_the_menu(tmp_path, content_copy):
    aside = tmp_path / "briefings-aside"
    shutil.move(str(content_copy / "briefings"), str(aside))
    site = str(tmp_path / "site")
    first = run_build(site, str(content_copy))
    assert first.returncode == 0, first.log
    menus = _menus(site)
    assert len(menus) > 100
    assert all("Briefings" not in labels and "Updates" in labels and "Minutes" in labels
               for labels in menus.values()), [path for path, labels in menus.items() if "Updates" not in labels][:5]

    (content_copy / "briefings").mkdir()
    shutil.copy(aside / "2025-06-esol-and-work-briefing.md", content_copy / "briefings")
    warm = run_build(site, str(content_copy))
    assert warm.returncode == 0, warm.log
    without = [path for path, labels in _menus(site).items() if labels[2:3] != ["Briefings"]]
    assert not without, f"these pages kept the menu without briefings: {without[:10]}"
    fresh = run_build(str(tmp_path / "fresh"), str(content_copy))
    assert fresh.returncode == 0, fresh.log
    rebuilt, expected = comparable_site(site), comparable_site(fresh.output)
    assert sorted(path for path in expected if rebuilt.get(path) != expected[path]) == []
