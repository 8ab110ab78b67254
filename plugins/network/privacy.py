"""Withholding private people's names (directory entries with `public: false`).

Pure functions. A private person's name or alias may be typed into any text by a writer; it is
replaced everywhere (body, title, summary) before any other plugin or template sees the text,
so it can reach no output file.
"""

from __future__ import annotations

import html
import re

from .model import Directory


def private_names(directory: Directory) -> dict[str, str]:
    """Every name and alias of a private person, mapped to the person's id."""
    names = {}
    for person in directory.people.values():
        if not person.public:
            for name in [person.name, *person.aliases]:
                if name.strip():
                    names[name.strip()] = person.id
    return names


def name_pattern(names) -> re.Pattern | None:
    """One pattern for all names (as typed and HTML-escaped), whole words, any case, any spacing."""
    if not names:
        return None
    forms = set()
    for name in names:
        for form in (name, html.escape(name, quote=True), html.escape(name, quote=False)):
            words = [re.escape(word) for word in form.split()]
            forms.add(r"\s+".join(words))
    alternation = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


def redact(text: str, pattern: re.Pattern | None, replacement: str) -> tuple[str, int]:
    """Replace every match; return the new text and how many were replaced."""
    if pattern is None or not text:
        return text, 0
    return pattern.subn(replacement, text)


def line_numbers(source: str, pattern: re.Pattern) -> list[int]:
    """The lines of the source file where a private name was typed."""
    return sorted({source.count("\n", 0, match.start()) + 1 for match in pattern.finditer(source)})
