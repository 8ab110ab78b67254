"""Connects the newsletter to Pelican: notes checked with the content, issues written with the site."""

from __future__ import annotations

import os
import re
import time
from datetime import datetime
from functools import partial
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import css_inline
from markupsafe import Markup
from network import build as builds
from network.errors import ContentError, did_you_mean, did_you_mean_hint, known_keys
from network.generator import NetworkGenerator
from network.logo import png_of, png_size, read_logo
from network.pages import Files, Page
from network.contentfiles import is_document
from network.reader import display_path, read_markdown
from network.withholding import Withholder, warn_withheld
from network.urls import NEWSLETTER_FEED, absolute, public_siteurl, unsubscribe_link, unsubscribe_outside_the_service

from . import views
from .feed import FeedPlace, body_of, feed_item, finished_issues, newsletter_rss
from .issues import PERIODS, Note, period_key, select_issues
from .links import with_campaign
from .message import build_message, message_bytes
from .plaintext import render_text

NOTE_KEYS = ("title", "preheader", "lead")
_KEY = {"month": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"), "quarter": re.compile(r"^\d{4}-q[1-4]$")}


def load_notes(network, generators, problems) -> None:
    """Read content/newsletters/*.md once, with the rest of the content, so mistakes stop the build."""
    settings = generators[0].settings
    context = generators[0].context
    period = settings["NEWSLETTER_PERIOD"]
    if period not in PERIODS:
        problems.error("pelicanconf.py", f"NEWSLETTER_PERIOD is '{period}'.", key="NEWSLETTER_PERIOD",
                       hint="Use 'month' or 'quarter'.")
        period = "month"
    folder = os.path.join(settings["PATH"], settings["NEWSLETTER_NOTES_PATH"])
    names = network.directory.names
    by_period: dict[str, list[str]] = {}
    for document in network.documents:
        by_period.setdefault(period_key(document.date, period), []).append(
            document.stem)
    notes = {}
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not is_document(name):  # anything else there is reported with the content folder
            continue
        full = os.path.join(folder, name)
        key = name.rsplit(".", 1)[0]
        if not _KEY[period].match(key):
            example = "2025-09" if period == "month" else "2025-q3"
            problems.error(display_path(full), f"'{name}' is not named after a {period}.",
                           hint=f"Name an editor's note after its issue, such as {example}.md.")
            continue
        if key in notes:
            problems.error(display_path(full), f"there is already an editor's note for {key} ({notes[key].path}).",
                           hint="Keep one note per issue: merge the two files.")
            continue
        try:
            read = read_markdown(full, settings)  # as a document is read: cleaned and sanitised
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        notes[key] = _note(key, read, full, by_period, settings, names, problems)
    context["newsletter_notes"] = notes
    context["newsletter_period"] = period


def _lead_of(front, key: str, by_period: dict, path: str, problems) -> list[str]:
    """The note's lead documents (file names without .md), each checked to be of its issue."""
    if key not in by_period:
        problems.warning(path, f"nothing was published in {key}, so this note has no issue to go with.",
                         hint="Rename the file after a month with documents, or publish one that month.")
    lead = front.get("lead") or []
    lead = [str(item) for item in (lead if isinstance(lead, list) else [lead])]
    available = by_period.get(key, [])
    for item in lead:
        if item.removesuffix(".md") not in available:
            close = did_you_mean(item, available)
            problems.error(path, f"the lead document '{item}' is not published in {key}.",
                           line=front.line_of("lead"), key="lead",
                           hint=did_you_mean_hint(close, "Name documents of this issue by their file name, "
                                                  "without .md."))
    return [item.removesuffix(".md") for item in lead]


def _note(key: str, read, full: str, by_period: dict, settings, names, problems) -> Note:
    """An editor's note: its keys checked, its lead documents found, private names withheld."""
    front, path = read.front_matter, read.path
    problems.extend(read.problems)  # HTML removed from the body, as for a document
    for field in front:
        if field not in NOTE_KEYS:
            close = did_you_mean(field, NOTE_KEYS)
            problems.error(path, f"unknown key '{field}'.", line=front.line_of(field), key=field,
                           hint=did_you_mean_hint(close) or known_keys(NOTE_KEYS))
    lead = _lead_of(front, key, by_period, path, problems)
    hide = Withholder(names, settings["PRIVATE_NAME_REPLACEMENT"])
    title, preheader = (hide(str(front.get(field) or ""), markup=False) for field in ("title", "preheader"))
    intro = hide(read.html)
    if hide.replaced:
        warn_withheld(problems, path, full, hide)
    return Note(key, path, title, preheader, intro, lead)


#: The site's logo drawn as a PNG for the e-mail (mail clients show no SVG), twice the size it
#: is shown at, for sharp high-density screens.
LOGO_PNG = "newsletter/logo.png"


def _logo_png(svg: bytes, shown_width: int) -> tuple[Files, dict]:
    """The e-mail's logo, and the size it is shown at."""
    width, height = png_size(png_of(svg, 16))
    shown = {"width": shown_width, "height": round(height * shown_width / width)}
    return Files((LOGO_PNG,), ("newsletter logo", svg, shown), lambda: {LOGO_PNG: png_of(svg, 2 * shown_width)}), shown


class NewsletterGenerator(NetworkGenerator):
    """Writes /newsletter/, its RSS feed (newsletter/feed.xml) and, per issue, the web version,
    email.html, email.txt and email.eml."""

    stage = "newsletter: issues, inlining, text, .eml"

    def describe(self, network):
        if "newsletter_notes" not in self.context:
            return
        settings = self.settings
        site = public_siteurl(settings)
        zone = ZoneInfo(settings["TIMEZONE"])
        now = datetime.now(zone)
        issues = select_issues(
            network, period=self.context["newsletter_period"], zone=zone, now=now, sitename=settings["SITENAME"],
            categories=list(settings["CATEGORY_BY_FOLDER"].values()), notes=self.context["newsletter_notes"],
            limit=settings["NEWSLETTER_MAX_DOCUMENTS"])
        logo_png, logo = _logo_png(read_logo(settings), min(settings["NEWSLETTER_LOGO_WIDTH"], 600))
        yield logo_png
        inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
        place = FeedPlace(site, urlparse(site).hostname or "localhost")
        values_of = {}
        for issue in issues:
            folder = f"newsletter/{issue.key}/"
            values = values_of[issue.key] = self._issue_values(issue, network, folder, site, logo)
            # An issue's four files are made from the same documents and notes.
            inputs = ("newsletter issue", folder, values)
            yield Files(tuple(f"{folder}{name}" for name in ("email.html", "email.txt", "email.eml")), inputs,
                        partial(self._emails, issue, values, inliner, now, place.domain))
            yield Page(f"{folder}index.html", "newsletter", {"issue": issue, "view": values["view"]}, inputs=inputs)
        in_feed = [(issue, values_of[issue.key])
                   for issue in finished_issues(issues, now, settings["NEWSLETTER_FEED_ITEMS"])]
        # The feed shows its issues' e-mails: it changes when one of them does, or when one more is finished.
        yield Files((NEWSLETTER_FEED,), ("newsletter feed", place, [values for _, values in in_feed]),
                    partial(self._feed, in_feed, inliner, now, place))
        yield Page("newsletter/index.html", "newsletters", {"issues": issues, "feed_url": NEWSLETTER_FEED})

    def _issue_values(self, issue, network, folder: str, site: str, logo: dict) -> dict:
        """What an issue's e-mail, text and page show: its view, and every link absolute."""
        settings = self.settings

        def link(url):
            return with_campaign(url, site, settings["NEWSLETTER_UTM"], issue.key)

        view = views.IssueView(
            lead=[views.entry(d, network, link(f"{site}/{d.url}")) for d in issue.lead],
            sections=[(c, [views.entry(d, network, link(f"{site}/{d.url}")) for d in docs])
                      for c, docs in issue.sections],
            upcoming=[views.meeting_line(u, network) for u in issue.upcoming],
        )
        issue.intro_html = Markup(absolute(issue.intro_html, folder, site))  # ours: sanitised when read
        links = {
            "web": link(f"{site}/{folder}"), "site": link(f"{site}/"), "meetings": link(f"{site}/meetings/"),
            "actions": link(f"{site}/actions/"), "unsubscribe": unsubscribe_link(settings["NEWSLETTER_UNSUBSCRIBE"]),
            "logo": f"{site}/{LOGO_PNG}",
        }
        return {"issue": issue, "view": view, "links": links, "logo": logo}

    def _inlined(self, values, inliner) -> str:
        """An issue's e-mail as HTML, its CSS inlined."""
        html = self.get_template("email/issue").render({**self.context, **values})
        started = time.perf_counter()
        html = inliner.inline(html)
        builds.of(self.settings).stages.record_max("newsletter: slowest inlining of one issue",
                                                   time.perf_counter() - started)
        return html

    def _feed(self, in_feed, inliner, now, place) -> dict[str, bytes]:
        """The newsletter's RSS feed: each issue's e-mail, without the hidden preheader (a feed
        reader would show it) and without a service's unsubscribe placeholder, which no service
        fills in inside a feed's item; each service adds its own unsubscribe link (README)."""
        settings = self.settings
        unsubscribe = unsubscribe_outside_the_service(unsubscribe_link(settings["NEWSLETTER_UNSUBSCRIBE"]))
        items = []
        for issue, values in in_feed:
            copy = {**values, "in_feed": True, "links": {**values["links"], "unsubscribe": unsubscribe}}
            content = body_of(self._inlined(copy, inliner))
            items.append(feed_item(issue, place, f"newsletter/{issue.key}/", content, now))
        rss = newsletter_rss(place, NEWSLETTER_FEED, "newsletter/", language=settings["DEFAULT_LANG"],
                             title=f"{settings['SITENAME']} newsletter", items=items)
        return {NEWSLETTER_FEED: rss}

    def _emails(self, issue, values, inliner, now, domain) -> dict[str, bytes]:
        """An issue's e-mail as HTML (its CSS inlined), as text, and as a whole message."""
        settings, links = self.settings, values["links"]
        html = self._inlined(values, inliner)
        text = render_text(issue, values["view"], sitename=settings["SITENAME"], web_url=links["web"],
                           actions_url=links["actions"], meetings_url=links["meetings"],
                           site_url=links["site"], unsubscribe=links["unsubscribe"],
                           footer=settings["NEWSLETTER_FOOTER"])
        message = build_message(subject=issue.title, sender=settings["NEWSLETTER_FROM"],
                                to=settings["NEWSLETTER_TO"], text=text, html=html, unsubscribe=links["unsubscribe"],
                                reply_to=settings["NEWSLETTER_REPLY_TO"], issue_key=issue.key,
                                date=issue.sent_at(now),
                                domain=domain, list_name=f"{settings['SITENAME']} newsletter")
        folder = f"newsletter/{issue.key}/"
        return {f"{folder}email.html": html.encode(), f"{folder}email.txt": text.encode(),
                f"{folder}email.eml": message_bytes(message)}


def register():
    NewsletterGenerator.register()
