"""The search index in parts, so that an edit indexes again only the part it touched. Pure.

Pagefind cannot add to an index: given a site, it indexes every page and writes the whole index
again. At 10,000 documents that was a third of every `make publish`, however small the edit,
and 2 GiB of memory. So the site's index is made of parts ("shards"), each a Pagefind index of
its own pages:

- ``pages``: the pages of people, organisations and themes, and the standing pages (About...);
- one part per year of documents, newest first ("2026", "2025"...).

Pagefind's time grows with the pages it is given (about 2.5 ms a page, plus 0.1 s to start), so a
part is kept to a few hundred pages where the site is large: a directory of more than PART_PAGES
entries gives its people and its organisations parts of their own ("people", "organisations"),
and a year of more than PART_PAGES documents is made of its quarters ("2024-q4" ... "2024-q1").
At 10,000 documents an edit indexed a year of 1,000 pages again (2.5 s); a quarter takes 0.6 s.
Small sites keep few parts, so that the search page merges few.

The first part is the *primary*: it keeps Pagefind's script and WebAssembly, and the search page
loads it, then merges the others into it (Pagefind's ``mergeIndex``): one search, one list of
results by relevance, the filters counted over every part. A document edited in 2019 makes
2019's part again; every other part whose pages are byte for byte the ones it was made from is
carried over from the published site (see ``search.indexing``).

What a part was made from is written beside it, in its manifest (``shard.json``): its pages and the
identity of each page file Pagefind read, whether it was the primary, and Pagefind's version. The
identities matter: the devserver writes an edited page into the live preview before its build (see
``pipeline.onepage``), so the page in the site before is not always the page its part was made from.
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict

from network.model import Network
from network.urls import ENTITY_FOLDERS

#: The search index's folder inside the site; each part is a folder inside it.
INDEX_FOLDER = "pagefind"
#: The part holding the pages of the directory's entries and the standing pages.
PAGES_SHARD = "pages"
#: Above this many pages, the directory's pages or a year's documents are indexed in smaller parts.
PART_PAGES = 300
#: What each part records of what it was made from (its pages are public addresses).
MANIFEST = "shard.json"
#: What Pagefind writes that a merged part needs: the rest (its script, WebAssembly and user
#: interface) is loaded from the primary only.
MERGED_PART_FILES = ("pagefind-entry.json", "index", "filter", "fragment")
MERGED_PART_SUFFIX = ".pf_meta"


@dataclasses.dataclass(frozen=True)
class Shard:
    """One part of the index: its name (its folder inside INDEX_FOLDER), the pages it indexes
    (paths inside the site, sorted) and whether it is the primary."""

    name: str
    pages: tuple[str, ...]
    primary: bool

    @property
    def folder(self) -> str:
        """Its folder inside the site, as "pagefind/2019"."""
        return f"{INDEX_FOLDER}/{self.name}"

    def manifest(self, pagefind_version: str, identities: dict[str, list[int]]) -> bytes:
        """What it is made from, as written in its folder (MANIFEST): with each page, the
        identity of the very file Pagefind read (``network.build.file_identity``)."""
        return json.dumps({"pagefind": pagefind_version, "primary": self.primary,
                           "pages": {page: list(identities.get(page, ())) for page in self.pages}}).encode()

    def made_as(self, manifest: bytes, pagefind_version: str) -> dict[str, list[int]] | None:
        """If a part with this manifest indexed the same pages, in the same role, with the same
        Pagefind: the identity of each page it read (compare them apart). Else None."""
        try:
            made = json.loads(manifest)
            same = (made["pagefind"] == pagefind_version and made["primary"] is self.primary
                    and sorted(made["pages"]) == list(self.pages))
        except (ValueError, TypeError, KeyError):
            return None
        return made["pages"] if same else None


def plan(network: Network) -> list[Shard]:
    """The parts of the index of the site built from ``network``, the primary first: the pages
    part (with people and organisations apart on a large directory), then the years (or their
    quarters), newest first. A part with no page is left out (Pagefind cannot make an index of
    nothing); a site with nothing to index has no part."""
    parts = _directory_parts(network) + _document_parts(network)
    kept = [(name, tuple(sorted(set(pages)))) for name, pages in parts if pages]
    return [Shard(name, pages, primary=index == 0) for index, (name, pages) in enumerate(kept)]


def _directory_parts(network: Network) -> list[tuple[str, list[str]]]:
    by_kind = {kind: [f"{ENTITY_FOLDERS[kind]}{entry.id}/index.html" for entry in listed]
               for kind, listed in network.entries_with_pages()}
    standing = [f"{page.url}index.html" for page in network.pages if page.url]
    if sum(len(pages) for pages in by_kind.values()) <= PART_PAGES:
        return [(PAGES_SHARD, [page for pages in by_kind.values() for page in pages] + standing)]
    apart = {"person": "people", "organisation": "organisations"}  # kind: its part's name
    together = [page for kind, pages in by_kind.items() if kind not in apart for page in pages]
    return [(PAGES_SHARD, together + standing)] + [(name, by_kind.get(kind, [])) for kind, name in apart.items()]


def _document_parts(network: Network) -> list[tuple[str, list[str]]]:
    by_year: dict[int, list] = defaultdict(list)
    for document in network.documents:
        by_year[document.date.year].append(document)
    parts = []
    for year in sorted(by_year, reverse=True):
        documents = by_year[year]
        if len(documents) <= PART_PAGES:
            parts.append((str(year), [f"{document.url}index.html" for document in documents]))
            continue
        by_quarter: dict[int, list[str]] = defaultdict(list)
        for document in documents:
            by_quarter[(document.date.month - 1) // 3 + 1].append(f"{document.url}index.html")
        parts += [(f"{year}-q{quarter}", by_quarter[quarter]) for quarter in (4, 3, 2, 1)]
    return parts


def is_merged_part_file(relative: str) -> bool:
    """Whether a file Pagefind wrote (its path inside the part) is one a merged part needs."""
    top = relative.split("/", 1)[0]
    return top in MERGED_PART_FILES or (top == relative and relative.endswith(MERGED_PART_SUFFIX))
