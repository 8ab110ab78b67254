"""Write the directory's suggestions as entries to edit (make suggest).

    python tools/suggest.py [--to suggestions.yml] [--content content]

Checks the content as `make check` does and writes what it suggests (people and organisations
the texts name that the directory lacks, near-misses of its names) to a review file, in the shape
of people.yml and organisations.yml. The directory itself is never written, and neither is a
review file that is already there (it may hold the officer's edits).
"""

from __future__ import annotations

import argparse
import os
import sys

import build as builder

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

from authoring.suggestfile import as_yaml  # noqa: E402
from network.build import site_today  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", default=os.path.join(ROOT, "suggestions.yml"), help="the review file to write")
    parser.add_argument("--settings", default=os.path.join(ROOT, "pelicanconf.py"))
    parser.add_argument("--content", help="the content folder (default: PATH in the settings)")
    args = parser.parse_args(argv)
    target = os.path.abspath(args.to)
    shown = os.path.relpath(target)
    if os.path.exists(target):
        print(f"{shown} is already there (from an earlier 'make suggest'), and may hold your edits: copy what "
              f"you want from it into content/directory/, delete it, then run 'make suggest' again.", file=sys.stderr)
        return 1
    code, build, settings, _ = builder.check_quietly(args.settings, os.path.join(ROOT, "preview"), args.content)
    if build is None or build.network is None:
        print("The content could not be read: run 'make check' to see why, then try again.", file=sys.stderr)
        return 1
    if code != 0:
        print("Note: the content has problems ('make check' lists them); the suggestions are written all the same.")
    if not build.suggestions:
        print("No suggestions: every name the content uses that looks like a person or an organisation is in "
              "the directory. Nothing was written.")
        return 0
    directory = build.network.directory
    taken = {*directory.people, *directory.organisations, *directory.themes}
    with open(target, "x", encoding="utf-8") as handle:
        handle.write(as_yaml(build.suggestions, site_today(settings), taken))
    print(f"Wrote {len(build.suggestions)} suggestions to {shown}: check each entry, copy those you want into "
          "content/directory/people.yml or organisations.yml, then delete the file.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
