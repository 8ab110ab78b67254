"""Writing on two cores: a helper process writes some of our pages while Pelican writes its own.

Once the model is complete and every check has passed, nothing that our generators write
depends on what Pelican writes, or the other way round. The build forks a helper that writes
the generators marked ``in_second_process`` (the entity pages and the feeds, the heaviest) and,
on a site with many more documents than directory entries, the newsletter and Pelican's lists
and archives; the main process writes the documents and the rest. The helper
sends back its stage times, what it wrote (for output reuse) and whether anything failed; a
failure in the helper fails the build like any other.
"""

from __future__ import annotations

import functools
import json
import logging
import multiprocessing
import os
import sys
import traceback

from pelican.generators import ArticlesGenerator

from . import outputs, stats
from .model import Network


class HelperFailed(Exception):
    exitcode = 1

    def __init__(self, detail: str):
        super().__init__(f"Writing pages in the helper process failed: {detail}. See the messages above. "
                         "Nothing was published; the site online is unchanged.")


class _Helper:
    pid: int | None = None
    fd: int | None = None


class _ErrorCount(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


def start(generators, settings) -> None:
    """Fork the helper (when there are cores to spare and anything to give it)."""
    from .generator import NetworkGenerator

    abort()
    processes = settings.get("WRITE_PROCESSES") or os.cpu_count() or 1
    part = [g for g in generators if isinstance(g, NetworkGenerator) and g.in_second_process]
    if processes < 2 or not part or "fork" not in multiprocessing.get_all_start_methods():
        return
    network = generators[0].context.get("network")
    if isinstance(network, Network) and len(network.documents) > 2 * _directory_size(network):
        # The main process's work grows with the documents (a page each), the helper's with the
        # directory (a page and two feeds each): with many more documents than entries, the
        # helper has time to spare for the work either can do, Pelican's lists among it.
        part += [g for g in generators if isinstance(g, NetworkGenerator) and g.in_either_process]
        part += [_PelicanLists(g) for g in generators if isinstance(g, ArticlesGenerator)]
    sys.stdout.flush()
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the helper
        os.close(read_fd)
        _run_helper(part, settings, write_fd)
    os.close(write_fd)
    for generator in part:  # the main process leaves these to the helper
        if isinstance(generator, _PelicanLists):  # Pelican's generator now writes the documents only
            generator.generator.generate_pages = functools.partial(_documents_only, generator.generator)
        else:
            generator.delegated = True
    _Helper.pid, _Helper.fd = pid, read_fd


def _directory_size(network) -> int:
    return len(network.people) + len(network.organisations) + len(network.themes)


class _PelicanLists:
    """Pelican's lists (the home page and its pages, archives, categories, tags, authors), written
    by the helper; the main process writes the documents. Pelican writes both in one method, so
    the main process's generator is given one that writes the documents only."""

    stage = "pelican: lists and archives"

    def __init__(self, generator):
        self.generator = generator
        self.output_path = generator.output_path

    def generate_output(self, writer):
        generator = self.generator
        write = functools.partial(writer.write_file, relative_urls=generator.settings["RELATIVE_URLS"])
        with stats.timed(self.stage):
            generator.generate_period_archives(write)
            generator.generate_direct_templates(write)
            generator.generate_tags(write)
            generator.generate_categories(write)
            generator.generate_authors(write)


def _documents_only(generator, writer) -> None:
    write = functools.partial(writer.write_file, relative_urls=generator.settings["RELATIVE_URLS"])
    generator.generate_articles(write)
    generator.generate_drafts(write)


def _run_helper(part, settings, write_fd) -> None:
    errors = _ErrorCount()
    logging.getLogger().addHandler(errors)
    outputs.in_helper()
    before = dict(stats.STAGES)
    detail = ""
    try:
        writer = outputs.ReusingWriter(part[0].output_path, settings=settings)
        for generator in part:
            generator.generate_output(writer)
    except BaseException as exc:  # report anything; the main process decides
        traceback.print_exc()
        detail = f"{exc.__class__.__name__}: {exc}"
    sys.stdout.flush()
    sys.stderr.flush()
    stages = {k: v for k, v in stats.STAGES.items() if before.get(k) != v}
    memo = outputs.memo()
    files = {} if memo is None else {
        "entries": {path: list(entry.__dict__.values()) for path, entry in memo.new.items()},
        "reused": memo.reused, "rendered": memo.rendered}
    payload = json.dumps({"stages": stages, "errors": errors.count, "detail": detail, "files": files}).encode()
    with os.fdopen(write_fd, "wb") as pipe:
        pipe.write(payload)
    os._exit(1 if detail or errors.count else 0)


def finish(*_args) -> None:
    """Wait for the helper; take its stage times; fail the build if it failed."""
    if _Helper.pid is None:
        return
    pid, fd = _Helper.pid, _Helper.fd
    _Helper.pid = _Helper.fd = None
    with os.fdopen(fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    report = json.loads(data) if data else {"stages": {}, "errors": 0, "detail": "it stopped without a word"}
    for stage, seconds in report["stages"].items():
        stats.STAGES[stage] = seconds
    outputs.merge(report.get("files") or {})
    if os.waitstatus_to_exitcode(status) != 0 or report["errors"]:
        raise HelperFailed(report["detail"] or f"{report['errors']} error(s) were reported")


def abort() -> None:
    """Stop a helper left from a build that failed (the devserver keeps going)."""
    if _Helper.pid is None:
        return
    try:
        os.kill(_Helper.pid, 9)
        os.waitpid(_Helper.pid, 0)
    except OSError:
        pass
    if _Helper.fd is not None:
        os.close(_Helper.fd)
    _Helper.pid = _Helper.fd = None
