"""Warnings about the directory's names that a writer should see once per build: names two entries
share (never linked) and one-word aliases that are risky. The rules that find them are the name
engine's (``names.py``); this only words them for the officer."""

from __future__ import annotations

from .names import NameEngine


def report_names(names: NameEngine, log, folder: str) -> None:
    """Warn, once per build, about names two entries share and one-word aliases that are risky."""
    for written, owners in names.shared():
        listed = ", ".join(f"{entity.kind} '{entity.id}'" for entity in owners)
        log.warning(folder, f"'{written}' is the name or alias of more than one entry ({listed}), so it is "
                    "never linked, and an attendee or an action's owner written that way is shown as written.",
                    hint="Give each entry a name or alias of its own.")
    for claim, reason in names.risky_aliases():
        person = names.directory.people[claim.entity.id]
        where = f"{folder}/people.yml"
        if claim.private:
            log.warning(where, f"the alias '{claim.written}' of a private person is {reason}: it is withheld "
                        "wherever it appears, even where it means something else.", line=person.line,
                        key="aliases", hint="Remove the alias if that withholds too much.")
            continue
        log.warning(where, f"the alias '{claim.written}' of {person.name} is {reason}: it is linked only in "
                    f"documents where {person.name} is present (named in full earlier, listed in 'people', "
                    "the author, or in the meeting's lists) and no one else present has that first name.",
                    line=person.line, key="aliases",
                    hint="Nothing to do if that is what you mean; remove the alias to stop it linking.")
