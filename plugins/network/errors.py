"""Content problems: one type for every mistake a writer can make, and one way to print them.

A project officer reads these, not a programmer, so every problem carries the file, the line
or key, what was wrong and what to do, with a did-you-mean where a near match exists.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Iterable

ERROR = "error"
WARNING = "warning"


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """Return the closest candidate to ``word``, or None when nothing is close."""
    candidates = list(candidates)
    if not word or not candidates:
        return None
    lowered = {c.lower(): c for c in candidates}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[found[0]] if found else None


@dataclass(frozen=True)
class Problem:
    """One problem in one file, at one line or key."""

    path: str
    message: str
    line: int | None = None
    key: str | None = None
    hint: str | None = None
    severity: str = ERROR

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

    def add(self, problem: Problem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def error(self, path, message, *, line=None, key=None, hint=None) -> None:
        self.add(Problem(path, message, line, key, hint, ERROR))

    def warning(self, path, message, *, line=None, key=None, hint=None) -> None:
        self.add(Problem(path, message, line, key, hint, WARNING))

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
