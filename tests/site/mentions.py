"""What each sample document involves, computed independently of the plugins.

One regular expression over the rendered text (leftmost-longest, acronyms case-sensitive), the
initials of a meeting's people in minutes, and the front matter tags. Shared by the cross-link
and feed tests as pytest fixtures.
"""

import re

import pytest

from tests import sources

KINDS = {"person": ("people.yml", "people"), "organisation": ("organisations.yml", "organisations"),
         "theme": ("themes.yml", "themes")}
TAG_KEYS = {"person": "people", "organisation": "organisations", "theme": "themes"}


def is_acronym(name):
    return bool(re.fullmatch(r"[A-Z0-9&]{2,}", name.replace(" ", ""))) and any(c.isalpha() for c in name)


@pytest.fixture(scope="session")
def entities():
    found = {}
    for kind, (filename, folder) in KINDS.items():
        for entry in sources.directory(filename):
            if entry.get("public") is False:
                continue
            found[(kind, entry["id"])] = {"names": [entry["name"], *entry.get("aliases", [])],
                                          "url": f"{folder}/{entry['id']}/"}
    return found


@pytest.fixture(scope="session")
def name_regex(entities):
    forms = []
    for key, entity in entities.items():
        for name in entity["names"]:
            words = r"\s+".join(re.escape(w) for w in name.split())
            forms.append((len(name), words if is_acronym(name) else f"(?i:{words})", key))
    forms.sort(key=lambda f: -f[0])
    owner = {f"g{i}": key for i, (_, _, key) in enumerate(forms)}
    pattern = "|".join(f"(?P<g{i}>{regex})" for i, (_, regex, _) in enumerate(forms))
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)"), owner


def meeting_initials(meta, people):
    """initials -> the one public attendee who has them (shared initials are left out)."""
    meeting = meta.get("meeting") or {}
    attendees = [meeting.get("chair"), meeting.get("minutes_by"), *(meeting.get("present") or []),
                 *(meeting.get("in_attendance") or []), *(meeting.get("apologies") or [])]
    owners = {}
    for person_id in {a for a in attendees if a in people and people[a].get("public") is not False}:
        owners.setdefault(people[person_id]["initials"], set()).add(person_id)
    return {letters: next(iter(ids)) for letters, ids in owners.items() if len(ids) == 1}


@pytest.fixture(scope="session")
def expected(page, name_regex):
    """document address -> {entity key: "tagged" | "mentioned"}"""
    regex, owner = name_regex
    people = {p["id"]: p for p in sources.directory("people.yml")}
    result = {}
    for path, meta in sources.documents():
        address = f"{path.split('/')[0]}/{sources.slug(path)}/"
        body = page(address).select_one(".document-body").get_text(" ")
        involved = {}
        for match in regex.finditer(body):
            involved[owner[match.lastgroup]] = "mentioned"
        initials = meeting_initials(meta, people)
        for word in re.findall(r"(?<!\w)[A-Z]{2,4}(?!\w)", body):
            if word in initials:
                involved[("person", initials[word])] = "mentioned"
        for kind, key in TAG_KEYS.items():
            for entity_id in meta.get(key) or []:
                involved[(kind, entity_id)] = "tagged"
        result[address] = involved
    return result


