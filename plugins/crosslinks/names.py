"""Which words point to which entity: directory names and aliases, and a meeting's initials. Pure."""

from __future__ import annotations

from network.model import Directory, Entity, Meeting

from .matcher import is_acronym


def _key(name: str) -> str:
    return name if is_acronym(name) else " ".join(name.casefold().split())


def directory_names(directory: Directory) -> tuple[dict[str, Entity], dict[str, set[Entity]]]:
    """Every name and alias of every public entity; and the names two entities share.

    A shared name cannot be linked to either entity, so it is left out (and reported).
    """
    claims: dict[str, dict[str, set[Entity]]] = {}
    tables = (("person", directory.people), ("organisation", directory.organisations),
              ("theme", directory.themes))
    for kind, table in tables:
        for item in table.values():
            if kind == "person" and not item.public:
                continue
            for name in [item.name, *item.aliases]:
                if name and name.strip():
                    entry = claims.setdefault(_key(name), {})
                    entry.setdefault(name.strip(), set()).add(Entity(kind, item.id))
    names: dict[str, Entity] = {}
    shared: dict[str, set[Entity]] = {}
    for forms in claims.values():
        owners = set().union(*forms.values())
        if len(owners) > 1:
            shared[next(iter(forms))] = owners
            continue
        (owner,) = owners
        for form in forms:
            names[form] = owner
    return names, shared


def meeting_initials(meeting: Meeting | None, directory: Directory) -> tuple[dict[str, Entity | None], dict]:
    """A meeting's initials -> its people. Initials two attendees share map to None."""
    if meeting is None:
        return {}, {}
    owners: dict[str, set[str]] = {}
    for ref in meeting.attendees():
        person = directory.people.get(ref.person_id) if ref.person_id else None
        if person is None or not person.public or not person.initials:
            continue
        owners.setdefault(person.initials, set()).add(person.id)
    initials = {}
    shared = {}
    for letters, ids in owners.items():
        if len(ids) == 1:
            initials[letters] = Entity("person", next(iter(ids)))
        else:
            initials[letters] = None
            shared[letters] = sorted(ids)
    return initials, shared
