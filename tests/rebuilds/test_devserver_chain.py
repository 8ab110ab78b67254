"""make devserver rebuilds in one process, keeping its memos in memory between builds (the
linked text, what every page links to): after each edit its preview is exactly what a build
from nothing of the same content gives, the search index aside (made later, see search.later)."""

import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.building import ROOT, comparable_site, run_build

pytestmark = pytest.mark.build

#: Each applies to the content the one before left; each changes what other pages link to.
EDITS = [
    ("updates/2025-03-project-update.md", "let the people doing the work speak.",
     "let the people doing the work speak. Meridian Accommodation Services sent their thanks."),
    ("directory/organisations.yml", "name: Meridian Accommodation Services", "name: Meridian Housing Services"),
    ("updates/2025-03-project-update.md", "Meridian Accommodation Services sent their thanks.",
     "Meridian Housing Services sent their thanks."),
]

_CHAIN = textwrap.dedent("""
    import os, shutil, sys
    root, preview, content, snapshots = sys.argv[1:5]
    edits = eval(sys.argv[5])
    sys.path.insert(0, os.path.join(root, "tools"))
    os.chdir(root)
    import devserver
    from search.later import BackgroundIndexing

    class Arguments:
        settings, output = "pelicanconf.py", preview

    builds, last, indexing = devserver.Builds(), devserver.LastBuild(), BackgroundIndexing(lambda said: None)
    leftovers = devserver.Leftovers()
    overrides = devserver.build_overrides(content)
    for step in range(len(edits) + 1):
        if step:
            path, old, new = edits[step - 1]
            with open(os.path.join(content, path), encoding="utf-8") as handle:
                text = handle.read()
            assert old in text, (path, old)
            with open(os.path.join(content, path), "w", encoding="utf-8") as handle:
                handle.write(text.replace(old, new, 1))
        leftovers.free_now()  # as the loop does before each build
        devserver._rebuild(Arguments, overrides, builds, indexing, last, leftovers)
        indexing.cancel()
        shutil.copytree(preview, os.path.join(snapshots, f"preview-{step}"), symlinks=True)
        shutil.copytree(content, os.path.join(snapshots, f"content-{step}"))
""")


def _without_search(digests):
    return {path: digest for path, digest in digests.items() if not path.startswith("pagefind")}  # made later


def test_each_devserver_rebuild_equals_a_build_from_nothing(tmp_path, content_copy):
    snapshots = tmp_path / "snapshots"
    snapshots.mkdir()
    ran = subprocess.run([sys.executable, "-c", _CHAIN, ROOT, str(tmp_path / "preview"), str(content_copy),
                          str(snapshots), repr(EDITS)], capture_output=True, text=True, timeout=600)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    before = None
    for step in range(len(EDITS) + 1):
        fresh = run_build(str(tmp_path / f"fresh-{step}"), str(snapshots / f"content-{step}"), settings="pelicanconf.py")
        assert fresh.returncode == 0, fresh.log
        expected = _without_search(comparable_site(fresh.output))
        rebuilt = _without_search(comparable_site(str(snapshots / f"preview-{step}")))
        assert rebuilt.keys() == expected.keys(), step
        wrong = sorted(path for path in expected if rebuilt[path] != expected[path])
        assert not wrong, f"after edit {step}, these differ from a build from nothing: {wrong[:10]}"
        assert before is None or expected != before, f"edit {step} changed nothing: the test would prove nothing"
        before = expected
    shutil.rmtree(snapshots)
