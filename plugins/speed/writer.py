"""Pelican's writer, which keeps a page of the previous build when what it is made from is unchanged.

Pelican's own pages (documents, lists, archives) come through ``write_file``: what a template reads
is found once per template by Jinja's own analysis of it and of every template it extends,
includes or imports (``template_reads``), and the page's digest is made of the values of those
variables (helpers are code, settings are in the site's fingerprint). A template that includes
another by a computed name is always rendered. Lists are paginated here, page by page, as Pelican
does, so that each page of a list is judged on its own.

Our page types' descriptions (``network.pages``) come through ``write_pages``, judged by their
inputs before their values are made.

Every page of the site, kept or rendered, in this process or the helper, is announced with
Pelican's ``content_written`` signal in the main process, as plugins expect.
"""

from __future__ import annotations

import json
import os

from jinja2 import meta
from network import build as builds
from network.build import write_whole
from network.versions import new_digest
from network.pages import Files, Page
from pelican import signals
from pelican.paginator import Paginator
from pelican.writers import Writer

from .fingerprints import FRAME

#: A variable a template reads that the page does not have.
_ABSENT = "<absent>"


class ReusingWriter(Writer):
    """Writes a page only when it cannot be kept from the previous build."""

    @property
    def _writing(self):
        return builds.of(self.settings).writing

    def write_pages(self, generator, descriptions) -> None:
        """Write what ``generator`` describes (see ``network.pages``), unless the helper does."""
        build = builds.of(self.settings)
        if generator in build.writing.delegated:
            return
        with build.stages.timed(generator.stage or type(generator).__name__):
            for description in descriptions:
                if isinstance(description, Files):
                    self._writing.write_files(description)
                else:
                    self._write_page(generator, description)

    def _write_page(self, generator, page: Page) -> None:
        writing = self._writing
        template = generator.get_template(page.template)
        digest = writing.digest_of(page, self._shared_values_read(template, page, generator.context))
        if writing.reused([page.save_as], digest):
            self._announce_kept(page.save_as, generator.context)
            return
        options = {"relative_urls": self.settings["RELATIVE_URLS"], "url": page.save_as[: -len("index.html")]}
        if page.inputs is not None:
            options["reuse_digest"] = digest
        self.write_file(page.save_as, template, generator.context, **options, **page.made_values())

    def _shared_values_read(self, template, page: Page, context) -> list:
        """The values every page shares (Pelican's context) that ``page``'s template reads besides
        its own: a page type's inputs say what its page shows, but a theme may show more (the
        newest document's title on every entity page, say), and the page must change with it.
        Our theme reads none but the menu, which the site's fingerprint counts already. A
        template that picks another by name at render time is judged by the inputs alone."""
        reads = template_reads(template, self._writing.template_reads) if page.inputs is not None else None
        if not reads:
            return []
        own = page.values if not callable(page.values) else {}
        return [(name, context[name]) for name in sorted(reads)
                if name in context and name not in own and name not in self.settings and name != FRAME]

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        # A page judged by its inputs before its values were made gives its digest (None: not
        # reusable); it has been tried already.
        given = kwargs.pop("reuse_digest", False)
        memo = self._writing.memo
        if memo is None or not name or override_output:
            return self._render(name, template, context, relative_urls, paginated, template_name,
                                override_output, url, kwargs)
        if given is not False:
            self._render(name, template, context, relative_urls, paginated, template_name, override_output, url,
                         kwargs)
            if given is not None:
                memo.record(_relative(name), given)
            return None
        if paginated is None:
            paginated = {key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            for page_name, page_values in self._pages(name, url, paginated, template_name, kwargs):
                self._write_reusing(page_name, template, context, relative_urls, None, page_values)
            return None
        self._write_reusing(name, template, context, relative_urls, url, kwargs)
        return None

    def _pages(self, name, url, paginated, template_name, kwargs):
        """(file, values) of every page of a paginated list, exactly as Pelican's writer makes them."""
        per_page = self.settings["PAGINATED_TEMPLATES"][template_name] or self.settings["DEFAULT_PAGINATION"]
        paginators = {key: Paginator(name, url, value, self.settings, per_page) for key, value in paginated.items()}
        for number in range(next(iter(paginators.values())).num_pages):
            values = kwargs.copy()
            for key, paginator in paginators.items():
                page = paginator.page(number + 1)
                values.update({
                    f"{key}_paginator": paginator,
                    f"{key}_page": page,
                    f"{key}_previous_page": paginator.page(number) if number > 0 else None,
                    f"{key}_next_page": paginator.page(number + 2) if number + 1 < paginator.num_pages else None,
                })
            yield page.save_as, values

    def _write_reusing(self, name, template, context, relative_urls, url, values):
        writing = self._writing
        path = _relative(name)
        page_digest = self._digest(template, path, relative_urls, url, context, values)
        full = os.path.join(self.output_path, path)
        if page_digest is not None and full not in self._written_files and writing.memo.reuse(path, page_digest):
            self._announce_kept(path, context)
            return
        # paginated={}: one page, already cut (see _pages)
        self._render(name, template, context, relative_urls, {}, None, False, url, values)
        if page_digest is not None:
            writing.memo.record(path, page_digest)

    def _digest(self, template, path, relative_urls, url, context, values) -> str | None:
        writing = self._writing
        reads = template_reads(template, writing.template_reads)
        if reads is None:
            return None
        if not writing.pages_digested:
            writing.digest_pages_of_documents()
        settings = self.settings
        read = [(variable, values[variable] if variable in values else context.get(variable, _ABSENT))
                for variable in sorted(reads) if variable not in settings]
        return writing.digest(writing.full, ("page", template.name, path, relative_urls, url, read))

    def _announce_kept(self, path: str, context) -> None:
        """A page kept from the previous build is written as far as anyone can tell: say so, as
        Pelican does for the pages it renders (its values were never made: plugins get the
        site's context)."""
        full = os.path.join(self.output_path, _relative(path))
        self._written_files.add(full)
        signals.content_written.send(full, context=context)

    def _render(self, name, template, context, relative_urls, paginated, template_name, override_output, url,
                values):
        for hook in builds.of(self.settings).before_rendering:
            hook(values)
        self._unlink_shared(name)
        return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                  override_output, url, **values)

    def _unlink_shared(self, name) -> None:
        """Never write through a hard link: it would change the previous build's file too."""
        memo = self._writing.memo
        if not name or memo is None or not memo.linked:
            return
        path = _relative(name)
        if path in memo.linked:
            os.unlink(os.path.join(self.output_path, path))
            memo.linked.discard(path)

    def pages_written(self) -> list[str]:
        """Every page this writer wrote or kept, inside the output folder."""
        return sorted(os.path.relpath(full, self.output_path) for full in self._written_files)


