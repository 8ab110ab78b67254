"""The base of every generator that writes pages from the network model, and what it gives the
writing layer: ``Page`` and ``Files`` (see ``network.pages``)."""

from __future__ import annotations

from typing import Iterable

from pelican.generators import Generator

from .pages import Files, Page

__all__ = ["Files", "NetworkGenerator", "Page", "contents_with_documents"]


class NetworkGenerator(Generator):
    """Describes its pages (see ``network.pages``) once the model is complete; the writing layer
    writes them, and times them as one stage of the build."""

    #: The stage's name in `tools/build.py --timings` and the benchmark (default: the class's name).
    stage = ""

    def generate_output(self, writer):
        network = self.context.get("network")
        if network is not None:
            writer.write_pages(self, self.describe(network))

    def describe(self, network) -> Iterable[Page | Files]:
        raise NotImplementedError


def contents_with_documents(generators):
    """Every published content object written in our format (it has a document), of every
    generator: articles, pages, their translations, hidden ones; never drafts."""
    for generator in generators:
        for group in ("articles", "translations", "pages", "hidden_articles", "hidden_pages"):
            for content in getattr(generator, group, []) or []:
                if getattr(content, "doc", None) is not None:
                    yield content
