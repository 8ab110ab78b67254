"""Activity per quarter and the themes most written about lately (crosslinks.activity)."""

import re
from datetime import date, datetime, timezone

from crosslinks.activity import activity_chart, documents_per_quarter, last_quarters, most_active
from network.model import Directory, Document, Entity, Network, Theme


def doc(day):
    return Document(path="content/x.md", title="x", category="Updates",
                    date=datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc))


def test_the_last_quarters_end_with_todays_and_cross_years():
    assert last_quarters(date(2026, 2, 1), 6) == [(2024, 4), (2025, 1), (2025, 2), (2025, 3), (2025, 4), (2026, 1)]
    assert last_quarters(date(2026, 12, 31), 1) == [(2026, 4)]


def test_documents_are_counted_in_their_quarter_and_older_ones_left_out():
    documents = [doc(date(2026, 3, 31)), doc(date(2026, 1, 1)), doc(date(2025, 12, 31)), doc(date(2020, 5, 1))]
    assert documents_per_quarter(documents, date(2026, 4, 2), 3) == [((2025, 4), 1), ((2026, 1), 2), ((2026, 2), 0)]


def test_the_chart_is_text_safe_and_says_what_it_shows():
    chart = activity_chart([((2025, 4), 1), ((2026, 1), 4), ((2026, 2), 0)], 'Tom "<b>" & Co')
    assert ('aria-label="Documents about Tom &quot;&lt;b&gt;&quot; &amp; Co per quarter, 2025 Q4 to 2026 Q2: '
            '5 in all, most in 2026 Q1 (4)."') in chart
    assert "<b>" not in chart
    heights = [int(h) for h in re.findall(r'height="(\d+)"><title>', chart)]
    assert heights == [15, 60, 1]  # the busiest quarter full height; an empty one a thin line
    assert chart.count("<text") == 2  # the first bar's year, and each new year's first quarter
    assert activity_chart([((2026, 1), 0)], "Nobody") is None


def test_the_most_active_are_counted_in_the_last_three_months_busiest_first_then_by_name():
    themes = {i: Theme(i, name) for i, name in (("b", "Beta"), ("a", "alpha"), ("c", "Gamma"), ("d", "Delta"))}
    network = Network(Directory(themes=themes))
    today = date(2026, 11, 30)
    recent, old = doc(date(2026, 11, 1)), doc(date(2026, 8, 1))
    network.documents_of = {Entity("theme", "b"): [recent, recent], Entity("theme", "a"): [recent, recent, old],
                            Entity("theme", "c"): [recent], Entity("theme", "d"): [old],
                            Entity("person", "p"): [recent, recent, recent]}
    assert [(t.name, n) for t, n in most_active(network, "theme", today)] == [("alpha", 2), ("Beta", 2), ("Gamma", 1)]
    assert [t.name for t, _ in most_active(network, "theme", today, limit=1)] == ["alpha"]
