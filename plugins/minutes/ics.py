"""The calendar files: every body's meetings, and one body's. Pure.

RFC 5545 text written by icalendar (which escapes what a venue or a name may hold: quotes,
commas, semicolons, new lines); the time zone described in rule form (``timezones``). No
attendee is named: the calendar says when and where, the minutes say who.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from .events import CalendarEvent


def zones_used(events: list[CalendarEvent]) -> dict[str, range]:
    """The named zones the events' times are given in -> the years they span."""
    years: dict[str, list[int]] = {}
    for event in events:
        for moment in (event.starts, event.ends):
            if event.has_time and moment is not None and isinstance(moment.tzinfo, ZoneInfo):
                years.setdefault(moment.tzinfo.key, []).append(moment.year)
    return {zone: range(min(found), max(found) + 1) for zone, found in years.items()}


def event_text(event: CalendarEvent, site_url: str) -> str:
    minutes = f"{site_url}{event.minutes_url}"
    if event.held:
        return f"Minutes of the meeting: {minutes}"
    return f"Date set at the meeting of {event.minutes_date:%-d %B %Y}. Minutes: {minutes}"


def _component(event: CalendarEvent, body_name: str, domain: str, site_url: str):
    from icalendar import Event, vText

    component = Event()
    component.add("uid", f"{event.key}@{domain}")
    component.add("dtstamp", event.stamp or event.minutes_date)
    component.add("sequence", event.sequence)
    if event.has_time:
        component.add("dtstart", event.starts)
        if event.ends:
            component.add("dtend", event.ends)
    else:
        component.add("dtstart", event.starts.date())
    component.add("summary", f"{body_name} meeting")
    if event.venue:
        component.add("location", vText(event.venue))
    component.add("description", event_text(event, site_url))
    component.add("url", f"{site_url}{event.minutes_url}")
    return component


def calendar_file(events: list[CalendarEvent], body_name: Callable[[str], str], *, title: str, prodid: str,
                  domain: str, site_url: str, vtimezone: Callable[[str, range], object],
                  site_zone: tuple[str, range] | None = None) -> bytes:
    """The calendar of ``events`` named ``title``; ``body_name`` names a body, ``vtimezone``
    describes a zone for the years given (see ``timezones.vtimezone``), ``site_url`` ends in "/".
    A calendar without events still describes ``site_zone`` (zone, years): RFC 5545 wants at
    least one component, and a body whose meetings are all older than a year keeps its calendar."""
    from icalendar import Calendar  # here: a rebuild that reuses the calendar never loads it

    calendar = Calendar()
    calendar.add("prodid", f"-//{prodid}//Partnership publisher//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    zones = zones_used(events) or dict([site_zone] if site_zone else [])
    for zone, years in sorted(zones.items()):
        calendar.add_component(vtimezone(zone, years))
    for event in events:
        calendar.add_component(_component(event, body_name(event.body), domain, site_url))
    return calendar.to_ical()

