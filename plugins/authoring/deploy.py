"""`make deploy`: where the site goes (DEPLOY_TARGET), whether output/ may go, and how.

Pure: it reads the setting, the build's record and the size of output/ as given, and returns
the commands to run (rsync, git, ghp-import); tools/deploy.py runs them. Every refusal says what
was wrong and what to do, in the officer's words.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from network.errors import did_you_mean, did_you_mean_hint

#: The kinds of DEPLOY_TARGET, as written before the colon.
KINDS = ("rsync", "ghp")
DEFAULT_BRANCH = "gh-pages"
EXAMPLES = ('"rsync:cvmp@www.example.org:/var/www/cvmp" (a server, over SSH), "/srv/www/cvmp" (a folder '
            'on this computer) or "ghp:gh-pages" (a GitHub Pages branch)')
#: A host before a colon ("host:", "user@host:"), as rsync reads it; a path has a slash first.
_HOST = re.compile(r"^(?!-)(?:[^@/:\s]+@)?\[?[^@/:\s\]]+\]?:")
_BRANCH = re.compile(r"^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+(?<![./])$")
#: Where rsync --delete would remove what is not the site: a whole disk, a home folder.
_NEVER_INTO = {"", "/", "~", "~/", ".", "./"}


class Refusal(Exception):
    """A reason not to deploy, for the person at the keyboard."""


@dataclass(frozen=True)
class Target:
    """Where the site goes: ``kind`` "ssh" (destination "user@host:/path"), "folder" (an
    absolute path) or "ghp" (destination: the branch)."""

    kind: str
    destination: str


def read_target(value, where: str, project: str, output: str) -> Target:
    """The target DEPLOY_TARGET names; ``where``: the settings file, for messages; relative
    folders are read from ``project``."""
    if not isinstance(value, str) or not value.strip():
        raise Refusal(f"{where}, DEPLOY_TARGET: no target is set, so make deploy does not know where the site "
                      f"goes. Set it to {EXAMPLES}; README.md, 'Putting the site online', explains each.")
    value = value.strip()
    kind, colon, rest = value.partition(":")
    if colon and kind == "ghp":
        branch = rest or DEFAULT_BRANCH
        if not _BRANCH.match(branch):
            raise Refusal(f"{where}, DEPLOY_TARGET: '{branch}' is not a branch name git accepts. Use letters, "
                          f"digits, '-', '_', '.' and '/', as in \"ghp:{DEFAULT_BRANCH}\".")
        return Target("ghp", branch)
    if colon and kind == "rsync":
        if _HOST.match(rest):
            return Target("ssh", _server_destination(rest, where))
        return Target("folder", _folder(rest, where, project, output))
    if value.startswith(("/", "~", ".")):
        return Target("folder", _folder(value, where, project, output))
    close = did_you_mean(kind, KINDS) if colon else None
    raise Refusal(f"{where}, DEPLOY_TARGET: '{value}' is not a target make deploy knows. "
                  + did_you_mean_hint(close and f"{close}:{rest}", f"Write it as {EXAMPLES}."))


def _server_destination(value: str, where: str) -> str:
    host, _, path = value.partition(":")
    if path.strip() in _NEVER_INTO:
        raise Refusal(f"{where}, DEPLOY_TARGET: 'rsync:{value}' names no folder on {host}, and make deploy "
                      "deletes from the target whatever the site does not have. Name the site's own folder, "
                      f"as in \"rsync:{host}:/var/www/cvmp\".")
    return value


def _folder(path: str, where: str, project: str, output: str) -> str:
    if path.strip() in _NEVER_INTO:
        raise Refusal(f"{where}, DEPLOY_TARGET: '{path}' is not a folder for the site alone, and make deploy "
                      "deletes from the target whatever the site does not have. Name the site's own folder.")
    folder = os.path.normpath(os.path.join(project, os.path.expanduser(path)))
    for name, kept in (("the project", project), ("the built site", output)):
        kept = os.path.normpath(kept)
        if _inside(folder, kept) or _inside(kept, folder):
            raise Refusal(f"{where}, DEPLOY_TARGET: '{path}' is {folder}, which holds or is inside {name} "
                          f"({kept}); make deploy would delete files there. Choose a folder outside both.")
    return folder


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def check_branch(branch: str, checked_out: str | None, where: str) -> None:
    """Refuse to replace the project's own branch with the site: ghp-import makes the site the
    whole of the branch, so "ghp:main" would push a main without the project's files."""
    if branch == checked_out or branch in ("main", "master"):
        raise Refusal(f"{where}, DEPLOY_TARGET: 'ghp:{branch}' would replace the project's own branch '{branch}' "
                      f"with the built site. Publish to a branch of its own, as in \"ghp:{DEFAULT_BRANCH}\".")


