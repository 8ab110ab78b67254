"""Mutation testing of the pure cores with the unit tests (`make mutation`).

    python tools/mutation.py [--keep]

mutmut (3.x) plants one small bug at a time (a `<` for a `<=`, a dropped call, a changed
string) in the modules below and runs the unit tests that reach the changed function; a bug
that no test notices "survives". The result goes to benchmarks/MUTATION.md: the score of each
module and every survivor, with the reason it is harmless where one is written down in
benchmarks/mutation-equivalent.txt (one line per survivor: its name, a tab, the reason).

mutmut names modules after their files under ``src/``; our plugins are imported as top-level
packages from ``plugins/``. So the run happens in a scratch copy of the project in which
``plugins/`` is called ``src/`` (the tests' path set up accordingly); the project itself is
never changed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

#: The pure cores: parsing, names, privacy, linking, indexes, actions, meetings, feeds, issues.
MODULES = (
    "network/source.py", "network/yamltext.py", "network/documents.py", "network/privacy.py",
    "network/names.py", "network/nametext.py", "crosslinks/linker.py", "crosslinks/names.py",
    "crosslinks/index.py", "minutes/actions.py", "minutes/meetings.py", "feeds/select.py",
    "network/feedxml.py", "newsletter/issues.py",
)
#: What the unit tests read besides the code.
_ALSO_COPY = ("tests", "pelicanconf.py", "publishconf.py", "content", "theme", "tools")
_EQUIVALENT = os.path.join(ROOT, "benchmarks", "mutation-equivalent.txt")
#: Survivors that do change behaviour, in a case too rare to test, with when: explained, never counted.
_ACCEPTED = os.path.join(ROOT, "benchmarks", "mutation-accepted.txt")
_REPORT = os.path.join(ROOT, "benchmarks", "MUTATION.md")
#: What mutmut's statuses mean for a survivor nobody has explained yet.
_NOT_YET = {"no tests": "no unit test reaches this function (only site builds do)",
            "survived": "the unit tests that reach it all pass"}


def _scratch_copy(folder: str, modules: tuple[str, ...]) -> None:
    shutil.copytree(os.path.join(ROOT, "plugins"), os.path.join(folder, "src"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in _ALSO_COPY:
        source = os.path.join(ROOT, name)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(folder, name),
                            ignore=shutil.ignore_patterns("__pycache__", ".cache", ".hypothesis"))
        else:
            shutil.copy2(source, os.path.join(folder, name))
    conftest = os.path.join(folder, "tests", "conftest.py")
    with open(conftest, encoding="utf-8") as handle:
        text = handle.read()
    with open(conftest, "w", encoding="utf-8") as handle:
        handle.write(text.replace('os.path.join(ROOT, "plugins")', 'os.path.join(ROOT, "src")'))
    others = sorted(
        os.path.relpath(os.path.join(base, name), folder)
        for base, _, names in os.walk(os.path.join(folder, "src")) for name in names
        if name.endswith(".py") and os.path.relpath(os.path.join(base, name), os.path.join(folder, "src"))
        not in modules)
    lines = ["[mutmut]", "source_paths=src/", "do_not_mutate="] + [f"    {path}" for path in others]
    lines += ["pytest_add_cli_args_test_selection=tests/unit", "also_copy="]
    lines += [f"    {name}" for name in _ALSO_COPY]
    # The e-mail CSS checker's test reads npm data the scratch copy has not got; it tests a test tool.
    lines += ["pytest_add_cli_args=", "    --ignore=tests/unit/test_caniemail_check.py", "    -p no:randomly"]
    with open(os.path.join(folder, "setup.cfg"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def _mutmut(folder: str, *args: str) -> str:
    command = [os.path.join(os.path.dirname(sys.executable), "mutmut"), *args]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    if done.returncode != 0 and args[0] != "run":
        raise SystemExit(f"mutmut {' '.join(args)} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return done.stdout


def _module_of(key: str) -> str:
    return re.split(r"\.x[_ǁ]", key, maxsplit=1)[0]


def _function(lines: list[str], name: str) -> list[str]:
    """The lines of ``def name(...)`` in a mutants file, without its first line."""
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"def {name}("))
    indent = len(lines[start]) - len(lines[start].lstrip())
    body = []
    for line in lines[start + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line.strip())
    return body


def _change_of(folder: str, key: str, sources: dict) -> str:
    """The survivor's change, in one line: the lines it takes out and puts in (read from the
    mutants file, where mutmut keeps each mutant beside the original)."""
    module, function = re.split(r"\.(?=x[_ǁ])", key, maxsplit=1)
    path = os.path.join(folder, "mutants", "src", *module.split(".")) + ".py"
    if path not in sources:
        with open(path, encoding="utf-8") as handle:
            sources[path] = handle.read().splitlines()
    original = _function(sources[path], function.rsplit("__mutmut_", 1)[0] + "__mutmut_orig")
    mutant = _function(sources[path], function)
    removed = [line for line in original if line not in mutant]
    added = [line for line in mutant if line not in original]
    return f"`{' / '.join(removed)[:100]}` → `{' / '.join(added)[:100]}`".replace("|", "\\|")


def _reasons(path: str) -> dict[str, str]:
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t", 1) for line in handle if "\t" in line and not line.startswith("#"))


def report(folder: str, seconds: float) -> str:
    statuses = {}
    for line in _mutmut(folder, "results", "--all", "true").splitlines():
        if ":" in line:
            key, status = line.strip().rsplit(":", 1)
            statuses[key.strip()] = status.strip()
    unchecked = [key for key, status in statuses.items() if status == "not checked"]
    for key in unchecked:  # a run stopped early
        del statuses[key]
    reasons, accepted = _reasons(_EQUIVALENT), _reasons(_ACCEPTED)
    lines = ["# Mutation testing", "",
             f"Produced by `make mutation` (mutmut, the unit tests) on {time.strftime('%Y-%m-%d')} in "
             f"{seconds / 60:.0f} min. A mutant is one small planted bug; it is killed when a test fails. "
             "Survivors explained in `benchmarks/mutation-equivalent.txt` are harmless changes (the same "
             "behaviour, or only a slower path) and count as killed in the score. Survivors that do change "
             "behaviour, in a case too rare to be worth a test, say when in `benchmarks/mutation-accepted.txt` "
             "and count as not killed.", "",
             "| module | mutants | killed | survived, equivalent | survived, not equivalent | score |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    totals = [0, 0, 0, 0]
    for module in sorted({_module_of(key) for key in statuses}):
        keys = [key for key in statuses if _module_of(key) == module]
        killed = sum(statuses[key] in ("killed", "timeout") for key in keys)
        explained = sum(statuses[key] != "killed" and statuses[key] != "timeout" and key in reasons for key in keys)
        row = [len(keys), killed, explained, len(keys) - killed - explained]
        totals = [a + b for a, b in zip(totals, row)]
        lines.append(f"| `{module}` | {row[0]} | {row[1]} | {row[2]} | {row[3]} | "
                     f"{(row[1] + row[2]) / row[0]:.1%} |")
    score = (totals[1] + totals[2]) / max(totals[0], 1)
    lines.append(f"| **all** | {totals[0]} | {totals[1]} | {totals[2]} | {totals[3]} | **{score:.1%}** |")
    if unchecked:
        lines += ["", f"The run was stopped before {len(unchecked)} more mutants were tried; they are not counted."]
    lines += ["", "## Survivors", "", "| mutant | change | why it survives |", "| --- | --- | --- |"]
    sources: dict = {}
    for key in sorted(k for k, status in statuses.items() if status not in ("killed", "timeout")):
        why = reasons.get(key) or (f"not equivalent: {accepted[key]}" if key in accepted else None) \
            or _NOT_YET.get(statuses[key], statuses[key])
        lines.append(f"| `{key}` | {_change_of(folder, key, sources)} | {why} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy (to look at mutants)")
    parser.add_argument("--only", nargs="+", metavar="MODULE", choices=MODULES,
                        help="mutate only these modules (as in MODULES, e.g. network/feedxml.py); the "
                             "report then goes to .cache/mutation/, not benchmarks/MUTATION.md")
    args = parser.parse_args()
    modules = tuple(args.only or MODULES)
    destination = _REPORT
    if args.only:  # a partial run must not pass for the measured score
        name = "+".join(module.removesuffix(".py").replace("/", ".") for module in modules)
        destination = os.path.join(ROOT, ".cache", "mutation", f"{name[:120]}.md")
        os.makedirs(os.path.dirname(destination), exist_ok=True)
    folder = tempfile.mkdtemp(prefix="mutation-")
    try:
        _scratch_copy(folder, modules)
        started = time.perf_counter()
        print(f"Planting mutants in {len(modules)} modules (scratch copy: {folder})...", flush=True)
        output = _mutmut(folder, "run")
        text = report(folder, time.perf_counter() - started)
        if "| **all** | 0 |" in text:  # mutmut stopped before planting anything: say why, keep the report
            raise SystemExit(f"mutmut planted no mutant (did the unit tests fail in the copy?):\n{output[-3000:]}")
        with open(destination, "w", encoding="utf-8") as handle:
            handle.write(text)
        print(next(line for line in text.splitlines() if line.startswith("| **all**")))
        print(f"Wrote {os.path.relpath(destination, ROOT)}.")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
