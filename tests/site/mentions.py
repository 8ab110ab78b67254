"""What each sample document involves, computed independently of the plugins.

One regular expression over the rendered text (leftmost-longest; acronyms as written, people and
organisations with their capitals or all capitals, themes in any case), the
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


def _form(name, kind):
    """Acronyms as written; themes in any case; other names with their capitals or all capitals,
    a leading "The" in any case (README, 'Mentions')."""
    words = name.split()
    if is_acronym(name):
        return r"\s+".join(re.escape(w) for w in words)
    if kind == "theme":
        return "(?i:" + r"\s+".join(re.escape(w) for w in words) + ")"
    lead = "(?i:the)" if words[0].lower() == "the" and len(words) > 1 else None
    rest = words[1:] if lead else words
    both = "(?:" + "|".join(r"\s+".join(re.escape(w) for w in ws) for ws in (rest, [w.upper() for w in rest])) + ")"
    return rf"{lead}\s+{both}" if lead else both


@pytest.fixture(scope="session")
def name_regex(entities):
    forms = []
    for key, entity in entities.items():
        for name in entity["names"]:
            forms.append((len(name), _form(name, key[0]), key))
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


