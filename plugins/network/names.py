"""The one name engine: every way the directory names someone or something, found in any text.

Pure. Built once per build from the directory; linking (crosslinks), withholding private names
(``privacy.py``) and resolving names typed in front matter or as an action's owner all ask it, so
a name means the same thing everywhere.

Names and text are compared in one form (``nametext``: apostrophes, dashes, spaces and accents
folded). One table holds every name, alias and derived form, keyed in lower case; Aho-Corasick
automata over it find them (one for public names, which linking looks for, one for private
names, which withholding looks for), so a search walks the text once, whatever the size of the
directory, and costs what it finds. Then the rules:

- whole words only, and where matches overlap the longest wins;
- a person's or organisation's name matches with the capitals it has in the directory, or wholly
  in capitals, and a leading "The" in any case; a theme's in any case;
- an acronym ("CCC") matches only as itself, and not inside shouted text: next to another word in
  capitals that is not an acronym of the directory ("SHARE YOUR VIEWS");
- a one-word alias of a person ("Sam", "June") is ``short``: the linker links it only where the
  person is present in the document;
- a private person's "title + surname" forms ("Cllr Whitworth", "Dr. Mensah") and id are derived,
  for withholding only;
- a name two entries share is ambiguous everywhere, and reported once (``shared``).

Withholding ignores case and context: any form of a private person's name, however typed, is
found.
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from . import commonwords, nametext
from .commonwords import ordinary_kind
from .model import Directory, Entity
from .nametext import (_FOLD, ANY_TAG, ROOMLESS_TAG, fold, is_word_char, lower_same_length, strip_accents,
                       tags_as_text)

TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Cllr", "Councillor", "Sir", "Dame",
          "Rev", "Revd", "Lord", "Lady")
_ABBREVIATED = {"Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Cllr", "Rev", "Revd"}
#: Lower-case words that belong to a surname ("van der Berg", "de Souza").
_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "le", "la", "del", "della", "dos", "das",
              "bin", "binti", "al", "el", "ter", "ten", "st"}
_ACRONYM = re.compile(r"^[A-Z0-9&]{2,}$")
_CAPITAL_WORD = re.compile(r"[A-Z][A-Z0-9&'-]+")
_SPACES = re.compile("  +")

CAPITALS, ANY_CASE, ACRONYM = "capitals", "any case", "acronym"


def is_acronym(name: str) -> bool:
    letters = name.replace(" ", "")
    return bool(_ACRONYM.match(letters)) and any(c.isalpha() for c in letters)


@dataclass(frozen=True)
class Claim:
    """One way of writing one entry's name."""

    entity: Entity
    written: str  # as in the directory (or derived from it), for messages
    shape: str  # folded, capitals kept
    rule: str  # CAPITALS, ANY_CASE or ACRONYM
    private: bool = False
    short: bool = False  # a one-word alias of a person: linked only where they are present
    derived: bool = False  # a "title + surname" form

    def fits(self, typed: str) -> bool:
        """Whether ``typed`` (the text as folded, capitals kept) is this name by the rules of case."""
        if self.rule == ANY_CASE or typed == self.shape:
            return True
        if self.rule == ACRONYM:
            return False
        if typed == self.shape.upper():
            return True
        if self.shape[:4].lower() == "the " and typed[:4].lower() == "the ":
            return typed[4:] == self.shape[4:] or typed[4:] == self.shape[4:].upper()
        return False


class Fit(NamedTuple):
    """The claims that fit a name as typed, and what follows from them (worked out once)."""

    claims: tuple[Claim, ...]
    target: Entity | None  # the one entry they name; None where two entries share the name
    short: bool  # all of them one-word aliases of people
    acronym: bool

    @classmethod
    def of(cls, claims: tuple[Claim, ...]) -> "Fit":
        entities = {claim.entity for claim in claims}
        return cls(claims, entities.pop() if len(entities) == 1 else None, all(c.short for c in claims),
                   bool(claims) and claims[0].rule == ACRONYM)


