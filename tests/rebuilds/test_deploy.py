"""make deploy for real: rsync into a folder, ghp-import into a bare git repository (cloned after),
a dry run that changes nothing, and a failed build refused."""

import os
import subprocess
import sys

import pytest

from tests.building import ROOT, run_build, tree_digest

pytestmark = pytest.mark.build


@pytest.fixture
def site(built_site):
    """The sample site built by the same command as make publish (deploying only reads it)."""
    return built_site.output


def deploy(output: str, target: str, *options: str, repository: str | None = None, remote: str = "origin"):
    command = [sys.executable, os.path.join(ROOT, "tools", "deploy.py"), "--settings",
               os.path.join(ROOT, "publishconf.py"), "--output", output, *options]
    if repository:
        command += ["--repository", repository]
    env = {**os.environ, "DEPLOY_TARGET": target, "DEPLOY_GIT_REMOTE": remote}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)


def git(folder, *arguments: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True, text=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                               "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def _stale_copy(site: str, target) -> str:
    """A target holding an older site: a page the site no longer has, and a page whose text
    changed but whose size and time did not (rsync's quick check would keep it)."""
    target.mkdir()
    (target / "gone").mkdir()
    (target / "gone" / "index.html").write_text("<p>a page removed since</p>", encoding="utf-8")
    page = os.path.join(site, "about", "index.html")
    old = target / "about" / "index.html"
    old.parent.mkdir()
    with open(page, "rb") as handle:
        old.write_bytes(handle.read().replace(b"<h1", b"<h2", 1))
    stat = os.stat(page)
    os.utime(old, (stat.st_atime, stat.st_mtime))
    return str(target)


def test_rsync_makes_the_folder_an_exact_copy_of_the_site(site, tmp_path):
    target = _stale_copy(site, tmp_path / "www")
    done = deploy(site, f"rsync:{target}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert tree_digest(target) == tree_digest(site)  # the page that went is gone, the changed page changed
    assert "Deployed the site built" in done.stdout


def test_a_dry_run_lists_the_changes_and_changes_nothing(site, tmp_path):
    target = _stale_copy(site, tmp_path / "www")
    before = tree_digest(target)
    done = deploy(site, target, "--dry-run")
    assert done.returncode == 0, done.stdout + done.stderr
    assert tree_digest(target) == before
    assert "*deleting   gone/index.html" in done.stdout and "about/index.html" in done.stdout
    assert "Deployed" not in done.stdout


def test_ghp_import_publishes_the_site_as_a_branch_of_the_remote(site, tmp_path):
    remote = tmp_path / "site.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    project = tmp_path / "project"
    git(tmp_path, "init", "--quiet", "--initial-branch", "main", str(project))
    git(project, "commit", "--quiet", "--allow-empty", "-m", "The project")
    git(project, "remote", "add", "origin", str(remote))
    git(project, "push", "--quiet", "origin", "main")
    assert deploy(site, "ghp:gh-pages", "--dry-run", repository=str(project)).returncode == 0
    assert "gh-pages" not in git(remote, "branch")  # the dry run pushed nothing
    refused = deploy(site, "ghp:main", repository=str(project))
    assert refused.returncode == 1 and "would replace the project's own branch 'main'" in refused.stderr
    assert git(remote, "log", "--format=%s", "main").splitlines() == ["The project"]

    done = deploy(site, "ghp:gh-pages", repository=str(project))
    assert done.returncode == 0, done.stdout + done.stderr
    checkout = tmp_path / "checkout"  # main alone, as CI checks it out: gh-pages is not there
    git(tmp_path, "clone", "--quiet", "--depth", "1", "--single-branch", "--branch", "main", f"file://{remote}",
        str(checkout))
    done = deploy(site, "ghp:gh-pages", repository=str(checkout))
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(git(remote, "log", "--format=%s", "gh-pages").splitlines()) == 2  # the branch keeps its history

    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--branch", "gh-pages", str(remote), str(clone))
    published = {path: digest for path, digest in tree_digest(str(clone)).items() if not path.startswith(".git/")}
    assert published.pop(".nojekyll", None) is not None  # GitHub Pages keeps every file as it is
    assert published == tree_digest(site)


def test_a_remote_that_does_not_exist_is_named(site, tmp_path):
    project = tmp_path / "project"
    git(tmp_path, "init", "--quiet", str(project))
    done = deploy(site, "ghp:gh-pages", repository=str(project), remote="pages")
    assert done.returncode == 1 and "no remote 'pages' (DEPLOY_GIT_REMOTE)" in done.stderr


def test_a_site_whose_last_build_failed_is_refused_and_the_target_keeps_its_site(tmp_path, content_copy):
    output = str(tmp_path / "output")
    assert run_build(output, str(content_copy)).returncode == 0
    target = tmp_path / "www"
    assert deploy(output, str(target)).returncode == 0
    deployed = tree_digest(str(target))

    briefing = content_copy / "briefings" / "2024-11-turning-eighteen-briefing.md"
    briefing.write_text(briefing.read_text(encoding="utf-8").replace("themes: [", "themes: [housng, ", 1),
                        encoding="utf-8")
    assert run_build(output, str(content_copy)).returncode == 1
    done = deploy(output, str(target))
    assert done.returncode == 1
    assert "The last build of output/" in done.stderr and "failed" in done.stderr
    assert "unknown theme 'housng'. Did you mean 'housing'?" in done.stderr
    assert tree_digest(str(target)) == deployed


def test_an_output_folder_changed_since_its_build_is_refused(tmp_path, content_copy):
    output = str(tmp_path / "output")
    assert deploy(output, str(tmp_path / "www")).returncode == 1  # nothing built yet
    assert run_build(output, str(content_copy)).returncode == 0
    os.unlink(os.path.join(output, "about", "index.html"))
    done = deploy(output, str(tmp_path / "www"))
    assert done.returncode == 1 and "something changed it since" in done.stderr
    assert not os.path.exists(tmp_path / "www")
