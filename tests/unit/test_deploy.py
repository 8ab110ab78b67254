"""make deploy's core: reading DEPLOY_TARGET, refusing a site that may not go, the rsync command."""

import os
import re

import pytest
import yaml

from authoring import deploy
from authoring.deploy import Refusal, Target
from tests.building import ROOT

PROJECT = "/home/officer/cvmp"
OUTPUT = "/home/officer/cvmp/output"
GOOD = {"succeeded": True, "finished": "2026-12-01T09:00:00+00:00", "settings": f"{PROJECT}/publishconf.py",
        "report": "", "files": 489, "bytes": 19_290_176}


def target(value):
    return deploy.read_target(value, "publishconf.py", PROJECT, OUTPUT)


@pytest.mark.parametrize("value, expected", [
    ("rsync:cvmp@www.example.org:/var/www/cvmp", Target("ssh", "cvmp@www.example.org:/var/www/cvmp")),
    ("rsync:www.example.org:sites/cvmp", Target("ssh", "www.example.org:sites/cvmp")),
    ("rsync:/srv/www/cvmp", Target("folder", "/srv/www/cvmp")),
    ("/srv/www/cvmp/", Target("folder", "/srv/www/cvmp")),
    ("../cvmp-site", Target("folder", "/home/officer/cvmp-site")),
    ("ghp:gh-pages", Target("ghp", "gh-pages")),
    ("ghp:", Target("ghp", "gh-pages")),
    (" ghp:site/live ", Target("ghp", "site/live")),
])
def test_each_kind_of_target_is_read(value, expected):
    assert target(value) == expected


@pytest.mark.parametrize("value", [None, "", "  ", 42])
def test_no_target_names_the_setting_and_the_readme(value):
    with pytest.raises(Refusal, match=r"publishconf.py, DEPLOY_TARGET: no target is set.*Putting the site online"):
        target(value)


def test_a_misspelt_kind_gets_a_did_you_mean():
    with pytest.raises(Refusal, match=r"'rsnyc:/srv/www' is not a target.*Did you mean 'rsync:/srv/www'\?"):
        target("rsnyc:/srv/www")


@pytest.mark.parametrize("value", ["rsync:cvmp@host:", "rsync:host:/", "rsync:host:~", "/", "~", "rsync:.",
                                   ".", "..", PROJECT, f"{PROJECT}/site", OUTPUT, f"{OUTPUT}/copy", "/home"])
def test_a_target_where_deleting_what_the_site_lacks_would_delete_other_things_is_refused(value):
    with pytest.raises(Refusal, match="delete"):
        target(value)


@pytest.mark.parametrize("branch", ["-f", "a..b", "with space", "ends/", "x.lock."])
def test_a_branch_git_would_reject_is_refused(branch):
    with pytest.raises(Refusal, match="not a branch name"):
        target(f"ghp:{branch}")


def test_the_whole_site_of_a_build_that_succeeded_may_go():
    deploy.check_site(OUTPUT, GOOD, (489, 19_290_176))


@pytest.mark.parametrize("record, found, words", [
    (GOOD, None, "There is no output/ folder to deploy. Run make publish first"),
    (None, (489, 19_290_176), "no record of a build that finished"),
    ({**GOOD, "succeeded": False, "report": "content/x.md, line 5: unknown theme 'housng'."}, (489, 19_290_176),
     "The last build of output/ (2026-12-01T09:00:00+00:00) failed"),
    ({**GOOD, "settings": f"{PROJECT}/pelicanconf.py"}, (489, 19_290_176), "preview settings"),
    (GOOD, (488, 19_280_000), "holds 488 files (19280000 bytes), but the build that made it wrote 489"),
    (GOOD, (489, 19_290_177), "something changed it since"),
])
def test_a_site_that_is_not_a_whole_good_build_is_refused(record, found, words):
    with pytest.raises(Refusal) as refused:
        deploy.check_site(OUTPUT, record, found)
    assert words in str(refused.value)


def test_a_failed_build_s_report_is_shown():
    failed = {**GOOD, "succeeded": False, "report": "content/x.md, line 5: unknown theme 'housng'."}
    with pytest.raises(Refusal, match="It reported:\ncontent/x.md, line 5: unknown theme 'housng'."):
        deploy.check_site(OUTPUT, failed, (1, 1))


def test_rsync_makes_an_exact_copy_by_content_and_a_dry_run_only_lists():
    real = deploy.rsync_command(OUTPUT, Target("ssh", "cvmp@host:/var/www/cvmp"), dry_run=False)
    assert real[-2:] == [f"{OUTPUT}/", "cvmp@host:/var/www/cvmp"]
    assert {"--delete", "--checksum", "--compress"} <= set(real) and "--dry-run" not in real
    dry = deploy.rsync_command(OUTPUT + "/", Target("folder", "/srv/www"), dry_run=True)
    assert {"--delete", "--checksum", "--dry-run", "--itemize-changes"} <= set(dry) and "--compress" not in dry
    assert dry[-2:] == [f"{OUTPUT}/", "/srv/www"]


def test_ghp_import_commits_the_folder_with_nojekyll_and_pushes_it():
    command = deploy.ghp_command(OUTPUT, "gh-pages", "origin", "Publish", "python3", cname="cvmp.example.org")
    assert command[:3] == ["python3", "-m", "ghp_import"] and command[-1] == OUTPUT
    assert {"--no-jekyll", "--push"} <= set(command)
    assert command[command.index("--cname") + 1] == "cvmp.example.org"
    assert "--cname" not in deploy.ghp_command(OUTPUT, "gh-pages", "origin", "Publish", "python3")


def test_the_workflow_publishes_then_deploys_on_a_push_to_main_and_the_readme_names_what_it_reads():
    with open(os.path.join(ROOT, ".github", "workflows", "publish.yml"), encoding="utf-8") as handle:
        text = handle.read()
    workflow = yaml.safe_load(text)
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key "on" as True
    runs = [step.get("run", "") for step in workflow["jobs"]["publish"]["steps"]]
    assert [line.strip() for run in runs for line in run.splitlines() if line.strip().startswith("make ")] == \
        ["make publish", "make deploy"]
    read = set(re.findall(r"\$\{\{ (?:vars|secrets)\.(\w+) \}\}", text))
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    assert read >= {"DEPLOY_TARGET", "DEPLOY_SSH_KEY"} and [name for name in read if f"| `{name}` |" not in readme] == []


@pytest.mark.parametrize("branch, checked_out", [("main", None), ("master", "main"), ("site", "site")])
def test_the_project_s_own_branch_is_never_replaced_by_the_site(branch, checked_out):
    with pytest.raises(Refusal, match=f"'ghp:{branch}' would replace the project's own branch"):
        deploy.check_branch(branch, checked_out, "DEPLOY_TARGET")
    deploy.check_branch("gh-pages", checked_out, "DEPLOY_TARGET")


def test_a_server_that_looks_like_an_option_is_never_handed_to_rsync():
    with pytest.raises(Refusal, match="inside the project"):  # read as a folder of the project
        target("rsync:-oProxyCommand=x:/srv")
