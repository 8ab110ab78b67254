"""The network model from what Pelican read, and the checks before and after a build.

Pelican's content objects go in; the one ``Network`` comes out, complete with the directory,
every published document (drafts dropped), and every problem found on the way. The content
folder is checked before Pelican reads it, and the written site by the last gate after.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Callable

from pelican.generators import ArticlesGenerator, PagesGenerator

from .addresses import address_clashes, claims_of
from .contentfiles import check_content_folder
from .directory import load_directory, read_directory_files, report_unread_files
from .documents import report_size, resolve_document
from .errors import BuildFailed, Problem
from .gatescan import SiteScan
from .generator import contents_with_documents
from .model import Network
from .namewarnings import report_names
from .reader import display_path
from .versions import code_of, new_digest
from .withholding import NamelessTexts, check_addresses, check_directory_names
from .withholding import withhold_in_directory, withhold_in_document

logger = logging.getLogger(__name__)


def check_folders(build, settings) -> None:
    """Before Pelican walks the content folder: a link out of it stops the build at once."""
    folders = [*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]]
    if settings.get("NEWSLETTER_NOTES_PATH"):
        folders.append(settings["NEWSLETTER_NOTES_PATH"])
    if not check_content_folder(settings["PATH"], folders, display_path, build.problems):
        raise BuildFailed(build.problems.errors)


def build_model(build, generators):
    """The network model from what Pelican read: the directory and every document, resolved,
    checked and with private names withheld; drafts dropped from every output."""
    settings = generators[0].settings
    context = generators[0].context
    problems = build.problems
    directory = _read_directory(settings, problems)
    folder = display_path(os.path.join(settings["PATH"], settings["DIRECTORY_PATH"]))
    report_names(directory.names, problems, folder)
    replacement = settings["PRIVATE_NAME_REPLACEMENT"]
    check_directory_names(directory, problems, folder)
    withhold_in_directory(directory, replacement, problems, folder)
    network = Network(directory)
    nameless = _nameless_texts(settings, directory.names, replacement)
    files = _static_files(settings)
    addresses = _directory_addresses(directory, folder)
    addresses += [(display_path(os.path.join(settings["PATH"], path)), None, path) for path in files]
    for generator in generators:
        for content, is_page in _contents(generator):
            problems.extend(content.metadata.get("reader_problems", ()))  # HTML removed from the body
            document = resolve_document(
                content.metadata["basics"], content.metadata["front_matter"], content.metadata["display_path"],
                directory, problems, is_page=is_page,
                minutes_category=settings["MINUTES_CATEGORY"], files=files,
            )
            document.source_stamp = content.metadata["source_stamp"]  # the file as its text was read
            report_size(document.path, document.source_stamp[0], problems)
            # Pelican works an address out from the settings on every access: once, here.
            document.url, document.save_as = pelican_addresses(content)
            document.body = content._content  # the reader's HTML; the model's from here on
            document.key = content.relative_source_path.replace(os.sep, "/")
            document.summary = content.metadata.get("summary", "")
            document.date = getattr(content, "date", None) or document.date
            content.doc = document
            texts = nameless.digest_of(content, document)
            nameless.found(texts, withhold_in_document(content, document, directory.names, replacement,
                                                       problems, directory, nameless.names_nobody(texts)))
            if not document.draft:
                network.add(document)
                addresses.append((document.path, None, document.url))
        _drop_drafts(generator)
    nameless.save()
    report_unread_files(directory, folder, problems)
    check_addresses(addresses, directory, problems)
    problems.extend(address_clashes(claims_of(generators, settings)))
    network.documents.sort(key=lambda d: d.date, reverse=True)
    context["network"] = network
    build.network = network
    return network


def _nameless_texts(settings, names, replacement: str) -> NamelessTexts:
    path = os.path.join(settings["CACHE_PATH"], "nameless.pickle") if settings.get("CACHE_CONTENT") else None
    return NamelessTexts(path, new_digest(f"{names.fingerprint()}\0{replacement}\0{code_of(settings)}".encode())
                           .hexdigest())


def hand_bodies_to_pelican(generators) -> None:
    """Pelican renders a document's page from its own content object: it is given the finished
    body once, when every step of the pipeline has run."""
    for content in contents_with_documents(generators):
        content._content = content.doc.body


#: The settings that name a content object's address, by its class and whether it is a draft
#: (as each class's ``_expand_settings`` chooses them in Pelican).
_ADDRESS_SETTINGS = {("Article", False): "ARTICLE", ("Article", True): "DRAFT",
                     ("Page", False): "PAGE", ("Page", True): "DRAFT_PAGE"}


def pelican_addresses(content) -> tuple[str, str]:
    """``content.url`` and ``content.save_as``, as Pelican works them out, from one making of
    the values they are formatted with (Pelican makes them for each: a copy of the metadata and
    two absolute paths, 0.3 s of every build at 10,000 documents). An address set in the front
    matter, a translation or another class of content is left to Pelican."""
    prefix = _ADDRESS_SETTINGS.get((type(content).__name__, content.status == "draft"))
    if (prefix is None or not content.in_default_lang or hasattr(content, "override_url")
            or hasattr(content, "override_save_as")):
        return content.url, content.save_as
    values = content.url_format
    settings = content.settings
    return str(settings[f"{prefix}_URL"]).format(**values), str(settings[f"{prefix}_SAVE_AS"]).format(**values)


def _read_directory(settings, problems):
    folder = os.path.join(settings["PATH"], settings["DIRECTORY_PATH"])
    return load_directory(read_directory_files(folder), display_path(folder), problems)


def _static_files(settings) -> dict[str, int]:
    """Every file under the static folders (path inside the content folder -> size in bytes)."""
    files = {}
    for folder in settings["STATIC_PATHS"]:
        top = os.path.join(settings["PATH"], folder)
        for base, _, names in os.walk(top):
            for name in names:
                full = os.path.join(base, name)
                files[os.path.relpath(full, settings["PATH"]).replace(os.sep, "/")] = os.path.getsize(full)
    return files


def _contents(generator):
    """Every content object a generator read, with whether it is a page."""
    if isinstance(generator, ArticlesGenerator):
        groups = ("articles", "translations", "drafts", "drafts_translations",
                  "hidden_articles", "hidden_translations")
        is_page = False
    elif isinstance(generator, PagesGenerator):
        groups = ("pages", "translations", "draft_pages", "draft_translations",
                  "hidden_pages", "hidden_translations")
        is_page = True
    else:
        return
    for group in groups:
        for content in getattr(generator, group, []):
            yield content, is_page


def _drop_drafts(generator) -> None:
    """Drafts never reach any output: not a page, a list, a feed or a search index."""
    for group in ("drafts", "drafts_translations", "draft_pages", "draft_translations"):
        items = getattr(generator, group, None)
        if items:
            items.clear()


def _directory_addresses(directory, folder):
    """Addresses the directory publishes: public entries' pages (named by id) and web addresses."""
    found = []
    for attr in ("people", "organisations", "themes"):
        for entry in getattr(directory, attr).values():
            if getattr(entry, "public", True):
                found.append((f"{folder}/{attr}.yml", "id", entry.id))
                found.append((f"{folder}/{attr}.yml", "url", getattr(entry, "url", "")))
    return found


