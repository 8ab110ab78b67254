"""Front matter as our documents write it, with a comment block on top. Pure.

Text values are written in double quotes with JSON's escapes, which YAML reads the same way: a
title holding `"`, `:` or `#` stays the title. Ids are written bare, lists on one line
(`[ruth-abernethy, "Jo Bloggs (Acme Trust)"]`), as README shows. The result is read back with the
build's own reader (``network.source.split_front_matter``) before anyone writes it, so a file the
importer writes is always one the build can read.
"""

from __future__ import annotations

import json

from network.source import is_id_shaped, split_front_matter

# Characters YAML takes for line breaks, and JSON leaves as they are.
_LINE_BREAKS = str.maketrans({"\u2028": " ", "\u2029": " ", "\x85": " "})


#: Id-shaped words YAML would read as something other than text.
_NOT_TEXT = {"null", "true", "false"}


def quoted(value) -> str:
    """``value`` as a double-quoted YAML string (JSON's escapes, which YAML reads the same way),
    on one line whatever it holds: every file the officer's commands write quotes text so."""
    return json.dumps(str(value).translate(_LINE_BREAKS), ensure_ascii=False)


def scalar(value) -> str:
    text = str(value).translate(_LINE_BREAKS)
    bare = is_id_shaped(text) and not text.isdigit() and text not in _NOT_TEXT
    return text if bare else quoted(text)


def _lines(key: str, value, indent: str) -> list[str]:
    if isinstance(value, dict):
        lines = [f"{indent}{key}:"]
        for inner, item in value.items():
            if item not in (None, "", []):
                lines += _lines(inner, item, indent + "  ")
        return lines
    if isinstance(value, (list, tuple)):
        return [f"{indent}{key}: [{', '.join(scalar(item) for item in value)}]"]
    return [f"{indent}{key}: {scalar(value)}"]


def comment(text: str) -> str:
    """One comment line: a line break in ``text`` would end the comment."""
    return "# " + " ".join(str(text).split())


def render(fields: dict, comments: list[str], body: str, path: str) -> str:
    """The whole file: '---', the comments, the fields (empty ones left out), '---', the body."""
    lines = ["---", *(comment(text) for text in comments)]
    for key, value in fields.items():
        if value not in (None, "", []):
            lines += _lines(key, value, "")
    text = "\n".join(lines + ["---", body.lstrip("\n")])
    split_front_matter(text, path)  # raises ContentError if it could not be read back
    return text
