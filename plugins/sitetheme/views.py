"""Small pure helpers that shape data for the templates, so templates hold no logic."""

from __future__ import annotations

import calendar
import hashlib
import html

from markupsafe import Markup
from network.htmltext import html_to_text

#: Templates whose output is HTML or XML: every value they print is escaped, unless it is
#: Markup (HTML our own code made). Others (a plain-text e-mail, CSS) print values as they are.
ESCAPED_EXTENSIONS = (".html", ".htm", ".xml")


def escapes_template(name: str | None) -> bool:
    """Jinja's ``autoescape`` for a template: on for HTML and XML (and templates made from a
    string); a named function rather than ``select_autoescape``'s closure, so the settings
    that hold it can be fingerprinted (see network.outputs)."""
    return name is None or name.lower().endswith(ESCAPED_EXTENSIONS)


def escaping_key(autoescape) -> str:
    """A short name for an ``autoescape`` setting (True, False or a function), for the folder of
    compiled templates: Jinja's bytecode cache checks a template's source, not how it escapes."""
    if callable(autoescape):
        autoescape = f"{autoescape.__module__}.{autoescape.__qualname__}"
    return hashlib.sha256(repr(autoescape).encode()).hexdigest()[:12]


def author_name(ref, people) -> str:
    """The name to show for a document's author reference (a directory person or a guest)."""
    if ref is None:
        return ""
    if ref.person_id and ref.person_id in people:
        return people[ref.person_id].name
    return ref.text


def long_date(value) -> str:
    """14 March 2025"""
    return f"{value.day} {calendar.month_name[value.month]} {value.year}" if value else ""


def filesize(size: int) -> str:
    """1234567 -> '1.2 MB'"""
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size} GB"


def summary_text(summary: str, limit: int = 320) -> str:
    """A summary as plain text, cut at a word boundary near ``limit`` characters."""
    text = html_to_text(summary)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def _text(text: str) -> str:
    """Text for between tags: quotes need no escaping there (an apostrophe stays one character)."""
    return html.escape(text, quote=False)


class DocumentLists:
    """The list of documents that many pages show (home, categories, archives, entity pages).

    One document looks the same in every list at the same depth of the site, so its markup is
    made once per depth and reused: a theme listed on thousands of pages costs one rendering.
    """

    def __init__(self):
        self._items: dict = {}

    def __call__(self, documents, base: str, show_category: bool = True, heading_level: int = 2) -> Markup:
        items = [self._item(doc, base, show_category, heading_level) for doc in documents]
        return Markup('<ol class="document-list">\n' + "".join(items) + "</ol>\n")

    def _item(self, doc, base, show_category, level) -> str:
        # By identity: the objects live as long as the build, and a Pelican article's address is
        # worked out afresh on every access, which made the key the costliest part.
        key = (id(doc), base, show_category, level)
        item = self._items.get(key)
        if item is None:
            # Every piece of text is escaped: a title or summary is text, never markup.
            category = f' <span class="category-label">{_text(str(doc.category))}</span>' if show_category else ""
            summary = summary_text(doc.summary)
            summary = f'<div class="document-summary">{_text(summary)}</div>' if summary else ""
            item = (f'<li class="document-item"><h{int(level)} class="document-title">'
                    f'<a href="{html.escape(f"{base}/{doc.url}")}">{_text(doc.title)}</a></h{int(level)}>'
                    f'<p class="document-meta"><time datetime="{doc.date.isoformat()}">{long_date(doc.date)}'
                    f"</time>{category}</p>{summary}</li>\n")
            self._items[key] = item
        return item


def shown_menu(menu_items, empty_category_urls) -> list[tuple[str, str]]:
    """The main menu without the entries that lead to a category with no document yet (a
    network that writes no briefings has no briefings page to show)."""
    return [(label, path) for label, path in menu_items if path not in empty_category_urls]
