"""Finding names in text: one Aho-Corasick automaton over every name, alias and acronym.

The cost of a search grows with the length of the text, not with the number of names: the
automaton walks the text once, whatever the size of the directory.

Rules: whole words only; the longest match wins where matches overlap; acronyms (names written
in capitals, such as "CCC") match only in capitals, every other name in any case.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import ahocorasick
from network.model import Entity as Target


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    target: Target
    by_initials: bool = False


_ACRONYM = re.compile(r"^[A-Z0-9&]{2,}$")
_SPACES = re.compile(r"\s+")


def is_acronym(name: str) -> bool:
    letters = name.replace(" ", "")
    return bool(_ACRONYM.match(letters)) and any(c.isalpha() for c in letters)


def _lower_same_length(text: str) -> str:
    """Lower-case ``text`` without changing its length (a few characters lower to two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _searchable(text: str) -> str:
    """Lower-cased, with every kind of white space as a plain space, same length as ``text``."""
    return _lower_same_length(text).translate(_WHITESPACE)


_WHITESPACE = {ord(c): " " for c in "\t\n\r\f\v\u00a0"}


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class Matcher:
    """Built once per build from every name; searched once per text."""

    def __init__(self, names: dict[str, Target]):
        """``names`` maps each way of writing a name to what it points to."""
        self._automaton = ahocorasick.Automaton()
        self.ambiguous: dict[str, set[Target]] = {}
        entries: dict[str, list] = {}
        for name, target in names.items():
            clean = _SPACES.sub(" ", name.strip())
            if not clean:
                continue
            # Text in HTML is escaped: "Food & Support" stands there as "Food &amp; Support".
            for form in {clean, html.escape(clean, quote=False)}:
                key = _searchable(form)
                exact = form if is_acronym(clean) else None
                entries.setdefault(key, [])
                entries[key].append((len(key), target, exact))
        for key, options in entries.items():
            self._automaton.add_word(key, options)
        self._empty = not entries
        if entries:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Found]:
        """Every whole-word match in ``text``, longest first where they overlap, left to right."""
        if self._empty or not text:
            return []
        candidates = []
        for end, options in self._automaton.iter(_searchable(text)):
            end += 1
            for length, target, exact in options:
                start = end - length
                if exact is not None and text[start:end] != exact:
                    continue
                if start > 0 and _word_char(text[start - 1]) and _word_char(text[start]):
                    continue
                if end < len(text) and _word_char(text[end]) and _word_char(text[end - 1]):
                    continue
                candidates.append((start, -length, target))
                break
        return _leftmost_longest(candidates)


def _leftmost_longest(candidates) -> list[Found]:
    chosen: list[Found] = []
    last_end = -1
    for start, negative_length, target in sorted(candidates, key=lambda c: (c[0], c[1])):
        if start >= last_end:
            chosen.append(Found(start, start - negative_length, target))
            last_end = start - negative_length
    return chosen
