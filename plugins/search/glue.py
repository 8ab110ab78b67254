"""Connects the search to Pelican: the /search/ page, the filters its templates write, and the
indexing of the new site (called by the pipeline once everything is written)."""

from __future__ import annotations

import os
from functools import partial

from network.errors import BuildFailed, Problem
from network.generator import NetworkGenerator, Page, set_template_globals

from .filters import FILTERS, document_filters, entity_filters
from .indexing import carry_part, fresh_parts, index_parts, pagefind_version
from .later import IndexJob
from .shards import INDEX_FOLDER, plan

#: The stage of a warm build that links the index files Pagefind wrote again unchanged.
KEEPING = "search: keeping the index files that did not change"


class SearchPageGenerator(NetworkGenerator):
    """Describes /search/: the search form, its filters, the parts of the index to load and,
    without JavaScript, where to browse."""

    stage = "search: the search page"
    template_globals = {"entity_filters": entity_filters}

    def describe(self, network):
        folders = [f"{shard.folder}/" for shard in plan(network)]
        yield Page("search/index.html", "search", {
            "filters": FILTERS, "index_script": f"{folders[0]}pagefind.js" if folders else None,
            "merged_parts": folders[1:]})


def add_search_helpers(network, generators) -> None:
    """``document_filters(doc)`` for the templates, with this build's model."""
    set_template_globals(generators, document_filters=partial(document_filters, network=network))


def index_site(build, settings) -> None:
    """Index the new site (the folder being written) with Pagefind, part by part (see
    ``shards``): the parts whose pages did not change are carried over from the site before; a
    failure stops the build. A preview build (``SEARCH_INDEX_LATER``) carries the other parts
    over too, as they were, and leaves making them again to the devserver, once the page is
    ready (see ``later``)."""
    site = settings["OUTPUT_PATH"]
    if not os.path.isdir(site):
        return
    shards, version, previous = plan(build.network), pagefind_version(), _checked_site(build, settings)
    fresh: set[str] = set()
    if previous is not None:
        with build.stages.timed("search: carrying the unchanged parts over"):
            fresh = {name for name in fresh_parts(shards, site, previous, version)
                     if carry_part(os.path.join(previous, INDEX_FOLDER, name), os.path.join(site, INDEX_FOLDER, name))}
    stale = tuple(shard for shard in shards if shard.name not in fresh)
    if settings.get("SEARCH_INDEX_LATER"):
        for shard in stale if previous is not None else ():  # searchable meanwhile, as it was
            carry_part(os.path.join(previous, shard.folder), os.path.join(site, shard.folder), manifest=False)
        build.search_index_later = IndexJob(stale, build.network.directory.names, version)
        return
    with build.stages.timed("search: indexing the site"):
        said = index_parts(site, list(stale), os.path.join(site, INDEX_FOLDER), version)
    if said is not None:
        raise BuildFailed([Problem(
            "the search index", f"Pagefind could not index the site: {said}.",
            hint="Nothing was published. Run 'make publish' again; if it fails again, run "
            "'make test-deps' to reinstall Pagefind, and report this message.")])
    if previous is not None and stale:
        with build.stages.timed(KEEPING):
            for shard in stale:
                keep_unchanged(os.path.join(site, shard.folder), os.path.join(previous, shard.folder))


def _checked_site(build, settings) -> str | None:
    """The site being replaced, if its files passed the last gate with the same private names:
    only while the site's fingerprint (the directory included) is unchanged. The gate does not
    read a file linked from it again. None otherwise."""
    previous = settings.get("REUSE_OUTPUT_FROM")
    if not previous or build.writing is None or not build.writing.site_unchanged():
        return None
    return previous


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
