"""Writing on two processes gives exactly the site one process gives: the helper's share (entity
pages, feeds and, on a site with many more documents than directory entries, the newsletter and
Pelican's lists) is written the same."""

import sys

import pytest

from tests.building import ROOT, comparable_site, run_build, settings_with

pytestmark = pytest.mark.build


def _settings(tmp_path, processes: int) -> str:
    return settings_with(tmp_path, f"settings-{processes}", f"WRITE_PROCESSES = {processes}\n")


def test_one_process_and_two_write_the_same_site(tmp_path):
    sys.path.insert(0, f"{ROOT}/benchmarks")
    from corpus import generate

    # 150 documents, 40 entries: the newsletter and the lists go to the helper too.
    content = generate(str(tmp_path / "corpus"), 150, 40, seed=11)
    one = run_build(str(tmp_path / "one"), content, settings=_settings(tmp_path, 1))
    two = run_build(str(tmp_path / "two"), content, settings=_settings(tmp_path, 2))
    assert one.returncode == 0, one.log
    assert two.returncode == 0, two.log
    assert comparable_site(one.output) == comparable_site(two.output)
