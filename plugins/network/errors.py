"""Content problems: one type for every mistake a writer can make, and one way to print them.

A project officer reads these, not a programmer, so every problem carries the file, the line
or key, what was wrong and what to do, with a did-you-mean where a near match exists.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable

ERROR = "error"
WARNING = "warning"

#: The most characters of a value a message quotes, and the most characters of a whole message or
#: hint. A 35 MB line pasted by mistake must still give a message one can read.
QUOTE_LIMIT = 100
TEXT_LIMIT = 500
# A quoted value: from a quote after a space (not "Anne's") to a quote before one, on one line.
# Possessive, so a long line costs one pass.
_LONG_QUOTED = re.compile(
    "|".join(f"(?<!\\w){q}(?:[^{q}\\n]|{q}(?=\\w)){{{QUOTE_LIMIT + 1},}}+{q}(?!\\w)" for q in "'\""))


def _cut_quoted(match: re.Match) -> str:
    quoted = match.group()
    return f"{quoted[:QUOTE_LIMIT + 1]}…{quoted[-1]}"


def readable(text: str | None) -> str | None:
    """The one rule for the length of what a problem says: a quoted value keeps its first
    QUOTE_LIMIT characters, and a text still longer than TEXT_LIMIT its start and its end."""
    if text is None or len(text) <= QUOTE_LIMIT:
        return text
    if len(text) > 10 * TEXT_LIMIT:  # first the ends of a huge text, so the search below stays quick
        text = f"{text[:5 * TEXT_LIMIT]}…{text[-5 * TEXT_LIMIT:]}"
    text = _LONG_QUOTED.sub(_cut_quoted, text)
    if len(text) > TEXT_LIMIT:
        text = f"{text[:TEXT_LIMIT - 120]} … {text[-100:]}"
    return text


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """Return the closest candidate to ``word``, or None when nothing is close."""
    candidates = list(candidates)
    if not word or not candidates or len(word) > 10 * QUOTE_LIMIT:  # a pasted page is close to nothing
        return None
    lowered = {c.lower(): c for c in candidates}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[found[0]] if found else None


def did_you_mean_hint(close: str | None, then: str = "", *, shown: str | None = None) -> str:
    """A hint for a word that is not known: "Did you mean 'close'?" when there is a near miss
    (``shown`` replaces the quoted word, to show a name with its id), followed by ``then``."""
    if not close:
        return then
    shown = shown or f"'{close}'"
    return f"Did you mean {shown}? {then}".rstrip()


def known_keys(keys: Iterable[str]) -> str:
    """The hint that lists the keys a block may have."""
    return "Known keys: " + ", ".join(keys) + "."


@dataclass(frozen=True)
class Problem:
    """One problem in one file, at one line or key."""

    path: str
    message: str
    line: int | None = None
    key: str | None = None
    hint: str | None = None
    severity: str = ERROR

    def __post_init__(self):
        for name in ("message", "hint"):
            object.__setattr__(self, name, readable(getattr(self, name)))
        if self.key and len(self.key) > QUOTE_LIMIT:
            object.__setattr__(self, "key", self.key[:QUOTE_LIMIT] + "…")

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f", line {self.line}"
        if self.key:
            where += f", key '{self.key}'"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text

    def sort_key(self):
        return (self.path, self.line or 0, self.key or "", self.message)


class ContentError(Exception):
    """Raised when a file cannot be read at all (bad YAML, no title, not UTF-8)."""

    def __init__(self, *problems: Problem):
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = list(problems)

    @property
    def problem(self) -> Problem:
        return self.problems[0]


@dataclass
class ProblemLog:
    """Collects every problem of one build, so they are reported together."""

    problems: list[Problem] = field(default_factory=list)
    #: Problems that only follow from another one (every document naming people, when people.yml
    #: could not be read), by that cause: kept out of the report so the cause shows alone.
    held: dict[str, list[Problem]] = field(default_factory=dict)

    def add(self, problem: Problem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def error(self, path, message, *, line=None, key=None, hint=None) -> None:
        self.add(Problem(path, message, line, key, hint, ERROR))

    def warning(self, path, message, *, line=None, key=None, hint=None) -> None:
        self.add(Problem(path, message, line, key, hint, WARNING))

    def hold(self, cause: str, problem: Problem) -> None:
        self.held.setdefault(cause, []).append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    @property
    def errors(self) -> list[Problem]:
        return sorted((p for p in self.problems if p.severity == ERROR), key=Problem.sort_key)

    @property
    def warnings(self) -> list[Problem]:
        return sorted((p for p in self.problems if p.severity == WARNING), key=Problem.sort_key)


class BuildFailed(Exception):
    """The content has errors: nothing is published. Carries the full report."""

    exitcode = 1

    def __init__(self, errors: list[Problem]):
        self.errors = errors
        count = len(errors)
        noun = "problem" if count == 1 else "problems"
        lines = [f"The site was not built: {count} {noun} in the content must be fixed first."]
        lines += [f"  - {p.format()}" for p in errors]
        lines.append("Nothing was published; the site online is unchanged.")
        super().__init__("\n".join(lines))


class CheckPassed(Exception):
    """Raised after the checks in check-only mode (CHECK_ONLY): nothing is written."""

    def __init__(self, warnings: int):
        self.warnings = warnings
        super().__init__(f"No problems in the content ({warnings} warning{'s' if warnings != 1 else ''}).")
