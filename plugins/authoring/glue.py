"""The suggestions for the directory in a check (`make check`, `make suggest`): found in the
finished model, each place given its line in the source file."""

from __future__ import annotations

from dataclasses import replace

from network.generator import contents_with_documents

from .suggestions import find_suggestions


def _line_of(source_path: str, names: set[str]) -> dict[str, int]:
    """The first line of a source file where each name is typed (one read of the file)."""
    lines: dict[str, int] = {}
    try:
        with open(source_path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                for name in names - lines.keys():
                    if name in line:
                        lines[name] = number
                if len(lines) == len(names):
                    break
    except OSError:
        pass
    return lines


def suggest_in_check(build, network, generators) -> None:
    """In a check only (CHECK_ONLY): the suggestions, kept in ``build.suggestions`` for
    tools/build.py to print after the problems. A build that writes the site never spends the time,
    and a check whose directory could not be read makes none."""
    if not generators[0].settings.get("CHECK_ONLY"):
        return
    if {"people", "organisations"} & network.directory.unread.keys():
        return  # people.yml or organisations.yml missing or unusable: every name would look new
    with build.stages.timed("authoring: suggestions for the directory"):
        suggestions = find_suggestions(network)
        sources = {content.doc.path: content.source_path for content in contents_with_documents(generators)}
        wanted: dict[str, set[str]] = {}
        for suggestion in suggestions:
            for place in suggestion.places:
                wanted.setdefault(place.path, set()).add(suggestion.name)
        lines = {path: _line_of(sources[path], names) for path, names in wanted.items() if path in sources}
        build.suggestions = [replace(s, places=[replace(p, line=lines.get(p.path, {}).get(s.name))
                                                for p in s.places]) for s in suggestions]
