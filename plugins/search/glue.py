"""Connects the search to Pelican: the /search/ page, the filters its templates write, and the
indexing of the new site (called by the pipeline once everything is written)."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import partial

from network.errors import BuildFailed, Problem
from network.generator import NetworkGenerator, Page, set_template_globals
from network.urls import ENTITY_FOLDERS

from .filters import FILTERS, document_filters, entity_filters, indexed_pages_glob

#: The index's folder inside the site.
INDEX_FOLDER = "pagefind"


class SearchPageGenerator(NetworkGenerator):
    """Describes /search/: the search form, its filters and, without JavaScript, where to browse."""

    stage = "search: the search page"
    template_globals = {"entity_filters": entity_filters}

    def describe(self, network):
        yield Page("search/index.html", "search", {"filters": FILTERS})


def add_search_helpers(network, generators) -> None:
    """``document_filters(doc)`` for the templates, with this build's model."""
    set_template_globals(generators, document_filters=partial(document_filters, network=network))


def index_site(build, settings) -> None:
    """Index the new site (the folder being written) with Pagefind; a failure stops the build."""
    site = settings["OUTPUT_PATH"]
    if not os.path.isdir(site):
        return
    pages = indexed_pages_glob(build.network, ENTITY_FOLDERS)
    with build.stages.timed("search: indexing the site"):
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", site, "--output-subdir", INDEX_FOLDER, "--glob", pages,
             "--silent"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip().splitlines()
        raise BuildFailed([Problem(
            "the search index", f"Pagefind could not index the site: {said[-1] if said else 'no message'}.",
            hint="Nothing was published. Run 'make publish' again; if it fails again, run "
            "'make test-deps' to reinstall Pagefind, and report this message.")])


def register():
    SearchPageGenerator.register()