def template_reads(template, known: dict) -> frozenset | None:
    """Every variable ``template`` may read (besides the environment's helpers), with the templates
    it extends, includes and imports; None when one of them is chosen at render time. ``known``
    keeps the answers of this build (a theme may change between two builds of one process)."""
    env = template.environment
    key = (id(env), template.name)
    if key not in known:
        names: set = set()
        seen: set = set()
        waiting = [template.name]
        while waiting:
            current = waiting.pop()
            if current in seen:
                continue
            seen.add(current)
            read, referenced = _one_template(env, current, known)
            names |= read
            if None in referenced:
                names = None
                break
            waiting.extend(referenced)
        known[key] = None if names is None else frozenset(names - set(env.globals))
    return known[key]


def _one_template(env, name: str, known: dict) -> tuple[frozenset, tuple]:
    """What one template file reads and which templates it names, parsed once per build (the
    base template is part of every page type's) and kept by its text between builds (see
    ``TemplateMemo``): parsing them was half a second of every rebuild."""
    source = env.loader.get_source(env, name)[0]
    # The syntax the environment reads it with counts too: other delimiters, other variables.
    syntax = repr((env.block_start_string, env.block_end_string, env.variable_start_string,
                   env.variable_end_string, env.comment_start_string, env.comment_end_string,
                   env.line_statement_prefix, env.line_comment_prefix, sorted(env.extensions)))
    digest = new_digest(f"{syntax}\0{source}".encode("utf-8", "surrogatepass")).hexdigest()
    key = (_USED, name, digest)
    if key not in known:
        kept = known.get((_KEPT, name, digest))
        if kept is None:
            tree = env.parse(source)
            kept = (frozenset(meta.find_undeclared_variables(tree)), tuple(meta.find_referenced_templates(tree)))
        known[key] = kept
    return known[key]


#: The kinds of entry ``_one_template`` keeps in ``known``: a template file used in this build,
#: and one read from the memo (kept for the next build only if this one uses it too).
_USED, _KEPT = "file", "kept"


class TemplateMemo:
    """What each template file read and named, by its text, in a JSON file of the cache: the
    files used in the last build, by the main process or the helper (``known``: the table of
    ``template_reads``). A file changed, or no longer used, is dropped."""

    @classmethod
    def load(cls, path: str | None) -> dict:
        if not path:  # nothing is kept (no cache, or no published folder)
            return {}
        try:
            with open(path, encoding="utf-8") as handle:
                return cls.load_entries(json.load(handle), _KEPT)
        except (OSError, ValueError, RecursionError):  # none yet, or not ours: parsed again
            return {}

    @staticmethod
    def load_entries(entries, kind: str = _USED) -> dict:
        """``entries`` as saved; what is not shaped as they are is left out (parsed again)."""
        loaded = {}
        for entry in entries if isinstance(entries, list) else ():
            if not (isinstance(entry, list) and len(entry) == 4):
                continue
            name, digest, reads, named = entry
            if (isinstance(name, str) and isinstance(digest, str) and isinstance(reads, list)
                    and isinstance(named, list) and all(isinstance(read, str) for read in reads)
                    and all(each is None or isinstance(each, str) for each in named)):
                loaded[(kind, name, digest)] = (frozenset(reads), tuple(named))
        return loaded

    @staticmethod
    def entries(known: dict) -> list:
        """The files used in this build, to save (or to send from the helper)."""
        kept = []
        for key, value in known.items():
            if key[0] == _USED:
                (_, name, digest), (reads, named) = key, value
                kept.append([name, digest, sorted(reads), list(named)])
        return sorted(kept)

    @staticmethod
    def save(path: str | None, entries: list) -> None:
        if path:
            write_whole(path, json.dumps(entries).encode("utf-8"))


def _relative(name: str) -> str:
    return os.path.normpath(name).replace(os.sep, "/")
