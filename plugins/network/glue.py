"""Connects the network model to Pelican's signals."""

from __future__ import annotations

import logging
import os
import shutil
import sys

from blinker import signal
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from . import outputs, parallel, split, stats
from .addresses import address_clashes, claims_of, is_not_pelicans_slug_warning
from .directory import FILES, load_directory, report_unread_files
from .documents import report_size, resolve_document
from .contentfiles import check_content_folder
from .errors import BuildFailed, CheckPassed, ContentError, Problem, ProblemLog
from .gate import scan_site
from .model import Network
from .names import report_names
from .reader import FrontMatterReader, display_path
from .withholding import check_addresses, check_directory_names, withhold_in_directory, withhold_in_document

logger = logging.getLogger(__name__)

#: Sent once per build, after the model is complete and before anything is written:
#: ``network_ready.send(network, generators=[...], problems=ProblemLog)``. Receivers add
#: their own problems to ``problems``; the build stops after all of them ran if any is an error.
network_ready = signal("network-ready")

#: Sent once per build in the process that writes the document pages, after the helper process
#: (if any) has started writing the others: ``main_writing.send(network, generators=[...])``.
#: Work that only document pages need goes here, so the helper does not wait for it.
main_writing = signal("main-writing")


class _Build:
    """The problems of the build in progress (one Pelican run at a time per process)."""

    problems = ProblemLog()
    names = None  # the name engine of the build in progress, for the last gate


class _ContentErrorFilter(logging.Filter):
    """Pelican logs "Could not process" for a reader's exception; ours go to the report instead.

    Pelican logs from inside its ``except`` block, so the exception is the one being handled.
    """

    def filter(self, record):
        exc = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        if isinstance(exc, ContentError):
            _Build.problems.extend(exc.problems)
            return False
        return True


#: What the reader's output depends on besides the file itself; a change to any of them must
#: never be answered from Pelican's content cache.
_READER_SETTINGS = ("PATH", "ARTICLE_PATHS", "PAGE_PATHS", "CATEGORY_BY_FOLDER", "MARKDOWN", "ALLOW_RAW_HTML")


def fingerprint_cache(pelican) -> None:
    """Give Pelican's content cache a folder per version of our reader and its settings.

    Pelican invalidates cached files by their modification time only; it cannot know that our
    reader changed. Older fingerprints are removed.
    """
    import hashlib

    import markdown
    import nh3
    import pelican as pelican_package

    from . import documents, reader, sanitise, source, yamltext

    settings = pelican.settings
    if not settings.get("CACHE_CONTENT"):
        return
    digest = hashlib.sha256()
    for module in (source, yamltext, documents, reader, sanitise):
        with open(module.__file__, "rb") as handle:
            digest.update(handle.read())
    digest.update(repr([(key, settings.get(key)) for key in _READER_SETTINGS]).encode())
    digest.update(f"{markdown.__version__} {pelican_package.__version__} {nh3.__version__}".encode())
    base = settings["CACHE_PATH"]
    current = digest.hexdigest()[:16]
    if os.path.isdir(base):
        for name in os.listdir(base):
            if name != current:
                shutil.rmtree(os.path.join(base, name), ignore_errors=True)
    settings["CACHE_PATH"] = os.path.join(base, current)


def start_build(generator) -> None:
    """Before Pelican walks the content folder: a link out of it stops the build at once."""
    _Build.problems, _Build.names = ProblemLog(), None
    stats.reset()
    settings = generator.settings
    folders = [*settings["ARTICLE_PATHS"], *settings["PAGE_PATHS"]]
    if settings.get("NEWSLETTER_NOTES_PATH"):
        folders.append(settings["NEWSLETTER_NOTES_PATH"])
    if not check_content_folder(settings["PATH"], folders, display_path, _Build.problems):
        raise BuildFailed(_Build.problems.errors)


def _finished(pelican) -> None:
    split.finish()
    _last_gate(pelican.settings)
    outputs.finish()
    stats.mark("written")
    stats.between("writing all pages (entity pages included)", "model ready", "written")