def last_gate(build, settings) -> Callable[[], None]:
    """No file of the new site names a private person (see ``gate``), or nothing is published.
    The files are read by forked processes while the build goes on (the link gate); the function
    returned waits for them, and stops the build if one named a private person."""
    names = build.network.directory.names if build.network is not None else None
    if names is None or not names.private_claims():
        return lambda: None
    staging, previous = settings["OUTPUT_PATH"], settings.get("REUSE_OUTPUT_FROM")
    started = time.perf_counter()
    scan = SiteScan(build.site_files, previous, names, settings.get("WRITE_PROCESSES") or os.cpu_count() or 1)

    def passed() -> None:
        try:
            found, read = scan.result()
        finally:
            scan.cancel()  # a build stopped meanwhile leaves no process reading
        build.stages.add(_LAST_GATE, scan.finished - started)
        logger.info("The last gate read %d files written in this build.", read)
        if found:
            _stop_on_private_names(found, previous or staging)
    return passed


#: The last gate's stage: from its start until its last file was read (the link gate runs meanwhile).
_LAST_GATE = "last gate: private names in the files written"


def _stop_on_private_names(found, site: str) -> None:
    shown = display_path(site)
    raise BuildFailed([Problem(
        f"{shown}/{relative}", f"the new site was not published, because {why} (public: false).",
        hint="Every text is meant to be withheld before it is written, so a template or a field the "
        "build does not know let it through. Search the content and the directory for the name and "
        "remove it (an alias that is an ordinary word, such as 'June', cannot be withheld from "
        "dates), and report this file to whoever maintains the site's code.") for relative, why in found])