#: Where a name stands in a view, and the claims on it that fit: (start, end, Fit). A plain
#: tuple: a build makes hundreds of thousands.
Hit = tuple[int, int, Fit]


class _Entry(NamedTuple):
    """What the automaton holds for one key: its claims, public and private apart."""

    length: int
    public: tuple[Claim, ...]
    private: Fit
    word_start: bool  # the name starts with a letter, digit or _ (so needs a boundary before)
    word_end: bool
    #: As typed (folded) -> the public claims that fit it: a text types a name in few ways.
    fitting: dict

    @classmethod
    def of(cls, key: str, claims: list[Claim]) -> "_Entry":
        private = tuple(c for c in claims if c.private)
        return cls(len(key), tuple(c for c in claims if not c.private), Fit.of(private) if private else None,
                   is_word_char(key[0]), is_word_char(key[-1]), {})


class Resolution(NamedTuple):
    """What a name typed on its own (an attendee, an action's owner) stands for."""

    entity: Entity | None
    ambiguous: tuple[Entity, ...] = ()


def surname(name: str) -> str:
    """The last word of a name, with the particles before it ("van der Berg")."""
    words = name.split()
    if len(words) < 2:
        return ""
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def first_name(name: str) -> str:
    words = name.split()
    return words[0] if len(words) > 1 else ""


def _key(shape: str) -> str:
    return lower_same_length(shape)


