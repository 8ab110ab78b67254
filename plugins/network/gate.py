"""The last gate: before a new site replaces the old one, no file of it may name a private person.

Every text is withheld long before anything is written (``withholding``); this is the second line
of defence, against a template or a field that withholding does not know. Each file written in
this build is read the way its reader reads it (HTML and feeds with their references decoded,
the calendar with its folded lines joined, an e-mail with its encodings undone, JSON with its
escapes), and the name engine's private automaton looks for every form of every private name,
as withholding does. File names are checked too. A file put in place from the previous site
(a hard link, see ``reuse``) is not read again: it was read when it was first written, with the
same directory, since a change to the directory means nothing is reused.

Pure apart from reading the files it is given.
"""

from __future__ import annotations

import email
import html
import json
import os
import re
from email import policy
from urllib.parse import unquote

from .withholding import PrivateAddresses

#: Files whose bytes are not text a reader sees as such: only their names are checked.
BINARY_ENDINGS = (".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".svgz", ".woff", ".woff2",
                  ".ttf", ".otf", ".zip", ".gz", ".mp3", ".mp4", ".docx", ".xlsx", ".pptx", ".odt")
_FOLDED_LINE = re.compile(r"\r?\n[ \t]")
_ICS_ESCAPE = re.compile(r"\\([\\,;nN])")


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.items() for part in item for text in _json_strings(part)]
    if isinstance(value, list):
        return [text for item in value for text in _json_strings(item)]
    return []


def _email_text(data: bytes) -> str:
    message = email.message_from_bytes(data, policy=policy.default)
    texts = [f"{key}: {value}" for key, value in message.items()]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            texts += [f"{key}: {value}" for key, value in part.items()]
            texts.append(part.get_content())
    return "\n".join(texts)


def readable_text(name: str, data: bytes) -> str | None:
    """The text a reader of this file sees (None for a file that is not text)."""
    lowered = name.lower()
    if lowered.endswith(BINARY_ENDINGS):
        return None
    if lowered.endswith(".eml"):
        return _email_text(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if lowered.endswith(".ics"):
        text = _ICS_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), _FOLDED_LINE.sub("", text))
    elif lowered.endswith(".json"):
        try:
            text = "\n".join(_json_strings(json.loads(text)))
        except ValueError:
            pass
    elif lowered.endswith((".xml", ".atom", ".rss")) and "&" in text:
        text = html.unescape(text)  # feeds carry HTML escaped once more
    return unquote(text) if "%" in text else text


class LastGate:
    """Reads files for private names with one directory's name engine."""

    def __init__(self, names):
        self.names = names
        self.addresses = PrivateAddresses(names)
        self.read = 0  # files read (for the benchmark)

    def file_names_private(self, relative: str, data: bytes) -> str | None:
        """Why the file at ``relative`` (inside the site) would name a private person, or None."""
        if self.addresses.find(relative):
            return "its address names a private person"
        self.read += 1
        text = readable_text(relative, data)
        if text and self.names.may_name_private(text):
            return "it names a private person"
        return None


def written_files(staging: str, previous: str | None):
    """(relative path, full path) of every file in ``staging`` not put there from ``previous``."""
    for base, _, files in os.walk(staging):
        for name in files:
            full = os.path.join(base, name)
            relative = os.path.relpath(full, staging)
            if previous and _same_file(full, os.path.join(previous, relative)):
                continue
            yield relative.replace(os.sep, "/"), full


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def scan_site(staging: str, previous: str | None, names) -> tuple[list[tuple[str, str]], int]:
    """Every file written in this build that names a private person, with why; and how many
    files were read."""
    gate = LastGate(names)
    found = []
    for relative, full in written_files(staging, previous):
        with open(full, "rb") as handle:
            why = gate.file_names_private(relative, handle.read())
        if why:
            found.append((relative, why))
    return found, gate.read
