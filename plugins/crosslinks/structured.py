"""schema.org JSON-LD for people, organisations, articles and meetings. Pure.

Search engines and other tools read these; only public people ever appear in them.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from network.model import Document, Network, Organisation, Person

from network.urls import entity_url
from network.model import Entity


#: Characters that could end the <script> element or start markup inside it, written as JSON's
#: escapes (\u003c): a name or title typed as "</script><script>..." stays text to a JSON reader.
_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                            "\u2028": "\\u2028", "\u2029": "\\u2029"})


def to_script(data: dict) -> Markup:
    """The JSON for a <script type="application/ld+json">, safe to put inside HTML as it is."""
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=False)
    return Markup(text.translate(_IN_SCRIPT))


def _page(siteurl: str, path: str) -> str:
    return f"{siteurl}/{path}"


def _named(schema_type: str, entity: Entity, name: str, siteurl: str) -> dict:
    """An entry as schema.org names it: its type, its name and its page."""
    return {"@type": schema_type, "name": name, "url": _page(siteurl, entity_url(entity))}


def _filled(data: dict, **fields) -> dict:
    """``data`` with those of ``fields`` that have a value (schema.org omits what is unknown)."""
    return {**data, **{key: value for key, value in fields.items() if value}}


def person_data(person: Person, network: Network, siteurl: str, brief: bool = False) -> dict:
    data = _named("Person", Entity("person", person.id), person.name, siteurl)
    if brief:
        return data
    org = network.organisations.get(person.organisation) if person.organisation else None
    return _filled(data, jobTitle=person.role,
                   worksFor=org and organisation_data(org, network, siteurl, brief=True), sameAs=person.url)


def organisation_data(org: Organisation, network: Network, siteurl: str, brief: bool = False) -> dict:
    data = _named("Organization", Entity("organisation", org.id), org.name, siteurl)
    if brief:
        return data
    parent = network.organisations.get(org.part_of) if org.part_of else None
    return _filled(data, alternateName=org.aliases, sameAs=org.url,
                   parentOrganization=parent and organisation_data(parent, network, siteurl, True),
                   subOrganization=[organisation_data(o, network, siteurl, True)
                                    for o in network.directory.parts_of(org.id)])


def with_context(data: dict) -> dict:
    return {"@context": "https://schema.org", **data}


def article_data(document: Document, network: Network, siteurl: str, sitename: str) -> dict:
    data = {
        "@type": "NewsArticle",
        "headline": document.title,
        "datePublished": document.date.isoformat(),
        "url": _page(siteurl, document.url),
        "mainEntityOfPage": _page(siteurl, document.url),
        "articleSection": document.category,
        "publisher": {"@type": "Organization", "name": sitename, "url": f"{siteurl}/"},
    }
    if document.author and document.author.person_id in network.people:
        person = network.people[document.author.person_id]
        if person.public:
            data["author"] = person_data(person, network, siteurl, brief=True)
    elif document.author:
        data["author"] = {"@type": "Person", "name": document.author.text}
    about, mentions = [], []
    for entity, involvement in document.involved.items():
        item = network.entity(entity)
        if item is None:
            continue
        if entity.kind == "person":
            if not item.public:
                continue
            node = person_data(item, network, siteurl, brief=True)
        elif entity.kind == "organisation":
            node = organisation_data(item, network, siteurl, brief=True)
        else:
            node = {"@type": "Thing", "name": item.name, "url": _page(siteurl, entity_url(entity))}
        (about if involvement.tagged else mentions).append(node)
    if about:
        data["about"] = about
    if mentions:
        data["mentions"] = mentions
    return data


def meeting_data(document: Document, network: Network, siteurl: str) -> dict | None:
    meeting = document.meeting
    if meeting is None:
        return None
    body = network.organisations.get(meeting.body)
    data = {
        "@type": "Event",
        "name": f"{body.name if body else meeting.body} meeting",
        "startDate": meeting.starts.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "url": _page(siteurl, document.url),
    }
    if meeting.ends:
        data["endDate"] = meeting.starts.replace(hour=meeting.ends.hour, minute=meeting.ends.minute).isoformat()
    if meeting.venue:
        data["location"] = {"@type": "Place", "name": meeting.venue}
    if body:
        data["organizer"] = organisation_data(body, network, siteurl, brief=True)
    attendees = []
    for ref in [meeting.chair, meeting.minutes_by, *meeting.present, *meeting.in_attendance]:
        if ref is None:
            continue
        person = network.people.get(ref.person_id) if ref.person_id else None
        if person is not None and person.public:
            node = person_data(person, network, siteurl, brief=True)
        elif person is None:
            node = {"@type": "Person", "name": ref.text}
        else:
            continue
        if node not in attendees:
            attendees.append(node)
    if attendees:
        data["attendee"] = attendees
    return data


def document_scripts(document: Document, network: Network, siteurl: str, sitename: str) -> list[str]:
    """The JSON-LD blocks of one article page: the article, and the meeting for minutes."""
    blocks = [with_context(article_data(document, network, siteurl, sitename))]
    event = meeting_data(document, network, siteurl)
    if event:
        blocks.append(with_context(event))
    return [to_script(block) for block in blocks]
