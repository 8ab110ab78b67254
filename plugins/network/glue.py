"""Connects the network model to Pelican's signals."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from dataclasses import replace

from blinker import signal
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from . import outputs, parallel, split, stats
from .directory import FILES, load_directory
from .documents import resolve_document
from .errors import BuildFailed, CheckPassed, ContentError, ProblemLog
from .model import Network
from .names import report_names
from .privacy import lines_naming, withhold
from .reader import FrontMatterReader, display_path
from .source import decode

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
    _Build.problems = ProblemLog()
    stats.reset()


def _finished(pelican) -> None:
    split.finish()
    outputs.finish()
    stats.mark("written")
    stats.between("writing all pages (entity pages included)", "model ready", "written")


def add_reader(readers) -> None:
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def _read_directory(settings, problems):
    folder = os.path.join(settings["PATH"], settings["DIRECTORY_PATH"])
    texts = {}
    for filename, _ in FILES.values():
        full = os.path.join(folder, filename)
        if not os.path.exists(full):
            texts[filename] = None
            continue
        with open(full, "rb") as handle:
            try:
                texts[filename] = decode(handle.read(), display_path(full))
            except ContentError as exc:
                problems.extend(exc.problems)
                texts[filename] = ""
    return load_directory(texts, display_path(folder), problems)


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


def _withhold_private_names(content, document, names, replacement, problems, directory) -> None:
    """Replace private names in every text of one document; warn where they were typed."""
    replaced = 0
    done: dict[str, str] = {}  # the model's title and summary are the content's, mostly

    def hide(value):
        nonlocal replaced
        if not isinstance(value, str):
            return value
        if value not in done:
            done[value], count = withhold(value, names, replacement)
            replaced += count
        return done[value]

    for attr in ("_content", "title", "_summary"):
        if isinstance(getattr(content, attr, None), str):
            setattr(content, attr, hide(getattr(content, attr)))
    if "summary" in content.metadata:
        content.metadata["summary"] = hide(content.metadata["summary"])
    content.metadata["title"] = content.title
    document.title, document.summary = hide(document.title), hide(document.summary)
    _withhold_in_people(document, hide)
    if replaced:
        with open(content.source_path, encoding="utf-8-sig") as handle:
            lines = lines_naming(handle.read(), names)
        where = ", ".join(str(n) for n in lines) or "?"
        problems.warning(document.path, f"a private person's name was replaced by '{replacement}' "
                         f"(line {where}).", hint="They are marked 'public: false' in "
                         "content/directory/people.yml; remove the name from the text to silence this.")
    for person_id in list(document.people):
        if not directory.people[person_id].public:
            document.people.remove(person_id)
            problems.warning(document.path, f"'{person_id}' is private (public: false), so the document "
                             "is not tagged with them.", key="people", hint="Remove the id from 'people'.")
    if document.author and document.author.person_id and not directory.people[document.author.person_id].public:
        document.author = None


def _withhold_in_people(document, hide) -> None:
    """Guests written as free text (an author, a meeting's lists) are shown as typed: withheld."""
    def guest(ref):
        return replace(ref, text=hide(ref.text)) if ref is not None and ref.is_guest else ref

    document.author = guest(document.author)
    meeting = document.meeting
    if meeting is not None:
        meeting.chair, meeting.minutes_by = guest(meeting.chair), guest(meeting.minutes_by)
        for key in ("present", "in_attendance", "apologies"):
            setattr(meeting, key, [guest(ref) for ref in getattr(meeting, key)])


def build_network(generators) -> None:
    """Build the model, let every plugin add to it and check it, then stop on any error."""
    settings = generators[0].settings
    stats.mark("read")
    stats.between("pelican: reading and Markdown", "start", "read")
    with stats.timed("network: model and checks"):
        network, problems = _build_model(generators)
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
    network = Network(directory)
    files = _static_files(settings)
    replacement = settings["PRIVATE_NAME_REPLACEMENT"]
    for generator in generators:
        for content, is_page in _contents(generator):
            front_matter = content.metadata.get("front_matter")
            if front_matter is None:
                continue  # not written in our format (for example an HTML page)
            problems.extend(content.metadata.get("reader_problems", ()))  # HTML removed from the body
            document = resolve_document(
                content.metadata["basics"], front_matter, content.metadata["display_path"],
                directory, problems, is_page=is_page,
                minutes_category=settings["MINUTES_CATEGORY"], files=files,
            )
            document.url = content.url
            document.key = content.relative_source_path.replace(os.sep, "/")
            document.summary = content.metadata.get("summary", "")
            document.date = getattr(content, "date", None) or document.date
            content.doc = document
            _withhold_private_names(content, document, directory.names, replacement, problems, directory)
            if not document.draft:
                network.add(document)
        _drop_drafts(generator)
    network.documents.sort(key=lambda d: d.date, reverse=True)
    context["network"] = network
    return network, problems


def register():
    logging.getLogger("pelican.generators").addFilter(_ContentErrorFilter())
    signals.initialized.connect(fingerprint_cache)
    signals.readers_init.connect(add_reader)
    signals.get_writer.connect(outputs.writer_class)
    signals.article_generator_init.connect(start_build)
    signals.article_generator_init.connect(parallel.prepare_articles)
    signals.page_generator_init.connect(parallel.prepare_pages)
    signals.all_generators_finalized.connect(build_network)
    signals.finalized.connect(_finished)
