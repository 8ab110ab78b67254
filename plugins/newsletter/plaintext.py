"""The plain-text part of the newsletter: the same content, every link written out. Pure.

Lines are at most 72 characters, except a web address that is longer on a line of its own.
"""

from __future__ import annotations

import textwrap
from html.parser import HTMLParser

WIDTH = 72


class _TextOfHtml(HTMLParser):
    """Paragraphs and list items as text; a link as 'words (address)'."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.href: str | None = None
        self.bullet = False

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "br", "div"):
            self._flush()
            self.bullet = tag == "li"
        if tag == "a":
            self.href = dict(attrs).get("href")

    def handle_endtag(self, tag):
        if tag == "a" and self.href:
            text = "".join(self.current).rstrip()
            if not text.endswith(self.href):
                self.current.append(f" ({self.href})")
            self.href = None
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "div"):
            self._flush()

    def handle_data(self, data):
        self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(("- " if self.bullet else "") + text)
        self.current = []
        self.bullet = False


def html_to_paragraphs(fragment: str) -> list[str]:
    parser = _TextOfHtml()
    parser.feed(fragment)
    parser.close()
    parser._flush()
    return parser.blocks


def wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


def heading(text: str, underline: str = "-") -> str:
    text = text.upper()
    return f"{text}\n{underline * min(len(text), WIDTH)}"


def render_text(issue, view, *, sitename: str, web_url: str, actions_url: str, meetings_url: str,
                site_url: str, unsubscribe: str, footer: str) -> str:
    """The whole plain-text e-mail of an issue, from the same view as the HTML part."""
    out = [heading(sitename, "="), issue.label, "",
           "View this issue in your browser:", web_url, ""]
    if issue.intro_html:
        for block in html_to_paragraphs(issue.intro_html):
            out += [wrap(block), ""]
    if view.lead:
        out += [heading("In the lead"), ""]
        out += _documents(view.lead)
    for category, entries in view.sections:
        out += [heading(category), ""]
        out += _documents(entries)
    if issue.more:
        out += [wrap(f"And {issue.more} more on the website:"), web_url, ""]
    out += [heading("Coming up"), ""]
    if view.upcoming:
        for line in view.upcoming:
            out += [wrap(line, "  ").replace("  ", "* ", 1), ""]
    else:
        out += ["No meetings are scheduled yet.", ""]
    out += ["All meetings:", meetings_url, ""]
    out += [heading("Actions"), "",
            wrap(f"{issue.open_actions} action{'s' if issue.open_actions != 1 else ''} open at the end of "
                 f"{issue.label}. The register:"), actions_url, ""]
    out += ["-- ", wrap(footer), site_url, "", "Unsubscribe:", unsubscribe, ""]
    return "\n".join(out)


def _documents(entries) -> list[str]:
    lines = []
    for item in entries:
        lines.append(textwrap.fill(item.title, WIDTH, initial_indent="* ", subsequent_indent="  ",
                                   break_long_words=False))
        meta = f"{item.date.day} {item.date:%B %Y}"
        if item.theme_names:
            meta += " | " + ", ".join(item.theme_names)
        lines.append(wrap(meta, "  "))
        if item.summary:
            lines.append(wrap(item.summary, "  "))
        read_more = "  Read more: " + item.link
        lines.append(read_more if len(read_more) <= WIDTH else "  Read more:\n" + item.link)
        lines.append("")
    return lines
