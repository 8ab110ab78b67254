"""Putting a finished site in place, so that readers see the old site or the new one, never half.

Normally the new site is built in a folder beside the output folder (``.output.building``) and
the two trade places in one step. An output folder that is a mount point (a container volume)
cannot be renamed: then the new site is built in a hidden folder inside it, readable by no one
else until it is done, and its files are moved into place one by one (each file is the old one
or the new one at every instant; assets before pages, so a new page never points to an asset
that is not there yet), and what the new site no longer has is removed.

Beside the output folder, each build leaves its record (``.output.built.json``): whether the
last build of that folder succeeded, with what settings, and how many files and bytes the site it
put in place holds. `make deploy` reads it: it refuses a folder whose last build failed, or whose
files are no longer those that build wrote.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import subprocess
from datetime import datetime, timezone

#: The staging folder's name inside an output folder that is a mount point.
INSIDE_STAGING = ".building"


def is_mount(output: str) -> bool:
    return os.path.ismount(output)


def staging_folder(output: str) -> str:
    if is_mount(output):
        return os.path.join(output, INSIDE_STAGING)
    return os.path.join(os.path.dirname(output), f".{os.path.basename(output)}.building")


def prepare_staging(output: str) -> tuple[str, bool]:
    """An empty staging folder for a build into ``output``, and whether it holds the folders of
    the site before last (then Pelican must not delete them)."""
    restore_interrupted_swap(output)
    staging = staging_folder(output)
    shutil.rmtree(staging, ignore_errors=True)  # left by a build that was stopped
    if is_mount(output):
        os.mkdir(staging, 0o700)  # the web server may serve the mount: nothing new is shown early
        return staging, False
    return staging, _take_spare_folders(output, staging)


def publish(staging: str, output: str, recycled: bool, empty_folders=None) -> None:
    """Replace the site in ``output`` with the one in ``staging``. ``empty_folders``: those of
    ``staging`` that hold no file, deepest first, when the build listed them (else found here)."""
    if recycled:  # the folders of pages that are gone
        if empty_folders is None:
            remove_empty_folders(staging)
        else:
            _remove_folders(empty_folders)
    if os.path.dirname(staging) == output:
        _update_in_place(staging, output)
    else:
        _swap(staging, output)


def _spare(output: str) -> str:
    return os.path.join(os.path.dirname(output), f".{os.path.basename(output)}.spare")


def _take_spare_folders(output: str, staging: str) -> bool:
    """Start the build in the folders of the site before last, emptied of files.

    A site has a folder per page, and creating thousands of folders is slow on some disks;
    the site that was replaced keeps its folders (only its files are deleted, see ``_swap``).
    It holds no file at all, so nothing written here can reach a published file.
    """
    spare = _spare(output)
    if not os.path.isdir(spare):
        return False
    try:
        os.rename(spare, staging)
    except OSError:
        return False
    return True


def remove_empty_folders(top: str) -> None:
    _remove_folders(base for base, _, _ in os.walk(top, topdown=False) if base != top)


def _remove_folders(folders) -> None:
    """Each of ``folders`` (children before parents) that holds nothing."""
    for folder in folders:
        try:
            os.rmdir(folder)
        except OSError:
            pass  # not empty: the usual case


def _swap(staging: str, output: str) -> None:
    """Replace output with staging, so readers never see half a site or none.

    Where the system can (Linux), the two folders trade places in one step; elsewhere two
    renames do it, and a build interrupted between them is mended by the next one
    (``restore_interrupted_swap``). The previous site's files are deleted by a separate
    process: thousands of files take a while to delete, and nobody needs to wait for it. Its
    emptied folders are kept for the next build (see ``_take_spare_folders``).
    """
    previous = f"{output}.previous"
    shutil.rmtree(previous, ignore_errors=True)  # left by an earlier build that was interrupted
    if os.path.exists(output) and _exchange(staging, output):
        os.rename(staging, previous)  # now the old site
    else:
        if os.path.exists(output):
            os.rename(output, previous)
        os.rename(staging, output)
    if os.path.exists(previous):
        spare = _spare(output)
        script = ('find "$1" ! -type d -delete 2>/dev/null; '
                  'if [ -e "$2" ]; then rm -rf -- "$1"; else mv -T -- "$1" "$2" || rm -rf -- "$1"; fi')
        subprocess.Popen(["sh", "-c", script, "sh", previous, spare], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)


def _exchange(first: str, second: str) -> bool:
    """Trade two folders' places in one step (Linux's renameat2 with RENAME_EXCHANGE)."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_current_folder, exchange = -100, 2
    return renameat2(at_current_folder, os.fsencode(first), at_current_folder, os.fsencode(second), exchange) == 0


