"""Load and check the directory: people.yml, organisations.yml and themes.yml.

Pure: takes the files' contents (bytes or text), returns a Directory and records every problem in a ProblemLog.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import replace

from .errors import ERROR, ContentError, Problem, ProblemLog, did_you_mean, did_you_mean_hint, known_keys
from .model import Directory, Organisation, Person, Theme
from .source import decode, is_id_shaped
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


#: What an unusable file of each kind leaves the site without, and what is then not checked.
_WITHOUT = {
    "people": ("no one is in the directory", "the people that documents name"),
    "organisations": ("no organisation is in the directory", "the organisations that documents name"),
    "themes": ("no theme is in the directory", "the themes that documents name"),
}
_ENTRY_HINT = "Start each entry with '- id: ...' and indent its other keys under it."


def _entries(path, text, attr, log):
    """The file's list of entries, or None when the file as a whole cannot be used: then one
    problem says why (the ids documents give for this kind are then held back, see ``unread``)."""
    nobody, unchecked = _WITHOUT[attr]
    until = f"Until then {unchecked} are not checked."
    try:
        data = load_yaml(decode(text, path) if isinstance(text, bytes) else text, path)
    except ContentError as exc:
        log.extend(replace(problem, hint=f"{problem.hint} Until it is fixed {nobody}, and {unchecked} are "
                           "not checked.") for problem in exc.problems)
        return None
    if data is None or data == []:
        log.error(path, f"the file is empty, so {nobody}.",
                  hint=f"Put its entries back (see README, 'The directory'), or delete the file if the site "
                  f"has no {attr}. {until}")
        return None
    if not isinstance(data, list):
        log.error(path, f"the file must be a list of entries, so {nobody}.", line=1,
                  hint=f"Start each entry with '- id: ...' on its own line. {until}")
        return None
    if not any(isinstance(entry, Mapping) for entry in data):
        log.error(path, f"no entry is a block of 'key: value' lines (the first is {data[0]!r}), so {nobody}.",
                  line=data.line_of_item(0), hint=f"{_ENTRY_HINT} {until}")
        return None
    return data


def _read_entries(path, data, keys, log):
    """Yield (mapping, cleaned values) for each usable entry of one directory file."""
    for index, entry in enumerate(data):
        if not isinstance(entry, Mapping):
            log.error(path, f"this entry is not a block of 'key: value' lines: {entry!r}.",
                      line=data.line_of_item(index), hint=_ENTRY_HINT)
            continue
        values = {}
        for key, value in entry.items():
            line = entry.line_of(key)
            if key not in keys:
                close = did_you_mean(key, keys)
                if close:
                    log.error(path, f"unknown key '{key}'.", line=line, key=key,
                              hint=did_you_mean_hint(close))
                else:
                    log.warning(path, f"unknown key '{key}' is ignored.", line=line, key=key,
                                hint=known_keys(keys))
                continue
            values[key] = _read_value(keys[key], value, path, line, key, log)
        if _has_id_and_name(path, entry, values, log):
            yield entry, values


def _has_id_and_name(path, entry, values, log) -> bool:
    if not values.get("id"):
        log.error(path, "an entry has no 'id'.", line=entry.line,
                  hint="Give every entry a unique id such as "
                  f"'{suggest_id(str(values.get('name') or 'jo-bloggs'))}'.")
        return False
    if not is_id_shaped(values["id"]):
        log.error(path, f"'{values['id']}' is not a valid id.", line=entry.line_of("id"), key="id",
                  hint=f"Ids are lowercase words joined by hyphens, such as '{suggest_id(values['id'])}'.")
        return False
    if not values.get("name"):
        log.error(path, f"the entry '{values['id']}' has no 'name'.", line=entry.line, key="name",
                  hint="Add a line 'name: ...' with the name as it should be shown.")
        return False
    return True


def _collect(path, data, keys, log, table, make):
    for entry, values in _read_entries(path, data, keys, log):
        ident = values["id"]
        if ident in table:
            log.error(path, f"the id '{ident}' is used twice (first at line {table[ident].line}).",
                      line=entry.line_of("id"), key="id",
                      hint="Every id must be unique: rename one of them.")
            continue
        item = make(values)
        item.line = entry.line_of("id")
        table[ident] = item


def _person(v) -> Person:
    return Person(id=v["id"], name=v["name"], initials=v.get("initials") or default_initials(v["name"]),
                  aliases=v.get("aliases") or [], organisation=v.get("organisation") or None,
                  role=v.get("role") or "", public=v.get("public", True) is not False, url=v.get("url") or "")


def _organisation(v) -> Organisation:
    return Organisation(id=v["id"], name=v["name"], aliases=v.get("aliases") or [], url=v.get("url") or "",
                        kind=v.get("kind") or "", part_of=v.get("part_of") or None)


def _theme(v) -> Theme:
    return Theme(id=v["id"], name=v["name"], aliases=v.get("aliases") or [],
                 description=v.get("description") or "")


_MAKERS = {"people": _person, "organisations": _organisation, "themes": _theme}


def read_directory_files(folder: str) -> dict[str, bytes]:
    """The bytes of each directory file in ``folder`` that is there (what ``load_directory`` takes)."""
    contents = {}
    for filename, _ in FILES.values():
        full = os.path.join(folder, filename)
        if os.path.exists(full):
            with open(full, "rb") as handle:
                contents[filename] = handle.read()
    return contents


def load_directory(texts: dict[str, str | bytes | None], folder: str, log: ProblemLog) -> Directory:
    """Build the directory from the three files' contents (None or absent for a missing file).

    A file that is missing or cannot be used at all is recorded in ``Directory.unread``; call
    ``report_unread_files`` once every document was resolved.
    """
    directory = Directory()
    for attr, (filename, keys) in FILES.items():
        path = f"{folder}/{filename}"
        text = texts.get(filename)
        data = None if text is None else _entries(path, text, attr, log)
        if data is None:
            directory.unread[attr] = "missing" if text is None else "unusable"
            continue
        _collect(path, data, keys, log, getattr(directory, attr), _MAKERS[attr])
    _check_links(directory, folder, log)
    return directory


def report_unread_files(directory: Directory, folder: str, log: ProblemLog) -> None:
    """One problem per directory file that was missing, with what the documents held back.

    An unusable file has said so already; every problem about an id of its kind is dropped. A
    missing file is fine for a site without that kind; documents naming that kind anyway make
    it an error, said once here instead of once per id.
    """
    for attr, why in directory.unread.items():
        held = [problem for problem in log.held.pop(attr, []) if problem.severity == ERROR]
        if why != "missing":
            continue
        filename = FILES[attr][0]
        path = f"{folder}/{filename}"
        if not held:
            log.warning(path, f"the file is missing, so the site has no {attr}.",
                        hint=f"Create {path} (see README, 'The directory').")
            continue
        first = min(held, key=Problem.sort_key)
        files = len({problem.path for problem in held})
        log.error(path, f"the file is missing, but {files} file{'s' if files != 1 else ''} name {attr} "
                  f"(the first: {first.path}{f', line {first.line}' if first.line else ''}).",
                  hint=f"Put {filename} back in {folder}/ (see README, 'The directory'), "
                  f"or take those ids out.")


def _check_links(directory: Directory, folder: str, log: ProblemLog) -> None:
    orgs = directory.organisations
    for person in directory.people.values():
        if person.organisation and person.organisation not in orgs:
            close = did_you_mean(person.organisation, orgs)
            problem = Problem(f"{folder}/people.yml", f"{person.name} ('{person.id}') belongs to the "
                              f"organisation '{person.organisation}', which is not in organisations.yml.",
                              line=person.line, key="organisation",
                              hint=did_you_mean_hint(close, f"Add the organisation to {folder}/organisations.yml "
                                                     "or correct the id."))
            if "organisations" in directory.unread:  # said once, for that file
                log.hold("organisations", problem)
            else:
                log.add(problem)
            person.organisation = None
    for org in orgs.values():
        if org.part_of and org.part_of not in orgs:
            close = did_you_mean(org.part_of, orgs)
            log.error(f"{folder}/organisations.yml",
                      f"'{org.id}' is part of '{org.part_of}', which is not in organisations.yml.",
                      line=org.line, key="part_of",
                      hint=did_you_mean_hint(close, "Correct the id or add that organisation."))
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
