"""`make new` and the directory's suggestions, as the officer runs them: the real scripts on a copy
of the sample content, each result checked the way `make check` reads content."""

import hashlib
import os
import re
import subprocess
import sys

import pytest
import yaml

from tests.building import ROOT, run_build

pytestmark = pytest.mark.build

STEERING = "content/minutes/2026-09-16-steering-group.md"


def _run(tool: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, os.path.join(ROOT, "tools", tool), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def _new(content, *args: str) -> subprocess.CompletedProcess:
    return _run("new.py", "--content", str(content), *args)


def _front_matter(path) -> dict:
    text = open(path, encoding="utf-8").read()
    return yaml.safe_load(text.split("---\n")[1])


def _made(result: subprocess.CompletedProcess, content) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    made = re.search(r"Made (\S+\.md)", result.stdout).group(1)
    return made if os.path.isabs(made) else os.path.join(ROOT, made)


def _publish(path: str, *edits: tuple[str, str]) -> None:
    """What the officer does before publishing: fill in, and remove the draft line."""
    text = open(path, encoding="utf-8").read().replace("status: draft", "# ready")
    for old, new in edits:
        text = text.replace(old, new)
    open(path, "w", encoding="utf-8").write(text)


def _check(content, tmp_path):
    result = run_build(str(tmp_path / "preview"), content=str(content), settings="pelicanconf.py", check=True)
    assert result.returncode == 0, result.log
    return result


def test_new_minutes_start_from_the_last_meeting_and_list_exactly_the_open_actions(content_copy, tmp_path):
    last = _front_matter(os.path.join(ROOT, STEERING))["meeting"]
    path = _made(_new(content_copy, "--type", "minutes", "--body", "Steering Group",
                      "--title", "Steering Group, 20 January 2027"), content_copy)
    assert os.path.basename(path).startswith("2027-01-20-")
    fm = _front_matter(path)
    meeting = fm["meeting"]
    assert fm["date"] == last["next_meeting"] and fm["status"] == "draft"
    assert (meeting["body"], meeting["venue"], meeting["chair"], meeting["minutes_by"]) == (
        "cvmp-steering-group", last["next_venue"], last["chair"], last["minutes_by"])
    regulars = {*last["present"], *last.get("apologies", [])} - {last["chair"], last["minutes_by"]}
    assert set(meeting["present"]) == regulars and meeting["apologies"] == []
    assert meeting["in_attendance"] == last["in_attendance"]
    body = open(path, encoding="utf-8").read()
    listed = re.findall(r"Action (\d+) \((\d{4}-\d{2}-\d{2})\): open\.", body)
    assert listed and ("1", "2024-06-12") not in listed  # reported done in February 2025
    # Closing every action listed, then starting the next meeting's minutes: none is left open,
    # so the list was every open action, in the syntax the register reads.
    _publish(path, (": open.", ": done."), ('next_meeting: "to be confirmed"', 'next_meeting: "2027-04-21 14:00"'))
    assert "matches no earlier action" not in _check(content_copy, tmp_path).log
    after = _made(_new(content_copy, "--type", "minutes", "--body", "cvmp-steering-group", "--title", "April"),
                  content_copy)
    assert os.path.basename(after) == "2027-04-21-april.md"
    assert "No actions are open." in open(after, encoding="utf-8").read()


def test_a_new_update_with_an_awkward_title_builds_and_keeps_its_title(content_copy, tmp_path):
    title = 'Say "hi": Café / <script>alert(1)</script> — 50%'
    path = _made(_new(content_copy, "--type", "update", "--title", title), content_copy)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-say-hi-cafe-script-alert-1-script-50\.md", os.path.basename(path))
    assert _front_matter(path)["title"] == title
    _publish(path)
    result = _check(content_copy, tmp_path)
    assert "updates/" + os.path.basename(path) not in result.log  # not one warning about it


def test_make_new_never_replaces_a_file_and_names_a_misspelt_body(content_copy):
    first = _made(_new(content_copy, "--type", "briefing", "--title", "会议"), content_copy)
    assert os.path.basename(first).endswith("-briefing.md")
    before = open(first, "rb").read()
    again = _new(content_copy, "--type", "briefing", "--title", "会议")
    assert again.returncode == 1 and "already exists" in again.stderr
    assert open(first, "rb").read() == before
    wrong = _new(content_copy, "--type", "minutes", "--body", "steering-grup", "--title", "x")
    assert wrong.returncode == 1 and "Did you mean 'cvmp-steering-group'?" in wrong.stderr
    assert not [name for name in os.listdir(content_copy / "minutes") if name.endswith("-x.md")]


def _plant(content) -> None:
    """An unknown organisation's acronym in two updates, a guest at two meetings, a misspelt person,
    a misspelt private person and a common word in capitals."""
    for name in ("2026-10-project-update.md", "2026-04-project-update.md"):  # published, both
        with open(content / "updates" / name, "a", encoding="utf-8") as handle:
            handle.write("\n\nThe NFRS team ran safety visits. Samuel Adeyemy reported on housing. "
                         "Ottilie Marchbank asked about visits. Monday Evening Club met in May.\n")
    for name in ("2026-09-16-steering-group.md", "2026-10-08-operations-group.md"):
        path = content / "minutes" / name
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"  in_attendance: \[", '  in_attendance: ["Priya Quayle (Valley Credit Union)", ', text, count=1)
        path.write_text(text, encoding="utf-8")


