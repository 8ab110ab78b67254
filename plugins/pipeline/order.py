"""The build, step by step: each plugin's part, called in the order the site needs them."""

from __future__ import annotations

import logging

from authoring.glue import suggest_in_check
from crosslinks.glue import add_recent_activity, add_related_documents, fill_document_page, link_documents
from crosslinks.index import build_index
from findable.glue import check_settings, listen_for_pages, sitemap
from linkgate.glue import check_links
from minutes.glue import collect_actions
from network import build as builds
from network.assemble import build_model, check_folders, hand_bodies_to_pelican, last_gate
from network.errors import BuildFailed, CheckPassed
from network.contentfiles import is_scratch
from network.generator import contents_with_documents
from network.glue import keep_reader_cache
from network.sitefiles import list_site
from network.versions import folder_stamps
from newsletter.glue import load_notes
from search.glue import add_search_helpers, index_site
from sitetheme import add_network_helpers
from speed import helper, reading
from speed.linear import write_with_less_work
from speed.writing import Writing

from .onepage import keep_for_page_first

logger = logging.getLogger(__name__)


def start_site(generator) -> None:
    """Pelican is about to read the documents: a new build starts."""
    settings = generator.settings
    build = builds.start(settings)
    # Before anything of it is read; an editor's scratch files (a swap file rewritten as the
    # officer types) are read by nothing, and would make every page be rendered again.
    build.content_stamps = folder_stamps(settings["PATH"], leave_out=is_scratch)
    check_folders(build, settings)  # a link out of the content folder stops the build here
    keep_reader_cache(generator)
    reading.read_with_less_work(generator)
    reading.prepare_articles(generator)


def start_pages(generator) -> None:
    keep_reader_cache(generator)
    reading.read_with_less_work(generator)
    reading.prepare_pages(generator)


def prepare_site(generators) -> None:
    """Everything between reading and writing, in order. Every step runs, so that one report
    lists every problem; then the build stops on any error, or starts writing."""
    settings = generators[0].settings
    build = builds.of(settings)
    stages, problems = build.stages, build.problems
    stages.mark("read")
    stages.between("pelican: reading and Markdown", "start", "read")
    with stages.timed("network: model and checks"):  # private names are withheld here
        network = build_model(build, generators)
    with stages.timed("crosslinks: linking mentions"):
        link_documents(network, generators, problems)
    with stages.timed("crosslinks: indexes"):
        build_index(network)
        add_recent_activity(network, generators)
    with stages.timed("minutes: actions and meetings"):
        collect_actions(network, generators, problems)  # the linked text: owners are links
    load_notes(network, generators, problems)
    add_network_helpers(network, generators)
    add_search_helpers(network, generators)
    check_settings(settings, problems)
    suggest_in_check(build, network, generators)  # make check only: names the directory lacks
    hand_bodies_to_pelican(generators)  # the model is complete
    if settings.get("PAGE_FIRST"):
        keep_for_page_first(build, generators, settings)
    stages.mark("model ready")
    _report(problems, settings)
    with stages.timed("network: fingerprints for reusing unchanged pages"):
        build.writing = Writing.start(generators, settings, list(contents_with_documents(generators)))
    listen_for_pages(generators[0].context)  # every page announced from now on is in the sitemap
    write_with_less_work(generators)
    helper.start(build, generators, settings)
    # Only a document's own page shows these, and the helper writes none: made after the fork.
    with stages.timed("crosslinks: related documents"):
        add_related_documents(network, generators)
    build.before_rendering.append(fill_document_page)


def _report(problems, settings) -> None:
    for problem in problems.warnings:
        logger.warning(problem.format())
    if problems.errors:
        raise BuildFailed(problems.errors)
    if settings.get("CHECK_ONLY"):
        raise CheckPassed(len(problems.warnings))


def finish_site(pelican) -> None:
    """Everything is written: wait for the helper, write the sitemap, index the site for the
    search, read it all at the last gate and the link gate (either stops the build: nothing is
    published), keep the memo."""
    settings = pelican.settings
    build = builds.of(settings)
    helper.finish(build, settings)
    if build.writing is not None:  # every page is written and announced: the sitemap lists them
        with build.stages.timed("findable: sitemap from every page written"):
            build.writing.write_files(sitemap(settings, build.writing.context))
    index_site(build, settings)  # before the gate, which reads the index too
    build.site_files = list_site(settings["OUTPUT_PATH"])  # nothing is written after this
    passed_last_gate = last_gate(build, settings)  # read by other processes meanwhile
    try:
        keep_link_memo = check_links(build, settings)
    finally:
        passed_last_gate()  # a private name stops the build first, before any broken link
    keep_link_memo()
    if build.writing is not None:
        build.writing.finish()
    build.stages.mark("written")
    build.stages.between("writing all pages (entity pages included)", "model ready", "written")