def restore_interrupted_swap(output: str) -> None:
    """A build stopped between the two renames of the fallback swap left the old site aside."""
    previous = f"{output}.previous"
    if not os.path.exists(output) and os.path.isdir(previous):
        os.rename(previous, output)


def _update_in_place(staging: str, output: str) -> None:
    """Move the new site's files over the old ones (each move is one step), then remove the old
    site's files that the new one does not have, and the staging folder."""
    new_files = set()
    for pages in (False, True):
        for base, _, files in os.walk(staging):
            relative = os.path.relpath(base, staging)
            target = os.path.normpath(os.path.join(output, relative))
            for name in files:
                if name.endswith((".html", ".htm")) == pages:
                    _make_folder(target)
                    _move_over(os.path.join(base, name), os.path.join(target, name))
                    new_files.add(os.path.normpath(os.path.join(relative, name)))
    for base, folders, files in os.walk(output):
        if base == output:
            folders[:] = [name for name in folders if name != INSIDE_STAGING]
        for name in files:
            relative = os.path.normpath(os.path.relpath(os.path.join(base, name), output))
            if relative not in new_files:
                os.unlink(os.path.join(base, name))
    shutil.rmtree(staging, ignore_errors=True)
    remove_empty_folders(output)


def _make_folder(path: str) -> None:
    """A folder at ``path``, where the old site may have had a file of that name."""
    if os.path.lexists(path) and not os.path.isdir(path):
        os.unlink(path)
    os.makedirs(path, exist_ok=True)


def _move_over(source: str, target: str) -> None:
    """Where the old site had a folder of that name (a page that became a file), it goes."""
    if os.path.isdir(target) and not os.path.islink(target):
        shutil.rmtree(target)
    os.replace(source, target)


def lock_path(output: str) -> str:
    """The lock held by whatever builds into ``output`` or reads it whole (a deploy)."""
    return os.path.join(os.path.dirname(output), f".{os.path.basename(output)}.lock")


def record_path(output: str) -> str:
    """Where the record of the last build of ``output`` is kept: beside it, never published."""
    return os.path.join(os.path.dirname(output), f".{os.path.basename(output)}.built.json")


def forget_build(output: str) -> None:
    """Before the output folder changes: a build stopped while putting the site in place leaves
    no record, so nothing takes a half-updated folder for a whole site."""
    try:
        os.unlink(record_path(output))
    except FileNotFoundError:
        pass


def record_build(output: str, settings_file: str, succeeded: bool, report: str = "",
                 size: tuple[int, int] | None = None) -> None:
    """Write the record of the build of ``output`` that just ended (``report``: what went wrong;
    ``size``: the files and bytes of the site put in place, when the build counted them)."""
    record = {"succeeded": succeeded, "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "settings": os.path.abspath(settings_file), "report": report}
    if succeeded:
        record["files"], record["bytes"] = size or site_size(output)
    temporary = f"{record_path(output)}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(record, handle, indent=2)
    os.replace(temporary, record_path(output))


def read_build_record(output: str) -> dict | None:
    """The record of the last build of ``output``; None when there is none or it is unreadable."""
    try:
        with open(record_path(output), encoding="utf-8") as handle:
            record = json.load(handle)
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def site_size(output: str) -> tuple[int, int]:
    """(files, bytes) of the site in ``output``, leaving out a staging folder inside it."""
    files = size = 0
    for base, folders, names in os.walk(output):
        if base == output:
            folders[:] = [name for name in folders if name != INSIDE_STAGING]
        for name in names:
            files += 1
            size += os.lstat(os.path.join(base, name)).st_size
    return files, size
