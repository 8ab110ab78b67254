"""Names the content uses that the directory does not hold yet: suggestions, never errors. Pure.

Read from the model after every check (``make check``), so the texts are the ones the site would
publish: drafts are already dropped and private names already withheld. Four ways of spotting a
name, each a single pass over a document's text:

- a capitalised name of several words ("Aled Pryce", "Northmoor Fire and Rescue Service");
- an acronym ("NFRS"), seen in two documents or spelt out once ("... Service (NFRS)");
- "Name, Role at Organisation" ("Aled Pryce, Community Safety Advocate with ...");
- a guest (a name in quotes in a meeting's lists) at more than one meeting.

Then the filters, in the name engine's own terms: a name, alias or id of the directory, anyone's
initials, an everyday word or acronym, and anything that is or looks like a private person's name
is dropped; a name close to a public one ("Sarah Cutlar") is a near-miss to correct, not a new
entry. Close names are looked for only among entries sharing a word with the candidate (an index
built once), so the whole costs one pass over the text plus a little per distinct name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from network.commonwords import MONTHS, WEEKDAYS, ordinary_kind
from network.errors import did_you_mean
from network.htmltext import html_to_blocks
from network.model import Entity, Network
from network.names import TITLES, is_acronym

from .namewords import EVERYDAY_ACRONYMS, ORGANISATION_WORDS, PLACE_WORDS, ROLE_WORDS, STARTERS

PERSON, ORGANISATION, NAME, NEAR = "person", "organisation", "name", "near-miss"

#: Words after a name that say it is a person's.
PERSON_VERBS = re.compile(r"^(?:'s )?\s*(?:\([^)]{1,80}\) )?(?:reported|said|asked|presented|confirmed|welcomed|"
                          r"agreed|noted|explained|outlined|thanked|introduced|suggested|offered|"
                          r"proposed|raised|gave|fed back|updated|chaired|joined|spoke|led|described)\b")

_WORD = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:['’-][A-Za-z]+)*|St)"
_JOIN = r"(?: (?:of|for|the|and|&|de|van|von|der|da|du|le|la|al|el|bin) | )"
_CAPITALISED = re.compile(rf"(?<![\w'’-]){_WORD}(?:{_JOIN}{_WORD}){{1,6}}(?![\w'’-])")
_ACRONYM = re.compile(r"(?<![\w&-])[A-Z][A-Z&]{1,7}(?![\w&-])")
#: After a name: ", Role at Organisation" (or with, of, for, from).
_ROLE_AT = re.compile(rf", (?P<role>[A-Z][\w'’ -]{{2,60}}?) (?:at|with|of|for|from) (?:the )?"
                      rf"(?P<org>{_WORD}(?:{_JOIN}{_WORD}){{0,6}})(?![\w'’-])")
_DATES = MONTHS | WEEKDAYS
_GUEST = re.compile(r"^\s*(?P<name>[^()]+?)\s*(?:\((?P<org>[^()]*)\))?\s*$")
_TITLED = re.compile(rf"\b(?:{'|'.join(TITLES)})\.? $")


@dataclass(frozen=True)
class Place:
    """Where a name was seen: a file (as the officer sees it), and a line once found."""

    path: str
    line: int | None = None


@dataclass
class Suggestion:
    """A name to consider for the directory (or, for a near-miss, to correct in the text)."""

    kind: str  # PERSON, ORGANISATION, NAME (either) or NEAR
    name: str
    reasons: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    role: str = ""
    organisation: str = ""  # as written; ``organisation_id`` when the directory knows it
    organisation_id: str = ""
    part_of: str = ""  # the id of a known organisation whose name this one starts with
    long_name: str = ""  # an acronym's spelt-out name, when the text gives it
    close: tuple[str, Entity] | None = None  # a near-miss: the name it is close to


@dataclass
class _Candidate:
    """Everything seen of one name, across the content."""

    name: str
    kind: str = NAME
    reasons: set = field(default_factory=set)
    documents: dict = field(default_factory=dict)  # path -> None (ordered)
    meetings: int = 0
    role: str = ""
    organisation: str = ""
    long_name: str = ""

    def seen(self, path: str, reason: str, kind: str = NAME) -> None:
        self.documents.setdefault(path)
        self.reasons.add(reason)
        if kind != NAME and self.kind != PERSON:  # evidence of a person wins
            self.kind = kind


class _Found(dict):
    """name -> _Candidate, filled by the finders. A name the directory knows is never noted: most
    capitalised names in a site's texts are its own, so they are dropped where they are met."""

    def __init__(self, known: Callable[[str], bool]):
        super().__init__()
        self.known = known
        #: A capitalised run as matched -> its names and whether each is an organisation's (the
        #: same runs come back in every document: each is cut and judged once).
        self.runs: dict[str, list[tuple[str, bool]]] = {}

    def note(self, name: str, path: str, reason: str, kind: str = NAME) -> _Candidate | None:
        candidate = self.get(name)
        if candidate is None:
            if self.known(name):
                return None
            candidate = self[name] = _Candidate(name)
        candidate.seen(path, reason, kind)
        return candidate


