"""Text as the name engine reads it: one normalisation for names and for the text they are found in.

Pure. Writers type a name in many ways that a reader sees as the same name: "O’Brien" or "O'Brien",
"Renée" composed, decomposed or as "Renee", "Thwaite–Barnes" with any dash, "Niamh&nbsp;O'Brien",
a line break between the words, or a word set in italics (`Niamh <em>O'Brien</em>`). Both the
directory's names and a document's text are brought to one form:

- every apostrophe as ', every hyphen and dash as -, any run of white space as one space;
- accents folded ("é" and "e" + a combining accent both as "e"), and characters no reader sees
  inside a word (a soft hyphen, a zero-width space: ``INVISIBLE``) left out;
- in HTML, character references decoded; tags and comments take no room inside a phrase
  (``<em>``, ``<a>``…) and count as a space between blocks (``<p>``, ``<br>``…).

Capitals are kept (the rules of case are the engine's); ``TextView.key`` is the same text in lower
case, character for character, for the automaton. ``TextView.span`` maps any stretch of the view
back to the source, so a match can be linked or withheld where it was typed.

Speed: the text is copied in long stretches; only tags, references and decomposed accents are
looked at one by one, characters that fold to one character go through ``str.translate`` (in C),
and runs of spaces are found in the view, where they are one plain character repeated.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right

APOSTROPHES = "\u2019\u2018\u02bc\u02b9\u2032\u0060\u00b4"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

#: Elements that sit inside a run of text: their tags take no room in the view.
INLINE = frozenset(("a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span "
                    "strong sub sup time tt u var wbr").split())

#: Characters a reader never sees inside a word: a soft hyphen (shown only where a line breaks),
#: zero-width spaces and joiners, the word joiner, invisible operators, the byte-order mark.
#: "Ott&shy;ilie" reads as "Ottilie", so they take no room in a view, as combining accents.
INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f" + INVISIBLE
_TAG = r"<(?:!--.*?--|[a-zA-Z/!?][^<>]*)>"
_REFERENCE = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"
#: (markup?, all ASCII?) -> what is looked at one by one: tags, references and, in a text that is
#: not all ASCII, combining accents.
_SPECIAL = {
    (True, True): re.compile(rf"{_TAG}|{_REFERENCE}", re.DOTALL),
    (True, False): re.compile(rf"{_TAG}|{_REFERENCE}|[{_COMBINING}]+", re.DOTALL),
    (False, True): re.compile(_REFERENCE),
    (False, False): re.compile(rf"{_REFERENCE}|[{_COMBINING}]+"),
}
#: Any tag, loosely: for whole-text operations that take tags out or look into them.
ANY_TAG = re.compile(r"<[^<>]*>")
#: The tags that take no room in a view (inline elements, comments, declarations), matched
#: against lower-cased text (a case-blind expression costs four times as much).
ROOMLESS_TAG = re.compile(r"<(?:/?(?:" + "|".join(sorted(INLINE, key=len, reverse=True)) + r")(?=[\s/>])[^<>]*"
                          r"|!--.*?--|[!?][^<>]*)>", re.DOTALL)


class _Marks(dict):
    """str.translate table that drops combining marks, learnt on first sight."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.combining(chr(code)) or chr(code) in INVISIBLE else code
        return self[code]


_MARKS = _Marks()


def strip_accents(text: str) -> str:
    """The one rule for folding accents: compatibility decomposition, without combining marks
    (nor invisible characters)."""
    return unicodedata.normalize("NFKD", text).translate(_MARKS)


class _Fold(dict):
    """str.translate table: each character to its one-character folded form, learnt on first
    sight (apostrophes, dashes, white space and accented letters); others stay as they are."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in APOSTROPHES:
            folded = "'"
        elif char in DASHES:
            folded = "-"
        elif char.isspace():
            folded = " "
        else:
            base = strip_accents(char)
            folded = base if len(base) == 1 else char
        self[code] = folded
        return folded


_FOLD = _Fold()


def fold_char(char: str) -> str:
    """One character, folded (as the view holds it); an invisible one is nothing."""
    if char in INVISIBLE:
        return ""
    return (strip_accents(char) or " ")[0].translate(_FOLD)


def tags_as_text(source: str) -> str:
    """The tags of an HTML fragment, brackets taken off, as text: where a name can hide in an
    attribute's value or a comment."""
    return " ".join(ANY_TAG.findall(source)).replace("<", " ").replace(">", " ")


