"""Reading one source file: bytes to text, front matter to data, Word debris to clean Markdown.

Pure functions: no Pelican here, so they are tested on strings.
"""

from __future__ import annotations

import re
from datetime import datetime

from .errors import ContentError, Problem
from .yamltext import Mapping, load_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_FORMS = ("%Y-%m-%d %H:%M", "%Y-%m-%d")
DATE_HINT = "Write it as YYYY-MM-DD or \"YYYY-MM-DD HH:MM\" (for example 2025-03-14 or \"2025-03-14 14:00\")."


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (a byte-order mark is allowed); name the line of the first bad byte."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(
            Problem(
                path,
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read).",
                line=line,
                hint="Save it again as UTF-8: in Word choose Save As > Plain Text > Unicode (UTF-8); "
                "in most editors choose the encoding UTF-8.",
            )
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, path: str) -> tuple[Mapping, str, int]:
    """Split '---' front matter from the body.

    Returns (front matter, body, line of the body's first line in the file).
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            Problem(
                path,
                "the file does not start with front matter.",
                line=1,
                hint="The first line must be '---', followed by at least 'title:' and 'date:' "
                "lines, and another '---' line before the text.",
            )
        )
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            break
    else:
        raise ContentError(
            Problem(
                path,
                "the front matter is never closed.",
                line=1,
                hint="Add a line '---' after the last front matter key, before the text.",
            )
        )
    yaml_text = "\n".join(lines[1:index])
    data = load_yaml(yaml_text, path, first_line=2)
    if data is None:
        data = Mapping()
        data.line, data.key_lines = 1, {}
    if not isinstance(data, Mapping):
        raise ContentError(
            Problem(
                path,
                "the front matter is not a list of 'key: value' lines.",
                line=2,
                hint="Write one key per line, such as 'title: March update'.",
            )
        )
    body = "\n".join(lines[index + 1 :])
    return data, body, index + 2


def parse_date(value) -> datetime | None:
    """Parse YYYY-MM-DD or YYYY-MM-DD HH:MM (naive); None when it is neither."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    for form in DATE_FORMS:
        try:
            return datetime.strptime(value, form)
        except ValueError:
            continue
    return None


def parse_time(value) -> tuple[int, int] | None:
    """Parse HH:MM into (hour, minute); None when it is not a time."""
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML reads an unquoted 16:00 as a base-60 number (960).
        value = f"{value // 60}:{value % 60:02d}"
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*", value)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return hour, minute


# Word's "paste as text" leaves bookmark markers and symbol bullets behind, and text copied from
# the old website brings its navigation links along.
_BOOKMARK = re.compile(r"\[bookmark:\s*[^\]]*\]")
_SYMBOL_BULLET = re.compile(r"^(\s*)[·•▪◦‣∙]\s*")
_WEB_DEBRIS = re.compile(r"^\s*[«‹<]*\s*previous\s*[/|]\s*next\s*[»›>]*\s*$", re.IGNORECASE)


def clean_word_debris(body: str) -> str:
    """Drop bookmark markers and old-site navigation; make symbol bullets Markdown list items."""
    cleaned: list[str] = []
    for line in _BOOKMARK.sub("", body).split("\n"):
        if _WEB_DEBRIS.match(line):
            continue
        bullet = _SYMBOL_BULLET.match(line)
        if bullet:
            line = f"{bullet.group(1)}- {line[bullet.end():]}"
            # Markdown only starts a list after a blank line.
            if cleaned and cleaned[-1].strip() and not cleaned[-1].lstrip().startswith("- "):
                cleaned.append("")
        cleaned.append(line)
    return "\n".join(cleaned)


def is_id_shaped(value: str) -> bool:
    return bool(ID_PATTERN.match(value))
