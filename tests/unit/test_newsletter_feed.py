"""The newsletter's feed items, made by hand from issues and read back with feedparser (newsletter.feed)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest

from newsletter.feed import FeedPlace, body_of, feed_item, finished_issues, newsletter_rss
from newsletter.issues import Issue, period_bounds
from network.urls import unsubscribe_link, unsubscribe_outside_the_service

LONDON = ZoneInfo("Europe/London")
PLACE = FeedPlace("https://net.example.org", "net.example.org")
NOW = datetime(2025, 7, 14, 9, 30, tzinfo=LONDON)


def _issue(key: str, preheader: str = "Three new documents", intro_html: str = "") -> Issue:
    start, end = period_bounds(key, LONDON)
    return Issue(key=key, label=key, start=start, end=end, title=f"News {key}", preheader=preheader,
                 intro_html=intro_html, lead=[], sections=[], more=0)


def test_only_finished_issues_newest_first_up_to_the_limit():
    issues = [_issue("2025-07"), _issue("2025-06"), _issue("2025-03"), _issue("2024-12")]  # newest first
    assert [i.key for i in finished_issues(issues, NOW, 10)] == ["2025-06", "2025-03", "2024-12"]
    assert [i.key for i in finished_issues(issues, NOW, 2)] == ["2025-06", "2025-03"]
    assert finished_issues(issues, NOW, 0) == []
    # At the first moment of August, July is over.
    assert finished_issues(issues, datetime(2025, 8, 1, tzinfo=LONDON), 1)[0].key == "2025-07"


@pytest.mark.parametrize("key, day", [("2024-01", (2024, 1, 31)), ("2025-06", (2025, 6, 30)),
                                      ("2024-q4", (2024, 12, 31))])
def test_an_item_is_dated_in_its_own_period_with_the_emails_id(key, day):
    item = feed_item(_issue(key), PLACE, f"newsletter/{key}/", "<table></table>", NOW)
    assert (item.published.year, item.published.month, item.published.day) == day
    assert item.published == item.updated and item.published.tzinfo is not None
    assert item.id == f"tag:net.example.org,{period_bounds(key, LONDON)[0]:%Y-%m-%d}:newsletter-{key}"
    assert item.url == f"https://net.example.org/newsletter/{key}/" and item.title == f"News {key}"


def test_the_current_issue_would_be_dated_now():
    assert feed_item(_issue("2025-07"), PLACE, "newsletter/2025-07/", "", NOW).published == NOW


def test_the_summary_is_the_editors_note_or_the_preheader_as_text():
    noted = feed_item(_issue("2025-06", intro_html='<p>Hello <a href="https://x.example/">all</a></p>'),
                      PLACE, "newsletter/2025-06/", "", NOW)
    assert noted.summary_html == '<p>Hello <a href="https://x.example/">all</a></p>'
    plain = feed_item(_issue("2025-06", preheader="Fish & chips <b>not bold</b>"), PLACE, "newsletter/2025-06/", "",
                      NOW)
    assert plain.summary_html == "<p>Fish &amp; chips &lt;b&gt;not bold&lt;/b&gt;</p>"


def test_the_body_of_an_email_without_its_document_around_it():
    document = '<!doctype html><html><head><style>@media x {}</style></head>\n<body class="body">\n' \
               '<table><tr><td><a href="https://a/">A body</a></td></tr></table>\n</body>\n</html>'
    assert body_of(document) == '<table><tr><td><a href="https://a/">A body</a></td></tr></table>'


def test_the_rss_file_a_service_reads():
    issues = [_issue("2025-06", preheader="June's <news>"), _issue("2025-05")]
    items = [feed_item(i, PLACE, f"newsletter/{i.key}/", f"<h1>{i.title}</h1>", NOW) for i in issues]
    feed = feedparser.parse(newsletter_rss(PLACE, "newsletter/feed.xml", "newsletter/", title="Net newsletter",
                                           language="en-gb", items=items))
    assert not feed.bozo and feed.version == "rss20"
    assert feed.feed.title == "Net newsletter" and feed.feed.link == "https://net.example.org/newsletter/"
    assert [e.id for e in feed.entries] == ["tag:net.example.org,2025-06-01:newsletter-2025-06",
                                            "tag:net.example.org,2025-05-01:newsletter-2025-05"]
    assert feed.entries[0].guidislink is False
    assert feed.entries[0].content[0].value == "<h1>News 2025-06</h1>"
    assert feed.entries[0].summary == "<p>June's &lt;news&gt;</p>"
    assert feed.entries[0].published_parsed[:3] == (2025, 6, 30)


def test_no_issue_yet_is_still_a_feed():
    feed = feedparser.parse(newsletter_rss(PLACE, "newsletter/feed.xml", "newsletter/", title="Net newsletter",
                                           language="en-gb", items=[]))
    assert not feed.bozo and feed.entries == []


@pytest.mark.parametrize("profile, kept", [
    ("mailchimp", ""), ("listmonk", ""), ("buttondown", ""),
    ("https://lists.example.org/unsubscribe", "https://lists.example.org/unsubscribe"),
    ("mailto:leave@example.org", "mailto:leave@example.org"),
])
def test_a_services_placeholder_never_leaves_the_service(profile, kept):
    assert unsubscribe_outside_the_service(unsubscribe_link(profile)) == kept
