"""The site's time zone as a calendar describes it: a VTIMEZONE in rule form. Pure.

A calendar whose times carry a TZID must describe that zone. Written as a list of every change
date (what icalendar's ``add_missing_timezones`` gives: one RDATE per change up to 2037), some
readers (vobject, and the clients built on it) read winter times an hour wrong. Written as one
yearly rule per season ("the last Sunday of October, at 02:00"), as tzurl.org and the big
clients write it, every reader agrees. icalendar (7.3) writes only the list form, so the rule is
worked out here from zoneinfo: the year's changes are found and each is named as the nth (or
last) weekday of its month, checked against every year the calendar covers. A zone whose changes
follow no such rule (or that changed its rules in those years) falls back to icalendar's list,
limited to those years.
"""

from __future__ import annotations

import calendar as monthdays
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
#: Where the rule form starts, as tzurl.org and most clients write it: before anything a
#: calendar holds, so every event falls under one of the rules.
RULES_FROM = 1970


@dataclass(frozen=True)
class Change:
    """One change of a zone's offset: when (UTC), from which offset to which, its new name."""

    at: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str

    @property
    def wall_time(self) -> datetime:
        """The local time the clocks showed when they changed (what DTSTART and RRULE mean)."""
        return (self.at + self.offset_from).replace(tzinfo=None)


@dataclass(frozen=True)
class Rule:
    """A yearly change: the ``ordinal`` (1 to 4, or -1 for the last) ``weekday`` of ``month``."""

    daylight: bool
    month: int
    weekday: int  # Monday is 0
    ordinal: int
    at: tuple[int, int]  # hour and minute, local time before the change
    offset_from: timedelta
    offset_to: timedelta
    name: str

    @property
    def byday(self) -> str:
        return f"{self.ordinal}{_WEEKDAYS[self.weekday]}"

    def day_in(self, year: int) -> datetime:
        """The local time of this change in ``year``."""
        days = monthdays.monthrange(year, self.month)[1]
        matching = [d for d in range(1, days + 1) if datetime(year, self.month, d).weekday() == self.weekday]
        day = matching[self.ordinal - 1] if self.ordinal > 0 else matching[-1]
        return datetime(year, self.month, day, *self.at)


def changes_in(zone: ZoneInfo, year: int) -> list[Change]:
    """Every change of the zone's offset in ``year``: day by day, then to the hour, then the minute."""
    found = []
    day = datetime(year, 1, 1, tzinfo=timezone.utc)
    offset = day.astimezone(zone).utcoffset()
    while day.year == year:
        following = day + timedelta(days=1)
        if following.astimezone(zone).utcoffset() != offset:
            at = _first_moment(zone, day, offset, timedelta(hours=1))
            at = _first_moment(zone, at - timedelta(hours=1), offset, timedelta(minutes=1))
            local = at.astimezone(zone)
            found.append(Change(at, offset, local.utcoffset(), local.tzname() or ""))
            offset = local.utcoffset()
        day = following
    return found


def _first_moment(zone: ZoneInfo, start: datetime, offset: timedelta, step: timedelta) -> datetime:
    """The first moment after ``start``, in steps of ``step``, whose offset is not ``offset``."""
    moment = start + step
    while moment.astimezone(zone).utcoffset() == offset:
        moment += step
    return moment


def rule_candidates(change: Change, daylight: bool) -> list[Rule]:
    """The rules a change fits: the last weekday of its month (tried first) and the nth."""
    wall = change.wall_time
    days = monthdays.monthrange(wall.year, wall.month)[1]
    ordinals = ([-1] if wall.day + 7 > days else []) + ([(wall.day - 1) // 7 + 1] if wall.day <= 28 else [])
    return [Rule(daylight, wall.month, wall.weekday(), ordinal, (wall.hour, wall.minute),
                 change.offset_from, change.offset_to, change.name) for ordinal in ordinals]


def yearly_rules(zone: ZoneInfo, years: range) -> list[Rule] | None:
    """The zone's two yearly rules (standard, then daylight) if they hold in every one of
    ``years``; [] for a zone that never changes in them; None when no such rules fit."""
    per_year = {year: changes_in(zone, year) for year in years}
    if not any(per_year.values()):
        return []
    first = per_year[years[0]]
    if any(len(changes) != 2 for changes in per_year.values()):
        return None
    rules = []
    for index, change in enumerate(first):
        # The season with the larger offset is the daylight one, as readers take it (zoneinfo's
        # own flag differs for Dublin, whose law calls summer time standard).
        daylight = change.offset_to > change.offset_from
        fitting = [rule for rule in rule_candidates(change, daylight)
                   if all(rule.day_in(year) == per_year[year][index].wall_time
                          and per_year[year][index].offset_to == rule.offset_to for year in years)]
        if not fitting:
            return None
        rules.append(fitting[0])
    return sorted(rules, key=lambda rule: rule.daylight)


def vtimezone(zone_name: str, years: range):
    """The VTIMEZONE of ``zone_name`` for events in ``years``: in rule form when the zone
    follows yearly rules in those years, else icalendar's list of changes in them."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = ZoneInfo(zone_name)
    rules = yearly_rules(zone, years)
    if rules is None:
        first, last = datetime(years[0], 1, 1), datetime(years[-1] + 1, 1, 1)
        return Timezone.from_tzinfo(zone, zone_name, first.date(), last.date())
    component = Timezone()
    component.add("tzid", zone_name)
    if not rules:
        offset = datetime(years[0], 7, 1, tzinfo=timezone.utc).astimezone(zone)
        standard = TimezoneStandard()
        standard.add("dtstart", datetime(RULES_FROM, 1, 1))
        standard.add("tzoffsetfrom", offset.utcoffset())
        standard.add("tzoffsetto", offset.utcoffset())
        standard.add("tzname", offset.tzname() or zone_name)
        component.add_component(standard)
        return component
    for rule in rules:
        part = TimezoneDaylight() if rule.daylight else TimezoneStandard()
        part.add("dtstart", rule.day_in(RULES_FROM))
        part.add("rrule", {"freq": "yearly", "bymonth": rule.month, "byday": rule.byday})
        part.add("tzoffsetfrom", rule.offset_from)
        part.add("tzoffsetto", rule.offset_to)
        part.add("tzname", rule.name)
        component.add_component(part)
    return component
