"""Markup typed into any field is shown as the text typed, never run, in every output.

One copy of the sample content gets a script, an image with an event handler, a double quote
and an ampersand in every front-matter field and directory text that is shown; the site built
from it is then read file by file: pages and e-mails as HTML, feeds with feedparser, the
calendar with icalendar. A body with raw HTML is sanitised by default and kept as typed with
ALLOW_RAW_HTML = True.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import shutil

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from network.logo import png_of
from tests.building import CONTENT, ROOT, output_files, run_build, settings_with

pytestmark = pytest.mark.build

SITENAME = "Calder Valley Migration Partnership"
UPDATE = "updates/2026-10-project-update.md"
MINUTES = "minutes/2026-09-16-steering-group.md"  # the Steering Group's latest minutes
NOTE = "newsletters/2026-10.md"


def typed(label: str) -> str:
    """What a careless or hostile writer might type into a field."""
    return f'{label} <script>alert("{label}")</script><img src=x onerror=alert(1)> "q" & Co'


def guest(label: str) -> str:
    """The same without brackets, which would part a guest's name from their organisation."""
    return f'{label} <script>alert`1`</script><img src=x onerror=alert`2`> "q" & Co'


TITLE, SUMMARY, AUTHOR, ATTACHMENT = typed("Title"), typed("Summary"), guest("Writer"), typed("Attachment")
VENUE, NEXT_VENUE = typed("Venue"), typed("Next venue")
GUESTS = {"chair": guest("Chair"), "present": guest("Present"), "in_attendance": guest("Attending"),
          "apologies": guest("Apologies")}
PERSON = {"name": typed("Ruth"), "role": typed("Role"), "initials": "R<b>A</b>", "aliases": [typed("Alias")]}
ORGANISATION = {"name": typed("Group"), "kind": typed("Kind"), "aliases": [typed("Acronym")],
                "url": "https://x.example/a?b=1&c='d'"}
THEME = {"name": typed("Theme"), "description": typed("Description"), "aliases": [typed("Subject")]}
NOTE_TITLE, PREHEADER = typed("Issue"), typed("Preheader")
RAW_BODY = ('Raw body: <script>alert("body")</script> <a href="javascript:alert(3)">a script link</a> '
            '<img src="../../images/chart.png" onerror="alert(4)" alt="Chart">\n\n'
            '<iframe src="https://video.example/embed/1" title="A video"></iframe>\n\n'
            "[The April update]({filename}/updates/2026-04-project-update.md) and "
            "![A chart]({static}/images/chart.png)\n")


def _yaml(value) -> str:
    return json.dumps(value)  # a JSON string or list is YAML too


def _set_line(text: str, key: str, value, indent: str = "") -> str:
    line = f"{indent}{key}: {_yaml(value)}"
    pattern = re.compile(rf"^{indent}{key}:.*$", re.MULTILINE)
    if pattern.search(text):
        return pattern.sub(lambda _: line, text, count=1)
    return text.replace("\n---\n", f"\n{line}\n---\n", 1)


def _edit(folder, name: str, edit) -> None:
    path = folder / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


def _edit_entry(folder, name: str, entry_id: str, values: dict) -> None:
    def edit(text):
        start = text.index(f"- id: {entry_id}\n")
        end = text.find("\n\n", start)
        block = text[start:end]
        for key, value in values.items():
            if re.search(rf"^  {key}:", block, re.MULTILINE):
                block = re.sub(rf"^  {key}:.*$", lambda _: f"  {key}: {_yaml(value)}", block, flags=re.MULTILINE)
            else:
                block += f"\n  {key}: {_yaml(value)}"
        return text[:start] + block + text[end:]
    _edit(folder, name, edit)


