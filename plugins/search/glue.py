"""Connects the search to Pelican: the /search/ page, the filters its templates write, and the
indexing of the new site (called by the pipeline once everything is written)."""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import partial

from network.errors import BuildFailed, Problem
from network.generator import NetworkGenerator, Page, set_template_globals
from network.urls import ENTITY_FOLDERS

from .filters import FILTERS, document_filters, entity_filters, indexed_pages_glob
from .later import INDEX_FOLDER, IndexJob, pagefind_command


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
    """Index the new site (the folder being written) with Pagefind; a failure stops the build.
    A preview build (``SEARCH_INDEX_LATER``) carries the last index over instead and leaves the
    job to the devserver, once the page is ready (see ``later``)."""
    site = settings["OUTPUT_PATH"]
    if not os.path.isdir(site):
        return
    pages = indexed_pages_glob(build.network, ENTITY_FOLDERS)
    if settings.get("SEARCH_INDEX_LATER"):
        build.search_index_later = IndexJob(pages, build.network.directory.names)
        with build.stages.timed("search: carrying the last index over"):
            carry_previous_index(build, settings)
        return
    with build.stages.timed("search: indexing the site"):
        result = subprocess.run(pagefind_command(site, pages, os.path.join(site, INDEX_FOLDER)),
                                capture_output=True, text=True, check=False)
    published = _checked_index(build, settings)
    if result.returncode == 0 and published is not None:
        with build.stages.timed("search: keeping the index files that did not change"):
            keep_unchanged(os.path.join(site, INDEX_FOLDER), published)
    if result.returncode != 0:
        said = (result.stderr or result.stdout).strip().splitlines()
        raise BuildFailed([Problem(
            "the search index", f"Pagefind could not index the site: {said[-1] if said else 'no message'}.",
            hint="Nothing was published. Run 'make publish' again; if it fails again, run "
            "'make test-deps' to reinstall Pagefind, and report this message.")])


def _checked_index(build, settings) -> str | None:
    """The index of the site being replaced, if its files passed the last gate with the same
    private names: only while the site's fingerprint (the directory included) is unchanged. The
    gate does not read a file linked from it again. None otherwise."""
    previous = settings.get("REUSE_OUTPUT_FROM")
    if not previous or build.writing is None or not build.writing.site_unchanged():
        return None
    return os.path.join(previous, INDEX_FOLDER)


def carry_previous_index(build, settings) -> int:
    """Hard-link the published site's index into the new site (how many files), so that the
    search keeps working until the new index is made; only an index checked with the same
    private names (``_checked_index``). Otherwise the new site has no index until then."""
    source = _checked_index(build, settings)
    if source is None:
        return 0
    carried = 0
    for base, _, names in os.walk(source):
        target = os.path.join(settings["OUTPUT_PATH"], INDEX_FOLDER, os.path.relpath(base, source))
        os.makedirs(target, exist_ok=True)
        for name in names:
            try:
                os.link(os.path.join(base, name), os.path.join(target, name))
                carried += 1
            except OSError:  # gone meanwhile, or another disk: no index is better than half a copy
                shutil.rmtree(os.path.join(settings["OUTPUT_PATH"], INDEX_FOLDER), ignore_errors=True)
                return 0
    return carried


def keep_unchanged(index: str, previous: str) -> int:
    """Put in place of each index file that is byte for byte the previous site's file of the
    same name a hard link to that file; return how many.

    Pagefind cannot add to an index: it writes every file again at each build. But it names a
    page's fragment after what it holds, so after an edit most files are the ones published
    already. As links to them, they are known to be unchanged: the last gate, which reads every
    file written, does not read them again (a warm rebuild spent most of its gate there). It is
    called only when the site it replaces was made with the same directory and code (pages were
    reused), so those files passed the gate with the same private names.
    The staging folder starts with no file (see tools/publishing), so nothing is written
    through a link into the published site.
    """
    kept = 0
    for base, _, names in os.walk(index):
        for name in names:
            new = os.path.join(base, name)
            old = os.path.join(previous, os.path.relpath(new, index))
            try:
                if os.path.getsize(old) != os.path.getsize(new) or not os.path.isfile(old) or os.path.islink(old):
                    continue
                with open(old, "rb") as before, open(new, "rb") as after:
                    if before.read() != after.read():
                        continue
                linked = new + ".kept"
                os.link(old, linked)
                os.replace(linked, new)
                kept += 1
            except OSError:  # no such file before, or another disk: the new file stays
                continue
    return kept


def register():
    SearchPageGenerator.register()
