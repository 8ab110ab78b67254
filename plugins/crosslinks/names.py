"""Who a document's front matter puts in it, and what a meeting's initials stand for. Pure.

The directory's names are the name engine's (``network.names``); these are the parts that belong
to one document.
"""

from __future__ import annotations

from network.model import Directory, Document, Entity, Meeting


def present_people(document: Document) -> frozenset[str]:
    """The ids of the people a document's front matter names: tagged, the author, the meeting's."""
    present = set(document.people)
    if document.author is not None and document.author.person_id:
        present.add(document.author.person_id)
    if document.meeting is not None:
        present.update(ref.person_id for ref in document.meeting.attendees() if ref.person_id)
    return frozenset(present)


def meeting_initials(meeting: Meeting | None, directory: Directory) -> tuple[dict[str, Entity | None], dict]:
    """A meeting's initials -> its people, and the initials two or more attendees share.

    Initials that two attendees share map to None, and so do a private person's: private people
    count when deciding that initials are shared, and their initials never link to anyone.
    """
    if meeting is None:
        return {}, {}
    owners: dict[str, set[str]] = {}
    for ref in meeting.attendees():
        person = directory.people.get(ref.person_id) if ref.person_id else None
        if person is not None and person.initials:
            owners.setdefault(person.initials, set()).add(person.id)
    initials: dict[str, Entity | None] = {}
    shared = {}
    for letters, ids in owners.items():
        only = next(iter(ids)) if len(ids) == 1 else None
        initials[letters] = Entity("person", only) if only and directory.people[only].public else None
        if len(ids) > 1:
            shared[letters] = sorted(ids)
    return initials, shared
