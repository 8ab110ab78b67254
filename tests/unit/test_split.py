"""The helper process that writes pages beside Pelican: its results and its failures come back."""

import os

import pytest

from network import split, stats
from network.generator import NetworkGenerator


class Writes(NetworkGenerator):
    in_second_process = True
    stage = "test: writing in the helper"

    def __init__(self, folder, fail=False):  # no Pelican needed: only what split uses
        self.output_path, self.fail, self.context = folder, fail, {"network": object()}

    def write(self, network, writer):
        if self.fail:
            raise RuntimeError("template exploded")
        with open(os.path.join(self.output_path, "from-helper.txt"), "w") as handle:
            handle.write(str(os.getpid()))


SETTINGS = {"WRITE_PROCESSES": 2, "OUTPUT_PATH": "", "RELATIVE_URLS": True, "SITEURL": ""}


def test_the_helper_writes_and_reports_its_stage(tmp_path):
    generator = Writes(str(tmp_path))
    stats.STAGES.clear()
    split.start([generator], {**SETTINGS, "OUTPUT_PATH": str(tmp_path)})
    assert generator.delegated  # the main process leaves it to the helper
    split.finish()
    written = (tmp_path / "from-helper.txt").read_text()
    assert int(written) != os.getpid()
    assert "test: writing in the helper" in stats.STAGES


def test_a_failure_in_the_helper_fails_the_build(tmp_path, capfd):
    split.start([Writes(str(tmp_path), fail=True)], {**SETTINGS, "OUTPUT_PATH": str(tmp_path)})
    with pytest.raises(split.HelperFailed, match="RuntimeError: template exploded"):
        split.finish()
    assert "template exploded" in capfd.readouterr().err


def test_one_process_means_no_helper(tmp_path):
    generator = Writes(str(tmp_path))
    split.start([generator], {**SETTINGS, "WRITE_PROCESSES": 1})
    assert not generator.delegated
    split.finish()  # nothing to wait for
