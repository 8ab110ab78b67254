"""A tiny run of the benchmark (50 documents), so its code cannot rot unnoticed."""

import os
import subprocess
import sys

import pytest

from tests.building import ROOT

pytestmark = pytest.mark.build


def test_benchmark_runs_on_a_tiny_corpus():
    done = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "run.py"), "--sizes", "50",
                           "--entities", "60", "--rounds", "1", "--no-write"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "| 50 |" in done.stdout and "the mention linker under 20%" in done.stdout
    assert "vanilla Pelican" in done.stdout and "warm rebuild" in done.stdout
    assert "from saving an edit to the edited page ready" in done.stdout and "saved to page ready" in done.stdout
    assert "crosslinks: linking mentions" in done.stdout


def test_the_corpus_is_deterministic(tmp_path):
    sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
    from corpus import generate

    def snapshot(folder):
        content = generate(str(folder), 20, 40, seed=3)
        files = {}
        for base, _, names in os.walk(content):
            for name in names:
                with open(os.path.join(base, name), encoding="utf-8") as handle:
                    files[os.path.relpath(os.path.join(base, name), content)] = handle.read()
        return files

    first, second = snapshot(tmp_path / "a"), snapshot(tmp_path / "b")
    assert first == second and len(first) == 20 + 4
    assert any(name.startswith("minutes/") for name in first)
