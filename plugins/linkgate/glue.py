"""The link gate's contact with the build: the new site read from the staging folder, checked
with the directory and the documents of this build, and the build stopped on a broken link."""

from __future__ import annotations

import logging
import os
from typing import Callable

from network.build import memo_path
from network.errors import BuildFailed
from network.reader import display_path
from network.resident import resident_memos
from network.urls import public_siteurl, unsubscribe_link

from .links import Checker, Site
from .report import Suggester, directory_problems, link_problems
from .scan import SiteMemo, read_site

logger = logging.getLogger(__name__)


def check_links(build, settings) -> Callable[[], None]:
    """Every internal link, image and anchor of the new site leads somewhere, or nothing is
    published: one problem per broken link, by the file it can be fixed in. Returned: what keeps
    the memo of this site, once nothing else stops the build (the last gate)."""
    staging, previous = settings["OUTPUT_PATH"], settings.get("REUSE_OUTPUT_FROM")
    memo_file = memo_path(settings, "links.pickle")
    with build.stages.timed("link gate: links and anchors of every page"):
        addresses = Site([settings["SITEURL"], public_siteurl(settings)])
        memos = resident_memos(settings)
        site = read_site(build.site_files, SiteMemo.load(memo_file, memos) if memo_file else SiteMemo(), addresses.key)
        checker = Checker(site.files, site.pages, addresses, site.to_check)
        placeholder = unsubscribe_link(settings.get("NEWSLETTER_UNSUBSCRIBE") or "")
        broken = [item for item in checker.find_broken() if item.link != placeholder]
        network, problems = build.network, []
        if network is not None:
            suggester = Suggester(site.files)
            problems, reported = directory_problems(_directory_entries(network, settings), checker, suggester)
            sources = {document.url + "index.html": document for document in network.documents}
            shown = display_path(previous or staging)
            problems += link_problems(broken, sources, lambda page: f"{shown}/{page}",
                                      _line_finder(network, settings), suggester, reported)
    logger.info("The link gate read %d files written in this build and checked the links of %s.", site.read,
                "every page" if site.to_check is None else f"{len(site.to_check)} of them")
    if problems:
        raise BuildFailed(problems)
    if not memo_file:
        return lambda: None
    return lambda: site.memo_reaching(checker.reached).save(memo_file, memos)


def _directory_entries(network, settings):
    folder = display_path(os.path.join(settings["PATH"], settings["DIRECTORY_PATH"]))
    directory = network.directory
    for attr in ("people", "organisations"):
        for entry in getattr(directory, attr).values():
            yield f"{folder}/{attr}.yml", entry


def _line_finder(network, settings):
    """The line of a document that has a link as written (None when Markdown wrote it otherwise)."""
    full_paths = {document.path: os.path.join(settings["PATH"], document.key) for document in network.documents}

    def line_of(path: str, link: str) -> int | None:
        try:
            with open(full_paths[path], encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if link in line:
                        return number
        except (OSError, KeyError, UnicodeDecodeError):
            pass
        return None

    return line_of
