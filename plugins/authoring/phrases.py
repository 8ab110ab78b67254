"""Dates, times and labels as officers type them in Word: "Wednesday 11th November 2026",
"11/11/2026", "2.00pm – 4pm", "Venue: Wellgate House". Pure: text in, plain values out.

British usage: a date written with slashes is day/month/year.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, time
from typing import NamedTuple

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WRITTEN_DATE = re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_US_ORDER_DATE = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+{_DAY},?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b")
_ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?\s*", re.IGNORECASE)
# 14:00, 2.30pm, 2pm, 10 am; never the "4.1" of a paragraph number (a time needs two digits of
# minutes, or am/pm).
_TIME = re.compile(r"(?<![\d.:])(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap]\.?m\.?)?(?![\d:])",
                   re.IGNORECASE)
_RANGE_DASH = re.compile(r"^\s*(?:-|–|—|to|until)\s*$", re.IGNORECASE)
UNDECIDED = re.compile(r"\b(?:to be (?:confirmed|arranged|agreed|decided|set)|tbc|tba)\b", re.IGNORECASE)


class Found(NamedTuple):
    """A value found in a text, and where it was (to take it out of the rest)."""

    value: object
    start: int
    end: int


def find_date(text: str) -> Found | None:
    """The first full date in ``text`` (with the weekday before it, if any, in the span)."""
    best = None
    for pattern in (_WRITTEN_DATE, _US_ORDER_DATE, _NUMERIC_DATE, _ISO_DATE):
        for match in pattern.finditer(text):
            value = _date_of(match)
            if value and (best is None or match.start() < best.start):
                best = Found(value, match.start(), match.end())
                break
    if best is None:
        return None
    weekday = [m for m in _WEEKDAY.finditer(text[:best.start]) if m.end() == best.start]
    return Found(best.value, weekday[0].start(), best.end) if weekday else best


def _date_of(match: re.Match) -> date | None:
    month = match.group("month")
    month = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    year = int(match.group("year"))
    year = year + 2000 if year < 100 else year
    try:
        return date(year, month, int(match.group("day")))
    except (TypeError, ValueError):
        return None


def find_month(text: str) -> Found | None:
    """A month and year ("November 2026") as the first day of that month."""
    match = _MONTH_YEAR.search(text)
    if not match:
        return None
    return Found(date(int(match.group("year")), MONTHS[match.group("month").lower().rstrip(".")], 1),
                 match.start(), match.end())


def find_times(text: str) -> list[Found]:
    """Every time of day in ``text``, in order ("14:00", "2pm", "2.30 p.m.")."""
    found = []
    for match in _TIME.finditer(text):
        if match.group("minute") is None and match.group("half") is None:
            continue  # a bare number is not a time
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        half = (match.group("half") or "").lower().replace(".", "")
        if half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            found.append(Found(time(hour, minute), match.start(), match.end()))
    return found


def start_and_end(text: str) -> tuple[Found | None, Found | None]:
    """The start time and, for a range ("14:00 – 16:00", "2pm to 4pm"), the end time."""
    times = find_times(text)
    if not times:
        return None, None
    if len(times) > 1 and _RANGE_DASH.match(text[times[0].end:times[1].start]):
        return times[0], times[1]
    return times[0], None


def when(text: str) -> datetime | None:
    """A date with its time, or the date alone at midnight."""
    day = find_date(text)
    if day is None:
        return None
    start, _ = start_and_end(text)
    return datetime.combine(day.value, start.value if start else time(0, 0))


def without(text: str, spans: list[Found | None]) -> str:
    """``text`` with the spans taken out, and the commas and dashes left around them tidied."""
    kept, position = [], 0
    for span in sorted((s for s in spans if s), key=lambda s: s.start):
        kept.append(text[position:span.start])
        position = max(position, span.end)
    kept.append(text[position:])
    joined = "".join(kept)
    joined = re.sub(r"\s*(?:-|–|—|\bto\b|\bat\b|\bfrom\b)\s*(?=,|$)", "", joined)  # a dash left alone
    parts = [part.strip(" .;:–—-") for part in re.split(r"[,;]|\s[–—-]\s", joined)]
    return ", ".join(part for part in parts if part)


def label(text: str, labels: tuple[str, ...]) -> str | None:
    """What follows "Label:" when ``text`` starts with one of ``labels`` (any case)."""
    pattern = "|".join(re.escape(word) for word in sorted(labels, key=len, reverse=True))
    match = re.match(rf"^\s*(?:{pattern})\s*[:\-–—]\s*(?P<rest>.*)$", text, re.IGNORECASE | re.DOTALL)
    return match.group("rest").strip() if match else None
