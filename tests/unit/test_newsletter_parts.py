"""The newsletter's pure parts: links, periods, issue selection, plain text."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from network.model import Directory, Document, Network, Theme
from newsletter.issues import Note, period_bounds, period_key, select_issues
from network.urls import unsubscribe_link
from newsletter.links import with_campaign
from newsletter.plaintext import WIDTH, html_to_paragraphs, render_text
from newsletter.views import IssueView, entry

LONDON = ZoneInfo("Europe/London")
SITE = "https://cvmp.example.org"


def test_campaign_parameters_only_on_links_into_the_site():
    utm = {"utm_source": "newsletter", "utm_campaign": "{issue}"}
    assert with_campaign(f"{SITE}/updates/x/", SITE, utm, "2025-09") == \
        f"{SITE}/updates/x/?utm_source=newsletter&utm_campaign=2025-09"
    assert with_campaign("https://elsewhere.org/x", SITE, utm, "2025-09") == "https://elsewhere.org/x"
    assert with_campaign(f"{SITE}/x/", SITE, None, "2025-09") == f"{SITE}/x/"


def test_unsubscribe_profiles():
    assert unsubscribe_link("mailchimp") == "*|UNSUB|*"
    assert unsubscribe_link("Listmonk") == "{{ UnsubscribeURL }}"
    assert unsubscribe_link("buttondown") == "{{ unsubscribe_url }}"
    assert unsubscribe_link("https://lists.example.org/u") == "https://lists.example.org/u"


def test_periods():
    when = datetime(2025, 11, 3, tzinfo=LONDON)
    assert period_key(when, "month") == "2025-11" and period_key(when, "quarter") == "2025-q4"
    start, end = period_bounds("2025-q4", LONDON)
    assert (start.month, end.year, end.month) == (10, 2026, 1)
    start, end = period_bounds("2025-12", LONDON)
    assert (start.day, end.year, end.month) == (1, 2026, 1)


def document(day, category, title, themes=()):
    return Document(path=f"content/x/{title}.md", title=title, date=datetime(2025, 9, day, tzinfo=LONDON),
                    category=category, url=f"x/{title.lower().replace(' ', '-').strip('-')}/", key=f"x/{title}.md", summary=f"<p>About {title}.</p>",
                    themes=list(themes))


def network(*documents):
    result = Network(Directory(themes={"housing": Theme("housing", "Housing")}))
    for doc in sorted(documents, key=lambda d: d.date, reverse=True):
        result.add(doc)
    return result


def test_issue_selection_lead_limit_and_notes():
    docs = [document(d, c, f"doc-{d}") for d, c in ((2, "Updates"), (5, "Minutes"), (9, "Briefings"),
                                                     (20, "Updates"), (25, "Minutes"))]
    net = network(*docs)
    now = datetime(2026, 1, 1, tzinfo=LONDON)
    common = dict(period="month", zone=LONDON, now=now, sitename="CVMP", categories=["Updates", "Briefings", "Minutes"])
    (issue,) = select_issues(net, notes={}, limit=25, **common)
    assert [d.title for d in issue.lead] == ["doc-20"]  # the month's newest update leads
    assert [(c, [d.title for d in ds]) for c, ds in issue.sections] == [
        ("Updates", ["doc-2"]), ("Briefings", ["doc-9"]), ("Minutes", ["doc-25", "doc-5"])]
    assert issue.title == "CVMP: September 2025" and "5 new documents" in issue.preheader
    note = Note("2025-09", "n.md", "Autumn news", "Short line", "<p>Hello</p>", ["doc-9"])
    (issue,) = select_issues(net, notes={"2025-09": note}, limit=3, **common)
    assert [d.title for d in issue.lead] == ["doc-9"] and issue.title == "Autumn news"
    assert len(issue.documents) == 3 and issue.more == 2


def test_plain_text_wraps_and_writes_links_out():
    assert html_to_paragraphs('<p>See <a href="https://x.org/a">the report</a>.</p><ul><li>One</li></ul>') == [
        "See the report (https://x.org/a).", "- One"]
    net = network(document(3, "Updates", "A " + "very long title " * 8, ["housing"]))
    now = datetime(2026, 1, 1, tzinfo=LONDON)
    (issue,) = select_issues(net, period="month", zone=LONDON, now=now, sitename="CVMP", categories=["Updates"],
                             notes={}, limit=25)
    view = IssueView([entry(d, net, f"{SITE}/{d.url}") for d in issue.lead], [], [])
    text = render_text(issue, view, sitename="CVMP", web_url=f"{SITE}/newsletter/2025-09/",
                       actions_url=f"{SITE}/actions/", meetings_url=f"{SITE}/meetings/", site_url=f"{SITE}/",
                       unsubscribe="*|UNSUB|*", footer="Why you get this.")
    assert all(len(line) <= WIDTH or re.fullmatch(r"https://\S+", line) for line in text.splitlines())
    assert any(len(line) > WIDTH for line in text.splitlines()), "the long address stands on its own line"
    assert f"{SITE}/{issue.lead[0].url}" in text and "Housing" in text and "About A very long" in text
