"""Connects actions, meetings and the calendar to Pelican."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape
from pelican import signals

from network.errors import did_you_mean
from network.generator import NetworkGenerator
from network.model import Action, ActionUpdate, Entity, Owner
from network.pages import Files, Page
from network.urls import from_rooted, page_base, to_rooted

from . import views
from .actions import DONE, DROPPED, GROUP_OWNERS, STATUS_WORDS, find_actions, number_actions
from .actions import annotate
from .meetings import calendar, meetings_by_person, next_meetings


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


class _Owners:
    """Resolves the words before ' to ' in an action to people or organisations, through the
    meeting's initials, ids and the name engine (so a name means here what it means in links)."""

    def __init__(self, network, problems, replacement: str):
        self.directory, self.problems, self.replacement = network.directory, problems, replacement
        self.public_names = [p.name for p in network.people.values() if p.public]

    def resolve(self, word: str, document, number: int, line) -> Owner:
        """``line``: a function giving the source line, read only when a problem is reported."""
        people, organisations, initials = self.directory.people, self.directory.organisations, document.initials
        if initials.get(word) is not None:
            return Owner(word, initials[word])
        if word in initials:  # shared, or a private person's: never resolved to anyone
            holders = sorted(r.person_id for r in document.meeting.attendees()
                             if r.person_id and people[r.person_id].initials == word)
            if len(holders) < 2:
                return Owner(word)
            return self._unresolved(word, document, number, line, "which are the initials of more than one "
                                    f"person at this meeting ({', '.join(holders)})",
                                    "Write the name of the one you mean.")
        if word in people and people[word].public:
            return Owner(people[word].name, Entity("person", word))
        if word in organisations:
            return Owner(organisations[word].name, Entity("organisation", word))
        found = self.directory.names.resolve(word, ("person", "organisation"))
        if found.entity is not None and not self.directory.names.is_private(found.entity):
            return Owner(word, found.entity)
        if found.entity is not None or word == self.replacement:
            return Owner(self.replacement)
        if found.ambiguous:
            both = " and ".join(f"{e.kind} '{e.id}'" for e in found.ambiguous)
            return self._unresolved(word, document, number, line,
                                    f"which is the name of more than one entry ({both})",
                                    "Write the id of the one you mean.")
        if word.casefold() in GROUP_OWNERS or "people" in self.directory.unread:
            return Owner(word)  # (without people.yml, one problem says so, not one per owner)
        usable = [letters for letters, person in initials.items() if person is not None]
        close = did_you_mean(word, usable + self.public_names)
        return self._unresolved(word, document, number, line, "who is not at this meeting or in the directory",
                                (f"Did you mean '{close}'? " if close else "")
                                + "Use the initials of someone in the meeting's lists, a name or an id.")

    def _unresolved(self, word, document, number, line, why, hint) -> Owner:
        self.problems.warning(document.path, f"Action {number} names the owner '{word}', {why}, so it is shown "
                              "as written.", line=line(), key="Action", hint=hint)
        return Owner(word)


