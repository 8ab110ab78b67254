"""The helper process that writes our pages beside Pelican: its results, its pages and its
failures come back to the main process."""

import os
import time

import pytest
from pelican import signals

from network import build as builds
from network.generator import NetworkGenerator
from network.pages import Files
from speed import helper
from speed.writing import Writing


class Writes(NetworkGenerator):
    stage = "test: writing in the helper"

    def __init__(self, folder, fail=False, name="from-helper.txt", pause=0.0):  # no Pelican: only what the helper uses
        self.output_path, self.fail, self.context = folder, fail, {"network": object()}
        self.settings = None
        self.name, self.pause = name, pause

    def describe(self, network):
        with open(os.path.join(self.output_path, f"{self.name}.taken"), "w") as marker:
            marker.write(str(os.getpid()))
        if self.fail:
            raise RuntimeError("template exploded")
        time.sleep(self.pause)
        yield Files((self.name,), ("helper test",), lambda: {self.name: str(os.getpid()).encode()})


def _start(tmp_path, generator, processes=2):
    settings = {"WRITE_PROCESSES": processes, "OUTPUT_PATH": str(tmp_path), "RELATIVE_URLS": True, "SITEURL": ""}
    build = builds.start(settings)
    generators = generator if isinstance(generator, list) else [generator]
    for each in generators:
        each.settings = settings
    build.writing = Writing(str(tmp_path))
    helper.start(build, generators, settings)
    return build, settings


def _written_by_the_helper(path, timeout=30.0):
    """Wait until the helper wrote ``path``: the main process, once it finishes, writes what the
    helper has not taken yet."""
    waited = 0.0
    while not os.path.exists(path) and waited < timeout:
        time.sleep(0.02)
        waited += 0.02


def test_the_helper_writes_and_reports_its_stage(tmp_path):
    generator = Writes(str(tmp_path))
    build, settings = _start(tmp_path, generator)
    assert generator in build.writing.delegated  # the main process leaves it to the helper
    _written_by_the_helper(tmp_path / "from-helper.txt")
    helper.finish(build, settings)
    written = (tmp_path / "from-helper.txt").read_text()
    assert int(written) != os.getpid()
    assert "test: writing in the helper" in build.stages.seconds


def test_a_failure_in_the_helper_fails_the_build(tmp_path, capfd):
    build, settings = _start(tmp_path, Writes(str(tmp_path), fail=True))
    _written_by_the_helper(tmp_path / "from-helper.txt.taken")  # else the main process takes it, and fails
    with pytest.raises(helper.HelperFailed, match="RuntimeError: template exploded"):
        helper.finish(build, settings)
    assert "template exploded" in capfd.readouterr().err


def test_one_process_means_no_helper(tmp_path):
    generator = Writes(str(tmp_path))
    build, settings = _start(tmp_path, generator, processes=1)
    assert generator not in build.writing.delegated
    helper.finish(build, settings)  # nothing to wait for


def test_a_helper_left_by_a_failed_build_is_stopped(tmp_path):
    build, settings = _start(tmp_path, Writes(str(tmp_path)))
    helper.abort({builds.SETTING: build})
    assert build.writing.helper is None
    helper.finish(build, settings)  # nothing left to wait for


def test_pages_the_helper_wrote_are_announced_in_the_main_process(tmp_path):
    seen = []

    def listener(path, context):
        seen.append((os.getpid(), path))

    build, settings = _start(tmp_path, Writes(str(tmp_path)))
    _written_by_the_helper(tmp_path / "from-helper.txt")
    signals.content_written.connect(listener)
    try:
        helper.finish(build, settings)
    finally:
        signals.content_written.disconnect(listener)
    assert seen == []  # files a generator makes itself are not pages; pages are tested with a build


def test_what_the_helper_has_not_taken_when_the_main_process_is_done_the_main_process_writes(tmp_path):
    slow = Writes(str(tmp_path), name="slow.txt", pause=1.0)
    quick = Writes(str(tmp_path), name="quick.txt")
    build, settings = _start(tmp_path, [slow, quick])
    _written_by_the_helper(tmp_path / "slow.txt.taken")  # the helper is busy with the slow one
    helper.finish(build, settings)
    assert int((tmp_path / "slow.txt").read_text()) != os.getpid()
    assert int((tmp_path / "quick.txt").read_text()) == os.getpid()
    assert build.writing.delegated == [slow]
    assert build.stages.seconds["test: writing in the helper"] >= 1.0  # both processes' times, added
