"""Linking mentions in a document's HTML: HTML in, HTML and the list of mentions out.

Pure. Text inside links, code, pre, headings, scripts and styles is never linked (but mentions in
headings still count). The text itself is never changed: a link is wrapped around the words as
they were written. Our own mention links carry ``data-mention``, so linking twice changes nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from .matcher import Found, Matcher, Target

# Elements whose text is never linked; headings still count as mentions.
NO_LINK = {"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "samp"}
NOT_TEXT = {"script", "style"}
_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<[^>]+>", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
_MENTION_ATTR = re.compile(r'data-mention="([a-z]+):([^"]+)"')
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Mention(NamedTuple):
    """A named tuple, not a dataclass: tens of thousands are loaded from the link cache on every
    rebuild, and tuples load several times faster."""

    target: Target
    linked: bool
    by_initials: bool = False


@dataclass
class LinkResult:
    html: str
    mentions: list[Mention] = field(default_factory=list)


def _initials_matches(text: str, initials: dict[str, Target | None]) -> list[Found]:
    found = []
    for match in re.finditer(r"(?<![\w&])[A-Z][A-Z'’-]{0,5}[A-Z](?![\w])", text):
        target = initials.get(match.group())
        if target is not None:
            found.append(Found(match.start(), match.end(), target, by_initials=True))
    return found


def _merge(names: list[Found], initials: list[Found]) -> list[Found]:
    """Initials of a meeting's people take precedence in their minutes over other names."""
    if not initials:
        return names
    taken = [(f.start, f.end) for f in initials]
    kept = [f for f in names if not any(f.start < e and s < f.end for s, e in taken)]
    return sorted(kept + initials, key=lambda f: f.start)


def link_mentions(
    source: str,
    matcher: Matcher,
    url_for: Callable[[Target], str | None],
    *,
    every_mention: bool = False,
    initials: dict[str, Target | None] | None = None,
) -> LinkResult:
    """Link names (and, in minutes, initials) found in ``source`` HTML.

    ``url_for`` gives a target's address, or None where it must not be linked.
    ``initials`` maps a meeting's initials to its people (None: shared, never linked).
    """
    result = LinkResult("")
    out: list[str] = []
    linked: set[tuple[Target, bool]] = set()
    stack: list[str] = []  # open elements in which nothing is linked
    position = 0
    for token in _TOKEN.finditer(source):
        if token.start() > position:
            out.append(_link_text(source[position:token.start()], bool(stack), stack, matcher, url_for,
                                  every_mention, initials, linked, result.mentions))
        tag = token.group()
        out.append(tag)
        position = token.end()
        name = _TAG_NAME.match(tag)
        if not name:
            continue
        closing, element = name.group(1) == "/", name.group(2).lower()
        if element == "a" and not closing:
            existing = _MENTION_ATTR.search(tag)
            if existing:  # our own link from an earlier run
                target = Target(existing.group(1), html.unescape(existing.group(2)))
                linked.add((target, 'data-initials' in tag))
        if element in NO_LINK:
            if closing:
                if element in stack:
                    while stack and stack.pop() != element:
                        pass
            elif element not in _VOID and not tag.endswith("/>"):
                stack.append(element)
    if position < len(source):
        out.append(_link_text(source[position:], bool(stack), stack, matcher, url_for, every_mention,
                              initials, linked, result.mentions))
    result.html = "".join(out)
    return result


def _link_text(text, inside_no_link, stack, matcher, url_for, every_mention, initials, linked, mentions):
    if stack and stack[-1] in NOT_TEXT:
        return text
    found = matcher.find(text)
    if initials:
        found = _merge(found, _initials_matches(text, initials))
    if not found:
        return text
    pieces = []
    position = 0
    for match in found:
        key = (match.target, match.by_initials)
        url = None if inside_no_link else url_for(match.target)
        make_link = url is not None and (every_mention or key not in linked)
        mentions.append(Mention(match.target, make_link, match.by_initials))
        if not make_link:
            continue
        linked.add(key)
        words = text[match.start:match.end]
        pieces.append(text[position:match.start])
        extra = ' data-initials=""' if match.by_initials else ""
        pieces.append(f'<a class="mention mention-{match.target.kind}" href="{html.escape(url)}" '
                      f'data-mention="{match.target.kind}:{html.escape(match.target.id)}"{extra}>{words}</a>')
        position = match.end
    pieces.append(text[position:])
    return "".join(pieces)
