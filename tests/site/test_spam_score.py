"""Every issue's .eml scores under 1 with SpamAssassin's local tests (5 is spam; a subscriber's
filter may be stricter, and every point we add is one we could have avoided)."""

import glob
import os
import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.build


def as_mbox(paths) -> bytes:
    """The messages, byte for byte as built, one after another in one mbox: SpamAssassin reads
    them in one run (its start-up, two seconds, is most of the time a message takes)."""
    parts = []
    for path in paths:
        with open(path, "rb") as handle:
            message = handle.read()
        # mboxrd: a body line starting "From " (however many ">" before it) gets one more ">".
        message = re.sub(rb"^(>*From )", rb">\1", message, flags=re.MULTILINE)
        parts.append(b"From newsletter@localhost Thu Jan  1 00:00:00 2026\n" + message.rstrip(b"\r\n") + b"\n\n")
    return b"".join(parts)


def test_every_issue_scores_under_1(built_site, tmp_path):
    assert shutil.which("spamassassin"), "spamassassin is missing: make test installs it (tools/test-deps.sh)"
    emls = sorted(glob.glob(os.path.join(built_site.output, "newsletter", "*", "email.eml")))
    assert emls
    mbox = tmp_path / "issues.mbox"
    mbox.write_bytes(as_mbox(emls))
    with open(mbox, "rb") as handle:
        done = subprocess.run(["spamassassin", "-L", "-t", "--mbox"], stdin=handle, capture_output=True, timeout=600)
    report = done.stdout.decode("utf-8", "replace")
    scores = re.findall(r"^X-Spam-Status: \w+, score=(-?[\d.]+)", report, re.MULTILINE)
    assert len(scores) == len(emls), report[-2000:]
    # Each message's report follows its own headers: split the output where each one starts.
    reports = re.split(r"(?m)^From newsletter@localhost ", report)[1:]
    assert len(reports) == len(emls)
    for path, score, detail in zip(emls, scores, reports):
        assert float(score) < 1, f"{path}: score {score}\n" + detail[detail.find("Content analysis"):][:3000]
