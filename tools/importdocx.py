"""A Word file as a new document in content/: what `make import DOCX=… [TYPE=…] [NAME=…]` runs.

    python tools/importdocx.py path/file.docx [--type update|briefing|minutes] [--name FILE-NAME]
                               [--content content]

The work is done by plugins/authoring/wordimport.py; this script reads the Word file and the
directory, and writes what the plan names: never over an existing file. Exit codes: 0 imported,
1 nothing written (the reason is printed).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

from authoring.wordimport import FOLDERS, plan_import  # noqa: E402
from network.directory import load_directory, read_directory_files  # noqa: E402
from network.errors import ContentError, ProblemLog  # noqa: E402
from network.source import is_id_shaped  # noqa: E402

DIRECTORY = "directory"


class Refusal(Exception):
    """A clear reason not to go on, for the person at the keyboard."""


def read_word_file(path: str) -> bytes:
    if not path.strip():
        raise Refusal("Give the Word file to import: make import DOCX=path/to/file.docx "
                      "(put the path in quotes if it has spaces: DOCX=\"My minutes.docx\").")
    if not os.path.isfile(path):
        raise Refusal(f"There is no file '{path}'. Check the path and the spelling (a path with spaces "
                      "goes in quotes: DOCX=\"My minutes.docx\").")
    with open(path, "rb") as handle:
        return handle.read()


def read_directory(content: str):
    """The directory as the build reads it; its problems are the build's to report."""
    log = ProblemLog()
    directory = load_directory(read_directory_files(os.path.join(content, DIRECTORY)), f"content/{DIRECTORY}", log)
    if log.errors:
        print(f"Note: the directory has {len(log.errors)} problem(s) ('make check' lists them); people are "
              "matched as far as it could be read.", file=sys.stderr)
    return directory


def taken_in(content: str):
    """Whether a path inside content/ is taken: capitals aside, as addresses are compared."""
    listings: dict[str, set[str]] = {}

    def taken(relative: str) -> bool:
        folder, _, name = relative.rpartition("/")
        if folder not in listings:
            full = os.path.join(content, folder)
            listings[folder] = {entry.casefold() for entry in os.listdir(full)} if os.path.isdir(full) else set()
        stem = name.rsplit(".", 1)[0].casefold()
        names = listings[folder]
        if folder in FOLDERS.values():  # a document: the same name with any ending is the same address
            return any(entry.rsplit(".", 1)[0] == stem for entry in names)
        return name.casefold() in names

    return taken


def write_new(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "xb") as handle:  # "x": fails rather than replace a file that appeared meanwhile
        handle.write(data)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Import a Word file (.docx) as a new document in content/.")
    parser.add_argument("docx", help="the Word file")
    parser.add_argument("--type", choices=sorted(FOLDERS), help="the type of document (guessed when left out)")
    parser.add_argument("--name", help="the new file's name, without .md (made from its date and title otherwise)")
    parser.add_argument("--content", default=os.path.join(ROOT, "content"), help="the content folder")
    args = parser.parse_args(argv)
    try:
        if args.name is not None and not is_id_shaped(args.name.removesuffix(".md")):
            raise Refusal(f"NAME='{args.name}' is not a file name we use: write lowercase words and digits "
                          "joined by hyphens, such as 2026-11-11-steering-group.")
        data = read_word_file(args.docx)
        plan = plan_import(data, args.docx, read_directory(args.content), kind=args.type,
                           taken=taken_in(args.content), today=date.today(),
                           name=args.name.removesuffix(".md") if args.name else None)
        for path, picture in plan.pictures.items():
            write_new(os.path.join(args.content, path), picture)
        write_new(os.path.join(args.content, plan.path), plan.text.encode("utf-8"))
    except ContentError as error:
        print("\n".join(problem.format() for problem in error.problems), file=sys.stderr)
        return 1
    except Refusal as refusal:
        print(refusal, file=sys.stderr)
        return 1
    except FileExistsError as exists:  # made by someone else since the plan was made
        print(f"{exists.filename} appeared while importing, and an import never replaces a file. Run it "
              "again.", file=sys.stderr)
        return 1
    report(plan)
    return 0


def report(plan) -> None:
    pictures = f", with {len(plan.pictures)} picture(s) in content/images/" if plan.pictures else ""
    print(f"Imported as content/{plan.path}{pictures}.")
    print(f"The import made {len(plan.guesses)} guesses, listed at the top of the file:")
    for guess in plan.guesses:
        print(f"  - {guess.key}: {guess.value} ({guess.why})")
    print("Check them against the Word file, delete the comment lines, then run 'make check'.")


if __name__ == "__main__":
    sys.exit(main())