def _inject(content) -> None:
    def update(text):
        for key, value in (("title", TITLE), ("summary", SUMMARY), ("author", AUTHOR)):
            text = _set_line(text, key, value)
        text = _set_line(text, "title", ATTACHMENT, indent="    ")
        return text + "\n" + RAW_BODY

    def minutes(text):
        text = _set_line(text, "venue", VENUE, "  ")
        text = _set_line(text, "next_venue", NEXT_VENUE, "  ")
        text = _set_line(text, "next_meeting", "2099-01-20 14:00", "  ")  # always still to come
        text = _set_line(text, "chair", GUESTS["chair"], "  ")
        for key in ("present", "in_attendance", "apologies"):
            text = re.sub(rf"^  {key}: \[", lambda _: f"  {key}: [{_yaml(GUESTS[key])}, ", text, count=1,
                          flags=re.MULTILINE)
        return text  # ruth-abernethy, whose directory entry is injected, stays in 'present'

    _edit(content, UPDATE, update)
    _edit(content, MINUTES, minutes)
    _edit(content, NOTE, lambda text: _set_line(_set_line(text, "title", NOTE_TITLE), "preheader", PREHEADER)
          + "\n<script>alert('note')</script>\n")
    _edit_entry(content, "directory/people.yml", "ruth-abernethy", PERSON)
    _edit_entry(content, "directory/organisations.yml", "cvmp-steering-group", ORGANISATION)
    _edit_entry(content, "directory/themes.yml", "housing", THEME)
    os.makedirs(content / "images", exist_ok=True)
    with open(os.path.join(ROOT, "theme", "static", "images", "logo.svg"), "rb") as logo:
        (content / "images" / "chart.png").write_bytes(png_of(logo.read(), 64))


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    content = tmp_path_factory.mktemp("injected") / "content"
    shutil.copytree(CONTENT, content)
    _inject(content)
    return content


@pytest.fixture(scope="module")
def build(injected, tmp_path_factory):
    result = run_build(str(tmp_path_factory.mktemp("site") / "output"), str(injected))
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="module")
def site(build):
    return build.output


def _soup(site: str, path: str) -> BeautifulSoup:
    with open(os.path.join(site, path), encoding="utf-8") as handle:
        return BeautifulSoup(handle.read(), "html.parser")


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


def _json_ld(soup) -> list[dict]:
    return [json.loads(script.string) for script in soup.find_all("script")]


def check_html(html: str, where: str) -> None:
    """Nothing typed became markup: the only scripts are our JSON-LD, with no '<' in them, and the
    search page's own script file (from the theme, nothing inside the tag)."""
    assert "<script>alert" not in html and "<img src=x" not in html, where
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        if script.get("src"):
            assert re.fullmatch(r"https://cvmp\.example\.org/theme/js/search\.js", script["src"]), f"{where}: {script}"
            assert script.get("type") == "module" and not script.string, f"{where}: {script}"
            continue
        assert script.get("type") == "application/ld+json", f"{where}: {script}"
        assert "<" not in script.string, f"{where}: {script}"  # so never '</script' or '<!--'
        json.loads(script.string)
    for element in soup.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"{where}: {element.name} has {handlers}"
        assert not (element.name == "img" and element.get("src") == "x"), f"{where}: {element}"
        assert element.name not in ("iframe", "object", "embed"), f"{where}: {element}"
        for name in ("href", "src"):
            assert not str(element.get(name, "")).strip().lower().startswith("javascript:"), f"{where}: {element}"


def _feed_html(data: bytes) -> list[str]:
    """Every HTML fragment a feed carries (Atom summary and content, RSS description and content)."""
    tree = etree.fromstring(data)
    names = ("{http://www.w3.org/2005/Atom}summary", "{http://www.w3.org/2005/Atom}content", "description",
             "{http://purl.org/rss/1.0/modules/content/}encoded")
    return [element.text or "" for name in names for element in tree.iter(name)]


def test_no_output_file_holds_markup_anyone_typed(site):
    checked = set()
    for path, text in output_files(site):
        if path.endswith(".html"):
            check_html(text, path)
        elif path.endswith(".xml"):
            for fragment in _feed_html(text.encode()):
                check_html(fragment, path)
        elif path.endswith(".eml"):
            with open(os.path.join(site, path), "rb") as handle:
                message = email.message_from_binary_file(handle, policy=email.policy.default)
            check_html(message.get_body(("html",)).get_content(), path)
        else:
            continue
        checked.add(path.rsplit(".", 1)[-1])
    assert checked == {"html", "xml", "eml"}


def test_the_document_shows_its_title_summary_author_and_attachment_as_typed(site):
    soup = _soup(site, "updates/2026-10-project-update/index.html")
    assert _text(soup.h1) == TITLE
    assert soup.title.string == f"{TITLE} · {SITENAME}"
    assert soup.find("meta", attrs={"name": "description"})["content"] == SUMMARY
    assert f"by {AUTHOR}" in _text(soup.find(class_="document-meta"))
    assert [_text(a) for a in soup.select(".attachments li a")] == [ATTACHMENT]
    article = next(block for block in _json_ld(soup) if block["@type"] == "NewsArticle")
    assert article["headline"] == TITLE and article["author"]["name"] == AUTHOR
    listed = _soup(site, "updates/index.html").find("a", string=TITLE)
    assert listed is not None and _text(listed.find_parent("li").find(class_="document-summary")) == SUMMARY


