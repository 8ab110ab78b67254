"""The HTML mammoth makes from a Word file, written as our Markdown. Pure.

markdownify (a kept library) does the writing; this module only says how our Markdown differs
from its defaults. Text stays text: a "<script>" typed in Word reaches Markdown as "&lt;script>",
which Markdown shows as those characters (a backslash would not do: Python-Markdown does not
treat "\\<" as an escape). Headings start at level 2, as the page's title is its only level 1.
"""

from __future__ import annotations

import re

from markdownify import ATX, MarkdownConverter

from network.source import clean_word_debris

# A line the text starts with that Markdown would take for a heading or a quote.
_BLOCK_START = re.compile(r"^(\s*)([#>])", re.MULTILINE)
# An ampersand that would start an entity ("&amp;", "&#39;") must stay an ampersand.
_ENTITY_START = re.compile(r"&(?=#?\w+;)")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


class _OurMarkdown(MarkdownConverter):
    class Options:
        heading_style = ATX
        bullets = "-"
        strong_em_symbol = "*"
        escape_misc = False
        escape_asterisks = True
        escape_underscores = True
        table_infer_header = True
        keep_inline_images_in = ["p", "td", "th", "li", "a"]

    def escape(self, text, parent_tags):
        text = super().escape(text, parent_tags)
        text = _ENTITY_START.sub("&amp;", text).replace("<", "&lt;")
        if "td" in parent_tags or "th" in parent_tags:  # a "|" typed in a cell would end the cell
            text = text.replace("|", "\\|")
        return _BLOCK_START.sub(r"\1\\\2", text)

    def convert_a(self, el, text, parent_tags):
        href = el.get("href") or ""
        if not href or href.startswith("#"):  # Word's bookmarks and links into its own contents
            return text
        return super().convert_a(el, text, parent_tags)


def to_markdown(html: str) -> str:
    """Markdown for an HTML fragment, with Word's debris (bookmark markers, "·" bullets) cleaned
    by the build's own rule."""
    text = _OurMarkdown().convert(html)
    text = _TRAILING_SPACE.sub("", clean_word_debris(text))
    return _MANY_BLANK_LINES.sub("\n\n", text).strip() + "\n"