def check_site(output: str, record: dict | None, found: tuple[int, int] | None) -> None:
    """Refuse a site that is not the whole site of a build that succeeded. ``record``: the record
    the build left beside ``output`` (tools/publishing.py); ``found``: (files, bytes) in ``output``
    now, None if it does not exist."""
    shown = f"{os.path.basename(output)}/"
    if found is None:
        raise Refusal(f"There is no {shown} folder to deploy. Run make publish first, then make deploy.")
    if record is None:
        raise Refusal(f"{shown} has no record of a build that finished: it was not made by make publish, or its "
                      "build was stopped while putting the site in place. Run make publish, then make deploy.")
    if not record.get("succeeded"):
        raise Refusal(f"The last build of {shown} ({record.get('finished', 'at an unknown time')}) failed, so "
                      "make deploy sends nothing: the site online stays as it is. Fix what it reported, run "
                      f"make publish again, then make deploy. It reported:\n{record.get('report', '')}".rstrip())
    if os.path.basename(record.get("settings", "")) == "pelicanconf.py":
        raise Refusal(f"{shown} was built with the preview settings (pelicanconf.py: relative links, no public "
                      "address). Run make publish, which uses publishconf.py, then make deploy.")
    expected = (record.get("files"), record.get("bytes"))
    if tuple(found) != expected:
        raise Refusal(f"{shown} holds {found[0]} files ({found[1]} bytes), but the build that made it wrote "
                      f"{expected[0]} ({expected[1]} bytes): something changed it since. Run make publish "
                      "again, then make deploy.")


def rsync_command(output: str, target: Target, dry_run: bool) -> list[str]:
    """rsync making the target an exact copy of ``output``: files whose content differs are sent
    (--checksum: a rebuilt page keeps its size and may keep its time), files the site no longer
    has are deleted, and everything is readable by the web server."""
    command = ["rsync", "--recursive", "--links", "--times", "--perms", "--chmod=D755,F644", "--checksum",
               "--delete", "--exclude=/.building/", "--human-readable"]
    if target.kind == "ssh":
        command.append("--compress")
    command += ["--dry-run", "--itemize-changes"] if dry_run else ["--stats"]
    return [*command, output.rstrip(os.sep) + os.sep, target.destination]


def ghp_command(output: str, branch: str, remote: str, message: str, python: str, cname: str = "") -> list[str]:
    """ghp-import committing ``output`` as the whole of ``branch`` (with .nojekyll: GitHub Pages
    must not drop files whose names start with "_") and pushing it to ``remote``."""
    command = [python, "-m", "ghp_import", "--no-jekyll", "--push", "--remote", remote, "--branch", branch,
               "--message", message]
    if cname:
        command += ["--cname", cname]
    return [*command, output]


def fetch_command(branch: str, remote: str) -> list[str]:
    """Bring the remote's branch here first, so the new commit follows it (a fresh checkout, as in
    CI, has only main): the push is then a fast-forward, and the branch keeps its history."""
    return ["git", "fetch", "--quiet", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}"]
