"""Connects actions, meetings and the calendar to Pelican."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

from network.build import site_today
from network.generator import NetworkGenerator
from network.listings import ENTRIES_PER_PAGE, LATEST_SHOWN
from network.pages import Files, Page
from network.urls import from_rooted, page_base

from . import views
from .actions import DONE, DROPPED, annotate, find_actions, number_actions
from .meetingpages import recent_by_body, year_parts
from .meetings import calendar, meetings_by_person, next_meetings
from .register import ActionRegister, Owners
from .registerpages import ActionPages


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
    for document in network.documents:  # newest first
        if document.meeting is not None:
            network.meetings_by_body.setdefault(document.meeting.body, []).append(document)
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
        base = page_base(settings, content.save_as)
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
    """Writes /actions/ and its year pages, /meetings/ and its year pages, and /meetings.ics."""

    stage = "minutes: writing register, meetings, calendar"
    template_globals = {"role_label": views.role_label}
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
        siteurl = settings["SITEURL"] or "http://localhost"
        upcoming = [upcoming for upcoming, _ in overview["upcoming"]]

        def make():
            return {"meetings.ics": calendar(upcoming, network, name=settings["SITENAME"],
                                             domain=urlparse(siteurl).hostname or "localhost",
                                             page_url=siteurl.rstrip("/") + "/")}

        yield Files(("meetings.ics",), ("calendar", siteurl, upcoming), make)


def register():
    MinutesPagesGenerator.register()
