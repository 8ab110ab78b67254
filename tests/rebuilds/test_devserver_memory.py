"""make devserver builds again and again in one process: nothing of a build may stay behind.

Pelican keeps what it made of each content object in caches on its class, and its objects hold
one another in cycles that only Python's collector frees; a build sets the collector to run
rarely. At 10,000 documents each rebuild left 300 MB behind, and the collection that finally
came, in the middle of a build, took 4 s.
"""

import subprocess
import sys
import textwrap

import pytest

from tests.building import ROOT

pytestmark = pytest.mark.build

_TWO_REBUILDS = textwrap.dedent("""
    import gc, os, sys
    sys.path.insert(0, os.path.join(sys.argv[1], "tools"))
    os.chdir(sys.argv[1])
    import devserver
    from search.later import BackgroundIndexing

    class Arguments:
        settings, output = "pelicanconf.py", sys.argv[2]

    builds, last, indexing = devserver.Builds(), devserver.LastBuild(), BackgroundIndexing(lambda said: None)
    leftovers = devserver.Leftovers(wait=0)  # as the loop does in the quiet spell after a build
    overrides = devserver.build_overrides(sys.argv[3])
    for _ in range(2):
        devserver._rebuild(Arguments, overrides, builds, indexing, last, leftovers)
        indexing.cancel()
        leftovers.free_if_due()
    gc.unfreeze()
    left_behind = gc.collect()  # what the devserver left for the collector
    networks = sum(type(thing).__name__ == "Network" for thing in gc.get_objects())
    print(f"left behind {left_behind}, models alive {networks}")
""")


def test_two_rebuilds_in_one_process_leave_no_build_behind(tmp_path, content_copy):
    ran = subprocess.run([sys.executable, "-c", _TWO_REBUILDS, ROOT, str(tmp_path / "preview"), str(content_copy)],
                         capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    said = ran.stdout.strip().splitlines()[-1]
    left_behind, models = (int(word.strip(",")) for word in said.split() if word.strip(",").isdigit())
    assert models == 0, said  # neither build's model is kept: the next page first needs none
    assert left_behind < 500, said  # freed by the devserver itself, after the preview was ready