def _last_gate(settings) -> None:
    """No file of the new site names a private person (see ``gate``), or nothing is published."""
    names = _Build.names
    if names is None or not names.private_claims():
        return
    staging, previous = settings["OUTPUT_PATH"], settings.get("REUSE_OUTPUT_FROM")
    with stats.timed("last gate: private names in the files written"):
        found, read = scan_site(staging, previous, names, settings.get("WRITE_PROCESSES") or os.cpu_count() or 1)
    logger.info("The last gate read %d files written in this build.", read)
    if found:
        shown = display_path(previous or staging)
        raise BuildFailed([Problem(
            f"{shown}/{relative}", f"the new site was not published, because {why} (public: false).",
            hint="Every text is meant to be withheld before it is written, so a template or a field the "
            "build does not know let it through. Search the content and the directory for the name and "
            "remove it (an alias that is an ordinary word, such as 'June', cannot be withheld from "
            "dates), and report this file to whoever maintains the site's code.") for relative, why in found])


def add_reader(readers) -> None:
    """Ours is the only reader: Pelican's HTML and reStructuredText readers would publish a file
    without our checks or withholding (such files are reported by ``contentfiles``)."""
    for extension in list(readers.reader_classes):
        if extension != "static":  # the static files' reader only copies them
            readers.reader_classes[extension] = None
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def _read_directory(settings, problems):
    folder = os.path.join(settings["PATH"], settings["DIRECTORY_PATH"])
    contents = {}
    for filename, _ in FILES.values():
        full = os.path.join(folder, filename)
        if os.path.exists(full):
            with open(full, "rb") as handle:
                contents[filename] = handle.read()
    return load_directory(contents, display_path(folder), problems)


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


def build_network(generators) -> None:
    """Build the model, let every plugin add to it and check it, then stop on any error."""
    settings = generators[0].settings
    stats.mark("read")
    stats.between("pelican: reading and Markdown", "start", "read")
    with stats.timed("network: model and checks"):
        network, problems = _build_model(generators)
    _Build.names = network.directory.names
    network_ready.send(network, generators=generators, problems=problems)
    stats.mark("model ready")
    for problem in problems.warnings:
        logger.warning(problem.format())
    if problems.errors:
        raise BuildFailed(problems.errors)
    if settings.get("CHECK_ONLY"):
        raise CheckPassed(len(problems.warnings))
    with stats.timed("network: fingerprints for reusing unchanged pages"):
        outputs.start(generators, settings)
    split.start(generators, settings)
    main_writing.send(network, generators=generators)


def _build_model(generators):
    settings = generators[0].settings
    context = generators[0].context
    problems = _Build.problems
    directory = _read_directory(settings, problems)
    folder = display_path(os.path.join(settings["PATH"], settings["DIRECTORY_PATH"]))
    report_names(directory.names, problems, folder)
    replacement = settings["PRIVATE_NAME_REPLACEMENT"]
    check_directory_names(directory, problems, folder)
    withhold_in_directory(directory, replacement, problems, folder)
    network = Network(directory)
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
            report_size(document.path, os.path.getsize(content.source_path), problems)
            document.url = content.url
            document.key = content.relative_source_path.replace(os.sep, "/")
            document.summary = content.metadata.get("summary", "")
            document.date = getattr(content, "date", None) or document.date
            content.doc = document
            withhold_in_document(content, document, directory.names, replacement, problems, directory)
            if not document.draft:
                network.add(document)
                addresses.append((document.path, None, content.url))
        _drop_drafts(generator)
    report_unread_files(directory, folder, problems)
    check_addresses(addresses, directory, problems)
    problems.extend(address_clashes(claims_of(generators, settings)))
    network.documents.sort(key=lambda d: d.date, reverse=True)
    context["network"] = network
    return network, problems


def register():
    logging.getLogger("pelican.generators").addFilter(_ContentErrorFilter())
    logging.getLogger("pelican.utils").addFilter(is_not_pelicans_slug_warning)
    signals.initialized.connect(fingerprint_cache)
    signals.readers_init.connect(add_reader)
    signals.get_writer.connect(outputs.writer_class)
    signals.article_generator_init.connect(start_build)
    signals.article_generator_init.connect(parallel.prepare_articles)
    signals.page_generator_init.connect(parallel.prepare_pages)
    signals.all_generators_finalized.connect(build_network)
    signals.finalized.connect(_finished)