def find_suggestions(network: Network) -> list[Suggestion]:
    """Every suggestion the content gives, near-misses first, then people, organisations, others."""
    judge = _Judge(network)
    found = _Found(judge.known)
    for document in [*network.documents, *network.pages]:
        text = "\n".join(html_to_blocks(document.body))  # a name never runs from one block into the next
        _capitalised(text, document.path, found)
        _acronyms(text, document.path, found)
    _guests(network, found)
    suggestions = [s for s in (judge.suggestion(c) for c in _longest(found)) if s is not None]
    order = {NEAR: 0, PERSON: 1, ORGANISATION: 2, NAME: 3}
    return sorted(suggestions, key=lambda s: (order[s.kind], s.name.casefold()))


def _longest(found: _Found) -> list[_Candidate]:
    """The candidates, without a name that only ever ends a longer one ("Civic Centre" of
    "Calderbridge Civic Centre"): each name's endings of two words or more, with the documents
    they were seen in as part of it."""
    endings: dict[str, set[str]] = {}
    for name, candidate in found.items():
        words = name.split(" ")
        for start in range(1, len(words) - 1):
            endings.setdefault(" ".join(words[start:]), set()).update(candidate.documents)
    return [candidate for name, candidate in found.items()
            if name not in endings or not endings[name].issuperset(candidate.documents)]


def _trimmed(name: str) -> str:
    """A capitalised run without the words that start sentences or are dates."""
    words = [word for word in name.split(" ") if word]
    # A heading's verb ("Supporting the Operations Group") starts no name.
    while words and (words[0] in STARTERS or words[0].lower() in _DATES or not words[0][0].isupper()
                     or (words[0].endswith("ing") and len(words) > 1 and words[1].islower())):
        words.pop(0)
    while words and (not words[-1][0].isupper() or words[-1].lower() in _DATES):
        words.pop()
    return " ".join(words)


def _parts(whole: str) -> list[str]:
    """A capitalised run cut into names: "Yusuf Haddad and Hannah Cole" are two people, and so are
    "Northmoor County Council and Northmoor Community Foundation" two organisations; "Northmoor Fire
    and Rescue Service" is one name (what stands before its "and" is not a name on its own)."""
    parts = [whole]
    for joint in (" and ", " & "):
        cut = []
        for part in parts:
            pieces = part.split(joint)
            whole_name = any(word in ORGANISATION_WORDS for word in pieces[-1].split(" "))
            if len(pieces) > 1 and whole_name and pieces[0].split(" ")[-1] not in ORGANISATION_WORDS:
                cut.append(part)
            else:
                cut += [_trimmed(piece) for piece in pieces]
        parts = cut
    return parts


def _names_in_run(run: str, found: _Found) -> list[tuple[str, bool]]:
    """The names a capitalised run holds that the directory does not, each with whether it is an
    organisation's; places, job titles and possessives left out."""
    names = []
    for part in _parts(_trimmed(run)):
        words = part.split(" ")
        if (len(words) < 2 or words[-1] in PLACE_WORDS or words[0] in ROLE_WORDS or words[-1] in ROLE_WORDS
                or words[-1].endswith(("'s", "’s")) or found.known(part)):
            continue
        organisation = any(word in ORGANISATION_WORDS for word in words)
        if organisation or len(words) <= 4:
            names.append((part, organisation))
    return names


