"""YAML reading that remembers line numbers and avoids YAML 1.1 surprises.

Writers type `initials: NO` or `date: 2024-03-05 14:00`; plain PyYAML would turn the first into
False and the second into text but `2024-03-05` into a date object. Here only true/false are
booleans and dates stay text (the validators parse them, with a clear message when they are
wrong). Every mapping remembers the line of each key, and every list the line of each item, so a
problem can name its line.
"""

from __future__ import annotations

import re

import yaml

from .errors import ContentError, Problem


class Mapping(dict):
    """A dict that knows the line (1-based) of itself and of each of its keys."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A list that knows the line (1-based) of itself and of each of its items."""

    line: int = 0
    item_lines: list

    def line_of_item(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


# libyaml's parser (CSafeLoader) is several times faster than the pure-Python one; the
# constructors and resolvers below are ours either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    pass


# Keep the SafeLoader resolvers except bool and timestamp, then add a strict bool.
_LineLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class DuplicateKey(yaml.MarkedYAMLError):
    pass


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in mapping:
            raise DuplicateKey(
                None,
                None,
                f"the key '{key}' appears twice in the same block",
                key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node, deep=False):
    sequence = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

YAML_HINT = (
    "Check the indentation and that text containing ':' or starting with '[', '*' or '&' is in quotes."
)


def load_yaml(text: str, path: str, first_line: int = 1):
    """Parse YAML text; raise ContentError naming the file and line of a syntax error.

    ``first_line`` is the line of the file where ``text`` starts (front matter starts at 2).
    """
    try:
        return shift_lines(yaml.load(text, Loader=_LineLoader), first_line - 1)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        what = exc.problem or "unreadable YAML"
        if exc.context:
            what = f"{what} ({exc.context})"
        raise ContentError(
            Problem(path, f"the YAML is malformed: {what}.", line=line, hint=YAML_HINT)
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a position
        raise ContentError(Problem(path, f"the YAML is malformed: {exc}.", hint=YAML_HINT)) from None


def shift_lines(value, offset: int):
    """Add ``offset`` to every recorded line (used when YAML was cut out of a larger file)."""
    if isinstance(value, Mapping):
        value.line += offset
        value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
        for item in value.values():
            shift_lines(item, offset)
    elif isinstance(value, list):
        if isinstance(value, Sequence):
            value.line += offset
            value.item_lines = [line + offset for line in value.item_lines]
        for item in value:
            shift_lines(item, offset)
    return value