class NameEngine:
    """Every name of the directory, and the rules that find them (see the module's docstring)."""

    def __init__(self, directory: Directory):
        self.directory = directory
        claims: dict[str, list[Claim]] = {}
        for claim in _claims(directory):
            if claim.shape:
                claims.setdefault(_key(claim.shape), []).append(claim)
        self._claims = claims
        entries = {key: _Entry.of(key, found) for key, found in claims.items()}
        # Linking looks for public names, withholding for private ones: each pass walks the text
        # with the automaton of its own names, so it costs what it finds.
        self._public = automaton_of({key: entry for key, entry in entries.items() if entry.public})
        self._private = automaton_of({key: entry for key, entry in entries.items() if entry.private})
        #: Acronyms of the directory: beside one another they are not shouted text.
        self.acronyms = {c.shape for found in claims.values() for c in found if c.rule == ACRONYM}
        #: First names (folded, lower case) -> the ids of the people who have them.
        self.first_names: dict[str, set[str]] = {}
        for person in directory.people.values():
            first = _key(fold(first_name(person.name)))
            if first:
                self.first_names.setdefault(first, set()).add(person.id)

    def fingerprint(self) -> str:
        """Every claim, and the code that reads them: what linked text kept between builds
        depends on besides the text itself."""
        digest = hashlib.sha256(repr(sorted((key, claims) for key, claims in self._claims.items())).encode())
        for module in (sys.modules[__name__], nametext, commonwords):
            with open(module.__file__, "rb") as handle:
                digest.update(handle.read())
        return digest.hexdigest()

    # --- What a writer is told once per build ---------------------------------------------

    def shared(self) -> list[tuple[str, tuple[Entity, ...]]]:
        """Names (or aliases) that two public entries of the directory share, as written, with both
        (a private person's name is withheld wherever it appears: never shared, never linked)."""
        found = []
        for claims in self._claims.values():
            typed = [c for c in claims if not c.derived and not c.private]
            owners = tuple(sorted({c.entity for c in typed}))
            if len(owners) > 1:
                found.append((typed[0].written, owners))
        return sorted(found)

    def risky_aliases(self) -> list[tuple[Claim, str]]:
        """One-word aliases of people that are also months, weekdays, ordinary words or the first
        name of someone else; with the reason."""
        notes = []
        for claims in self._claims.values():
            for claim in claims:
                if not claim.short:
                    continue
                reason = ordinary_kind(claim.shape)
                others = self.first_names.get(_key(claim.shape), set()) - {claim.entity.id}
                if others:
                    names = ", ".join(sorted(self.directory.people[i].name for i in others))
                    reason = f"also the first name of {names}"
                elif reason:
                    reason = f"also {reason}"
                if reason:
                    notes.append((claim, reason))
        return sorted(notes, key=lambda note: (note[0].entity.id, note[0].written))

    # --- Finding names in text --------------------------------------------------------------

    @staticmethod
    def _candidates(view, automaton):
        """(start, end, entry) of every whole-word occurrence in ``view`` of a name of ``automaton``."""
        if automaton is None:
            return
        text = view.text
        size = len(text)
        for end, entry in automaton.iter(view.key):
            end += 1
            start = end - entry.length
            # Whole words: no letter, digit or _ on either side of a name that starts or ends in one.
            if start and (text[start - 1].isalnum() or text[start - 1] == "_") and entry.word_start:
                continue
            if end < size and (text[end].isalnum() or text[end] == "_") and entry.word_end:
                continue
            yield start, end, entry

    def mentions(self, view, before: str = "", after: str = "", also_acronyms=()) -> list[Hit]:
        """Public names in ``view`` by the rules of case, leftmost-longest. ``before`` and
        ``after``: the text beside the view (across inline tags), for telling shouted text;
        ``also_acronyms``: words in capitals that are not shouting there (a meeting's initials)."""
        hits = []
        text = view.text
        for start, end, entry in self._candidates(view, self._public):
            typed = text[start:end]
            fit = entry.fitting.get(typed)
            if fit is None:
                fit = entry.fitting[typed] = Fit.of(tuple(c for c in entry.public if c.fits(typed)))
            if not fit.claims or (fit.acronym and self._shouted(text, start, end, before, after, also_acronyms)):
                continue
            hits.append((start, end, fit))
        return leftmost_longest(hits) if len(hits) > 1 else hits

    def _shouted(self, text: str, start: int, end: int, before: str, after: str, also_acronyms=()) -> bool:
        """Whether an acronym stands beside another word in capitals (not one of ours), with only
        spaces between them: "SHARE YOUR VIEWS" is shouted, "CCC: NEW" and "CCC and NCC" are not."""
        # Only the word on either side matters: a few dozen characters are enough.
        left = (before[-40:] if start < 40 else "") + text[max(0, start - 40):start]
        right = text[end:end + 40] + (after[:40] if len(text) - end < 40 else "")
        previous = left.rstrip(" ").rsplit(" ", 1)[-1].lstrip("(\"'") if left.endswith(" ") else ""
        following = right.lstrip(" ").split(" ", 1)[0].rstrip(".,;:!?)\"'") if right.startswith(" ") else ""
        return any(word and _CAPITAL_WORD.fullmatch(word) and word not in self.acronyms
                   and word not in also_acronyms for word in (previous, following))

    def private_names(self, view) -> list[Hit]:
        """Every form of a private person's name in ``view``, in any case, leftmost-longest."""
        hits = []
        for start, end, entry in self._candidates(view, self._private):
            hits.append((start, end, entry.private))
        return leftmost_longest(hits)

    def may_name_private(self, source: str) -> bool:
        """Whether ``source`` (HTML or text) holds a private name in any form.

        Made of whole-text operations (in C), so a document without one never needs a view: the
        text is brought to its view's form, in lower case and without the way back (references
        decoded, tags that take no room removed and the others as spaces, accents folded, runs
        of spaces as one), and the tags' own text is added (an ``alt``, a comment)."""
        if self._private is None or not source:
            return False
        loose = html.unescape(source) if "&" in source else source
        loose = lower_same_length(loose)
        if "<" in loose:
            loose = ANY_TAG.sub(" ", ROOMLESS_TAG.sub("", loose)) + " " + tags_as_text(loose)
        if not loose.isascii():
            loose = strip_accents(loose)
        loose = _SPACES.sub(" ", loose.translate(_FOLD))
        size = len(loose)
        for end, entry in self._private.iter(loose):
            start = end + 1 - entry.length
            if start and is_word_char(loose[start - 1]) and entry.word_start:
                continue
            if end + 1 < size and is_word_char(loose[end + 1]) and entry.word_end:
                continue
            return True
        return False

    # --- Names typed on their own ------------------------------------------------------------

    def resolve(self, typed: str, kinds: tuple[str, ...] = ("person", "organisation", "theme")) -> Resolution:
        """The one entry ``typed`` names (any case, any apostrophe...), or the entries it could be."""
        claims = self._claims.get(_key(fold(typed)), [])
        owners = tuple(sorted({c.entity for c in claims if c.entity.kind in kinds}))
        if len(owners) == 1:
            return Resolution(owners[0])
        return Resolution(None, owners)

    def public_names(self, kinds: tuple[str, ...] = ("person",)) -> dict[str, Entity]:
        """The name of every public entry of those kinds, with its entry: what a misspelt name is
        matched to for a hint (a private person's name is never suggested, nor an alias that only
        makes sense in the text it was written for)."""
        directory = self.directory
        tables = (("person", directory.people), ("organisation", directory.organisations), ("theme", directory.themes))
        return {item.name: Entity(kind, item.id) for kind, table in tables if kind in kinds
                for item in table.values() if getattr(item, "public", True)}

    def private_claims(self) -> list[Claim]:
        """Every form of every private person's name (names, aliases, id, "title + surname")."""
        return [claim for claims in self._claims.values() for claim in claims if claim.private]

    def is_private(self, entity: Entity) -> bool:
        person = self.directory.people.get(entity.id) if entity.kind == "person" else None
        return person is not None and not person.public


