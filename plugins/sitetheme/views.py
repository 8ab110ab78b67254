"""Small pure helpers that shape data for the templates, so templates hold no logic."""

from __future__ import annotations

import calendar
from itertools import groupby


def archive_by_month(documents):
    """[(year, [(month, [documents...]), ...]), ...] in the order given (newest first)."""
    years = []
    for year, in_year in groupby(documents, key=lambda d: d.date.year):
        months = [(month, list(items)) for month, items in groupby(in_year, key=lambda d: d.date.month)]
        years.append((year, months))
    return years


def period_label(period_num) -> str:
    """(2025,) -> '2025'; (2025, 3) -> 'March 2025'; (2025, 3, 9) -> '9 March 2025'."""
    parts = list(period_num)
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{calendar.month_name[parts[1]]} {parts[0]}"
    return f"{parts[2]} {calendar.month_name[parts[1]]} {parts[0]}"


def author_name(ref, people) -> str:
    """The name to show for a document's author reference (a directory person or a guest)."""
    if ref is None:
        return ""
    if ref.person_id and ref.person_id in people:
        return people[ref.person_id].name
    return ref.text


def long_date(value) -> str:
    """14 March 2025"""
    return f"{value.day} {calendar.month_name[value.month]} {value.year}" if value else ""


def filesize(size: int) -> str:
    """1234567 -> '1.2 MB'"""
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size} GB"
