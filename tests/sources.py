"""Reading the sample content independently of the plugins, to compute what tests expect.

Deliberately simple and separate from plugins/network, so a bug there cannot hide itself.
"""

from __future__ import annotations

import glob
import os

import yaml

from tests.building import CONTENT


def front_matter(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    _, block, _ = text.split("---\n", 2)
    return yaml.load(block, Loader=yaml.BaseLoader)  # everything as text


def documents(content: str = CONTENT, include_drafts=False):
    """(relative path, front matter) of every article, newest first."""
    found = []
    for folder in ("updates", "briefings", "minutes"):
        for path in glob.glob(os.path.join(content, folder, "*.md")):
            meta = front_matter(path)
            if meta.get("status") == "draft" and not include_drafts:
                continue
            found.append((os.path.relpath(path, content), meta))
    return sorted(found, key=lambda item: item[1]["date"], reverse=True)


def drafts(content: str = CONTENT):
    return [(p, m) for p, m in documents(content, include_drafts=True) if m.get("status") == "draft"]


def directory(name: str, content: str = CONTENT) -> list[dict]:
    with open(os.path.join(content, "directory", name), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def slug(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]