def collect_actions(network, generators, problems) -> None:
    """Every action of every meeting and every report on one; meetings by person and body."""
    settings = generators[0].settings
    siteurl = settings["SITEURL"]
    owners = _Owners(network, problems, settings["PRIVATE_NAME_REPLACEMENT"])
    contents = sorted(_minutes(generators), key=lambda c: c.doc.date)  # oldest first
    found = {}
    by_key: dict = {}
    for content in contents:
        document = content.doc
        actions, references = find_actions(document.body)
        numbers = number_actions(actions)
        seen = set()
        for action, number in zip(actions, numbers):
            if number in seen:
                problems.warning(document.path, f"there are two actions numbered {number}.",
                                 line=_source_line(content.source_path, f"Action {number}"),
                                 hint="Number each action of a meeting once; the second keeps its number "
                                 "in the text but cannot be linked to.")
            seen.add(number)
            line = partial(_source_line, content.source_path, action.text[:30])
            resolved = [owners.resolve(word, document, number, line) for word in action.owner_words]
            item = Action(document, number, to_rooted(action.html, document.url, siteurl), action.text, resolved)
            document.actions.append(item)
            network.actions.append(item)
            by_key.setdefault((document.meeting.body, document.date.date(), number), item)
            by_key.setdefault((None, document.date.date(), number), item)
        targets = []
        for reference in references:
            target = by_key.get((document.meeting.body, reference.meeting_date, reference.number)) or \
                by_key.get((None, reference.meeting_date, reference.number))
            targets.append((reference, target))
            line = _source_line(content.source_path, f"Action {reference.number} ({reference.meeting_date}")
            if target is None:
                problems.warning(document.path, f"'Action {reference.number} ({reference.meeting_date})' matches no "
                                 "action of an earlier meeting.", line=line, key="Action",
                                 hint="The date in brackets is the date of the meeting that set the action; "
                                 "check it and the number.")
                continue
            if reference.status is None:
                problems.warning(document.path, f"'{reference.word}' is not a status for Action {reference.number} "
                                 f"({reference.meeting_date}); it stays open.", line=line, key="Action",
                                 hint="Start the report with one of: " + ", ".join(sorted(STATUS_WORDS)) + ".")
                continue
            target.updates.append(ActionUpdate(document, reference.word, reference.status, reference.note))
        found[id(content)] = (actions, numbers, targets)
    _annotate(contents, found, settings)
    for action in network.actions:
        for owner in action.owners:
            if owner.entity is not None:
                network.actions_of.setdefault(owner.entity, []).append(action)
    network.meetings_of = meetings_by_person(network)
    for document in network.documents:  # newest first
        if document.meeting is not None:
            network.meetings_by_body.setdefault(document.meeting.body, []).append(document)
    network.upcoming = next_meetings(network, ZoneInfo(settings["TIMEZONE"]))
    for content in contents:
        content.meeting_header = views.meeting_header(content.doc, network)
    # In the context every template shares (the home page shows them too).
    context = generators[0].context
    context["meetings_overview"] = views.overview(network, datetime.now(ZoneInfo(settings["TIMEZONE"])))
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


class MinutesPagesGenerator(NetworkGenerator):
    """Writes /actions/, /meetings/ and /meetings.ics."""

    stage = "minutes: writing register, meetings, calendar"

    def describe(self, network):
        settings = self.settings
        overview = self.context["meetings_overview"]
        yield Page("actions/index.html", "actions", {
            "register": views.register(network), "open_count": self.context["open_actions"],
            "total_count": len(network.actions)})
        yield Page("meetings/index.html", "meetings", {"overview": overview})
        siteurl = settings["SITEURL"] or "http://localhost"
        upcoming = [upcoming for upcoming, _ in overview["upcoming"]]

        def make():
            return {"meetings.ics": calendar(upcoming, network, name=settings["SITENAME"],
                                             domain=urlparse(siteurl).hostname or "localhost",
                                             page_url=siteurl.rstrip("/") + "/")}

        yield Files(("meetings.ics",), ("calendar", siteurl, upcoming), make)


def add_generator(pelican):
    return MinutesPagesGenerator


def rooted_html(fragment: str, base: str) -> Markup:
    """The ``rooted`` filter: an action's HTML (a piece of its sanitised, linked minutes) with
    its links written for the page showing it; Markup, so the template keeps it as HTML."""
    return Markup(from_rooted(fragment, base))


def add_template_helpers(pelican) -> None:
    pelican.settings.setdefault("JINJA_FILTERS", {})["rooted"] = rooted_html
    pelican.settings.setdefault("JINJA_GLOBALS", {})["role_label"] = views.role_label


def register():
    signals.get_generators.connect(add_generator)
    signals.initialized.connect(add_template_helpers)
