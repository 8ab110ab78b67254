"""Pelican reader for Markdown with YAML front matter (our content format)."""

from __future__ import annotations

import os
import re

from markdown import Markdown
from pelican.readers import MarkdownReader

from .documents import read_basics
from .source import clean_word_debris, decode, split_front_matter

_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def display_path(source_path: str) -> str:
    """The path as the officer sees it from the project folder (content/updates/x.md)."""
    relative = os.path.relpath(source_path)
    return source_path if relative.startswith("..") else relative


def first_paragraph(html: str) -> str:
    match = _FIRST_PARAGRAPH.search(html)
    return match.group(1).strip() if match else ""


class FrontMatterReader(MarkdownReader):
    """Reads `---` YAML front matter and a Markdown body; checks title, date and status."""

    file_extensions = ["md", "markdown"]

    def read(self, source_path):
        path = display_path(source_path)
        with open(source_path, "rb") as handle:
            text = decode(handle.read(), path)
        front_matter, body, _ = split_front_matter(text, path)
        folder = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/").split("/")[0]
        is_page = folder in self.settings["PAGE_PATHS"]
        by_folder = self.settings["CATEGORY_BY_FOLDER"]
        basics = read_basics(
            front_matter, path, default_category=by_folder.get(folder),
            categories=list(by_folder.values()), is_page=is_page,
        )
        self._md = Markdown(**self.settings["MARKDOWN"])
        content = self._md.convert(clean_word_debris(body))

        metadata = {"title": basics["title"], "status": basics["status"]}
        if basics["date"]:
            metadata["date"] = basics["date"]
        if basics["modified"]:
            metadata["modified"] = basics["modified"]
        if basics["category"] and not is_page:
            metadata["category"] = self.process_metadata("category", basics["category"])
        if basics["slug"]:
            metadata["slug"] = basics["slug"]
        if basics["summary"]:
            self._md.reset()
            metadata["summary"] = self._md.convert(basics["summary"])
        else:
            metadata["summary"] = first_paragraph(content)
        # Kept for the network model, which checks every reference once the directory is read.
        metadata["front_matter"] = front_matter
        metadata["basics"] = basics
        metadata["display_path"] = path
        return content, metadata
