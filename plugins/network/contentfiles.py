"""What the content folder holds, checked before Pelican reads any of it.

Only our Markdown reader reads documents (Pelican's own HTML and reStructuredText readers are
turned off, so nothing is published without our checks and withholding). Two things are found
here, before any folder is walked by Pelican:

- a symbolic link that leads out of the content folder (a link to ``/etc`` would publish the
  machine's configuration; a link to itself would never end);
- a file in a document folder that is not a Markdown document (an HTML page, a Word file), which
  would otherwise be left out without a word.
"""

from __future__ import annotations

import os

from .errors import ProblemLog

#: The endings of documents our reader reads.
DOCUMENT_ENDINGS = ("md", "markdown", "mkd", "mdown")
#: Files an editor or a file manager leaves beside documents: never reported, read or published.
_SCRATCH_STARTS = (".", "~", "#")
_SCRATCH_ENDS = ("~", ".swp", ".tmp", ".bak", ".orig")
#: The same files as patterns of names, for Pelican's IGNORE_FILES (none of these characters is
#: special to fnmatch).
SCRATCH_PATTERNS = tuple(f"{start}*" for start in _SCRATCH_STARTS) + tuple(f"*{end}" for end in _SCRATCH_ENDS)


def is_scratch(name: str) -> bool:
    return name.startswith(_SCRATCH_STARTS) or name.endswith(_SCRATCH_ENDS)


def is_document(name: str) -> bool:
    return "." in name and name.rsplit(".", 1)[1].lower() in DOCUMENT_ENDINGS


def leads_outside(path: str, top: str) -> bool:
    """Whether ``path``, its links followed (its own or a folder's on the way), leads outside
    ``top`` or nowhere."""
    root, target = os.path.realpath(top), os.path.realpath(path)
    return os.path.commonpath([root, target]) != root or not os.path.exists(target)


def links_outside(top: str) -> list[tuple[str, str]]:
    """Every symbolic link under ``top`` that leads outside it (or nowhere): (link, target)."""
    found = []
    for base, folders, files in os.walk(top):  # links to folders are listed, never followed
        for name in sorted(folders + files):
            full = os.path.join(base, name)
            if os.path.islink(full) and leads_outside(full, top):
                found.append((full, os.readlink(full)))
    return found


def foreign_files(top: str, folders: list[str]) -> list[str]:
    """Files in the document folders that are not Markdown documents."""
    found = []
    for folder in folders:
        for base, subfolders, files in os.walk(os.path.join(top, folder)):
            subfolders[:] = [name for name in subfolders if not is_scratch(name)]
            found += [os.path.join(base, name) for name in sorted(files)
                      if not is_scratch(name) and not is_document(name)]
    return found


def loose_documents(top: str, folders: list[str]) -> list[str]:
    """Documents directly in the content folder, where no reader looks."""
    if not os.path.isdir(top):
        return []
    return [os.path.join(top, name) for name in sorted(os.listdir(top))
            if is_document(name) and os.path.isfile(os.path.join(top, name)) and name not in folders]


def check_content_folder(top: str, folders: list[str], display, log: ProblemLog) -> bool:
    """Report what is wrong with the content folder; False when a link leads out of it (then
    nothing else may read the folder)."""
    outside = links_outside(top)
    for link, target in outside:
        log.error(display(link), f"is a link to '{target}', which is outside the content folder"
                  + ("" if os.path.exists(link) else " or does not exist") + ".",
                  hint="Only what is inside the content folder is published: put a copy of the file "
                  "there instead of the link, or remove the link.")
    for path in foreign_files(top, folders):
        folder = display(os.path.dirname(path))
        log.error(display(path), f"is not a Markdown document, and only Markdown documents (.md) are read "
                  f"from {folder}/; it would not be published.",
                  hint="Write it as a Markdown document (see README, 'Writing content'), or move it to "
                  "content/files/ and link to it from a document to publish it as a download.")
    for path in loose_documents(top, folders):
        log.warning(display(path), "is directly in the content folder, where documents are not read.",
                    hint="Move it into one of the folders " + ", ".join(f"{f}/" for f in folders) + ".")
    return not outside
