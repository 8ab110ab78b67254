"""How active each theme has been, as readers see it: the home page's themes most written about in
the last three months, and each theme's chart of documents per quarter, both against what the
sample documents involve read independently of the plugins (tests/site/mentions.py)."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests import sources

pytestmark = pytest.mark.build


def _documents_of_themes(expected, entities):
    """theme id -> the dates of the documents involving it."""
    dates = {f"{path.split('/')[0]}/{sources.slug(path)}/": date.fromisoformat(meta["date"][:10])
             for path, meta in sources.documents()}
    found = {}
    for address, involved in expected.items():
        for kind, entity_id in involved:
            if kind == "theme" and (kind, entity_id) in entities:
                found.setdefault(entity_id, []).append(dates[address])
    return found


def _today():
    return datetime.now(ZoneInfo("Europe/London")).date()


def test_the_home_page_names_the_themes_most_written_about_lately(page, expected, entities):
    today = _today()
    names = {t["id"]: t["name"] for t in sources.directory("themes.yml")}
    recent = {theme: sum(today - timedelta(days=91) <= day <= today for day in days)
              for theme, days in _documents_of_themes(expected, entities).items()}
    ranked = sorted(((names[t], n) for t, n in recent.items() if n), key=lambda pair: (-pair[1], pair[0].casefold()))
    shown = [(item.select_one("a").get_text(), int(item.select_one(".count").get_text().split()[0]))
             for item in page("").select(".active-themes li")]
    assert shown == ranked[:5]


def test_each_themes_chart_counts_its_documents_per_quarter(page, expected, entities):
    today = _today()
    current = today.year * 4 + (today.month - 1) // 3
    checked = 0
    for theme, days in _documents_of_themes(expected, entities).items():
        counts = {}
        for day in days:
            age = current - (day.year * 4 + (day.month - 1) // 3)
            if 0 <= age < 12:
                counts[age] = counts.get(age, 0) + 1
        chart = page(f"themes/{theme}/").select_one("svg.activity-chart")
        if not counts:
            assert chart is None, theme
            continue
        bars = [int(re.search(r": (\d+)$", rect.title.get_text()).group(1)) for rect in chart.select("rect")]
        assert bars == [counts.get(age, 0) for age in range(11, -1, -1)], theme
        assert chart["role"] == "img" and f"{sum(bars)} in all" in chart["aria-label"]
        checked += 1
    assert checked >= 5
