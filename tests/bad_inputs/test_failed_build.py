"""A build with bad content stops with a clear report and never touches the published site."""

import os

import pytest

from tests.building import run_build, tree_digest

pytestmark = pytest.mark.build


def first_update(content):
    updates = sorted((content / "updates").glob("*.md"))
    return updates[0]


def break_file(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_failed_build_leaves_the_published_output_byte_for_byte(tmp_path, content_copy):
    output = str(tmp_path / "output")
    first = run_build(output, str(content_copy))
    assert first.returncode == 0, first.log
    before = tree_digest(output)
    assert "index.html" in before

    update = first_update(content_copy)
    break_file(update, "title:", "titel:")
    second = run_build(output, str(content_copy))

    assert second.returncode == 1
    assert "The site was not built" in second.stderr
    assert f"updates/{update.name}" in second.stderr and "has no title" in second.stderr
    assert "Nothing was published; the site online is unchanged." in second.stderr
    assert tree_digest(output) == before
    assert not os.path.exists(tmp_path / ".output.building")


def test_every_problem_is_reported_together(tmp_path, content_copy):
    (content_copy / "updates" / "typos.md").write_text(
        "---\ntitle: Typos\ndate: 2025-01-01\nthemes: [housng, no-such-theme]\n---\nText.\n", encoding="utf-8")
    people = content_copy / "directory" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8") + "\n- id: stray-person\n  name: Stray Person\n"
                      "  organisation: no-such-organisation\n", encoding="utf-8")
    (content_copy / "briefings" / "broken.md").write_bytes("---\ntitle: Café\n".encode("latin-1"))

    result = run_build(str(tmp_path / "output"), str(content_copy))

    assert result.returncode == 1
    log = result.stderr
    assert "unknown theme 'housng'. Did you mean 'housing'?" in log
    assert "unknown theme 'no-such-theme'" in log
    assert "Stray Person ('stray-person') belongs to the organisation 'no-such-organisation'" in log
    assert "briefings/broken.md, line 2: the file is not UTF-8 text" in log
    assert "Traceback" not in log
    assert not os.path.exists(tmp_path / "output")


def test_check_only_reports_problems_and_writes_nothing(tmp_path, content_copy):
    import subprocess
    import sys

    from tests.building import ROOT

    def check():
        return subprocess.run([sys.executable, f"{ROOT}/tools/build.py", "--settings", f"{ROOT}/pelicanconf.py",
                               "--content", str(content_copy), "--output", str(tmp_path / "out"), "--check"],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)

    good = check()
    assert good.returncode == 0 and "No problems in the content" in good.stdout
    assert not (tmp_path / "out").exists()
    (content_copy / "updates" / "typo.md").write_text("---\ntitle: T\ndate: 2025-01-01\nthemes: [housng]\n---\nx\n",
                                                      encoding="utf-8")
    bad = check()
    assert bad.returncode == 1 and "unknown theme 'housng'. Did you mean 'housing'?" in bad.stderr
    assert not (tmp_path / "out").exists()