def test_link_previews_carry_the_typed_text_as_text(site):
    def meta(soup, key):
        return (soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key}))["content"]

    soup = _soup(site, "updates/2026-10-project-update/index.html")
    assert meta(soup, "og:title") == meta(soup, "twitter:title") == TITLE
    assert meta(soup, "og:description") == meta(soup, "twitter:description") == SUMMARY
    theme = _soup(site, "themes/housing/index.html")
    assert meta(theme, "og:title") == THEME["name"] and meta(theme, "og:description") == THEME["description"]
    with open(os.path.join(site, "updates/2026-10-project-update/index.html"), encoding="utf-8") as handle:
        head = handle.read().split("</head>")[0]
    assert 'content="Title <' not in head and "&lt;script&gt;" in head  # escaped inside the attribute


def test_the_minutes_show_the_venues_and_guests_as_typed(site):
    soup = _soup(site, "minutes/2026-09-16-steering-group/index.html")
    facts = {_text(dt): _text(dt.find_next_sibling("dd")) for dt in soup.select(".meeting-facts dt")}
    assert facts["Venue"] == VENUE and facts["Chair"] == GUESTS["chair"] and facts["Meeting of"] == ORGANISATION["name"]
    attendance = _text(soup.find(class_="meeting-header"))
    for name in [*GUESTS.values(), PERSON["name"], PERSON["initials"]]:
        assert name in attendance, name
    assert NEXT_VENUE in _text(soup.find(class_="next-meeting"))
    event = next(block for block in _json_ld(soup) if block["@type"] == "Event")
    assert event["location"]["name"] == VENUE
    assert {GUESTS["chair"], GUESTS["present"]} <= {person["name"] for person in event["attendee"]}
    assert NEXT_VENUE in _text(_soup(site, "meetings/index.html").find(class_="upcoming"))


def test_directory_pages_show_names_roles_and_descriptions_as_typed(site):
    person = _soup(site, "people/ruth-abernethy/index.html")
    assert _text(person.h1) == PERSON["name"]
    assert PERSON["role"] in _text(person.find(class_="entity-facts"))
    description = person.find("meta", attrs={"name": "description"})["content"]
    assert description.startswith(f"{PERSON['name']}, {PERSON['role']}")
    group = _soup(site, "organisations/cvmp-steering-group/index.html")
    assert _text(group.h1) == f"{ORGANISATION['name']} ({ORGANISATION['aliases'][0]})"
    facts = {_text(dt): dt.find_next_sibling("dd") for dt in group.select(".entity-facts dt")}
    assert _text(facts["Kind"]) == ORGANISATION["kind"]
    assert facts["Website"].a["href"] == ORGANISATION["url"]
    theme = _soup(site, "themes/housing/index.html")
    assert _text(theme.h1) == THEME["name"]
    assert _text(theme.find(class_="lead")) == THEME["description"]
    assert theme.find("meta", attrs={"name": "description"})["content"] == THEME["description"]
    assert THEME["description"] in _text(_soup(site, "themes/index.html").find(class_="theme-list"))


def test_feeds_and_the_calendar_carry_the_typed_text(site):
    for name in ("all.atom.xml", "all.rss.xml"):
        feed = feedparser.parse(os.path.join(site, "feeds", name))
        assert not feed.bozo, feed.bozo_exception
        entry = next(e for e in feed.entries if e.link.endswith("/updates/2026-10-project-update/"))
        assert entry.title == TITLE and entry.author == AUTHOR
    for name in ("ruth-abernethy.atom.xml", "ruth-abernethy.rss.xml"):
        person_feed = feedparser.parse(os.path.join(site, "feeds", "people", name)).feed
        assert person_feed.title == f"{SITENAME}: {PERSON['name']}"
        subtitle = person_feed.subtitle
        if person_feed.subtitle_detail.type == "text/html":  # RSS: the description is HTML
            subtitle = BeautifulSoup(subtitle, "html.parser").get_text()
        assert subtitle.startswith(f"Every document {PERSON['name']} wrote, chaired")
    with open(os.path.join(site, "meetings.ics"), "rb") as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    event = next(e for e in calendar.walk("VEVENT") if str(e["DTSTART"].dt).startswith("2099-01-20"))
    assert str(event["LOCATION"]) == NEXT_VENUE
    assert str(event["SUMMARY"]) == f"{ORGANISATION['name']} meeting"


