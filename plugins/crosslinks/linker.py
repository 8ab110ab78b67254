"""Linking mentions in a document's HTML: HTML in, HTML and the list of mentions out.

Pure. The name engine (``network.names``) says where names stand and whom they may name; this
module decides, document by document, what is linked:

- a name two entries share is never linked;
- a one-word alias of a person ("Sam", "June") is linked only where the person is present: named
  in full earlier in the text, or in ``present`` (tagged in ``people:``, the author, in the
  meeting's lists), and no other person present has that first name;
- in minutes, the initials of the meeting's people link to them (before any name they overlap),
  but letters after a time ("2.30 PM") are not initials.

Text inside links, code, pre, headings, scripts and styles is never linked (but mentions in
headings still count). The text itself is never changed: a link is wrapped around the words as
they were written. Our own mention links carry ``data-mention``, so linking twice changes nothing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from network.model import Entity
from network.names import NameEngine
from network.nametext import INLINE, text_view

# Elements whose text is never linked; headings still count as mentions.
NO_LINK = {"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "kbd", "samp"}
NOT_TEXT = {"script", "style"}
_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<[^>]+>", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
_MENTION_ATTR = re.compile(r'data-mention="([a-z]+):([^"]+)"')
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_INITIALS = re.compile(r"(?<![\w&])[A-Z][A-Z'-]{0,5}[A-Z](?![\w])")
#: Letters that follow a time are the time's ("2.30 PM", "10:00 GMT"), not someone's initials.
_AFTER_TIME = {"AM", "PM", "GMT", "BST", "UTC", "CET", "CEST"}
_TIME_BEFORE = re.compile(r"\d(?:[.:]\d\d)?\s?$")


class Mention(NamedTuple):
    """A named tuple, not a dataclass: tens of thousands are loaded from the link cache on every
    rebuild, and tuples load several times faster."""

    target: Entity
    linked: bool
    by_initials: bool = False


@dataclass
class LinkResult:
    html: str
    mentions: list[Mention] = field(default_factory=list)

    def compact(self) -> tuple:
        """What the link cache keeps: the HTML, each entry mentioned with how often (in the order
        first mentioned) as plain (kind, id, count), and whether initials named anyone. Plain
        tuples of strings and numbers: the cache is read whole on every build, and a named tuple
        for each mention (over a million at 10,000 documents) took most of that time."""
        counted = count_mentions(self.mentions)
        return (self.html, tuple((target.kind, target.id, count) for target, count in counted),
                any(mention.by_initials for mention in self.mentions))


def count_mentions(mentions) -> list[tuple[Entity, int]]:
    """Each entry mentioned, with how many times, in the order first mentioned."""
    counts: dict[Entity, int] = {}
    for mention in mentions:
        counts[mention.target] = counts.get(mention.target, 0) + 1
    return list(counts.items())


#: A name or initials found in a segment: (start, end in its view, target, by initials).
_Found = tuple[int, int, Entity, bool]
#: A stretch of text between tags: (start, end in the source, inside an element whose text is
#: never linked, inside a script or style).
_Segment = tuple[int, int, bool, bool]
#: Characters that an attribute's value must not hold as they are.
_ATTRIBUTE_UNSAFE = re.compile(r'[&<>"\']')
#: How much text on either side of a segment is enough to find the words beside it.
_CONTEXT = 40


@dataclass
class _Document:
    """What linking one document knows as it goes."""

    names: NameEngine
    url_for: Callable[[Entity], str | None]
    every_mention: bool
    initials: dict[str, Entity | None]
    present: set[str]
    linked: set[tuple[Entity, bool]] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    #: (target, by initials) -> the opening tag of its link, made once per document.
    openings: dict = field(default_factory=dict)


def link_mentions(
    source: str,
    names: NameEngine,
    url_for: Callable[[Entity], str | None],
    *,
    every_mention: bool = False,
    initials: dict[str, Entity | None] | None = None,
    present: frozenset[str] | set[str] = frozenset(),
) -> LinkResult:
    """Link names (and, in minutes, initials) found in ``source`` HTML.

    ``url_for`` gives a target's address, or None where it must not be linked. ``initials`` maps
    a meeting's initials to its people (None: shared or private, never linked). ``present``: ids
    of the people the front matter names (tags, author, the meeting's lists).
    """
    state = _Document(names, url_for, every_mention, initials or {}, set(present))
    segments, joined = _segments(source, state.linked)
    out: list[str] = []
    position = 0
    for index, (start, end, no_link, not_text) in enumerate(segments):
        text = source[start:end]
        out.append(source[position:start])
        position = end
        if not_text or text.isspace():
            out.append(text)
            continue
        before, after = _beside(source, segments, joined, index)
        out.append(_link_text(text, no_link, before, after, state))
    out.append(source[position:])
    return LinkResult("".join(out), state.mentions)


def _text_of(source: str, segment: _Segment) -> str:
    return source[segment[0]:segment[1]]


def _beside(source: str, segments: list[_Segment], joined: list[bool], index: int) -> tuple[str, str]:
    """The text on either side of a segment, across inline tags (a link made earlier included),
    as far as the words beside it: what tells shouted text."""
    before, at = "", index
    while at and joined[at - 1] and len(before) < _CONTEXT:
        at -= 1
        before = _text_of(source, segments[at]) + before
    after, at = "", index
    while at < len(segments) - 1 and joined[at] and len(after) < _CONTEXT:
        at += 1
        after += _text_of(source, segments[at])
    return before, after


def _segments(source: str, linked: set) -> tuple[list[_Segment], list[bool]]:
    """Every stretch of text between tags, with what encloses it; and, for each, whether only
    inline tags stand between it and the next. Notes our own links from an earlier run."""
    segments: list[_Segment] = []
    joined: list[bool] = []
    stack: list[str] = []  # open elements in which nothing is linked
    position = 0
    inline_since = True  # only inline tags since the last segment
    for token in _TOKEN.finditer(source):
        start = token.start()
        if start > position:
            if segments:
                joined.append(inline_since)
            segments.append((position, start, bool(stack), bool(stack) and stack[-1] in NOT_TEXT))
            inline_since = True
        tag = token.group()
        position = token.end()
        name = _TAG_NAME.match(tag)
        if not name:
            continue
        closing, element = name.group(1) == "/", name.group(2).lower()
        if inline_since and element not in INLINE:
            inline_since = False
        if element == "a" and not closing:
            existing = _MENTION_ATTR.search(tag)
            if existing:  # our own link from an earlier run
                linked.add((Entity(existing.group(1), html.unescape(existing.group(2))), "data-initials" in tag))
        if element in NO_LINK:
            if closing:
                if element in stack:
                    while stack and stack.pop() != element:
                        pass
            elif element not in _VOID and not tag.endswith("/>"):
                stack.append(element)
    if position < len(source):
        if segments:
            joined.append(inline_since)
        segments.append((position, len(source), bool(stack), bool(stack) and stack[-1] in NOT_TEXT))
    joined.append(False)
    return segments, joined


def _link_text(text: str, no_link: bool, before: str, after: str, state: _Document) -> str:
    view = text_view(text)
    found = _targets(view, before, after, state)
    if state.initials:
        found = _merge(found, _initials(view.text, state.initials))
    if not found:
        return text
    pieces = []
    position = 0
    for start, end, target, by_initials in found:
        key = (target, by_initials)
        url = None
        if not no_link and (state.every_mention or key not in state.linked):
            url = state.url_for(target)
        state.mentions.append(Mention(target, url is not None, by_initials))
        if url is None:
            continue
        state.linked.add(key)
        start, end = view.span(start, end)
        opening = state.openings.get(key)
        if opening is None:
            extra = ' data-initials=""' if by_initials else ""
            opening = state.openings[key] = (f'<a class="mention mention-{target.kind}" href="{_attribute(url)}" '
                                             f'data-mention="{target.kind}:{_attribute(target.id)}"{extra}>')
        pieces += [text[position:start], opening, text[start:end], "</a>"]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _targets(view, before: str, after: str, state: _Document) -> list[_Found]:
    """The names in one segment that name exactly one entry here (see the module's docstring)."""
    found = []
    for start, end, fit in state.names.mentions(view, before, after, also_acronyms=state.initials):
        target = fit.target
        if target is None:
            continue  # shared by two entries: never linked
        if fit.short:
            if not _short_alias_names(target, view.key[start:end], state):
                continue
        elif target.kind == "person":
            state.present.add(target.id)
        found.append((start, end, target, False))
    return found


def _attribute(value: str) -> str:
    return html.escape(value) if _ATTRIBUTE_UNSAFE.search(value) else value


def _short_alias_names(target: Entity, word: str, state: _Document) -> bool:
    """A one-word alias names its person only where they are present, alone with that name."""
    if target.id not in state.present:
        return False
    namesakes = state.names.first_names.get(word, set()) & state.present
    return not (namesakes - {target.id})


def _initials(text: str, initials: dict[str, Entity | None]) -> list[_Found]:
    found = []
    for match in _INITIALS.finditer(text):
        letters = match.group()
        if letters in _AFTER_TIME and _TIME_BEFORE.search(text, 0, match.start()):
            continue
        target = initials.get(letters)
        if target is not None:
            found.append((match.start(), match.end(), target, True))
    return found


def _merge(names: list[_Found], initials: list[_Found]) -> list[_Found]:
    """Initials of a meeting's people take precedence in their minutes over other names."""
    if not initials:
        return names
    taken = [(f[0], f[1]) for f in initials]
    kept = [f for f in names if not any(f[0] < e and s < f[1] for s, e in taken)]
    return sorted(kept + initials, key=lambda f: f[0])
