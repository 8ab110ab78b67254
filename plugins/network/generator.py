"""The base of every generator that writes pages from the network model, and what it gives the
writing layer: ``Page`` and ``Files`` (see ``network.pages``)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Callable, Iterable, Mapping

from pelican import signals
from pelican.generators import Generator

from .pages import Files, Page

__all__ = ["Files", "NetworkGenerator", "Page", "contents_with_documents", "set_template_globals"]


class NetworkGenerator(Generator):
    """Describes its pages (see ``network.pages``) once the model is complete; the writing layer
    writes them, and times them as one stage of the build."""

    #: The stage's name in `tools/build.py --timings` and the benchmark (default: the class's name).
    stage = ""
    #: The functions and filters this page type's templates call, by name.
    template_globals: Mapping[str, Callable] = MappingProxyType({})
    template_filters: Mapping[str, Callable] = MappingProxyType({})

    @classmethod
    def register(cls) -> None:
        """Connect the page type to Pelican: its generator, and what its templates call. (Bound to
        the class, the receivers are the same each time, so registering twice connects once.)"""
        signals.get_generators.connect(cls._generator_for)
        signals.initialized.connect(cls._add_template_helpers)

    @classmethod
    def _generator_for(cls, pelican):
        return cls

    @classmethod
    def _add_template_helpers(cls, pelican) -> None:
        pelican.settings.setdefault("JINJA_GLOBALS", {}).update(cls.template_globals)
        pelican.settings.setdefault("JINJA_FILTERS", {}).update(cls.template_filters)

    def generate_output(self, writer):
        network = self.context.get("network")
        if network is not None:
            writer.write_pages(self, self.describe(network))

    def describe(self, network) -> Iterable[Page | Files]:
        raise NotImplementedError


def set_template_globals(generators, **values) -> None:
    """Give every generator's templates these values for this build (helpers made with the model)."""
    for generator in generators:
        env = getattr(generator, "env", None)
        if env is not None:
            env.globals.update(values)


def contents_with_documents(generators):
    """Every published content object written in our format (it has a document), of every
    generator: articles, pages, their translations, hidden ones; never drafts."""
    for generator in generators:
        for group in ("articles", "translations", "pages", "hidden_articles", "hidden_pages"):
            for content in getattr(generator, group, []) or []:
                if getattr(content, "doc", None) is not None:
                    yield content