def test_the_newsletter_shows_its_note_as_typed_and_the_text_part_is_not_escaped(site):
    page = _soup(site, "newsletter/2026-10/index.html")
    assert _text(page.h1) == NOTE_TITLE
    assert page.find("meta", attrs={"name": "description"})["content"] == PREHEADER
    with open(os.path.join(site, "newsletter/2026-10/email.eml"), "rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    assert message["Subject"].strip() == NOTE_TITLE  # folded onto its own line, as Python's email folds it
    html = BeautifulSoup(message.get_body(("html",)).get_content(), "html.parser")
    assert _text(html.h1) == NOTE_TITLE and html.find("a", string=TITLE) is not None
    assert "alert('note')" not in html.get_text()
    for text in (message.get_body(("plain",)).get_content(),
                 open(os.path.join(site, "newsletter/2026-10/email.txt"), encoding="utf-8").read()):
        assert TITLE in " ".join(text.split()) and "&amp;" not in text and "&lt;" not in text


def test_a_body_is_sanitised_and_its_internal_links_still_work(site):
    soup = _soup(site, "updates/2026-10-project-update/index.html")
    body = soup.find(class_="document-body")
    assert body.find("script") is None and body.find("iframe") is None
    assert 'alert("body")' not in body.get_text()
    link = body.find("a", string="a script link")
    assert link is not None and not link.has_attr("href")
    assert body.find("img", alt="Chart").attrs == {"src": "../../images/chart.png", "alt": "Chart"}
    april = "https://cvmp.example.org/updates/2026-04-project-update/"
    assert body.find("a", string="The April update")["href"] == april
    assert body.find("img", alt="A chart")["src"] == "https://cvmp.example.org/images/chart.png"
    assert os.path.exists(os.path.join(site, "images", "chart.png"))


def test_the_build_says_what_it_removed_and_where_it_was_typed(build, injected):
    lines = (injected / UPDATE).read_text(encoding="utf-8").splitlines()
    raw_line = next(number for number, line in enumerate(lines, 1) if line.startswith("Raw body:"))
    for what in ("the <script> element", "the onerror attribute", "a javascript: address"):
        assert f"{UPDATE}, line {raw_line}: {what} was removed from the body" in build.log, what
    assert f"{UPDATE}, line {raw_line + 2}: the <iframe> element was removed" in build.log
    assert f"{NOTE}, line " in build.log and "ALLOW_RAW_HTML = True in pelicanconf.py" in build.log
    assert "<img> element" not in build.log and "<a> element" not in build.log  # allowed: no word


def test_raw_html_is_published_as_typed_when_the_site_allows_it(injected, tmp_path):
    settings = settings_with(tmp_path, "rawconf", "ALLOW_RAW_HTML = True\n")
    result = run_build(str(tmp_path / "output"), str(injected), settings=settings)
    assert result.returncode == 0, result.log
    assert "was removed from the body" not in result.log
    soup = _soup(result.output, "updates/2026-10-project-update/index.html")
    body = soup.find(class_="document-body")
    assert body.find("script").string == 'alert("body")'
    assert body.find("iframe")["src"] == "https://video.example/embed/1"
    assert body.find("a", string="a script link")["href"] == "javascript:alert(3)"
    assert _text(soup.h1) == TITLE  # front matter stays text
    assert soup.find("meta", attrs={"name": "description"})["content"] == SUMMARY


def test_a_directory_address_that_would_break_out_of_its_attribute_stops_the_build(tmp_path, content_copy):
    _edit_entry(content_copy, "directory/organisations.yml", "cvmp-steering-group",
                {"url": 'https://x.example/"><script>alert(1)</script>'})
    result = run_build(str(tmp_path / "output"), str(content_copy))
    assert result.returncode == 1
    assert re.search(r"content/directory/organisations\.yml, line \d+, key 'url': 'https://x\.example/\"><script>"
                     r"alert\(1\)</script>' is not a web address\.", result.stderr), result.stderr
