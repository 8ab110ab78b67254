"""What the code of a build is: our plugins' files, Python's version and every installed
package's. Every cache kept between builds is named after it, so a cache made by other code (an
upgrade, an edit to a plugin) is never read: its objects may no longer mean what they did.
"""

from __future__ import annotations

import hashlib
import os
import platform
import sysconfig

#: The digest of every fingerprint: fast, and long enough never to collide by chance.
_DIGEST_SIZE = 20
#: The settings key under which the code's fingerprint is kept once worked out.
CODE_SETTING = "CODE_FINGERPRINT"


def new_digest(data: bytes = b""):
    return hashlib.blake2b(data, digest_size=_DIGEST_SIZE)


def code_of(settings: dict) -> str:
    """The fingerprint of the code building with these settings, worked out once for them: each
    run of Pelican reads its settings afresh, and the code a process has loaded does not change
    under it (the devserver builds many times with the plugins it imported at the start)."""
    if CODE_SETTING not in settings:
        settings[CODE_SETTING] = code_fingerprint(settings.get("PLUGIN_PATHS", []))
    return settings[CODE_SETTING]


def code_fingerprint(plugin_paths) -> str:
    """The plugins' code (every file's bytes), Python's version and the installed packages."""
    digest = new_digest()
    for folder in plugin_paths:
        feed_folder(digest, folder)
    digest.update(platform.python_version().encode())
    digest.update(installed_packages().encode())
    return digest.hexdigest()


def installed_packages() -> str:
    """Every installed package and its version, from the names of their metadata folders
    ("Jinja2-3.1.4.dist-info"): one listing, where asking each package took longer."""
    names = []
    for folder in sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}):
        try:
            names += sorted(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            pass
    return ";".join(names)


def feed_folder(digest, folder: str, skip: set[str] = frozenset()) -> None:
    """Every file of ``folder``, by its bytes, except the paths in ``skip``. (A folder whose
    files count by their size and time: ``folder_stamps``, then ``feed_stamps``.)"""
    for relative, full in _files_of(folder):
        if relative not in skip:
            digest.update(relative.encode())
            with open(full, "rb") as handle:
                digest.update(handle.read())


def folder_stamps(folder: str, leave_out=None) -> list[tuple[str, int, int]]:
    """(relative path, size, modification time in ns) of every file of ``folder``, now, but
    those whose name ``leave_out`` picks."""
    stamps = []
    for relative, full in _files_of(folder):
        if leave_out is not None and leave_out(os.path.basename(full)):
            continue
        try:
            status = os.stat(full)
        except OSError:  # gone since the folder was listed
            continue
        stamps.append((relative, status.st_size, status.st_mtime_ns))
    return stamps


def feed_stamps(digest, stamps: list[tuple[str, int, int]], skip: set[str] = frozenset()) -> None:
    """Files by their size and time (``folder_stamps``), except the paths in ``skip``."""
    for relative, size, modified in stamps:
        if relative not in skip:
            digest.update(f"{relative}:{size}:{modified};".encode())


def _files_of(folder: str):
    """(relative path, full path) of every file of ``folder``, in a fixed order."""
    top = os.path.abspath(folder)
    for base, folders, names in os.walk(top):
        folders[:] = sorted(f for f in folders if f != "__pycache__" and not f.startswith("."))
        inside = os.path.relpath(base, top).replace(os.sep, "/")  # once a folder: 10,000 documents
        for name in sorted(names):
            if not name.endswith(".pyc"):
                yield (name if inside == "." else f"{inside}/{name}"), os.path.join(base, name)
