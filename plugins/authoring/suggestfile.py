"""Suggestions for the directory as the officer reads them: a list after `make check`'s problems,
and ready-to-edit entries in the shape of people.yml and organisations.yml (`make suggest`). Pure.

Every value written into the YAML is quoted the JSON way (a valid YAML double-quoted string), so a
name holding a quote, a colon or `<script>` stays the text it was.
"""

from __future__ import annotations

from datetime import date

from network.directory import suggest_id

from .frontmatter import quoted
from .suggestions import NAME, NEAR, ORGANISATION, PERSON, Suggestion

#: The heading of each group, in the order shown.
GROUPS = (
    (NEAR, "Near-misses of names in the directory (correct the text, or add the spelling as an alias)"),
    (PERSON, "People not in the directory"),
    (ORGANISATION, "Organisations not in the directory"),
    (NAME, "Other names used in more than one document"),
)
#: The most places listed for one name; the rest are counted.
PLACES_SHOWN = 3


def places_text(suggestion: Suggestion) -> str:
    shown = [f"{place.path}, line {place.line}" if place.line else place.path
             for place in suggestion.places[:PLACES_SHOWN]]
    more = len(suggestion.places) - PLACES_SHOWN
    return "; ".join(shown) + (f" and {more} more file{'s' if more != 1 else ''}" if more > 0 else "")


def _described(suggestion: Suggestion) -> str:
    if suggestion.kind == NEAR:
        written, entity = suggestion.close
        return f"'{suggestion.name}' looks like {written} ('{entity.id}', {entity.kind})"
    details = [detail for detail in (suggestion.long_name, suggestion.role, suggestion.organisation) if detail]
    shown = f"{suggestion.name} ({', '.join(details)})" if details else suggestion.name
    return f"{shown}: {', '.join(suggestion.reasons)}"


def as_text(suggestions: list[Suggestion]) -> str:
    """The "Suggestions" list `make check` prints after the problems ("" when there is none)."""
    if not suggestions:
        return ""
    lines = [f"Suggestions for the directory ({len(suggestions)}; not errors: nothing stops the build). "
             "'make suggest' writes them to suggestions.yml as entries to edit."]
    for kind, heading in GROUPS:
        group = [s for s in suggestions if s.kind == kind]
        if group:
            lines.append(f"  {heading}:")
            lines += [f"    - {_described(s)}. Seen in {places_text(s)}." for s in group]
    return "\n".join(lines)


def as_line(suggestions: list[Suggestion]) -> str:
    """The suggestions counted, for a check that found problems: those come first."""
    if not suggestions:
        return ""
    return (f"{len(suggestions)} suggestion{'s' if len(suggestions) != 1 else ''} for the directory: "
            "'make check' lists them once the problems above are fixed.")


def _person_entry(suggestion: Suggestion, taken: set[str]) -> list[str]:
    lines = [f"- id: {_new_id(suggestion.name, taken)}", f"  name: {quoted(suggestion.name)}"]
    if suggestion.organisation_id:
        lines.append(f"  organisation: {suggestion.organisation_id}")
    elif suggestion.organisation:
        lines.append(f"  # organisation: {_new_id(suggestion.organisation, set())}   "
                     f"# {quoted(suggestion.organisation)} is not in organisations.yml yet")
    if suggestion.role:
        lines.append(f"  role: {quoted(suggestion.role)}")
    return lines


def _organisation_entry(suggestion: Suggestion, taken: set[str]) -> list[str]:
    name, aliases = suggestion.name, []
    if suggestion.long_name:
        name, aliases = suggestion.long_name, [suggestion.name]
    lines = [f"- id: {_new_id(name, taken)}", f"  name: {quoted(name)}"]
    if aliases:
        lines.append(f"  aliases: [{', '.join(quoted(alias) for alias in aliases)}]")
    elif suggestion.name.isupper():
        lines.append("  # name: the name in full; keep the acronym as an alias")
    if suggestion.part_of:
        lines.append(f"  part_of: {suggestion.part_of}")
    return lines


def _new_id(name: str, taken: set[str]) -> str:
    """An id for a new entry: the name's id shape, numbered if two suggestions would share it."""
    base = suggest_id(name) or "new-entry"
    ident, number = base, 2
    while ident in taken:
        ident, number = f"{base}-{number}", number + 1
    taken.add(ident)
    return ident


def as_yaml(suggestions: list[Suggestion], today: date, taken: set[str] = frozenset()) -> str:
    """The review file: entries for people.yml, then for organisations.yml, each under a comment
    saying where the name was seen; near-misses and names of either kind as comments only.
    ``taken``: the directory's ids, which a new entry's id must not repeat."""
    taken = set(taken)
    lines = [f"# Suggestions for the directory, written by 'make suggest' on {today:%-d %B %Y}.",
             "# Nothing in this file is published. Copy the entries you want into",
             "# content/directory/people.yml or organisations.yml, check each id, name and organisation,",
             "# then delete this file (make suggest writes a new one only when it is gone).", ""]
    sections = ((PERSON, "content/directory/people.yml", _person_entry),
                (ORGANISATION, "content/directory/organisations.yml", _organisation_entry))
    for kind, where, entry in sections:
        group = [s for s in suggestions if s.kind == kind]
        if group:
            lines += [f"# ---- for {where} ----", ""]
            for suggestion in group:
                lines += [f"# {', '.join(suggestion.reasons)}: {places_text(suggestion)}",
                          *entry(suggestion, taken), ""]
    for kind, heading in GROUPS:
        group = [s for s in suggestions if s.kind == kind and kind in (NEAR, NAME)]
        if group:
            lines += [f"# ---- {heading} ----"]
            lines += [f"# {_described(s)}: {places_text(s)}" for s in group] + [""]
    return "\n".join(lines)