def _digest(folder) -> str:
    digest = hashlib.sha256()
    for name in sorted(os.listdir(folder)):
        digest.update(name.encode() + (folder / name).read_bytes())
    return digest.hexdigest()


def test_check_lists_planted_names_as_suggestions_after_the_problems(content_copy, tmp_path):
    _plant(content_copy)
    result = _check(content_copy, tmp_path)
    out = result.stdout
    assert out.index("No problems in the content") < out.index("Suggestions for the directory")
    suggestions = out[out.index("Suggestions for the directory"):]
    update = f"{content_copy}/updates/2026-10-project-update.md"
    assert re.search(r"- NFRS: an acronym, in 2 documents\. Seen in .*2026-(10|04)-project-update\.md, line \d+", suggestions)
    assert "'Samuel Adeyemy' looks like Samuel Adeyemi ('samuel-adeyemi', person)" in suggestions
    assert re.search(r"- Priya Quayle \(Valley Credit Union\): a guest at 2 meetings", suggestions)
    assert update in suggestions
    assert "Marchbank" not in suggestions and "Ottilie" not in suggestions
    assert "Monday" not in suggestions and "Samuel Adeyemi:" not in suggestions


def test_suggest_writes_entries_to_review_and_never_the_directory(content_copy, tmp_path):
    _plant(content_copy)
    directory = _digest(content_copy / "directory")
    review = tmp_path / "suggestions.yml"
    result = _run("suggest.py", "--content", str(content_copy), "--to", str(review))
    assert result.returncode == 0, result.stdout + result.stderr
    entries = yaml.safe_load(review.read_text(encoding="utf-8"))
    assert {"id": "priya-quayle", "name": "Priya Quayle"} in [
        {key: entry[key] for key in ("id", "name")} for entry in entries]
    assert any(entry["name"] == "NFRS" for entry in entries)
    text = review.read_text(encoding="utf-8")
    assert "Samuel Adeyemy" in text and "Marchbank" not in text
    written = review.read_bytes()
    again = _run("suggest.py", "--content", str(content_copy), "--to", str(review))
    assert again.returncode == 1 and "already there" in again.stderr
    assert review.read_bytes() == written and _digest(content_copy / "directory") == directory


def test_a_check_with_problems_only_counts_the_suggestions_and_an_unreadable_directory_makes_none(content_copy,
                                                                                                   tmp_path):
    _plant(content_copy)
    update = content_copy / "updates" / "2026-10-project-update.md"
    update.write_text(update.read_text(encoding="utf-8").replace("themes: [", "themes: [housng, ", 1),
                      encoding="utf-8")
    result = run_build(str(tmp_path / "a"), content=str(content_copy), settings="pelicanconf.py", check=True)
    assert result.returncode == 1 and "unknown theme 'housng'" in result.stderr
    assert re.search(r"^\d+ suggestions for the directory: 'make check' lists them once the problems above are "
                     r"fixed\.$", result.stdout, re.MULTILINE)
    assert "NFRS" not in result.log
    (content_copy / "directory" / "people.yml").write_text("[]\n", encoding="utf-8")
    result = run_build(str(tmp_path / "b"), content=str(content_copy), settings="pelicanconf.py", check=True)
    assert result.returncode == 1 and "suggestion" not in result.log.lower()
