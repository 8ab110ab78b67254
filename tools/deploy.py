"""Put the built site online: copy output/ to where DEPLOY_TARGET (publishconf.py) says.

    python tools/deploy.py [--settings publishconf.py] [--output output] [--dry-run] [--repository .]

Targets: "rsync:user@host:/path" (a server, over SSH), a folder ("/srv/www/cvmp" or
"rsync:/srv/www/cvmp"), or "ghp:BRANCH" (a branch of the project's git repository, pushed to
DEPLOY_GIT_REMOTE, for GitHub Pages). Only the whole site of a build that succeeded goes: a
failed last build, a missing or changed output/ are refused (the build's record, see
tools/publishing.py). A dry run prints what would happen and changes nothing anywhere.
Exit codes: 0 done, 1 refused, 2 the copy itself failed.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "plugins"))

import publishing  # noqa: E402
from authoring import deploy  # noqa: E402
from authoring.deploy import Refusal  # noqa: E402


class CopyFailed(Exception):
    """rsync or git stopped with an error (it printed why)."""


def _run(command: list[str], cwd: str | None = None, env: dict | None = None) -> None:
    print("$ " + shlex.join(command), flush=True)
    if subprocess.run(command, cwd=cwd, env=env).returncode != 0:
        raise CopyFailed(f"{command[0] if command[0] != sys.executable else 'ghp-import'} stopped with an error "
                         "(above). The site online may be partly updated: fix the cause and run make deploy again.")


def _git(repository: str, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *arguments], cwd=repository, capture_output=True, text=True)


def to_rsync(output: str, target: deploy.Target, dry_run: bool) -> None:
    if shutil.which("rsync") is None:
        raise Refusal("rsync is not installed on this computer. Install it (on Debian or Ubuntu: "
                      "sudo apt-get install rsync), then run make deploy again.")
    where = target.destination
    print(f"{'Would copy' if dry_run else 'Copying'} {output}/ to {where} (only what changed; files the site "
          f"no longer has are deleted there){': changes listed below' if dry_run else ''}.", flush=True)
    if target.kind == "folder" and not dry_run:
        os.makedirs(where, exist_ok=True)
    _run(deploy.rsync_command(output, target, dry_run))


def to_branch(output: str, branch: str, remote: str, cname: str, repository: str, dry_run: bool,
              record: dict) -> None:
    if _git(repository, "rev-parse", "--git-dir").returncode != 0:
        raise Refusal(f"{repository} is not a git repository, and a \"ghp:\" target publishes a branch of it. "
                      "Deploy from a clone of the project's repository.")
    deploy.check_branch(branch, _git(repository, "symbolic-ref", "--quiet", "--short", "HEAD").stdout.strip(),
                        "DEPLOY_TARGET")
    address = _git(repository, "remote", "get-url", remote)
    if address.returncode != 0:
        raise Refusal(f"The project's git repository has no remote '{remote}' (DEPLOY_GIT_REMOTE). Add it "
                      f"(git remote add {remote} ADDRESS) or set DEPLOY_GIT_REMOTE to one of: "
                      f"{', '.join(_git(repository, 'remote').stdout.split()) or 'none yet'}.")
    files = record.get("files")
    if dry_run:
        print(f"Would commit the {files} files of {output}/ as the whole of branch '{branch}' and push it to "
              f"'{remote}' ({address.stdout.strip()}). Nothing was changed.")
        return
    existing = _git(repository, "ls-remote", "--heads", remote, branch)
    if existing.returncode != 0:
        raise CopyFailed(f"git could not reach '{remote}' ({address.stdout.strip()}): {existing.stderr.strip()}")
    if existing.stdout.strip():
        _run(deploy.fetch_command(branch, remote), cwd=repository)
    env = dict(os.environ)
    if not _git(repository, "config", "user.email").stdout.strip():  # CI has no identity of its own
        env.setdefault("GIT_COMMITTER_NAME", "make deploy")
        env.setdefault("GIT_COMMITTER_EMAIL", "deploy@localhost")
    message = f"Publish the site built {record.get('finished', '')}"
    _run(deploy.ghp_command(output, branch, remote, message, sys.executable, cname), cwd=repository, env=env)


def deploy_site(settings_file: str, output: str, repository: str, dry_run: bool) -> None:
    from filelock import FileLock, Timeout
    from pelican.settings import read_settings

    settings = read_settings(settings_file)
    target = deploy.read_target(settings.get("DEPLOY_TARGET"), os.path.basename(settings_file), ROOT, output)
    lock = FileLock(publishing.lock_path(output))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"A build of {output}/ is running; make deploy starts when it has finished.", flush=True)
        lock.acquire()
    with lock:  # held: a build cannot replace output/ while it is being copied
        record = publishing.read_build_record(output)
        found = publishing.site_size(output) if os.path.isdir(output) else None
        deploy.check_site(output, record, found)
        if target.kind == "ghp":
            remote = settings.get("DEPLOY_GIT_REMOTE") or "origin"
            to_branch(output, target.destination, remote, settings.get("DEPLOY_CNAME") or "", repository, dry_run,
                      record)
            where = f"branch '{target.destination}' of '{remote}'"
        else:
            to_rsync(output, target, dry_run)
            where = target.destination
    if not dry_run:
        print(f"Deployed the site built {record.get('finished')} to {where}.")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="publishconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--dry-run", action="store_true", help="print what would happen; change nothing")
    parser.add_argument("--repository", default=ROOT,
                        help="the git repository a \"ghp:\" target publishes a branch of (default: the project)")
    args = parser.parse_args(argv)
    try:
        deploy_site(args.settings, os.path.abspath(args.output), os.path.abspath(args.repository), args.dry_run)
    except Refusal as refusal:
        print(f"make deploy: {refusal}", file=sys.stderr)
        return 1
    except CopyFailed as failure:
        print(f"make deploy: {failure}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
