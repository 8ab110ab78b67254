"""Who an attendee of a Word file is in the directory. Pure.

The build's own name engine decides (``network.names.NameEngine``: a name or alias, however its
apostrophes and accents are typed); where the name is not known, the initials with the
organisation ("RA" of "Calderbridge Refugee Forum") can still name one person. Anyone else stays
as written, "Name (Organisation)", which the build shows without a link: never a wrong person.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import NamedTuple

from network.errors import did_you_mean
from network.model import Directory, Entity
from network.names import TITLES

from .attendance import Attendee


class Match(NamedTuple):
    """What to write for one attendee, and how it was found (for the review block)."""

    value: str  # a person's id, or a guest as written
    why: str
    person_id: str | None = None


class Matcher:
    """Matches people and organisations against one directory."""

    def __init__(self, directory: Directory):
        self.directory = directory
        self.names = directory.names
        self.by_initials: dict[str, list[str]] = defaultdict(list)
        for person in directory.people.values():
            if person.initials:
                self.by_initials[person.initials.upper()].append(person.id)

    def organisation(self, text: str) -> Entity | None:
        """The one organisation a name or acronym stands for."""
        text = text.strip()
        if not text:
            return None
        return self.names.resolve(text, ("organisation",)).entity

    def person(self, attendee: Attendee) -> Match:
        if attendee.initials and attendee.initials == attendee.organisation:  # "Name (XY)": which is it?
            shape = "initials" if self.organisation(attendee.organisation) else "organisation"
            attendee = replace(attendee, **{shape: ""})
        by_name = self._by_name(attendee.name)
        if by_name:
            return by_name
        by_initials = self._by_initials(attendee)
        if by_initials:
            return by_initials
        return self._guest(attendee)

    def _by_name(self, name: str) -> Match | None:
        for typed in _with_and_without_title(name):
            found = self.names.resolve(typed, ("person",))
            if found.entity:
                return Match(found.entity.id, f"'{name}' is a name in the directory", found.entity.id)
            if found.ambiguous:
                ids = ", ".join(entity.id for entity in found.ambiguous)
                return Match(name, f"'{name}' could be any of {ids}: kept as written; write the right id")
        return None

    def _by_initials(self, attendee: Attendee) -> Match | None:
        if not attendee.initials:
            return None
        candidates = self.by_initials.get(attendee.initials.upper(), [])
        organisation = self.organisation(attendee.organisation)
        if organisation:
            candidates = [i for i in candidates if self.directory.people[i].organisation == organisation.id]
        elif attendee.name != attendee.initials:
            return None  # a name we do not know with common initials: not enough to go on
        if len(candidates) != 1:
            return None
        person = self.directory.people[candidates[0]]
        shown = f"'{attendee.name}' ({attendee.initials}"
        shown += f", {attendee.organisation})" if attendee.organisation else ")"
        return Match(person.id, f"{shown} is {person.name} by initials"
                     + (" and organisation" if organisation else " (the only one with them)"), person.id)

    def _guest(self, attendee: Attendee) -> Match:
        organisation = attendee.organisation
        entity = self.organisation(organisation)
        if entity:  # the directory's spelling of the organisation
            organisation = self.directory.organisations[entity.id].name
        value = f"{attendee.name} ({organisation})" if organisation else attendee.name
        public = self.names.public_names(("person",))
        close = did_you_mean(attendee.name, public, cutoff=0.8)
        why = f"'{attendee.name}' is not in the directory: kept as a guest"
        if close:
            why += f" (did you mean {close}, {public[close].id}?)"
        return Match(value, why)


def _with_and_without_title(name: str) -> list[str]:
    """"Revd Margaret Ashdown" and "Margaret Ashdown": the directory may have either."""
    words = name.split()
    forms = [name]
    while words and words[0].rstrip(".") in TITLES and len(words) > 2:
        words = words[1:]
        forms.append(" ".join(words))
    return forms
