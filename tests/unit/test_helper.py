"""The helper process that writes our pages beside Pelican: its results, its pages and its
failures come back to the main process."""

import os

import pytest
from pelican import signals

from network import build as builds
from network.generator import NetworkGenerator
from network.pages import Files
from speed import helper
from speed.writing import Writing


class Writes(NetworkGenerator):
    stage = "test: writing in the helper"

    def __init__(self, folder, fail=False):  # no Pelican needed: only what the helper uses
        self.output_path, self.fail, self.context = folder, fail, {"network": object()}
        self.settings = None

    def describe(self, network):
        if self.fail:
            raise RuntimeError("template exploded")
        yield Files(("from-helper.txt",), ("helper test",), lambda: {"from-helper.txt": str(os.getpid()).encode()})


def _start(tmp_path, generator, processes=2):
    settings = {"WRITE_PROCESSES": processes, "OUTPUT_PATH": str(tmp_path), "RELATIVE_URLS": True, "SITEURL": ""}
    build = builds.start(settings)
    generator.settings = settings
    build.writing = Writing(str(tmp_path))
    helper.start(build, [generator], settings)
    return build


def test_the_helper_writes_and_reports_its_stage(tmp_path):
    generator = Writes(str(tmp_path))
    build = _start(tmp_path, generator)
    assert generator in build.writing.delegated  # the main process leaves it to the helper
    helper.finish(build)
    written = (tmp_path / "from-helper.txt").read_text()
    assert int(written) != os.getpid()
    assert "test: writing in the helper" in build.stages.seconds


def test_a_failure_in_the_helper_fails_the_build(tmp_path, capfd):
    build = _start(tmp_path, Writes(str(tmp_path), fail=True))
    with pytest.raises(helper.HelperFailed, match="RuntimeError: template exploded"):
        helper.finish(build)
    assert "template exploded" in capfd.readouterr().err


def test_one_process_means_no_helper(tmp_path):
    generator = Writes(str(tmp_path))
    build = _start(tmp_path, generator, processes=1)
    assert generator not in build.writing.delegated
    helper.finish(build)  # nothing to wait for


def test_a_helper_left_by_a_failed_build_is_stopped(tmp_path):
    build = _start(tmp_path, Writes(str(tmp_path)))
    helper.abort({builds.SETTING: build})
    assert build.writing.helper is None
    helper.finish(build)  # nothing left to wait for


def test_pages_the_helper_wrote_are_announced_in_the_main_process(tmp_path):
    seen = []

    def listener(path, context):
        seen.append((os.getpid(), path))

    build = _start(tmp_path, Writes(str(tmp_path)))
    signals.content_written.connect(listener)
    try:
        helper.finish(build)
    finally:
        signals.content_written.disconnect(listener)
    assert seen == []  # files a generator makes itself are not pages; pages are tested with a build
