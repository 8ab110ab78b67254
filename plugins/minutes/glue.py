"""Connects actions, meetings and the calendar to Pelican."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import partial
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

from network.build import memo_path, write_whole, site_today
from network.generator import NetworkGenerator
from network.listings import ENTRIES_PER_PAGE, LATEST_SHOWN
from network.pages import Files, Page
from network.urls import calendar_url, from_rooted, page_base, public_siteurl

from . import views
from .actions import DONE, DROPPED, annotate, find_actions, number_actions
from .events import by_body, calendar_events, with_history
from .meetingpages import recent_by_body, year_parts
from .ics import calendar_file
from .meetings import body_name, meetings_by_body, meetings_by_person, next_meetings
from .register import ActionRegister, Owners
from .registerpages import ActionPages
from .timezones import vtimezone


def _minutes(generators):
    for generator in generators:
        for content in getattr(generator, "articles", []) or []:
            document = getattr(content, "doc", None)
            if document is not None and document.meeting is not None:
                yield content


def _source_line(path: str, words: str) -> int | None:
    """The line of a source file where ``words`` were typed (only when a problem is reported)."""
    needle = words.strip()[:40]
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                if needle and needle in line:
                    return number
    except OSError:
        return None
    return None


def collect_actions(network, generators, problems) -> None:
    """Every action of every meeting and every report on one; meetings by person and body."""
    settings = generators[0].settings
    owners = Owners(network, problems, settings["PRIVATE_NAME_REPLACEMENT"])
    register = ActionRegister(owners, problems, settings["SITEURL"])
    contents = sorted(_minutes(generators), key=lambda c: c.doc.date)  # oldest first
    found = {}
    for content in contents:
        document, line_of = content.doc, partial(_source_line, content.source_path)
        actions, references = find_actions(document.body)
        numbers = number_actions(actions)
        register.add_meeting(document, actions, numbers, line_of)
        found[id(content)] = (actions, numbers, register.match(document, references, line_of))
    _annotate(contents, found, settings)
    network.actions.extend(register.actions)
    network.actions_of.update(register.by_owner())
    zone = ZoneInfo(settings["TIMEZONE"])
    network.meetings_of = meetings_by_person(network)
    network.meetings_by_body.update(meetings_by_body(network))
    network.upcoming = next_meetings(network, zone)
    context = generators[0].context
    # Where each action's row is in the register's year pages (the minutes pages link to theirs).
    action_pages = context["action_pages"] = ActionPages(network, settings.get("LIST_PAGE_SIZE", ENTRIES_PER_PAGE))
    for content in contents:
        content.meeting_header = views.meeting_header(content.doc, network,
                                                      action_pages.first_row_url(content.doc.actions))
    # In the context every template shares (the home page shows them too).
    context["meetings_overview"] = views.overview(network, datetime.now(zone))
    context["coming_up"] = context["meetings_overview"]["upcoming"]
    context["open_actions"] = sum(action.status == "open" for action in network.actions)


def _annotate(contents, found, settings):
    for content in contents:
        actions, numbers, targets = found[id(content)]
        base = page_base(settings, content.doc.save_as)
        badges = []
        for action, number, item in zip(actions, numbers, content.doc.actions):
            closed = item.closed_by
            if closed is None:
                badge = '<span class="action-status action-open">Open</span>'
            else:
                label = "Done" if closed.status == DONE else "Dropped" if closed.status == DROPPED else "Closed"
                badge = (f'<a class="action-status action-{escape(closed.status)}" '
                         f'href="{escape(f"{base}/{closed.document.url}")}">'
                         f'{label}, {closed.document.date:%-d %B %Y}</a>')
            badges.append((action, number, badge))
        links = []
        for reference, target in targets:
            link = ""
            if target is not None:
                href = escape(f"{base}/{target.document.url}#{target.anchor}")
                link = (f'<a class="action-origin" href="{href}">'
                        f'Action {target.number} of {target.document.date:%-d %B %Y}</a>')
            links.append((reference, link))
        content.doc.body = annotate(content.doc.body, badges, links)


def rooted_html(fragment: str, base: str) -> Markup:
    """The ``rooted`` filter: an action's HTML (a piece of its sanitised, linked minutes) with
    its links written for the page showing it; Markup, so the template keeps it as HTML."""
    return Markup(from_rooted(fragment, base))


class MinutesPagesGenerator(NetworkGenerator):
    """Writes /actions/ and its year pages, /meetings/ and its year pages, /meetings.ics and each
    body's calendar (/meetings/<body>.ics)."""

    stage = "minutes: writing register, meetings, calendar"
    template_globals = {"role_label": views.role_label, "calendar_url": calendar_url}
    template_filters = {"rooted": rooted_html}

    def describe(self, network):
        settings = self.settings
        overview = self.context["meetings_overview"]
        latest = settings.get("LIST_LATEST", LATEST_SHOWN)
        action_pages = self.context["action_pages"]
        yield Page("actions/index.html", "actions", {"summary": action_pages.summary(latest)})
        for part in action_pages.year_parts():
            yield Page(part.part.save_as, "actions_year", {"register_part": part})
        yield Page("meetings/index.html", "meetings", {
            "overview": overview, "past": recent_by_body(network, site_today(settings), latest)})
        for part in year_parts(network, settings.get("LIST_PAGE_SIZE", ENTRIES_PER_PAGE)):
            yield Page(part.part.save_as, "meetings_year", {"meetings_part": part})
        yield from calendars(network, settings)


def _read_memo(path: str | None) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            found = json.load(handle)
        return found if isinstance(found, dict) else {}
    except (OSError, TypeError, ValueError):  # none yet (or no cache), or cut short: nothing seen
        return {}


def calendars(network, settings):
    """/meetings.ics and one calendar per body with minutes (/meetings/<body>.ics); the memo of
    the start last published under each UID kept for the next build (see minutes.events)."""
    # The public address, even in a preview: a subscriber's calendar must link to the site
    # online, and the UIDs (named after its domain) must not change between builds.
    siteurl = public_siteurl(settings)
    today = site_today(settings)
    events = calendar_events(network, ZoneInfo(settings["TIMEZONE"]), today)
    memo = memo_path(settings, "calendar-starts.json")
    events, keep = with_history(events, _read_memo(memo), datetime.now(timezone.utc).replace(microsecond=0))
    if memo:
        write_whole(memo, json.dumps(keep, sort_keys=True).encode())
    site, zones = settings["SITENAME"], {}

    def vtimezone_once(zone, years):  # worked out once per build, whichever calendars are made
        if (zone, years) not in zones:
            zones[zone, years] = vtimezone(zone, years)
        return zones[zone, years]

    def calendar(path, title, chosen):
        write = partial(calendar_file, chosen, partial(body_name, network), title=title, prodid=site,
                        domain=urlparse(siteurl).hostname or "localhost", site_url=siteurl.rstrip("/") + "/",
                        vtimezone=vtimezone_once, site_zone=(settings["TIMEZONE"], range(today.year, today.year + 1)))
        return Files((path,), ("calendar", path, title, siteurl, chosen), lambda: {path: write()})

    yield calendar(calendar_url(), f"{site}: meetings", events)
    for body, chosen in by_body(events, network.meetings_by_body).items():
        yield calendar(calendar_url(body), f"{site}: {body_name(network, body)} meetings", chosen)


def register():
    MinutesPagesGenerator.register()
