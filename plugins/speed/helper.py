"""Writing on two cores: a helper process writes our pages while Pelican writes the documents.

Once the model is complete and every check has passed, nothing that our page types write depends
on what Pelican writes, or the other way round. The build forks a helper and gives it, in a
queue, every page type our generators describe (entity pages, feeds, the minutes' pages, the
newsletter) and Pelican's lists and archives; the main process writes the documents' own pages,
then takes from the same queue what the helper has not taken yet. (A cold build's documents keep
the main process busy while the helper writes the rest; in a warm one most document pages are
kept, and the main process is free to share the rest.) The helper sends back its stage times,
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
    """Fork the helper (when there are cores to spare and anything to give it), with the part it
    may write in a queue the main process takes from too, once its own part is written."""
    processes = settings.get("WRITE_PROCESSES") or os.cpu_count() or 1
    part = [g for g in generators if isinstance(g, NetworkGenerator)]
    if processes < 2 or not part or not can_fork():
        return
    # Pelican's lists too: whichever process is free first writes them.
    part += [_PelicanLists(g) for g in generators if isinstance(g, ArticlesGenerator)]
    queue = _SharedQueue(len(part))
    build.writing.helper = Child(functools.partial(_write_in_helper, build, part, queue, settings))
    build.writing.helper_part, build.writing.helper_queue = part, queue
    for generator in part:  # the main process leaves these to the helper
        if isinstance(generator, _PelicanLists):  # Pelican's generator now writes the documents only
            generator.generator.generate_pages = functools.partial(_documents_only, generator.generator)
        else:
            build.writing.delegated.append(generator)


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


def _write_in_helper(build, part, queue, settings) -> dict:
    """In the helper: write what it takes of ``part``; what it wrote and how it went, for the
    main process."""
    from .writer import ReusingWriter

    errors = _ErrorCount()
    logging.getLogger().addHandler(errors)
    build.writing.lists_only()
    before = dict(build.stages.seconds)
    writer = ReusingWriter(settings["OUTPUT_PATH"], settings=settings)
    with signals.content_written.muted():  # sent by the main process, where plugins listen
        for generator in queue.taken(part):
            generator.generate_output(writer)
    sys.stdout.flush()
    sys.stderr.flush()
    return {"stages": {k: v - before.get(k, 0.0) for k, v in build.stages.seconds.items() if before.get(k) != v},
            "errors": errors.count, "pages": writer.pages_written(), "files": build.writing.files_written()}


def _write_what_is_left(build, settings) -> None:
    """In the main process, its own part written: write what the helper has not taken yet. (In
    a warm rebuild the documents' pages are mostly kept, and the main process was idle while the
    helper wrote alone: 1.5 s at 10,000 documents.)"""
    from .writer import ReusingWriter

    writing = build.writing
    writer = None
    for generator in writing.helper_queue.taken(writing.helper_part):
        if writer is None:
            writing.lists_only()
            writer = ReusingWriter(settings["OUTPUT_PATH"], settings=settings)
        if generator in writing.delegated:
            writing.delegated.remove(generator)
        generator.generate_output(writer)


class _SharedQueue:
    """The numbers 0 to n-1, each taken by one process only: one byte each in a pipe filled before
    the fork, from which both processes read a byte at a time (a read from a pipe is whole, and
    no two readers get the same byte). Both find it empty once all are taken."""

    def __init__(self, count: int):
        if count > 255:
            raise ValueError("at most 255 parts")
        self._read, write = os.pipe()
        os.write(write, bytes(range(count)))
        os.close(write)

    def taken(self, items: list):
        """Each item of ``items`` this process takes, in order, until none are left."""
        while True:
            byte = os.read(self._read, 1)
            if not byte:
                return
            yield items[byte[0]]

    def close(self) -> None:
        if self._read is not None:
            os.close(self._read)
            self._read = None


def finish(build, settings) -> None:
    """Write what the helper has not taken; wait for it; take its stage times and its files;
    announce its pages; fail the build if it failed."""
    helper = build.writing.helper if build.writing is not None else None
    if helper is None:
        return
    _write_what_is_left(build, settings)  # a failure here leaves the helper to ``abort``
    build.writing.helper = None
    build.writing.helper_queue.close()
    try:
        report = helper.result()
    except Exception as exc:  # its traceback is printed above
        raise HelperFailed(f"{exc.__class__.__name__}: {exc}") from exc
    for stage, seconds in report["stages"].items():  # a stage may have been written in both
        build.stages.add(stage, seconds)
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
        build.writing.helper_queue.close()
