"""A warm rebuild makes again only the parts of the search index whose pages changed, and keeps
the files Pagefind writes again unchanged (so the last gate does not read them again), but only
when the directory is the one the published site was built and checked with: after someone is
made private, every index file is new and read."""

import json
import os
import subprocess
import sys

import pytest

from tests.building import ROOT

pytestmark = pytest.mark.build

KEEPING = "search: keeping the index files that did not change"


def timed_build(content, output, timings) -> dict:
    done = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "build.py"), "--settings",
                           os.path.join(ROOT, "publishconf.py"), "--output", str(output), "--content",
                           str(content), "--timings", str(timings)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    with open(timings, encoding="utf-8") as handle:
        return json.load(handle)["stages"]


def test_unchanged_index_files_are_kept_only_while_the_directory_is_unchanged(tmp_path, content_copy):
    output, timings = tmp_path / "output", tmp_path / "timings.json"
    assert KEEPING not in timed_build(content_copy, output, timings)  # nothing published yet

    parts = {part.name: (part / "pagefind-entry.json").stat().st_ino for part in (output / "pagefind").iterdir()}
    assert {"pages", "2024", "2025", "2026"} <= set(parts)
    update = content_copy / "updates" / "2026-10-project-update.md"
    update.write_text(update.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert KEEPING in timed_build(content_copy, output, timings)
    assert "One more line" in (output / "updates" / "2026-10-project-update" / "index.html").read_text("utf-8")
    # Only the part of the edited document's year was made again: the others are the same files.
    remade = {name for name, inode in parts.items()
              if (output / "pagefind" / name / "pagefind-entry.json").stat().st_ino != inode}
    assert remade == {"2026"}, remade

    people = content_copy / "directory" / "people.yml"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("  role: Partnership Project Officer\n",
                                   "  role: Partnership Project Officer\n  public: false\n", 1), encoding="utf-8")
    assert KEEPING not in timed_build(content_copy, output, timings), \
        "index files checked with another directory were kept"
