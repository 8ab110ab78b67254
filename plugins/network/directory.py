"""Load and check the directory: people.yml, organisations.yml and themes.yml.

Pure: takes the files' text, returns a Directory and records every problem in a ProblemLog.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import ContentError, ProblemLog, did_you_mean
from .model import Directory, Organisation, Person, Theme
from .source import is_id_shaped
from .yamltext import Mapping, load_yaml

# key -> how its value is read: "text", "list" (of text), "bool", "url", "id"
PERSON_KEYS = {
    "id": "id", "name": "text", "initials": "text", "aliases": "list", "organisation": "id",
    "role": "text", "public": "bool", "url": "url",
}
ORGANISATION_KEYS = {
    "id": "id", "name": "text", "aliases": "list", "url": "url", "kind": "text", "part_of": "id",
}
THEME_KEYS = {"id": "id", "name": "text", "aliases": "list", "description": "text"}

FILES = {
    "people": ("people.yml", PERSON_KEYS),
    "organisations": ("organisations.yml", ORGANISATION_KEYS),
    "themes": ("themes.yml", THEME_KEYS),
}


def suggest_id(text: str) -> str:
    """What an id for ``text`` would look like: lowercase words joined by hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def default_initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[^\W\d_][\w'’-]*", name)).upper()


def _read_value(kind, value, path, line, key, log):
    """Check one value against its kind; return the cleaned value or None."""
    if value is None:
        return None
    if kind == "bool":
        if isinstance(value, bool):
            return value
        log.error(path, f"'{value}' is not true or false.", line=line, key=key,
                  hint="Write true or false (without quotes).")
        return None
    if kind == "list":
        items = value if isinstance(value, list) else [value]
        cleaned = []
        for item in items:
            if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
                cleaned.append(str(item).strip())
            else:
                log.error(path, f"each entry must be a piece of text, not {item!r}.", line=line, key=key,
                          hint="Write a list such as [CCC, \"the council\"].")
        return cleaned
    if isinstance(value, (list, dict)) or isinstance(value, bool):
        log.error(path, f"expected a single piece of text, not {value!r}.", line=line, key=key,
                  hint="Put the text in quotes.")
        return None
    text = str(value).strip()
    if kind == "url" and text and not re.match(r"^(https?://|mailto:)[^\s\"<>`\\]+$", text):
        log.error(path, f"'{text}' is not a web address.", line=line, key=key,
                  hint="Web addresses start with https:// (or http://) and have no spaces, double quotes or < >.")
        return None
    return text


def _read_entries(path, text, keys, log):
    """Yield (mapping, cleaned values) for each entry of one directory file."""
    try:
        data = load_yaml(text, path)
    except ContentError as exc:
        log.extend(exc.problems)
        return
    if data is None:
        return
    if not isinstance(data, list):
        log.error(path, "the file must be a list of entries.", line=1,
                  hint="Start each entry with '- id: ...' on its own line.")
        return
    for entry in data:
        if not isinstance(entry, Mapping):
            log.error(path, f"this entry is not a block of 'key: value' lines: {entry!r}.",
                      hint="Start each entry with '- id: ...' and indent its other keys under it.")
            continue
        values = {}
        for key, value in entry.items():
            line = entry.line_of(key)
            if key not in keys:
                close = did_you_mean(key, keys)
                if close:
                    log.error(path, f"unknown key '{key}'.", line=line, key=key,
                              hint=f"Did you mean '{close}'?")
                else:
                    log.warning(path, f"unknown key '{key}' is ignored.", line=line, key=key,
                                hint="Known keys: " + ", ".join(keys) + ".")
                continue
            values[key] = _read_value(keys[key], value, path, line, key, log)
        if not values.get("id"):
            log.error(path, "an entry has no 'id'.", line=entry.line,
                      hint="Give every entry a unique id such as "
                      f"'{suggest_id(str(values.get('name') or 'jo-bloggs'))}'.")
            continue
        if not is_id_shaped(values["id"]):
            log.error(path, f"'{values['id']}' is not a valid id.", line=entry.line_of("id"), key="id",
                      hint=f"Ids are lowercase words joined by hyphens, such as '{suggest_id(values['id'])}'.")
            continue
        if not values.get("name"):
            log.error(path, f"the entry '{values['id']}' has no 'name'.", line=entry.line, key="name",
                      hint="Add a line 'name: ...' with the name as it should be shown.")
            continue
        yield entry, values


def _collect(path, text, keys, log, table, make):
    for entry, values in _read_entries(path, text, keys, log):
        ident = values["id"]
        if ident in table:
            log.error(path, f"the id '{ident}' is used twice (first at line {table[ident].line}).",
                      line=entry.line_of("id"), key="id",
                      hint="Every id must be unique: rename one of them.")
            continue
        item = make(values)
        item.line = entry.line_of("id")
        table[ident] = item


def load_directory(texts: dict[str, str | None], folder: str, log: ProblemLog) -> Directory:
    """Build the directory from the three files' text (None for a missing file)."""
    directory = Directory()
    for attr, (filename, keys) in FILES.items():
        path = f"{folder}/{filename}"
        text = texts.get(filename)
        if text is None:
            log.warning(path, "the file is missing, so the site has no " + attr + ".",
                        hint=f"Create {path} (see README, 'The directory').")
            continue
        table = getattr(directory, attr)
        if attr == "people":
            _collect(path, text, keys, log, table, lambda v: Person(
                id=v["id"], name=v["name"], initials=v.get("initials") or default_initials(v["name"]),
                aliases=v.get("aliases") or [], organisation=v.get("organisation") or None,
                role=v.get("role") or "", public=v.get("public", True) is not False, url=v.get("url") or ""))
        elif attr == "organisations":
            _collect(path, text, keys, log, table, lambda v: Organisation(
                id=v["id"], name=v["name"], aliases=v.get("aliases") or [], url=v.get("url") or "",
                kind=v.get("kind") or "", part_of=v.get("part_of") or None))
        else:
            _collect(path, text, keys, log, table, lambda v: Theme(
                id=v["id"], name=v["name"], aliases=v.get("aliases") or [],
                description=v.get("description") or ""))
    _check_links(directory, folder, log)
    return directory


def _check_links(directory: Directory, folder: str, log: ProblemLog) -> None:
    orgs = directory.organisations
    for person in directory.people.values():
        if person.organisation and person.organisation not in orgs:
            close = did_you_mean(person.organisation, orgs)
            log.error(f"{folder}/people.yml",
                      f"{person.name} ('{person.id}') belongs to the organisation "
                      f"'{person.organisation}', which is not in organisations.yml.",
                      line=person.line, key="organisation",
                      hint=(f"Did you mean '{close}'? " if close else "")
                      + f"Add the organisation to {folder}/organisations.yml or correct the id.")
            person.organisation = None
    for org in orgs.values():
        if org.part_of and org.part_of not in orgs:
            close = did_you_mean(org.part_of, orgs)
            log.error(f"{folder}/organisations.yml",
                      f"'{org.id}' is part of '{org.part_of}', which is not in organisations.yml.",
                      line=org.line, key="part_of",
                      hint=(f"Did you mean '{close}'? " if close else "") + "Correct the id or add that organisation.")
            org.part_of = None
    for org in orgs.values():
        seen, current = {org.id}, org.part_of
        while current:
            if current in seen:
                log.error(f"{folder}/organisations.yml",
                          f"'{org.id}' is, through 'part_of', part of itself.", line=org.line, key="part_of",
                          hint="An organisation cannot be part of one of its own parts: remove one 'part_of'.")
                org.part_of = None
                break
            seen.add(current)
            current = orgs[current].part_of if current in orgs else None