def _capitalised(text: str, path: str, found: _Found) -> None:
    runs = found.runs
    for match in _CAPITALISED.finditer(text):
        run = match.group()
        names = runs.get(run)
        if names is None:
            names = runs[run] = _names_in_run(run, found)
        if names and text.startswith(", ", match.end()):
            _role(text, match.end(), names[-1][0], path, found)
        for name, organisation in names:
            if organisation:
                found.note(name, path, "a capitalised name", ORGANISATION)
                continue
            after = text[match.end():match.end() + 100]  # "Jo Bloggs and Aled Pryce reported": both
            before = text[max(0, match.start() - 12):match.start()] if run.startswith(name) else ""
            person = bool(PERSON_VERBS.match(after.lstrip(" ")) or _TITLED.search(before))
            found.note(name, path, "a capitalised name", PERSON if person else NAME)


def _acronyms(text: str, path: str, found: _Found) -> None:
    for match in _ACRONYM.finditer(text):
        word = match.group()
        if word in EVERYDAY_ACRONYMS or found.known(word) or _shouted(text, match.start(), match.end()):
            continue
        candidate = found.note(word, path, "an acronym", ORGANISATION)
        if candidate is None:
            continue
        # "Northmoor Fire and Rescue Service (NFRS)": the acronym spelt out just before it.
        if text[match.start() - 1:match.start()] == "(" and not candidate.long_name:
            spelt = _spelt_out(text[max(0, match.start() - 120):match.start() - 1].rstrip(), word)
            candidate.long_name = spelt or ""


def _spelt_out(before: str, acronym: str) -> str | None:
    runs = list(_CAPITALISED.finditer(before))
    if not runs or runs[-1].end() != len(before):
        return None
    name = _trimmed(runs[-1].group())
    initials = "".join(word[0] for word in name.split(" ") if word[0].isupper())
    return name if initials == acronym.replace("&", "") else None


def _shouted(text: str, start: int, end: int) -> bool:
    """Beside another word in capitals: a heading typed in capitals, not an acronym."""
    previous = text[max(0, start - 30):start].rstrip(" ").rsplit(" ", 1)[-1]
    following = text[end:end + 30].lstrip(" ").split(" ", 1)[0]
    return any(len(word) > 1 and word.isalpha() and word.isupper() for word in (previous, following))


def _role(text: str, at: int, name: str, path: str, found: _Found) -> None:
    """"Aled Pryce, Community Safety Advocate with ...": a person, with a role and an organisation."""
    match = _ROLE_AT.match(text, at)
    if match is None or len(name.split(" ")) > 3 or any(w in ORGANISATION_WORDS for w in name.split(" ")):
        return
    candidate = found.note(name, path, '"Name, Role at Organisation"', PERSON)
    if candidate is not None:
        candidate.role = candidate.role or match.group("role")
        candidate.organisation = candidate.organisation or _trimmed(match.group("org"))


def _guests(network: Network, found: _Found) -> None:
    """Guests shown as written in meetings' lists ("Jo Bloggs (Acme Trust)"), counted by meeting."""
    for document in network.documents:
        if document.meeting is None:
            continue
        for ref in document.meeting.attendees():
            match = _GUEST.match(ref.text) if ref.is_guest else None
            if match is None or len(match.group("name").split()) < 2:
                continue
            candidate = found.note(match.group("name"), document.path, "a guest at meetings")
            if candidate is None:
                continue
            candidate.meetings += 1
            candidate.organisation = candidate.organisation or (match.group("org") or "").strip()