def lower_same_length(text: str) -> str:
    """Lower case, one character for one (the few characters that lower to two stay)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class TextView:
    """The normalised text of a source, with the way back to it.

    Anchors: from view offset ``_at_view[k]`` on, view and source advance together from source
    offset ``_at_source[k]``, until the next anchor.
    """

    __slots__ = ("source", "text", "key", "same_places", "_at_view", "_at_source")

    def __init__(self, source: str, text: str, at_view: list[int], at_source: list[int]):
        self.source, self.text = source, text
        self.key = lower_same_length(text)
        self._at_view, self._at_source = at_view, at_source
        #: Every character of the view is the source's character at the same place.
        self.same_places = len(at_view) == 1

    def start_in_source(self, position: int) -> int:
        """Where the view's character at ``position`` begins in the source (after any tags)."""
        k = bisect_right(self._at_view, position) - 1
        return self._at_source[k] + (position - self._at_view[k])

    def end_in_source(self, position: int) -> int:
        """Where a stretch of the view ending at ``position`` ends in the source (before tags)."""
        k = bisect_left(self._at_view, position)
        if k < len(self._at_view) and self._at_view[k] == position:
            return self._at_source[k]
        return self._at_source[k - 1] + (position - self._at_view[k - 1])

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.same_places:
            return start, end
        return self.start_in_source(start), self.end_in_source(end)


def html_view(source: str) -> TextView:
    """The view of an HTML fragment: the text a reader sees, normalised."""
    return _view(source, markup=True)


def text_view(source: str) -> TextView:
    """The view of plain text (a front-matter value, an attribute's value): nothing is a tag."""
    return _view(source, markup=False)


def fold(text: str) -> str:
    """A name in the engine's form, capitals kept: what a view holds where the name is typed."""
    return text_view(text).text.strip()


def _view(source: str, markup: bool) -> TextView:
    plain = source.isascii()
    if plain and "&" not in source and (not markup or "<" not in source):
        text = source.translate(_FOLD)  # one character for one: the view is the source's shape
        if "  " not in text:
            return TextView(source, text, [0], [0])
    view = _build(source, _SPECIAL[markup, plain])
    if "  " in view.text:
        view = _collapse_spaces(view)
    return view


def _build(source: str, special: re.Pattern) -> TextView:
    pieces: list[str] = []
    at_view, at_source = [0], [0]
    length = 0  # of the view so far
    position = 0  # in the source
    after_space = True  # the view so far ends in a space (or is empty)
    for match in special.finditer(source):
        start, end = match.span()
        if start > position:
            pieces.append(source[position:start])
            length += start - position
            after_space = source[start - 1].isspace()
        found = match.group()
        if found[0] == "<":
            # A tag between blocks stands for a space, unless there is one beside it already.
            inside = (after_space or end == len(source) or source[end].isspace()
                      or ROOMLESS_TAG.fullmatch(found.lower()))
            piece = "" if inside else " "
        elif found[0] == "&":
            piece = fold_char(html.unescape(found))
        else:
            # Combining accents belong to the letter before them (a name ending in one ends
            # after them) and take no room in the view.
            at_view.append(length)
            at_source.append(end)
            position = end
            continue
        at_view.append(length)
        at_source.append(start)
        if piece:
            pieces.append(piece)
            length += 1
            after_space = piece == " "
        at_view.append(length)
        at_source.append(end)
        position = end
    if position < len(source):
        pieces.append(source[position:])
    return TextView(source, "".join(pieces).translate(_FOLD), at_view, at_source)


def _collapse_spaces(view: TextView) -> TextView:
    """The same view with every run of spaces as one space, still mapped to the source."""
    text, old_view, old_source = view.text, view._at_view, view._at_source
    pieces: list[str] = []
    at_view: list[int] = []
    at_source: list[int] = []
    removed = k = position = 0
    run = text.find("  ")
    while run >= 0:
        stop = run + 2
        while stop < len(text) and text[stop] == " ":
            stop += 1
        while k < len(old_view) and old_view[k] <= run:
            at_view.append(old_view[k] - removed)
            at_source.append(old_source[k])
            k += 1
        at_view += [run - removed, run - removed + 1]
        at_source += [view.start_in_source(run), view.end_in_source(stop)]
        while k < len(old_view) and old_view[k] < stop:
            k += 1  # anchors inside the run
        pieces.append(text[position:run + 1])
        position = stop
        removed += stop - run - 1
        run = text.find("  ", stop)
    pieces.append(text[position:])
    at_view += [v - removed for v in old_view[k:]]
    at_source += old_source[k:]
    return TextView(view.source, "".join(pieces), at_view, at_source)
