"""Withholding private people's names (directory entries with `public: false`).

Pure. A private person's name, alias or "title + surname" may be typed into any text by a writer,
in any form the name engine knows (curly apostrophes, accents or none, capitals, split by inline
markup, `&nbsp;`, a line break). Every such form is replaced, the longest first, so a full name is
withheld whole and never only its alias, before any other plugin or template sees the text. In
HTML, attribute values (an image's `alt`, a link's `title`) and comments are withheld too, and
the tags inside a withheld stretch are kept after the replacement, so the markup stays balanced.
"""

from __future__ import annotations

import html
import re

from .names import NameEngine
from .nametext import ANY_TAG, html_view, tags_as_text, text_view

_EMPHASIS = re.compile(r"[*_`]+")


def withhold(source: str, names: NameEngine, replacement: str, *, markup: bool = True) -> tuple[str, int]:
    """``source`` with every private name replaced; and how many were replaced."""
    if not source or not names.may_name_private(source):
        return source, 0
    view = html_view(source) if markup else text_view(source)
    pieces: list[str] = []
    position = count = 0
    for first, last, _ in names.private_names(view):
        start, end = view.span(first, last)
        pieces += [source[position:start], replacement]
        if markup:
            pieces += ANY_TAG.findall(source, start, end)
        position = end
        count += 1
    pieces.append(source[position:])
    result = "".join(pieces)
    if markup and names.may_name_private(tags_as_text(result)):
        result, in_tags = _withhold_in_tags(result, names, html.escape(replacement, quote=True))
        count += in_tags
    return result, count


def _withhold_in_tags(source: str, names: NameEngine, replacement: str) -> tuple[str, int]:
    """Private names in attribute values (``alt``, ``title``, ``href``...) and comments."""
    count = 0

    def tag(match: re.Match) -> str:
        nonlocal count
        found = match.group()
        if not names.may_name_private(found[1:-1]):
            return found
        withheld, replaced = withhold(found, names, replacement, markup=False)
        count += replaced
        return withheld

    return ANY_TAG.sub(tag, source), count


def lines_naming(source: str, names: NameEngine) -> list[int]:
    """The lines of a source file where a private name is typed (for the warning). Markdown's
    emphasis marks are passed over, and a name may run on to the next line."""
    lines = [_EMPHASIS.sub("", line) for line in source.splitlines()]
    found = []
    for number, line in enumerate(lines, 1):
        both = line + " " + (lines[number] if number < len(lines) else "")
        if not names.may_name_private(both):
            continue
        view = html_view(both)
        if any(view.start_in_source(start) < len(line) for start, _, _ in names.private_names(view)):
            found.append(number)
    return found