class _Judge:
    """Decides, for each candidate, whether it is news to the directory (see the module's docstring)."""

    def __init__(self, network: Network):
        directory = network.directory
        self.names = directory.names
        self.initials = {person.initials for person in directory.people.values()}
        self._answers: dict[str, bool] = {}
        #: A word of a name (lower case) -> (name, entity, private) of every entry using it.
        self.by_word: dict[str, list[tuple[str, Entity, bool]]] = {}
        for kind, table in (("person", directory.people), ("organisation", directory.organisations)):
            for item in table.values():
                private = not getattr(item, "public", True)
                for name in [item.name, *item.aliases]:
                    for word in {name.split()[0].lower(), name.split()[-1].lower()}:
                        self.by_word.setdefault(word, []).append((name, Entity(kind, item.id), private))

    def known(self, name: str) -> bool:
        """Whether the directory has this name (as a name, alias, id or initials), asked once a name."""
        answer = self._answers.get(name)
        if answer is None:
            answer = self._answers[name] = self._known(name)
        return answer

    def suggestion(self, candidate: _Candidate) -> Suggestion | None:
        name = candidate.name
        if self.known(name) or self.names.may_name_private(name):
            return None
        if all(ordinary_kind(word) or word in STARTERS for word in name.split(" ")):
            return None
        if self._holds_a_private_name(name):
            return None
        close = self._close(name)
        if close is not None:
            written, entity, private = close
            if private:  # never proposed, not even as a correction: the text names them already
                return None
            return Suggestion(NEAR, name, sorted(candidate.reasons), _places(candidate), close=(written, entity))
        if not self._enough(candidate):
            return None
        return self._new_entry(candidate)

    def _known(self, name: str) -> bool:
        if is_acronym(name) and name in self.initials:
            return True
        stripped = name[4:] if name.startswith("The ") else name
        for form in (name, stripped, stripped.removesuffix("'s").removesuffix("’s")):
            found = self.names.resolve(form)
            if found.entity is not None or found.ambiguous:
                return True
        return False

    def _close(self, name: str) -> tuple[str, Entity, bool] | None:
        words = name.split(" ")
        if len(words) < 2:
            return None
        pool = {}
        for word in {words[0].lower(), words[-1].lower()}:
            for entry in self.by_word.get(word, ()):
                pool.setdefault(entry[0], entry)
        near = did_you_mean(name, pool, cutoff=0.85)
        return pool[near] if near else None

    def _holds_a_private_name(self, name: str) -> bool:
        """Whether two or three words in a row of a longer name are, or are close to, a private
        person's name ("Ottilie Marchbank Foundation"): the whole is never proposed."""
        words = name.split(" ")
        for size in (2, 3):
            for start in range(1 if size == len(words) else 0, len(words) - size + 1):
                close = self._close(" ".join(words[start:start + size]))
                if close is not None and close[2]:
                    return True
        return False

    @staticmethod
    def _enough(candidate: _Candidate) -> bool:
        """Named as a person ("Name, Role at ...", "Dr ...", "... reported"), spelt out as an acronym,
        a guest at two meetings, an organisation in two documents, any other name in three."""
        if candidate.long_name or candidate.kind == PERSON or candidate.meetings >= 2:
            return True
        if candidate.kind == ORGANISATION:
            return len(candidate.documents) >= 2
        return len(candidate.documents) >= 3

    def _new_entry(self, candidate: _Candidate) -> Suggestion:
        reasons = set(candidate.reasons)
        if candidate.meetings:
            plural = "s" if candidate.meetings != 1 else ""
            reasons = (reasons - {"a guest at meetings"}) | {f"a guest at {candidate.meetings} meeting{plural}"}
        if len(candidate.documents) >= 2 and candidate.kind != PERSON:
            reasons.add(f"in {len(candidate.documents)} documents")
        organisation = self.names.resolve(candidate.organisation, ("organisation",)).entity \
            if candidate.organisation else None
        kind = PERSON if candidate.meetings >= 2 else candidate.kind
        return Suggestion(kind, candidate.name, sorted(reasons), _places(candidate), role=candidate.role,
                          organisation=candidate.organisation, organisation_id=organisation.id if organisation else "",
                          part_of=self._part_of(candidate), long_name=candidate.long_name)

    def _part_of(self, candidate: _Candidate) -> str:
        """A known organisation whose full name the new one starts with ("... Forum Youth Project")."""
        if candidate.kind != ORGANISATION:
            return ""
        words = candidate.name.split(" ")
        for size in range(len(words) - 1, 1, -1):
            found = self.names.resolve(" ".join(words[:size]), ("organisation",)).entity
            if found is not None:
                return found.id
        return ""


def _places(candidate: _Candidate) -> list[Place]:
    return [Place(path) for path in candidate.documents]
