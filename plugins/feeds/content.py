"""What a feed item's content needs so it reads on its own, in a reader that never opens the site
and shows no tooltips: the people behind initials. Pure.

Minutes call people by their initials ("RA welcomed…"); on the page the attendance table says who
RA is. In a feed the first use of each person's initials is followed by their name, "RA (Ruth
Abernethy)", and every linked use carries the name as its title. The initials links are the ones
the linker marks (crosslinks.linker: ``data-mention="person:<id>"`` and ``data-initials``).
"""

from __future__ import annotations

import html
import re
from typing import Mapping

from network.model import Person

#: A link the linker made from a person's initials: its opening tag's attributes and its letters.
_INITIALS_LINK = re.compile(r'<a\b(?P<attributes>(?=[^>]*\sdata-initials\b)[^>]*)>(?P<letters>[^<]*)</a>')
_PERSON = re.compile(r'\sdata-mention="person:(?P<id>[^"]*)"')


def expand_initials(fragment: str, people: Mapping[str, Person]) -> str:
    """``fragment`` with each person's first initials link followed by their name in brackets,
    and every initials link titled with it. Private people are never linked, so never named."""
    named: set[str] = set()

    def expand(match: re.Match) -> str:
        found = _PERSON.search(match["attributes"])
        person = people.get(html.unescape(found["id"])) if found else None
        if person is None or not person.public:
            return match[0]
        name = html.escape(person.name)
        link = f'<a{match["attributes"]} title="{name}">{match["letters"]}</a>'
        if person.id in named:
            return link
        named.add(person.id)
        return f"{link} ({name})"

    return _INITIALS_LINK.sub(expand, fragment)
