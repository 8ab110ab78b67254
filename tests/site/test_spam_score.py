"""Every issue's .eml scores under 1 with SpamAssassin's local tests (5 is spam; a subscriber's
filter may be stricter, and every point we add is one we could have avoided)."""

import glob
import os
import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.build


def test_every_issue_scores_under_1(built_site):
    assert shutil.which("spamassassin"), "spamassassin is missing: make test installs it (tools/test-deps.sh)"
    emls = sorted(glob.glob(os.path.join(built_site.output, "newsletter", "*", "email.eml")))
    assert emls
    for path in emls:
        with open(path, "rb") as handle:
            done = subprocess.run(["spamassassin", "-L", "-t"], stdin=handle, capture_output=True, timeout=300)
        report = done.stdout.decode("utf-8", "replace")
        status = re.search(r"^X-Spam-Status: \w+, score=(-?[\d.]+)", report, re.MULTILINE)
        assert status, report[-2000:]
        assert float(status.group(1)) < 1, f"{path}: score {status.group(1)}\n" + report[report.find("Content analysis"):][:3000]
