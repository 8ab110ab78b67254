"""Start a new document: the right folder, a file name from the date and the title, a front matter
to fill in (make new).

    python tools/new.py --type update|briefing|minutes --title "…" [--body org-id] [--content content]

Minutes are pre-filled from the last minutes of the same body, with its open actions listed for
matters arising: the content is checked first, as `make check` does, so what is "open" is what
the actions register says. The new file starts as a draft. An existing file is never replaced.
"""

from __future__ import annotations

import argparse
import os
import sys

import build as builder

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

from authoring.newfile import Refusal, clean_title, find_body, folder_of, minutes_file, plain_file  # noqa: E402
from network.build import site_today  # noqa: E402


def plan(kind: str, title: str, body: str | None, settings_file: str, content: str | None):
    """The new file, from the checked model; prints what the check found wrong, if anything."""
    folder_of(kind)
    title = clean_title(title)
    if body and kind != "minutes":
        raise Refusal(f"BODY= is for minutes only (the group that met); leave it out for TYPE={kind}.")
    if kind == "minutes" and not body:
        raise Refusal('Minutes need the group that met: make new TYPE=minutes BODY=cvmp-steering-group TITLE="…".')
    code, build, settings, _ = builder.check_quietly(settings_file, os.path.join(ROOT, "preview"), content)
    if build is None or build.network is None:
        raise Refusal("The content could not be read: run 'make check' to see why, then try again.")
    if code != 0:
        print("Note: the content has problems ('make check' lists them); the new file is made all the same.")
    today = site_today(settings)
    if kind == "minutes":
        return minutes_file(title, today, find_body(build.network, body), build.network), settings["PATH"]
    return plain_file(kind, title, today, build.network), settings["PATH"]


def write(new, content_folder: str) -> str:
    """Write the file, never over an existing one; return its path as the officer sees it."""
    folder = os.path.join(content_folder, new.folder)
    path = os.path.join(folder, new.name)
    shown = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    os.makedirs(folder, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(new.text)
    except FileExistsError:
        raise Refusal(f"{shown} already exists, and make new never replaces a file. Open it to go on "
                      "writing, or give a different TITLE.") from None
    return shown


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--type", required=True, help="update, briefing or minutes")
    parser.add_argument("--title", default="")
    parser.add_argument("--body", help="minutes: the id or name of the group that met")
    parser.add_argument("--settings", default=os.path.join(ROOT, "pelicanconf.py"))
    parser.add_argument("--content", help="the content folder (default: PATH in the settings)")
    args = parser.parse_args(argv)
    try:
        new, content_folder = plan(args.type.strip().lower(), args.title, (args.body or "").strip() or None,
                                   args.settings, args.content)
        shown = write(new, content_folder)
    except Refusal as refusal:
        print(refusal, file=sys.stderr)
        return 1
    for note in new.notes:
        print(note)
    print(f"Made {shown} (a draft: remove 'status: draft' when it is ready). Open it in your editor.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
