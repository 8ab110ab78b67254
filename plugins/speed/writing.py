"""The writing layer's part of one build: the memo of the previous build's files, the digests of
this build's documents, and what the helper process took on.

A file is reused when the digest of what it is made from equals the one recorded for it last time
(see ``speed.reuse``); otherwise it is rendered and recorded. Nothing is reused unless the build
writes into a fresh folder beside the previous site (``REUSE_OUTPUT_FROM``) with the content cache on.
"""

from __future__ import annotations

import logging
import os

from network.pages import Files, Page
from network import build as builds
from network.build import memo_path

from .fingerprints import FRAME, content_digest, fingerprint_documents, site_fingerprint
from .reuse import Entry, Fingerprinter, OutputMemo, Unfingerprintable
from .writer import TemplateMemo

logger = logging.getLogger(__name__)


class Writing:
    """What the writing layer knows during one build."""

    def __init__(self, output_path: str):
        self.output_path = output_path
        self.memo: OutputMemo | None = None  # None: nothing is reused or recorded
        self.memo_file = ""
        self.templates_file: str | None = None  # what each template reads (``writer.TemplateMemo``)
        self.salt = ""  # the site's fingerprint, part of every digest
        self.full: Fingerprinter | None = None  # documents in full
        self.listed: Fingerprinter | None = None  # documents as lists show them
        self.contents: list = []  # every content object with a document
        #: Whether each content object is digested as its own page shows it yet (or as lists do).
        self.pages_digested = False
        #: Template name -> the variables it may read (None: a template chosen at render time).
        self.template_reads: dict = {}
        #: Generators the helper process writes (the main process skips them).
        self.delegated: list = []
        #: The helper process, while it writes, what it may take and the queue it takes from
        #: (see ``speed.helper``).
        self.helper = None
        self.helper_part: list = []
        self.helper_queue = None
        #: The context Pelican shares with every template (given to ``content_written``).
        self.context: dict = {}

    @classmethod
    def start(cls, generators, settings, contents) -> Writing:
        """Before anything is written: fingerprint the site and every document; load the memo."""
        writing = cls(settings["OUTPUT_PATH"])
        writing.context = generators[0].context
        previous = settings.get("REUSE_OUTPUT_FROM")
        if not settings.get("CACHE_CONTENT") or previous is None:
            return writing
        # The main menu is in every page's frame and follows from the content (a kind of document
        # with none yet is left out of it): it counts as part of the site, as the theme does.
        writing.salt = site_fingerprint(settings, {c.doc.key for c in contents}, builds.of(settings).content_stamps,
                                        frame=writing.context.get(FRAME, ()))
        writing.full, writing.listed = fingerprint_documents(contents)
        writing.contents = list(contents)
        writing.memo_file = memo_path(settings, "outputs.pickle")
        writing.memo = OutputMemo.load(writing.memo_file, previous, settings["OUTPUT_PATH"])
        writing.templates_file = memo_path(settings, "template-reads.json")
        writing.template_reads.update(TemplateMemo.load(writing.templates_file))
        return writing

    def digest_of(self, description: Page | Files, shared: list = ()) -> str | None:
        """The digest of a described page or group of files (None: never reused); ``shared``:
        the values every page shares that a page's template reads besides its own."""
        if description.inputs is None:
            return None
        fingerprinter = self.listed if getattr(description, "as_listed", False) else self.full
        return self.digest(fingerprinter, (*description.inputs, ("shared", shared)) if shared else description.inputs)

    def digest(self, fingerprinter, values) -> str | None:
        if fingerprinter is None or self.memo is None:
            return None
        try:
            return fingerprinter.digest(self.salt, *values)
        except Unfingerprintable as exc:
            logger.debug("not reusable: %s", exc)
            return None

    def reused(self, paths, digest: str | None) -> bool:
        """Whether ``paths`` (files made together) were put in place from the previous build."""
        return self.memo is not None and digest is not None and self.memo.reuse_all(list(paths), digest)

    def write_files(self, files: Files) -> None:
        """Keep files a generator makes itself from the previous build, or make and write them."""
        digest = self.digest_of(files)
        if self.reused(files.paths, digest):
            return
        for path, data in files.make().items():
            self.write_bytes(path, data, digest)

    def write_bytes(self, path: str, data: bytes, digest: str | None) -> None:
        """Write a file a generator made itself, recorded for the next build."""
        if self.memo is not None:
            self.memo.write_bytes(path, data, digest)
            return
        full = os.path.join(self.output_path, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as handle:
            handle.write(data)

    def digest_pages_of_documents(self) -> None:
        """Digest every content object as its own page shows it, once, when the first page is
        judged: what only that page shows (its related documents) is made after the helper
        process has started (see the pipeline)."""
        for content in self.contents:
            self.full.known[id(content)] = content_digest(content, self.full, self.listed)
        self.pages_digested = True

    def lists_only(self) -> None:
        """In the helper process, which writes no document page, and in the main process once
        every document page is written: a content object appears in lists only, so it counts as
        its document, in full (its text makes its summary). A list's digest is the same in
        either process."""
        if self.full is not None:
            for content in self.contents:
                self.full.known[id(content)] = self.full.known[id(content.doc)]
        self.pages_digested = True

    def files_written(self) -> dict:
        """What this process wrote or reused, for the main process (see ``merge``)."""
        memo = self.memo
        if memo is None:
            return {}
        return {"entries": {path: tuple(entry) for path, entry in memo.new.items()},
                "reused": memo.reused, "rendered": memo.rendered,
                "templates": TemplateMemo.entries(self.template_reads)}

    def merge(self, files: dict) -> None:
        """Take in what the helper process wrote or reused."""
        if self.memo is None or not files:
            return
        for path, values in files["entries"].items():
            self.memo.new[path] = Entry(*values)
        self.memo.reused += files["reused"]
        self.memo.rendered += files["rendered"]
        self.template_reads.update(TemplateMemo.load_entries(files["templates"]))

    def finish(self) -> None:
        """After everything is written: keep the memo for the next build."""
        if self.memo is None:
            return
        self.memo.save(self.memo_file)
        TemplateMemo.save(self.templates_file, TemplateMemo.entries(self.template_reads))
        logger.info("%d files reused unchanged, %d written", self.memo.reused, self.memo.rendered)

    def site_unchanged(self) -> bool:
        """Whether the site it replaces was made from the same settings, theme, code and directory
        (its fingerprint is part of every page's digest, so a page reused says so)."""
        return self.memo is not None and self.memo.reused > 0

    def summary(self) -> str:
        if self.memo is None or not self.memo.reused:
            return ""
        return f"{self.memo.reused:,} unchanged files reused, {self.memo.rendered:,} written"
