"""HTML as one line of plain text, for summaries, action texts and the e-mail's text part. Pure.

The one rule: a block tag (a paragraph, a list item, a cell, a line break) separates words; an
inline tag (a link, bold, a mention) does not, so "R<strong>A</strong>" reads "RA" and
"<p>one</p><p>two</p>" reads "one two". Character references are read ("&amp;" is "&").
"""

from __future__ import annotations

import html
import re

_BLOCK_TAGS = ("address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]"
               "|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul")
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS})\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]+>")


def html_to_text(fragment: str | None) -> str:
    """The words of an HTML fragment, on one line, single-spaced."""
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub(" ", fragment or ""))
    return " ".join(html.unescape(text).split())


def html_to_blocks(fragment: str | None) -> list[str]:
    """The words of each block of an HTML fragment (a heading, a paragraph, a cell...), each on one
    line, single-spaced: the text where a phrase cannot run on from one block into the next."""
    # A line break typed inside a paragraph is a space; only a block's edge starts a new line.
    text = html.unescape(_ANY_TAG.sub("", _BLOCK_TAG.sub("\n", (fragment or "").replace("\n", " "))))
    blocks = (" ".join(block.split()) for block in text.split("\n"))
    return [block for block in blocks if block]
