"""Writing on two cores: a helper process writes our pages while Pelican writes the documents.

Once the model is complete and every check has passed, nothing that our page types write depends
on what Pelican writes, or the other way round. The build forks a helper that writes every page
our generators describe (entity pages, feeds, the minutes' pages, the newsletter) and, on a site
with many more documents than directory entries, Pelican's lists and archives too; the main
process writes the documents' own pages and the rest. The helper sends back its stage times,
what it wrote (for output reuse and for ``content_written``, which the main process sends) and
whether anything failed; a failure in the helper fails the build like any other.
"""

from __future__ import annotations

import functools
import logging
import os
import sys

from network import build as builds
from network.forking import Child, can_fork
from network.generator import NetworkGenerator
from pelican import signals
from pelican.generators import ArticlesGenerator


class HelperFailed(Exception):
    exitcode = 1

    def __init__(self, detail: str):
        super().__init__(f"Writing pages in the helper process failed: {detail}. See the messages above. "
                         "Nothing was published; the site online is unchanged.")


class _ErrorCount(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


def start(build, generators, settings) -> None:
    """Fork the helper (when there are cores to spare and anything to give it)."""
    processes = settings.get("WRITE_PROCESSES") or os.cpu_count() or 1
    part = [g for g in generators if isinstance(g, NetworkGenerator)]
    if processes < 2 or not part or not can_fork():
        return
    network = build.network
    if network is not None and len(network.documents) > 2 * _directory_size(network):
        # The main process's work grows with the documents (a page each), the helper's with the
        # directory (a page and two feeds each): with many more documents than entries, the
        # helper has time to spare for Pelican's lists.
        part += [_PelicanLists(g) for g in generators if isinstance(g, ArticlesGenerator)]
    build.writing.helper = Child(functools.partial(_write_in_helper, build, part, settings))
    for generator in part:  # the main process leaves these to the helper
        if isinstance(generator, _PelicanLists):  # Pelican's generator now writes the documents only
            generator.generator.generate_pages = functools.partial(_documents_only, generator.generator)
        else:
            build.writing.delegated.append(generator)


def _directory_size(network) -> int:
    return len(network.people) + len(network.organisations) + len(network.themes)


class _PelicanLists:
    """Pelican's lists (the home page and its pages, archives, categories, tags, authors), written
    by the helper; the main process writes the documents. Pelican writes both in one method, so
    the main process's generator is given one that writes the documents only."""

    stage = "pelican: lists and archives"

    def __init__(self, generator):
        self.generator = generator

    def generate_output(self, writer):
        generator = self.generator
        write = functools.partial(writer.write_file, relative_urls=generator.settings["RELATIVE_URLS"])
        with builds.of(generator.settings).stages.timed(self.stage):
            generator.generate_period_archives(write)
            generator.generate_direct_templates(write)
            generator.generate_tags(write)
            generator.generate_categories(write)
            generator.generate_authors(write)


def _documents_only(generator, writer) -> None:
    write = functools.partial(writer.write_file, relative_urls=generator.settings["RELATIVE_URLS"])
    generator.generate_articles(write)
    generator.generate_drafts(write)


def _write_in_helper(build, part, settings) -> dict:
    """In the helper: write ``part``; what it wrote and how it went, for the main process."""
    from .writer import ReusingWriter

    errors = _ErrorCount()
    logging.getLogger().addHandler(errors)
    build.writing.in_helper()
    before = dict(build.stages.seconds)
    writer = ReusingWriter(settings["OUTPUT_PATH"], settings=settings)
    with signals.content_written.muted():  # sent by the main process, where plugins listen
        for generator in part:
            generator.generate_output(writer)
    sys.stdout.flush()
    sys.stderr.flush()
    return {"stages": {k: v for k, v in build.stages.seconds.items() if before.get(k) != v},
            "errors": errors.count, "pages": writer.pages_written(), "files": build.writing.files_written()}


def finish(build) -> None:
    """Wait for the helper; take its stage times and its files; announce its pages; fail the
    build if it failed."""
    helper = build.writing.helper if build.writing is not None else None
    if helper is None:
        return
    build.writing.helper = None
    try:
        report = helper.result()
    except Exception as exc:  # its traceback is printed above
        raise HelperFailed(f"{exc.__class__.__name__}: {exc}") from exc
    build.stages.seconds.update(report["stages"])
    build.writing.merge(report["files"])
    if report["errors"]:
        raise HelperFailed(f"{report['errors']} error(s) were reported")
    output = build.writing.output_path
    for page in report["pages"]:
        signals.content_written.send(os.path.join(output, page), context=build.writing.context)


def abort(settings) -> None:
    """Stop a helper left from a build that failed (the devserver keeps going)."""
    build = settings.get(builds.SETTING)
    helper = build.writing.helper if build is not None and build.writing is not None else None
    if helper is not None:
        build.writing.helper = None
        helper.kill()
