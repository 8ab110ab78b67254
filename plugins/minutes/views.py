"""What minutes pages show, and the rows of the actions register. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from network.model import Action, Document, Entity, Network, PersonRef
from network.urls import entity_url

from .meetings import ROLE_LABELS, still_to_come

GROUPS = (("present", "Present"), ("in_attendance", "In attendance"), ("apologies", "Apologies"))


@dataclass
class Attendee:
    name: str
    initials: str = ""
    entity: Entity | None = None  # a public directory person: their page
    organisation: object = None  # an Organisation of the directory
    organisation_text: str = ""  # a guest's organisation, as written


def attendee(ref: PersonRef | None, network: Network) -> Attendee | None:
    """A row of the attendance list; None for nobody, or for a private person."""
    if ref is None:
        return None
    if ref.person_id:
        person = network.people[ref.person_id]
        if not person.public:
            return None
        org = network.organisations.get(person.organisation) if person.organisation else None
        return Attendee(person.name, person.initials, Entity("person", person.id), org)
    name, _, rest = ref.text.partition("(")
    return Attendee(name.strip(), organisation_text=rest.rstrip(") ").strip())


def meeting_header(document: Document, network: Network, register_url: str | None = None) -> dict:
    """What the top of a minutes page shows; ``register_url``: where the register lists the
    actions these minutes set (minutes.registerpages.ActionPages.first_row_url)."""
    meeting = document.meeting
    groups = []
    for key, label in GROUPS:
        rows = [row for row in (attendee(ref, network) for ref in getattr(meeting, key)) if row]
        if rows:
            groups.append((label, rows))
    return {
        "body": network.organisations.get(meeting.body),
        "starts": meeting.starts,
        "ends": meeting.ends,
        "venue": meeting.venue,
        "chair": attendee(meeting.chair, network),
        "minutes_by": attendee(meeting.minutes_by, network),
        "groups": groups,
        "show_initials": document.uses_initials,
        "next_meeting": meeting.next_meeting,
        "next_meeting_has_time": meeting.next_meeting_has_time,
        "next_meeting_text": meeting.next_meeting_text,
        "next_venue": meeting.next_venue,
        "actions": document.actions,
        # Each action with who owns it, by name (a feed item lists them ahead of the text).
        "action_owners": [(action, owner_links(action, network)) for action in document.actions],
        "register_url": register_url,
    }


def owner_links(action: Action, network: Network) -> list[tuple[str, str | None]]:
    """(name to show, address of their page or None) for each owner of an action."""
    links = []
    for owner in action.owners:
        item = network.entity(owner.entity) if owner.entity else None
        links.append((item.name, entity_url(owner.entity)) if item else (owner.text, None))
    return links


def register_id(action: Action) -> str:
    """A row's id in the register: the minutes' file name and the action, unique on the page."""
    return f"{action.document.stem}-{action.anchor}"


def overview(network: Network, now) -> dict:
    """The meetings coming up, each with its body (the past ones: minutes.meetingpages)."""
    return {"upcoming": [(u, network.organisations.get(u.body)) for u in still_to_come(network.upcoming, now)]}


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)