def leftmost_longest(hits: list[Hit]) -> list[Hit]:
    chosen: list[Hit] = []
    last_end = -1
    for hit in sorted(hits, key=lambda h: (h[0], h[0] - h[1])):
        if hit[0] >= last_end:
            chosen.append(hit)
            last_end = hit[1]
    return chosen


def automaton_of(words: dict):
    """One Aho-Corasick automaton finding every word of ``words`` (word -> what it gives back);
    None for no words."""
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word, value in words.items():
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


def _claims(directory: Directory):
    """Every claim of every entry: names and aliases; for a private person, also their id, their
    names' words run together and "title + surname" forms (withheld, never linked: "Mr Reed"
    may be anyone)."""
    for person in directory.people.values():
        entity, private = Entity("person", person.id), not person.public
        for index, name in enumerate([person.name, *person.aliases]):
            yield _claim(entity, name, private, short=index > 0 and len(fold(name).split()) == 1)
        last = surname(person.name)
        if private:
            yield Claim(entity, person.id, person.id, ANY_CASE, True, derived=True)
            # Their words run together ("OttilieMarchbanks", or joined by a zero-width space,
            # which takes no room in a view) still read as their name.
            for name in [person.name, *person.aliases]:
                words = fold(name).split()
                if len(words) > 1:
                    yield Claim(entity, "".join(words), "".join(words), ANY_CASE, True, derived=True)
            for title in TITLES if last else ():
                for written in (f"{title} {last}", f"{title}. {last}" if title in _ABBREVIATED else ""):
                    if written:
                        yield Claim(entity, written, fold(written), CAPITALS, True, derived=True)
    for kind, table in (("organisation", directory.organisations), ("theme", directory.themes)):
        for item in table.values():
            for name in [item.name, *item.aliases]:
                yield _claim(Entity(kind, item.id), name, False, theme=kind == "theme")


def _claim(entity: Entity, name: str, private: bool, short: bool = False, theme: bool = False) -> Claim:
    shape = fold(name)
    if is_acronym(shape):
        rule, short = ACRONYM, False
    else:
        rule = ANY_CASE if theme else CAPITALS
    return Claim(entity, name.strip(), shape, rule, private, short)

