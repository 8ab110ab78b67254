"""How active an entry has been lately: its documents per quarter, drawn as a small chart for its
page, and the themes most written about for the home page. Pure.

The chart is SVG made here (no JavaScript, no image file): every text in it is escaped, and a
screen reader hears one sentence that says what the bars show.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

from markupsafe import Markup

#: The chart shows the last three years, a bar per quarter, ending with the current one.
QUARTERS_SHOWN = 12
#: "Lately", for the home page.
RECENT_DAYS = 91
_BAR, _GAP, _HEIGHT, _LABEL = 20, 6, 60, 16


def _quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def last_quarters(today: date, count: int = QUARTERS_SHOWN) -> list[tuple[int, int]]:
    """The ``count`` quarters up to and including today's, oldest first."""
    year, quarter = _quarter(today)
    index = year * 4 + quarter - 1
    return [(i // 4, i % 4 + 1) for i in range(index - count + 1, index + 1)]


def documents_per_quarter(documents, today: date, count: int = QUARTERS_SHOWN) -> list[tuple[tuple[int, int], int]]:
    """((year, quarter), how many of ``documents`` are dated in it) for the last ``count`` quarters."""
    counts = {quarter: 0 for quarter in last_quarters(today, count)}
    for document in documents:
        quarter = _quarter(document.date.date())
        if quarter in counts:
            counts[quarter] += 1
    return list(counts.items())


def _label(quarter: tuple[int, int]) -> str:
    return f"{quarter[0]} Q{quarter[1]}"


def activity_chart(counts: list[tuple[tuple[int, int], int]], name: str) -> Markup | None:
    """A bar per quarter, years marked below; None when nothing is dated in those quarters."""
    total = sum(n for _, n in counts)
    if not total:
        return None
    busiest = max(counts, key=lambda item: item[1])
    summary = (f"Documents about {name} per quarter, {_label(counts[0][0])} to {_label(counts[-1][0])}: "
               f"{total} in all, most in {_label(busiest[0])} ({busiest[1]}).")
    width = len(counts) * (_BAR + _GAP)
    parts = [f'<svg class="activity-chart" viewBox="0 0 {width} {_HEIGHT + _LABEL}" role="img" '
             f'aria-label="{html.escape(summary)}" focusable="false">']
    for position, (quarter, count) in enumerate(counts):
        x = position * (_BAR + _GAP)
        tall = round(_HEIGHT * count / busiest[1]) if count else 1  # an empty quarter: a thin line
        parts.append(f'<rect x="{x}" y="{_HEIGHT - tall}" width="{_BAR}" height="{tall}">'
                     f'<title>{_label(quarter)}: {count}</title></rect>')
        if quarter[1] == 1 or position == 0:
            parts.append(f'<text x="{x}" y="{_HEIGHT + _LABEL - 3}">{quarter[0]}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def most_active(network, kind: str, today: date, limit: int = 5) -> list[tuple[object, int]]:
    """The entries of ``kind`` with the most documents in the last RECENT_DAYS days, busiest
    first (then by name), with their counts; entries with none are left out."""
    since = today - timedelta(days=RECENT_DAYS)
    found = []
    for entity, documents in network.documents_of.items():
        if entity.kind != kind:
            continue
        count = 0
        for document in documents:  # newest first: stop at the first older one
            if document.date.date() < since:
                break
            if document.date.date() <= today:
                count += 1
        item = network.entity(entity)
        if count and item is not None:
            found.append((item, count))
    return sorted(found, key=lambda pair: (-pair[1], pair[0].name.casefold()))[:limit]
