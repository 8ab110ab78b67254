"""The house rules a reviewer checks by eye, checked on every run: no Python file of ours over 400
lines and no function over 50 (docs/architecture.md, "Who may import whom"). A file that grows past them is split by what
it does, not trimmed to fit."""

import ast
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOLDERS = ("plugins", "tools", "benchmarks", "tests")
MOST_LINES_IN_A_FILE = 400
MOST_LINES_IN_A_FUNCTION = 50


def _our_python_files():
    for folder in FOLDERS:
        for base, folders, names in os.walk(os.path.join(ROOT, folder)):
            folders[:] = [name for name in folders if not name.startswith((".", "__pycache__"))]
            yield from (os.path.join(base, name) for name in sorted(names) if name.endswith(".py"))
    yield from (os.path.join(ROOT, name) for name in ("pelicanconf.py", "publishconf.py"))


def _too_long(path: str) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    where = os.path.relpath(path, ROOT)
    found = []
    lines = len(source.splitlines())  # the last line counts, ended by a newline or not
    if lines > MOST_LINES_IN_A_FILE:
        found.append(f"{where}: {lines} lines")
    for node in ast.walk(ast.parse(source, path)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            if length > MOST_LINES_IN_A_FUNCTION:
                found.append(f"{where}:{node.lineno}: {node.name} has {length} lines")
    return found


def test_no_file_over_400_lines_and_no_function_over_50():
    files = list(_our_python_files())
    assert len(files) > 100, "the walk found too few files to mean anything"
    assert [problem for path in files for problem in _too_long(path)] == []


def test_the_check_sees_a_long_function_and_a_long_file(tmp_path):
    long_function = "def f():\n" + "    x = 1\n" * 50
    path = tmp_path / "long.py"
    path.write_text(long_function + "\n" * 349 + "x = 1", encoding="utf-8")  # 401 lines, the last unended
    found = _too_long(str(path))
    assert len(found) == 2 and found[0].endswith("long.py: 401 lines"), found
    assert found[1].endswith("long.py:1: f has 51 lines"), found


@pytest.mark.parametrize("lines", [400, 50])
def test_the_limits_themselves_are_allowed(tmp_path, lines):
    path = tmp_path / "fits.py"
    body = "def f():\n" + "    x = 1\n" * (lines - 1) if lines == 50 else "x = 1\n" * lines
    path.write_text(body, encoding="utf-8")
    assert _too_long(str(path)) == []
